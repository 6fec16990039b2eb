#include "support/presenter_only.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace sightline::test {

PresenterOnly::PresenterOnly(const model::Bundle& bundle, const model::Scenario& scenario) {
    for (const model::Node& node : scenario.nodes) {
        always_.insert(always_.end(), node.facilitator_notes.begin(), node.facilitator_notes.end());
        always_.insert(always_.end(), node.discussion_prompts.begin(),
                       node.discussion_prompts.end());
        notes_ += node.facilitator_notes.size() + node.discussion_prompts.size();
        values_.insert(node.id);
        for (const model::Choice& c : node.choices) {
            values_.insert(c.id);
        }
        for (const model::CheckOption& o : node.check.options) {
            values_.insert(o.id);
        }
    }
    for (const model::Tier& tier : bundle.tiers) {
        always_.push_back(tier.name); // a phone never shows a rating
        values_.insert(tier.id);
    }
    for (const model::Dimension& d : bundle.dimensions) {
        values_.insert(d.id);
        values_.insert(d.name);
    }
    std::set<std::string> all(always_.begin(), always_.end());
    for (const model::Node& node : scenario.nodes) {
        for (const model::Choice& c : node.choices) {
            all.insert(c.feedback);
        }
        for (const model::CheckOption& o : node.check.options) {
            all.insert(o.feedback);
        }
    }
    all.erase("");
    everything_.assign(all.begin(), all.end());
}

PresenterOnly::Rules PresenterOnly::rules(const classroom::Facilitation& f) const {
    Rules out;
    out.banned = always_;
    if (!f.at_question()) {
        return out;
    }
    const model::Node& node = f.shown_run().node();
    if (const runtime::ChoiceResult* picked = f.choice_result()) {
        out.required.emplace_back(picked->feedback);
        for (const model::Choice& c : node.choices) {
            if (c.id != picked->choice_id && c.feedback != picked->feedback) {
                out.banned.push_back(c.feedback);
            }
        }
    } else {
        for (const model::Choice& c : node.choices) {
            out.banned.push_back(c.feedback);
        }
    }
    if (node.has_check()) {
        const runtime::CheckResult* result = f.check_result();
        std::set<std::string> chosen;
        if (result != nullptr) {
            for (const auto& o : result->options) {
                if (o.picked) {
                    chosen.emplace(o.feedback);
                    out.required.emplace_back(o.feedback);
                }
            }
        }
        for (const model::CheckOption& o : node.check.options) {
            if (!chosen.contains(o.feedback)) {
                out.banned.push_back(o.feedback);
            }
        }
    }
    return out;
}

std::vector<std::string_view> wrong_answer(const model::Node& node) {
    for (const model::CheckOption& o : node.check.options) {
        if (!o.correct) {
            return {o.id};
        }
    }
    return {node.check.options.front().id};
}

std::string as_json_text(std::string_view s) {
    const std::string quoted = nlohmann::json(std::string(s)).dump();
    return quoted.substr(1, quoted.size() - 2);
}

const std::set<std::string> kPhoneViewMembers{
    "version",     "lobby",       "device", "your_vote", "question_key", "stage",    "status",
    "title",       "paragraphs",  "check",  "multiple",  "question",     "choices",  "voting_open",
    "tally_shown", "total_votes", "picked", "outcome",   "debrief",      "response", "report"};
const std::set<std::string> kPhoneChoiceMembers{"key",     "text",   "enabled", "votes",
                                                "percent", "chosen", "feedback"};

} // namespace sightline::test
