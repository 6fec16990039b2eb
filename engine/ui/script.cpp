#include "ui/script.hpp"

#include "ui/keys.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <sstream>

namespace sightline::ui {

namespace {

std::vector<std::string> words(std::string_view line) {
    std::vector<std::string> out;
    std::istringstream in{std::string(line)};
    std::string w;
    while (in >> w) {
        out.push_back(w);
    }
    return out;
}

std::string rest_after_first(std::string_view line) {
    std::size_t i = line.find_first_not_of(" \t");
    i = line.find_first_of(" \t", i);
    if (i == std::string_view::npos) {
        return {};
    }
    i = line.find_first_not_of(" \t", i);
    std::string_view rest = i == std::string_view::npos ? std::string_view{} : line.substr(i);
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '\r')) {
        rest.remove_suffix(1);
    }
    return std::string(rest);
}

struct Simple {
    const char* word;
    IntentKind kind;
};
constexpr Simple kSimple[] = {
    {"begin", IntentKind::Begin},     {"continue", IntentKind::Continue},
    {"back", IntentKind::Back},       {"retry", IntentKind::Retry},
    {"help", IntentKind::ToggleHelp}, {"switch-learner", IntentKind::SwitchLearner},
    {"quit", IntentKind::Quit},       {"projector", IntentKind::ToggleProjector},
    {"attest", IntentKind::Attest},   {"issue-certificate", IntentKind::IssueCertificate},
};

struct WithId {
    const char* word;
    IntentKind kind;
};
constexpr WithId kWithId[] = {
    {"course", IntentKind::OpenCourse},
    {"start", IntentKind::StartScenario},
    {"resume", IntentKind::ResumeScenario},
    {"choose", IntentKind::Choose},
    {"select-learner", IntentKind::SelectLearner},
    {"run-in-classroom", IntentKind::ClassroomSetup},
    {"language", IntentKind::SetLanguage},
};

} // namespace

