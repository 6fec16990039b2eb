#include "textplay/player.hpp"

#include "i18n/i18n.hpp"
#include "model/link.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <thread>

namespace sightline::textplay {

namespace {

using i18n::tr;
using i18n::tr_n;

std::string range_hint(std::size_t count) {
    // TRANSLATORS: {1} is the number of answers shown (2 or more).
    return count == 1 ? std::string(tr("Type 1."))
                      : i18n::format(tr("Type a number from 1 to {1}."), {std::to_string(count)});
}

std::string number(std::size_t i) {
    return std::to_string(i) + ". ";
}

std::string signed_number(std::int64_t n) {
    return (n >= 0 ? "+" : "") + std::to_string(n);
}

std::string_view dimension_name(const model::Bundle& bundle, std::string_view id) {
    const model::Dimension* d = model::find_by_id(bundle.dimensions, id);
    return d != nullptr ? std::string_view(d->name) : id;
}

// "Recognition +2, Response -1" for the non-zero changes; empty when none.
std::string score_list(const model::Bundle& bundle, const std::vector<runtime::ScoreDelta>& ds) {
    std::string out;
    for (const runtime::ScoreDelta& d : ds) {
        if (d.delta != 0) {
            out += (out.empty() ? "" : ", ") + std::string(dimension_name(bundle, d.dimension)) +
                   " " + signed_number(d.delta);
        }
    }
    return out;
}

} // namespace

namespace {

bool separator(char c) {
    return c == ' ' || c == ',' || c == '\t';
}

// parse_numbers() and parse_answer(): numbers in [1, count], and with `ids`
// also "@id" for the position of that id.
std::vector<std::size_t> parse_tokens(std::string_view answer, std::size_t count,
                                      const std::vector<std::string_view>* ids, bool many,
                                      std::string& why) {
    std::vector<std::size_t> out;
    std::size_t pos = 0;
    while (pos < answer.size()) {
        if (separator(answer[pos])) {
            ++pos;
            continue;
        }
        std::size_t value = 0;
        std::size_t used = 0;
        if (answer[pos] == '@' && ids != nullptr) {
            while (pos + used < answer.size() && !separator(answer[pos + used])) {
                ++used;
            }
            const std::string_view id = answer.substr(pos + 1, used - 1);
            const auto it = std::find(ids->begin(), ids->end(), id);
            if (it == ids->end()) {
                // TRANSLATORS: {1} is what the learner typed after @.
                why = i18n::format(tr("\"@{1}\" is not one of the answers shown."), {id}) + " ";
                return {};
            }
            value = static_cast<std::size_t>(it - ids->begin()) + 1;
        } else {
            const auto [end, error] =
                std::from_chars(answer.data() + pos, answer.data() + answer.size(), value);
            used = static_cast<std::size_t>(end - (answer.data() + pos));
            if (error != std::errc() ||
                (pos + used < answer.size() && !separator(answer[pos + used]))) {
                // TRANSLATORS: {1} is what the learner typed.
                why = i18n::format(tr("\"{1}\" is not a number."), {answer}) + " ";
                return {};
            }
            if (value < 1 || value > count) {
                why = i18n::format(tr("{1} is not one of the numbers shown."),
                                   {std::to_string(value)}) +
                      " ";
                return {};
            }
        }
        if (std::find(out.begin(), out.end(), value) != out.end()) {
            // TRANSLATORS: {1} is the answer the learner typed twice, a number or @id.
            why = i18n::format(answer[pos] == '@'
                                   ? tr("Each answer counts once; {1} is there twice.")
                                   : tr("Each number counts once; {1} is there twice."),
                               {answer.substr(pos, used)}) +
                  " ";
            return {};
        }
        out.push_back(value);
        pos += used;
    }
    if (out.empty()) {
        why = std::string(tr("No answer was given.")) + " ";
    } else if (!many && out.size() > 1) {
        why = std::string(tr("Only one answer is wanted here.")) + " ";
        out.clear();
    }
    return out;
}

} // namespace

std::vector<std::size_t> parse_numbers(std::string_view answer, std::size_t count, bool many,
                                       std::string& why) {
    return parse_tokens(answer, count, nullptr, many, why);
}

std::vector<std::size_t> parse_answer(std::string_view answer,
                                      const std::vector<std::string_view>& ids, bool many,
                                      std::string& why) {
    return parse_tokens(answer, ids.size(), &ids, many, why);
}

Player::Player(Printer& printer, Input& input, PlayerSettings settings)
    : out_(printer), input_(input), settings_(std::move(settings)) {}

bool Player::introduce(const model::Scenario& s) {
    out_.blank();
    out_.text(s.title);
    // TRANSLATORS: how long the scenario takes; {1} is the number of minutes.
    out_.text(i18n::format(tr_n("About {1} minute.", "About {1} minutes.", s.minutes),
                           {std::to_string(s.minutes)}));
    if (!s.objectives.empty()) {
        out_.blank();
        out_.text(tr("In this scenario you practise how to:"));
        for (const std::string& objective : s.objectives) {
            out_.text(objective, "- ", 2);
        }
    }
    out_.blank();
    // TRANSLATORS: a label before the scenario's content warning; keep the space at the end.
    out_.text(s.content_note, tr("Content note: "));
    return press_enter(Enter::Begin);
}

records::TimeMs Player::now() const {
    return settings_.clock ? settings_.clock() : records::now_ms();
}

void Player::wait_for_reading() {
    const records::TimeMs left = pacer_.remaining(now());
    if (left <= 0) {
        return;
    }
    out_.text(tr("(Take your time to read; you can answer in a moment.)"));
    out_.flush();
    if (settings_.sleep) {
        settings_.sleep(left);
    } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(left));
    }
}

