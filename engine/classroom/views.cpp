#include "classroom/views.hpp"

#include "i18n/i18n.hpp"
#include "model/analysis.hpp"

#include <algorithm>
#include <cstdio>

namespace sightline::classroom {

namespace {

int percent_of(std::int64_t part, std::int64_t total) {
    if (total <= 0) {
        return 0;
    }
    return static_cast<int>((part * 200 + total) / (total * 2)); // rounded half up
}

std::vector<Paragraph> paragraphs_of(const runtime::NodeView& view) {
    std::vector<Paragraph> out;
    for (const runtime::ParagraphView& p : view.paragraphs) {
        out.push_back({std::string(p.speaker), std::string(p.text)});
    }
    return out;
}

std::string shorten(std::string text, std::size_t limit) {
    if (text.size() <= limit) {
        return text;
    }
    std::size_t cut = text.rfind(' ', limit);
    if (cut == std::string::npos || cut < limit / 2) {
        cut = limit;
    }
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    text.resize(cut);
    return text + "...";
}

std::string label_of(const model::Node& node) {
    if (node.has_check()) {
        return shorten(node.check.prompt, 80);
    }
    return node.body.empty() ? node.id : shorten(node.body.front().text, 80);
}

const model::Choice* find_choice(const model::Node& node, std::string_view id) {
    for (const model::Choice& c : node.choices) {
        if (c.id == id) {
            return &c;
        }
    }
    return nullptr;
}

const model::Tier* tier_of(const model::Bundle& bundle, const model::Choice& choice) {
    return choice.tier_index < bundle.tiers.size() ? &bundle.tiers[choice.tier_index] : nullptr;
}

} // namespace

const char* audience_status(Stage stage) {
    switch (stage) {
    case Stage::Situation:
        return "";
    case Stage::Discussion:
        // TRANSLATORS: projected for the room while it discusses a decision.
        return i18n::tr("Talk it over");
    case Stage::Voting:
        return i18n::tr("Voting is open");
    case Stage::Locked:
        return i18n::tr("Voting is closed");
    case Stage::Revealed:
        // TRANSLATORS: projected heading over the tally of the room's votes.
        return i18n::tr("The room's votes");
    case Stage::Feedback:
        // TRANSLATORS: projected heading over the feedback on the room's pick.
        return i18n::tr("What happened");
    case Stage::Passage:
        return "";
    case Stage::Ended:
        // TRANSLATORS: projected heading at the end of a scenario.
        return i18n::tr("Debrief");
    }
    return "";
}

std::vector<std::string_view> AudienceState::strings() const {
    std::vector<std::string_view> out{session_name, scenario_title, status,   question, feedback,
                                      rating,       outcome,        response, report};
    for (const Paragraph& p : paragraphs) {
        out.push_back(p.speaker);
        out.push_back(p.text);
    }
    for (const AudienceChoice& c : choices) {
        out.push_back(c.key);
        out.push_back(c.text);
        out.push_back(c.feedback);
    }
    for (const auto* list : {&noticed, &debrief, &indicators_noticed, &indicators_missed}) {
        for (const std::string& s : *list) {
            out.push_back(s);
        }
    }
    return out;
}

AudienceState audience_state(const Facilitation& f) {
    AudienceState a;
    const runtime::Run& run = f.shown_run();
    a.session_name = f.setup().name;
    a.scenario_title = run.scenario().title;
    a.stage = f.stage();
    a.status = audience_status(f.stage());
    const runtime::NodeView view = run.view();
    a.paragraphs = paragraphs_of(view);

    const bool revealed = f.stage() == Stage::Revealed || f.stage() == Stage::Feedback;
    const Tally tally = f.tally();
    if (f.at_question()) {
        a.voting_open = f.stage() == Stage::Voting;
        a.tally_shown = revealed;
        a.total_votes = revealed ? tally.total : 0;
        if (f.at_check()) {
            a.is_check = true;
            a.multiple = view.check.kind == model::CheckKind::Multi;
            a.question = std::string(view.check.prompt);
            for (std::size_t i = 0; i < view.check.options.size(); ++i) {
                AudienceChoice c;
                c.key = std::to_string(i + 1);
                c.text = std::string(view.check.options[i].text);
                a.choices.push_back(std::move(c));
            }
        } else {
            for (std::size_t i = 0; i < view.choices.size(); ++i) {
                AudienceChoice c;
                c.key = std::to_string(i + 1);
                c.text = std::string(view.choices[i].text);
                c.enabled = view.choices[i].enabled;
                a.choices.push_back(std::move(c));
            }
        }
        if (revealed) {
            for (std::size_t i = 0; i < a.choices.size() && i < tally.counts.size(); ++i) {
                a.choices[i].votes = tally.counts[i];
                a.choices[i].percent = percent_of(tally.counts[i], tally.basis);
            }
        }
    }

    if (const runtime::ChoiceResult* result = f.choice_result()) {
        a.picked = true;
        a.room_choice = f.decided() != Decided::Override;
        a.feedback = std::string(result->feedback);
        a.rating = std::string(result->tier_name);
        for (const model::Indicator* indicator : result->newly_noticed) {
            a.noticed.push_back(indicator->name);
        }
        for (std::size_t i = 0; i < view.choices.size(); ++i) {
            a.choices[i].chosen = view.choices[i].id == result->choice_id;
        }
    }
    if (const runtime::CheckResult* result = f.check_result()) {
        a.picked = true;
        a.room_choice = f.decided() != Decided::Override;
        a.answered_right = result->correct;
        for (std::size_t i = 0; i < result->options.size() && i < a.choices.size(); ++i) {
            a.choices[i].chosen = result->options[i].picked;
            a.choices[i].correct = result->options[i].correct;
            a.choices[i].feedback = std::string(result->options[i].feedback);
        }
    }

    if (f.stage() == Stage::Ended) {
        const runtime::Debrief d = run.debrief();
        a.outcome = std::string(d.outcome_name);
        for (const std::string_view p : d.text) {
            a.debrief.emplace_back(p);
        }
        for (const model::Indicator* i : d.noticed) {
            a.indicators_noticed.push_back(i->name);
        }
        for (const model::Indicator* i : d.missed) {
            a.indicators_missed.push_back(i->name);
        }
        a.response = std::string(d.response);
        a.report = std::string(d.report);
    }
    return a;
}

PresenterState presenter_state(const Facilitation& f) {
    PresenterState p;
    const runtime::Run& run = f.shown_run();
    const model::Bundle& bundle = f.bundle();
    const model::Node& node = run.node();
    p.session_name = f.setup().name;
    p.facilitator = f.setup().facilitator;
    p.head_count = f.setup().head_count;
    p.attempt_id = f.attempt_id();
    p.recorded = f.recorded();
    p.finished = f.finished();
    p.scenario_id = run.scenario().id;
    p.scenario_title = run.scenario().title;
    p.node_id = node.id;
    p.stage = f.stage();
    p.branch = f.branch();
    const runtime::NodeView view = run.view();
    p.paragraphs = paragraphs_of(view);
    p.notes = node.facilitator_notes;
    p.prompts = node.discussion_prompts;

    if (f.at_question()) {
        const Tally tally = f.tally();
        p.total_votes = tally.total;
        p.tie = tally.tie;
        p.threshold = tally.threshold;
        std::vector<std::string> why;
        if (f.at_check()) {
            p.is_check = true;
            p.multiple = node.check.kind == model::CheckKind::Multi;
            p.question = node.check.prompt;
            for (std::size_t i = 0; i < node.check.options.size(); ++i) {
                const model::CheckOption& o = node.check.options[i];
                PresenterChoice c;
                c.id = o.id;
                c.key = std::to_string(i + 1);
                c.text = o.text;
                c.best = o.correct;
                c.feedback = o.feedback;
                if (o.correct) {
                    p.best.push_back(o.id);
                    why.push_back(o.feedback);
                }
                p.choices.push_back(std::move(c));
            }
        } else {
            for (std::size_t i = 0; i < view.choices.size(); ++i) {
                PresenterChoice c;
                c.id = std::string(view.choices[i].id);
                c.key = std::to_string(i + 1);
                c.text = std::string(view.choices[i].text);
                c.enabled = view.choices[i].enabled;
                if (const model::Choice* choice = find_choice(node, c.id)) {
                    c.best = model::is_best_tier_choice(node, *choice, bundle.tiers);
                    c.tier = choice->tier;
                    if (const model::Tier* tier = tier_of(bundle, *choice)) {
                        c.tier_name = tier->name;
                    }
                    c.feedback = choice->feedback;
                    if (c.best) {
                        p.best.push_back(c.id);
                        why.push_back(choice->feedback);
                    }
                }
                p.choices.push_back(std::move(c));
            }
        }
        const std::vector<std::int64_t>& phones = f.phone_votes();
        for (std::size_t i = 0; i < p.choices.size() && i < tally.counts.size(); ++i) {
            p.choices[i].votes = tally.counts[i];
            p.choices[i].phone_votes = i < phones.size() ? phones[i] : 0;
            p.choices[i].percent = percent_of(tally.counts[i], tally.basis);
            p.choices[i].leading =
                std::find(tally.leaders.begin(), tally.leaders.end(), i) != tally.leaders.end();
        }
        for (const std::string& w : why) {
            if (!w.empty()) {
                p.best_why += (p.best_why.empty() ? "" : " ") + w;
            }
        }
        const auto name = [&](std::size_t i) {
            return p.choices[i].key + " (" + p.choices[i].id + ")";
        };
        const auto count = [](std::int64_t n) { return static_cast<unsigned long>(n); };
        if (tally.total == 0) {
            p.tally_summary = i18n::tr("No votes yet.");
        } else if (p.multiple) {
            std::string picked;
            for (const std::size_t i : tally.leaders) {
                picked += (picked.empty() ? "" : ", ") + name(i);
            }
            // TRANSLATORS: a question with several right answers: {1} is the fewest votes an
            // option needs to be in the room's answer, {2} the options that have them ("1 (a), 3
            // (c)"), {3} the number of votes. The English says "votes" even for one.
            p.tally_summary = i18n::format(
                i18n::tr_n("Room's answer ({1} or more votes): {2}; {3} votes.",
                           "Room's answer ({1} or more votes): {2}; {3} votes.",
                           count(tally.total)),
                {std::to_string(tally.threshold),
                 picked.empty() ? std::string(i18n::tr("room's answer", "none")) : picked,
                 std::to_string(tally.total)});
        } else if (tally.tie) {
            std::string tied;
            for (const std::size_t i : tally.leaders) {
                tied += (tied.empty() ? "" : ", ") + name(i);
            }
            const std::int64_t each = tally.counts[tally.leaders[0]];
            // TRANSLATORS: {1} lists the tied choices ("1 (log), 2 (call)"), {2} the votes each
            // has; the facilitator picks one. The English says "votes" even for one.
            p.tally_summary =
                i18n::format(i18n::tr_n("Tied: {1} with {2} votes each. Pick one.",
                                        "Tied: {1} with {2} votes each. Pick one.", count(each)),
                             {tied, std::to_string(each)});
        } else {
            const std::size_t i = tally.leaders[0];
            // TRANSLATORS: {1} is the leading choice ("1 (log)"), {2} its votes, {3} all the
            // votes. The English says "votes" even for one.
            p.tally_summary = i18n::format(
                i18n::tr_n("Majority: {1}, {2} of {3} votes.", "Majority: {1}, {2} of {3} votes.",
                           count(tally.total)),
                {name(i), std::to_string(tally.counts[i]), std::to_string(tally.total)});
        }
        if (p.head_count > 0 && !p.multiple && tally.total > p.head_count) {
            // TRANSLATORS: a warning: {1} votes were entered, more than the {2} people in the
            // room. The English says "votes" even for one.
            p.warning = i18n::format(i18n::tr_n("{1} votes, but the head count is {2}.",
                                                "{1} votes, but the head count is {2}.",
                                                count(tally.total)),
                                     {std::to_string(tally.total), std::to_string(p.head_count)});
        } else if (p.head_count > 0 && p.multiple) {
            for (const std::int64_t c : tally.counts) {
                if (c > p.head_count) {
                    // TRANSLATORS: a warning: one option has {1} votes, more than the {2}
                    // people in the room.
                    p.warning = i18n::format(
                        i18n::tr_n("An option has {1} votes, but the head count is {2}.",
                                   "An option has {1} votes, but the head count is {2}.", count(c)),
                        {std::to_string(c), std::to_string(p.head_count)});
                    break;
                }
            }
        }
    }

    p.decided = f.decided();
    if (const runtime::ChoiceResult* result = f.choice_result()) {
        p.feedback = std::string(result->feedback);
        p.tier_name = std::string(result->tier_name);
        for (const runtime::ScoreDelta& d : result->score_changes) {
            std::string dimension(d.dimension);
            for (const model::Dimension& dim : bundle.dimensions) {
                if (dim.id == d.dimension) {
                    dimension = dim.name;
                }
            }
            p.score_changes.push_back({dimension, d.delta, 0, 0, 0});
        }
        for (const model::Indicator* indicator : result->newly_noticed) {
            p.noticed.push_back(indicator->name);
        }
        for (PresenterChoice& c : p.choices) {
            c.chosen = c.id == result->choice_id;
        }
    }
    if (const runtime::CheckResult* result = f.check_result()) {
        p.answered_right = result->correct;
        for (std::size_t i = 0; i < result->options.size() && i < p.choices.size(); ++i) {
            p.choices[i].chosen = result->options[i].picked;
        }
        for (const runtime::ScoreDelta& d : result->points) {
            std::string dimension(d.dimension);
            for (const model::Dimension& dim : bundle.dimensions) {
                if (dim.id == d.dimension) {
                    dimension = dim.name;
                }
            }
            p.score_changes.push_back({dimension, d.delta, 0, 0, 0});
        }
    }

    if (f.stage() == Stage::Ended) {
        const runtime::Debrief d = run.debrief();
        p.outcome = std::string(d.outcome_name);
        for (const std::string_view text : d.text) {
            p.debrief.emplace_back(text);
        }
        for (const runtime::DimensionScore& s : d.scores) {
            p.scores.push_back({std::string(s.name), s.score, s.min, s.max, s.percent()});
        }
        for (const model::Indicator* i : d.noticed) {
            p.indicators_noticed.push_back(i->name);
        }
        for (const model::Indicator* i : d.missed) {
            p.indicators_missed.push_back(i->name);
        }
        p.response = std::string(d.response);
        p.report = std::string(d.report);
    }

    const records::TimeMs now = f.now();
    p.seconds_on_node =
        static_cast<double>(std::max<records::TimeMs>(0, now - f.shown_at())) / 1000;
    p.session_seconds = static_cast<double>(std::max<records::TimeMs>(0, now - f.started())) / 1000;

    const model::Scenario& scenario = run.scenario();
    for (std::size_t i = 0; i < f.path().size(); ++i) {
        const PathPoint& point = f.path()[i];
        PresenterPoint out;
        out.index = i;
        out.node_id = point.node_id;
        for (const model::Node& n : scenario.nodes) {
            if (n.id == point.node_id) {
                out.label = label_of(n);
            }
        }
        out.picked = point.picked;
        out.chosen_text = point.chosen_text;
        out.decided = point.picked ? decided_text(point.decided) : "";
        p.path.push_back(std::move(out));
    }
    p.controls = f.controls();
    p.forward = f.forward_control();
    return p;
}

} // namespace sightline::classroom