Script parse_script(std::string_view text) {
    Script script;
    std::size_t line_number = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_number;
        const std::vector<std::string> w = words(line);
        if (w.empty() || w[0][0] == '#') {
            continue;
        }
        const auto fail = [&](const std::string& why) {
            script.error = "line " + std::to_string(line_number) + ": " + why;
            return script;
        };
        ScriptStep step;
        step.line = line_number;
        const std::string& verb = w[0];
        bool known = false;
        for (const Simple& s : kSimple) {
            if (verb == s.word) {
                if (w.size() != 1) {
                    return fail("'" + verb + "' takes nothing after it");
                }
                step.intent.kind = s.kind;
                known = true;
            }
        }
        for (const WithId& s : kWithId) {
            if (verb == s.word) {
                if (w.size() != 2) {
                    return fail("'" + verb + "' needs one id");
                }
                step.intent.kind = s.kind;
                step.intent.id = w[1];
                known = true;
            }
        }
        if (known) {
            // done above
        } else if (verb == "learner") {
            const std::string name = rest_after_first(line);
            if (name.empty()) {
                return fail("'learner' needs a name");
            }
            step.intent.kind = IntentKind::CreateLearner;
            step.intent.learner.name = name;
        } else if (verb == "classroom-start" || verb == "classroom-start-with-phones") {
            // classroom-start HEADCOUNT SESSION NAME...
            int count = -1;
            const bool ok =
                w.size() >= 3 &&
                std::from_chars(w[1].data(), w[1].data() + w[1].size(), count).ec == std::errc() &&
                count >= 0;
            if (!ok) {
                return fail("'" + w[0] + "' needs a head count and a session name");
            }
            step.intent.kind = IntentKind::StartClassroom;
            step.intent.classroom.phones = verb == "classroom-start-with-phones";
            step.intent.classroom.head_count = count;
            step.intent.classroom.name = rest_after_first(rest_after_first(line));
        } else if (verb == "classroom") {
            const std::optional<ClassroomStep> classroom_step =
                w.size() >= 2 ? parse_classroom_step(w[1]) : std::nullopt;
            if (w.size() >= 2 && !classroom_step) {
                std::string known_steps;
                for (const ClassroomStep s : classroom_steps()) {
                    known_steps +=
                        (known_steps.empty() ? "" : ", ") + std::string(classroom_step_word(s));
                }
                return fail("'classroom' has no step '" + w[1] + "'; the steps are " + known_steps);
            }
            int index = -1;
            const bool ok = (w.size() == 2 || w.size() == 3) && classroom_step &&
                            (w.size() == 2 ||
                             (std::from_chars(w[2].data(), w[2].data() + w[2].size(), index).ec ==
                                  std::errc() &&
                              index >= 0));
            if (!ok) {
                return fail("'classroom' needs a step such as forward, reveal or pick 2");
            }
            step.intent.kind = IntentKind::Classroom;
            step.intent.step = *classroom_step;
            step.intent.index = index;
        } else if (verb == "answer") {
            if (w.size() < 2) {
                return fail("'answer' needs at least one option id");
            }
            step.intent.kind = IntentKind::Answer;
            step.intent.ids.assign(w.begin() + 1, w.end());
        } else if (verb == "theme") {
            const auto theme = w.size() == 2 ? parse_theme(w[1]) : std::nullopt;
            if (!theme) {
                return fail("'theme' needs light, dark or high-contrast");
            }
            step.intent.kind = IntentKind::SetTheme;
            step.intent.theme = *theme;
        } else if (verb == "scale") {
            int scale = 0;
            const bool ok =
                w.size() == 2 &&
                std::from_chars(w[1].data(), w[1].data() + w[1].size(), scale).ec == std::errc() &&
                scale >= 100 && scale <= 250;
            if (!ok) {
                return fail("'scale' needs a percentage from 100 to 250");
            }
            step.intent.kind = IntentKind::SetScale;
            step.intent.scale = scale;
        } else if (verb == "key" || verb == "projector-key") {
            if (w.size() != 2 || !key_for_name(w[1], KeyCodes{})) {
                return fail("'" + verb +
                            "' needs a key name such as 1, enter, escape, tab, down or ctrl+=");
            }
            step.key = w[1];
            step.on_projector = verb == "projector-key";
        } else {
            return fail("unknown step '" + verb + "'");
        }
        script.steps.push_back(std::move(step));
    }
    return script;
}

namespace {

struct StepWord {
    ClassroomStep step;
    std::string_view word;
};

// In the order of the enum (checked below), one word each.
constexpr std::array kStepWords = {
    StepWord{ClassroomStep::Forward, "forward"},
    StepWord{ClassroomStep::Back, "back"},
    StepWord{ClassroomStep::Discuss, "discuss"},
    StepWord{ClassroomStep::OpenVoting, "open-voting"},
    StepWord{ClassroomStep::Select, "select"},
    StepWord{ClassroomStep::VoteUp, "vote-up"},
    StepWord{ClassroomStep::VoteDown, "vote-down"},
    StepWord{ClassroomStep::Lock, "lock"},
    StepWord{ClassroomStep::Unlock, "unlock"},
    StepWord{ClassroomStep::Reveal, "reveal"},
    StepWord{ClassroomStep::Majority, "majority"},
    StepWord{ClassroomStep::Pick, "pick"},
    StepWord{ClassroomStep::Confirm, "confirm"},
    StepWord{ClassroomStep::GoBack, "go-back"},
    StepWord{ClassroomStep::ToggleView, "toggle-view"},
    StepWord{ClassroomStep::Leave, "leave"},
    StepWord{ClassroomStep::LeaveConfirm, "leave-confirm"},
    StepWord{ClassroomStep::LeaveCancel, "leave-cancel"},
    StepWord{ClassroomStep::LockLobby, "lock-lobby"},
    StepWord{ClassroomStep::UnlockLobby, "unlock-lobby"},
    StepWord{ClassroomStep::RemovePhone, "remove-phone"},
    StepWord{ClassroomStep::ResetPhoneVotes, "reset-phone-votes"},
    StepWord{ClassroomStep::ShowJoinCode, "show-join-code"},
    StepWord{ClassroomStep::HideJoinCode, "hide-join-code"},
};

constexpr bool step_words_in_enum_order() {
    for (std::size_t i = 0; i < kStepWords.size(); ++i) {
        if (static_cast<std::size_t>(kStepWords[i].step) != i) {
            return false;
        }
    }
    return static_cast<std::size_t>(ClassroomStep::HideJoinCode) + 1 == kStepWords.size();
}
static_assert(step_words_in_enum_order(), "one word per ClassroomStep, in the enum's order");

constexpr std::array<ClassroomStep, kStepWords.size()> kSteps = [] {
    std::array<ClassroomStep, kStepWords.size()> steps{};
    for (std::size_t i = 0; i < kStepWords.size(); ++i) {
        steps[i] = kStepWords[i].step;
    }
    return steps;
}();

} // namespace