bool Player::press_enter(Enter what) {
    // TRANSLATORS: "Enter" is the key on the keyboard.
    const char* prompt = what == Enter::Begin      ? tr("Press Enter to begin.")
                         : what == Enter::Continue ? tr("Press Enter to continue.")
                                                   : tr("Press Enter to try again.");
    // TRANSLATORS: said when the learner typed something where only Enter is wanted.
    const char* again = what == Enter::Begin ? tr("Press Enter without typing anything to begin, "
                                                  "or type q to quit.")
                        : what == Enter::Continue
                            ? tr("Press Enter without typing anything to continue, or type q to "
                                 "quit.")
                            : tr("Press Enter without typing anything to try again, or type q to "
                                 "quit.");
    out_.blank();
    out_.text(prompt);
    wait_for_reading();
    while (true) {
        const std::optional<std::string> answer = input_.read();
        if (!answer) {
            return false;
        }
        if (answer->empty()) {
            return true;
        }
        input_.invalid(again);
    }
}

void Player::checkpoint(std::optional<runtime::Run>& run) {
    if (settings_.save_roundtrip) {
        const std::vector<std::uint8_t> blob = run->save();
        const model::Bundle& bundle = run->bundle();
        run.reset(); // nothing but the blob carries over
        run.emplace(runtime::Run::restore(bundle, blob));
    }
    if (settings_.on_save) {
        settings_.on_save(run->save());
    }
}

bool Player::record(const std::function<void()>& keep) {
    while (true) {
        try {
            keep();
            return true;
        } catch (const std::exception& error) {
            out_.blank();
            // TRANSLATORS: {1} is the reason, from the records.
            out_.text(
                i18n::format(tr("Your answer could not be recorded, so it was not counted: {1}"),
                             {error.what()}));
            if (input_.scripted()) {
                out_.text(tr("Stopping so that nothing is lost."));
                recording_failed_ = true;
                return false;
            }
            out_.text(tr("Your earlier answers are safe."));
            if (!press_enter(Enter::TryAgain)) {
                recording_failed_ = true;
                return false;
            }
        }
    }
}

PlayEnd Player::play(std::optional<runtime::Run>& run) {
    bool show = true; // the current node's text still has to be shown
    while (true) {
        // Built once per question; it borrows only the bundle's strings, so it
        // stays valid when checkpoint() replaces the run.
        const runtime::NodeView view = run->view();
        if (show) {
            show_node(view);
            pacer_.show(learning::screen_words(*run), now());
            show = false;
        }
        if (view.phase == runtime::Phase::Ended) {
            show_debrief(*run);
            return PlayEnd::Finished;
        }
        if (run->stuck()) {
            out_.blank();
            out_.text(tr("This scenario cannot go on from here: no choice is available. Please "
                         "tell the course author."));
            return PlayEnd::Stuck;
        }
        checkpoint(run);
        bool answered = false;
        switch (view.phase) {
        case runtime::Phase::Choosing:
            answered = decide(*run, view.choices);
            show = true;
            break;
        case runtime::Phase::Answering:
            answered = check(*run, view.check);
            break;
        case runtime::Phase::Continuing:
            answered = press_enter(Enter::Continue);
            if (answered) {
                runtime::Run next = *run;
                next.advance();
                answered = record([&] {
                    if (settings_.recorder != nullptr) {
                        settings_.recorder->advanced();
                    }
                });
                if (answered) {
                    *run = std::move(next);
                    show = true;
                }
            }
            break;
        case runtime::Phase::Ended:
            break;
        }
        if (!answered) {
            return recording_failed_ ? PlayEnd::RecordingFailed : PlayEnd::Quit;
        }
    }
}

