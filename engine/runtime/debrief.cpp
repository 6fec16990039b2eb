#include "runtime/debrief.hpp"

#include "runtime/run.hpp"

#include <algorithm>

namespace sightline::runtime {

int DimensionScore::percent() const {
    if (max <= min) {
        return 100;
    }
    const std::int64_t clamped = std::clamp(score, min, max);
    // Do the division in long double: (clamped - min) * 100 could overflow int64.
    const long double share =
        static_cast<long double>(clamped - min) / static_cast<long double>(max - min);
    return static_cast<int>(share * 100.0L);
}

CheckTally tally_check(const model::KnowledgeCheck& check, std::span<const std::uint32_t> picks) {
    CheckTally t;
    for (const model::CheckOption& o : check.options) {
        t.correct_options += o.correct ? 1 : 0;
    }
    for (const std::uint32_t i : picks) {
        (check.options[i].correct ? t.right : t.wrong) += 1;
    }
    return t;
}

std::vector<std::string_view> split_paragraphs(std::string_view text) {
    constexpr auto npos = std::string_view::npos;
    std::vector<std::string_view> out;
    std::size_t begin = npos; // start of the paragraph being collected
    std::size_t end = 0;
    auto flush = [&] {
        if (begin != npos) {
            std::string_view p = text.substr(begin, end - begin);
            p.remove_prefix(std::min(p.size(), p.find_first_not_of(" \t\r")));
            p = p.substr(0, p.find_last_not_of(" \t\r") + 1);
            out.push_back(p);
            begin = npos;
        }
    };
    for (std::size_t pos = 0; pos <= text.size();) {
        std::size_t eol = text.find('\n', pos);
        eol = eol == npos ? text.size() : eol;
        if (text.substr(pos, eol - pos).find_first_not_of(" \t\r") == npos) {
            flush();
        } else {
            begin = begin == npos ? pos : begin;
            end = eol;
        }
        pos = eol + 1;
    }
    flush();
    return out;
}

Debrief make_debrief(const model::Bundle& bundle, const RunState& state) {
    const model::Scenario& s = bundle.scenarios[state.scenario];
    const model::Node& ending = s.nodes[state.node];

    Debrief d;
    d.scenario = s.id;
    d.title = s.title;
    d.ending_node = ending.id;
    d.outcome = ending.outcome;
    if (ending.outcome_index < bundle.outcomes.size()) {
        d.outcome_name = bundle.outcomes[ending.outcome_index].name;
    }
    d.text = split_paragraphs(ending.debrief);
    d.response = s.response;
    d.report = s.report;

    for (std::size_t i = 0; i < bundle.dimensions.size(); ++i) {
        const model::ScoreRange range =
            i < s.score_ranges.size() ? s.score_ranges[i] : model::ScoreRange{};
        d.scores.push_back({bundle.dimensions[i].id, bundle.dimensions[i].name, state.scores[i],
                            range.min, range.max});
    }

    // Confounders look like signs but usually are not: they are listed on
    // their own, never as a sign noticed or missed.
    for (const std::uint32_t i : state.noticed) {
        const model::Indicator& indicator = bundle.indicators[i];
        (indicator.confounder ? d.confounders : d.noticed).push_back(&indicator);
    }
    for (const std::uint32_t i : s.indicator_indices) {
        if (i < bundle.indicators.size() &&
            std::find(state.noticed.begin(), state.noticed.end(), i) == state.noticed.end()) {
            const model::Indicator& indicator = bundle.indicators[i];
            (indicator.confounder ? d.confounders : d.missed).push_back(&indicator);
        }
    }

    for (const Step& step : state.history) {
        const model::Node& n = s.nodes[step.node];
        if (!step.is_check()) {
            const model::Choice& c = n.choices[step.choice];
            Decision decision{n.id, c.id, c.text, c.tier, {}, 0};
            if (c.tier_index < bundle.tiers.size()) {
                decision.tier_name = bundle.tiers[c.tier_index].name;
                decision.tier_rank = bundle.tiers[c.tier_index].rank;
            }
            d.decisions.push_back(decision);
            continue;
        }
        d.checks.push_back({n.id, n.check.prompt, tally_check(n.check, step.options).correct()});
    }
    return d;
}

} // namespace sightline::runtime