std::span<const ClassroomStep> classroom_steps() {
    return kSteps;
}

bool is_phone_step(ClassroomStep step) {
    return step >= ClassroomStep::LockLobby && step <= ClassroomStep::HideJoinCode;
}

std::string_view classroom_step_word(ClassroomStep step) {
    const auto i = static_cast<std::size_t>(step);
    return i < kStepWords.size() ? kStepWords[i].word : std::string_view("unknown");
}

std::optional<ClassroomStep> parse_classroom_step(std::string_view word) {
    for (const StepWord& s : kStepWords) {
        if (s.word == word) {
            return s.step;
        }
    }
    return std::nullopt;
}

std::string describe(const Intent& intent) {
    switch (intent.kind) {
    case IntentKind::None:
        return "none";
    case IntentKind::SelectLearner:
        return "select-learner " + intent.id;
    case IntentKind::CreateLearner:
        return "learner " + intent.learner.name;
    case IntentKind::SwitchLearner:
        return "switch-learner";
    case IntentKind::OpenCourse:
        return "course " + intent.id;
    case IntentKind::StartScenario:
        return "start " + intent.id;
    case IntentKind::ResumeScenario:
        return "resume " + intent.id;
    case IntentKind::Begin:
        return "begin";
    case IntentKind::Choose:
        return "choose " + intent.id;
    case IntentKind::Answer: {
        std::string out = "answer";
        for (const std::string& id : intent.ids) {
            out += " " + id;
        }
        return out;
    }
    case IntentKind::Continue:
        return "continue";
    case IntentKind::Retry:
        return "retry";
    case IntentKind::Back:
        return "back";
    case IntentKind::Attest:
        return "attest";
    case IntentKind::IssueCertificate:
        return "issue-certificate";
    case IntentKind::ToggleHelp:
        return "help";
    case IntentKind::ClassroomSetup:
        return "run-in-classroom " + intent.id;
    case IntentKind::StartClassroom:
        return (intent.classroom.phones ? "classroom-start-with-phones " : "classroom-start ") +
               std::to_string(intent.classroom.head_count) + " " + intent.classroom.name;
    case IntentKind::Classroom:
        return "classroom " + std::string(classroom_step_word(intent.step)) +
               (intent.index >= 0 ? " " + std::to_string(intent.index) : std::string());
    case IntentKind::ScaleUp:
        return "scale-up";
    case IntentKind::ScaleDown:
        return "scale-down";
    case IntentKind::SetScale:
        return "scale " + std::to_string(intent.scale);
    case IntentKind::SetTheme:
        return "theme " + std::string(theme_name(intent.theme));
    case IntentKind::SetLanguage:
        return "language " + intent.id;
    case IntentKind::ToggleProjector:
        return "projector";
    case IntentKind::Quit:
        return "quit";
    }
    return "none";
}

} // namespace sightline::ui