void Player::show_node(const runtime::NodeView& view) {
    for (const runtime::ParagraphView& p : view.paragraphs) {
        out_.blank();
        if (p.speaker.empty()) {
            out_.text(p.text);
        } else {
            out_.text(p.text, std::string(p.speaker) + ": ");
        }
    }
}

bool Player::decide(runtime::Run& run, const std::vector<runtime::ChoiceView>& choices) {
    out_.blank();
    out_.text(tr("What do you do?"));
    for (std::size_t i = 0; i < choices.size(); ++i) {
        // TRANSLATORS: {1} is a choice the learner cannot pick at this point.
        const std::string text =
            choices[i].enabled ? std::string(choices[i].text)
                               : i18n::format(tr("{1} (not available now)"), {choices[i].text});
        out_.text(text, number(i + 1), number(i + 1).size());
    }
    out_.text(range_hint(choices.size()));
    std::vector<std::string_view> ids;
    for (const runtime::ChoiceView& c : choices) {
        ids.push_back(c.id);
    }
    std::size_t picked = 0;
    wait_for_reading();
    while (picked == 0) {
        const std::optional<std::string> answer = input_.read();
        if (!answer) {
            return false;
        }
        std::string why;
        const std::vector<std::size_t> numbers = parse_answer(*answer, ids, false, why);
        if (numbers.empty()) {
            input_.invalid(why + range_hint(choices.size()));
        } else if (!choices[numbers[0] - 1].enabled) {
            input_.invalid(
                i18n::format(tr("Choice {1} is not available now."), {std::to_string(numbers[0])}) +
                " " + range_hint(choices.size()));
        } else {
            picked = numbers[0];
        }
    }

    const runtime::ChoiceView& choice = choices[picked - 1];
    runtime::Run next = run; // moves on only once the choice is kept
    const runtime::ChoiceResult result = next.choose(choice.id);
    if (!record([&] {
            if (settings_.recorder != nullptr) {
                settings_.recorder->chose(run, next, choice.id, result);
            }
        })) {
        return false;
    }
    run = std::move(next);
    out_.blank();
    // TRANSLATORS: a label before the choice the learner made; keep the space at the end.
    out_.text(choice.text, tr("You chose: "));
    out_.text(result.feedback, std::string(result.tier_name) + ". ");
    const std::string scores = score_list(run.bundle(), result.score_changes);
    if (!scores.empty()) {
        // TRANSLATORS: a label before the score changes, "Recognition +1."; keep the space.
        out_.text(scores + ".", tr("Score: "));
    }
    for (const model::Indicator* indicator : result.newly_noticed) {
        out_.text(indicator->name + ".",
                  indicator->confounder ? tr("You weighed a detail that on its own is not a sign: ")
                                        : tr("You noticed a sign: "));
    }
    out_.flush(); // feedback is shown only for recorded steps: show it at once
    return true;
}

bool Player::check(runtime::Run& run, const runtime::CheckView& view) {
    const bool many = view.kind == model::CheckKind::Multi;
    const std::size_t count = view.options.size();
    out_.blank();
    // TRANSLATORS: a label before a knowledge check's question; keep the space at the end.
    out_.text(view.prompt, tr("Question: "));
    for (std::size_t i = 0; i < count; ++i) {
        out_.text(view.options[i].text, number(i + 1), number(i + 1).size());
    }
    const std::string hint = many ? std::string(tr("Type the numbers of every answer that "
                                                   "applies, separated by spaces."))
                                  : range_hint(count);
    out_.text(hint);
    std::vector<std::string_view> shown;
    for (const runtime::OptionView& o : view.options) {
        shown.push_back(o.id);
    }
    std::vector<std::size_t> numbers;
    wait_for_reading();
    while (numbers.empty()) {
        const std::optional<std::string> answer = input_.read();
        if (!answer) {
            return false;
        }
        std::string why;
        numbers = parse_answer(*answer, shown, many, why);
        if (numbers.empty()) {
            input_.invalid(why + hint);
        }
    }

    std::vector<std::string_view> ids;
    for (const std::size_t n : numbers) {
        ids.push_back(view.options[n - 1].id);
    }
    runtime::Run next = run;
    const runtime::CheckResult result = next.answer(ids);
    if (!record([&] {
            if (settings_.recorder != nullptr) {
                settings_.recorder->answered(run, next, ids, result);
            }
        })) {
        return false;
    }
    run = std::move(next);
    const std::string points = score_list(run.bundle(), result.points);
    out_.blank();
    out_.text(result.correct    ? tr("Correct.")
              : !points.empty() ? tr("Partly correct.")
                                : tr("Not correct."));
    for (std::size_t i = 0; i < result.options.size(); ++i) {
        const runtime::OptionResult& o = result.options[i];
        const char* verdict = o.picked ? (o.correct ? tr("You picked this, rightly.")
                                                    : tr("You picked this, but it is not right."))
                                       : (o.correct ? tr("You left this out, but it is right.")
                                                    : tr("You left this out, rightly."));
        out_.text(o.text, number(i + 1), number(i + 1).size());
        const std::string feedback =
            std::string(verdict) + (o.feedback.empty() ? "" : " " + std::string(o.feedback));
        out_.text(feedback, std::string(number(i + 1).size(), ' '), number(i + 1).size());
    }
    if (!points.empty()) {
        out_.text(points + ".", tr("Score: "));
    }
    out_.flush();
    return true;
}

