#include "support/facilitation_walk.hpp"

#include "content/compile.hpp"

#include <doctest/doctest.h>

#include <filesystem>

namespace sightline::test {

namespace {

std::string value_text(const model::Value& v) {
    switch (v.type) {
    case model::ValueType::Boolean:
        return v.boolean ? "t" : "f";
    case model::ValueType::Integer:
        return std::to_string(v.integer);
    case model::ValueType::String:
        return "\"" + v.text + "\"";
    }
    return "?";
}

// A question's identity for the walk: its node and everything that can change
// what follows it.
std::string state_key(const runtime::Run& run) {
    std::string k = run.node().id;
    for (const model::Value& v : run.state().variables) {
        k += "|" + value_text(v);
    }
    for (const std::uint32_t i : run.state().noticed) {
        k += "#" + std::to_string(i);
    }
    return k;
}

} // namespace

const model::Bundle& bundled_courses() {
    static const model::Bundle bundle = [] {
        content::CompileResult result =
            content::compile_paths({std::filesystem::path(SIGHTLINE_SOURCE_DIR) / "scenarios"});
        REQUIRE_MESSAGE(result.bundle.has_value(), "scenarios/ does not compile");
        return std::move(*result.bundle);
    }();
    return bundle;
}

void FacilitationWalk::run(const model::Bundle& bundle, const model::Scenario& scenario) {
    classroom::Setup setup;
    setup.name = "Walk of " + scenario.id;
    setup.scenario_id = scenario.id;
    classroom::Facilitation f(bundle, setup);
    explore(f);
}

void FacilitationWalk::step(classroom::Facilitation& f) const {
    if (before_stage) {
        before_stage(f);
    }
    if (at_stage) {
        at_stage(f);
    }
}

void FacilitationWalk::explore(classroom::Facilitation& f) {
    using classroom::Stage;
    for (;;) {
        visited.insert(f.shown_run().node().id);
        step(f);
        if (f.stage() == Stage::Passage) {
            f.advance();
            continue;
        }
        if (f.stage() == Stage::Ended) {
            return;
        }
        break;
    }
    // A question, at its Situation.
    if (!seen_.insert(state_key(f.run())).second || questions >= kMaxStates) {
        return;
    }
    ++questions;
    const std::size_t point = f.path().size() - 1;
    f.discuss();
    step(f);
    f.open_voting();
    step(f);
    std::vector<std::size_t> enabled;
    if (f.at_check()) {
        for (std::size_t i = 0; i < f.option_count(); ++i) {
            enabled.push_back(i);
        }
    } else {
        const auto choices = f.run().choices();
        for (std::size_t i = 0; i < choices.size(); ++i) {
            if (choices[i].enabled) {
                enabled.push_back(i);
            }
        }
    }
    REQUIRE_MESSAGE(!enabled.empty(), "stuck at " << f.run().node().id);
    if (enter_votes) {
        enter_votes(f, enabled);
    } else {
        for (const std::size_t i : enabled) {
            f.set_votes(i, static_cast<std::int64_t>(i + 1));
        }
    }
    step(f);
    if (lock) {
        lock(f);
    } else {
        f.lock();
    }
    step(f);
    f.reveal();
    step(f);

    if (f.at_check()) {
        // Every answer leads to the same next node.
        std::vector<std::string_view> picked;
        if (answer) {
            picked = answer(f.run().node());
        } else {
            for (const model::CheckOption& o : f.run().node().check.options) {
                if (o.correct) {
                    picked.push_back(o.id);
                }
            }
        }
        f.pick_options(picked);
        step(f);
        f.advance();
        explore(f);
        return;
    }
    const auto choices = f.run().choices();
    std::vector<std::string> ids;
    for (const std::size_t i : enabled) {
        ids.emplace_back(choices[i].id);
    }
    for (std::size_t n = 0; n < ids.size(); ++n) {
        if (n > 0) {
            f.go_back(point);
            step(f);
        }
        f.pick(ids[n]);
        step(f);
        f.advance();
        explore(f);
    }
}

} // namespace sightline::test