void Player::show_debrief(const runtime::Run& run) {
    const runtime::Debrief d = run.debrief();
    out_.blank();
    // TRANSLATORS: a label before the name of the scenario's ending; keep the space at the end.
    out_.text(d.outcome_name.empty() ? d.outcome : d.outcome_name, tr("The end: "));
    for (const std::string_view paragraph : d.text) {
        out_.blank();
        out_.text(paragraph);
    }

    out_.blank();
    out_.text(tr("Your scores"));
    for (const runtime::DimensionScore& s : d.scores) {
        // TRANSLATORS: {1} is a score's name (Recognition), {2} the score, {3} and {4} the
        // lowest and highest possible scores, {5} the score in percent.
        out_.text(i18n::format(tr("{1}: {2} on a scale from {3} to {4} ({5}%)."),
                               {s.name, std::to_string(s.score), std::to_string(s.min),
                                std::to_string(s.max), std::to_string(s.percent())}),
                  "- ", 2);
    }

    const auto list_signs = [&](const char* heading,
                                const std::vector<const model::Indicator*>& signs) {
        out_.blank();
        out_.text(heading);
        if (signs.empty()) {
            out_.text(tr("None."), "- ", 2);
        }
        for (const model::Indicator* i : signs) {
            out_.text(i->name + ". " + i->description, "- ", 2);
        }
    };
    list_signs(tr("Signs you noticed"), d.noticed);
    list_signs(tr("Signs you missed"), d.missed);
    if (!d.confounders.empty()) {
        list_signs(tr("Details that can look like signs but on their own are not"), d.confounders);
    }

    if (!d.decisions.empty()) {
        out_.blank();
        out_.text(tr("Your decisions"));
        for (std::size_t i = 0; i < d.decisions.size(); ++i) {
            const runtime::Decision& decision = d.decisions[i];
            out_.text(std::string(decision.choice_text) + " (" + std::string(decision.tier_name) +
                          ")",
                      number(i + 1), number(i + 1).size());
        }
    }
    if (!d.checks.empty()) {
        out_.blank();
        out_.text(tr("Your answers"));
        for (const runtime::CheckOutcome& c : d.checks) {
            // TRANSLATORS: {1} is a knowledge check's question.
            out_.text(i18n::format(c.correct ? tr("{1} Correct.") : tr("{1} Not fully correct."),
                                   {c.prompt}),
                      "- ", 2);
        }
    }
    out_.blank();
    out_.text(tr("The safe response"));
    out_.text(d.response);
    out_.blank();
    out_.text(tr("Where to report"));
    out_.text(d.report);
}

std::optional<std::size_t> pick_one(Printer& printer, Input& input, const std::string& heading,
                                    const std::vector<std::string>& labels) {
    printer.blank();
    printer.text(heading);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const std::string n = std::to_string(i + 1) + ". ";
        printer.text(labels[i], n, n.size());
    }
    const std::string hint = range_hint(labels.size());
    printer.text(hint);
    while (true) {
        const std::optional<std::string> answer = input.read();
        if (!answer) {
            return std::nullopt;
        }
        std::string why;
        const std::vector<std::size_t> n = parse_numbers(*answer, labels.size(), false, why);
        if (!n.empty()) {
            return n[0] - 1;
        }
        input.invalid(why + hint);
    }
}

} // namespace sightline::textplay
