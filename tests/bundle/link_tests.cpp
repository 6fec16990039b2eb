// What link() refuses, problem by problem, and the score ranges it computes.
// Every message and its order are pinned here, so a faster link() cannot
// quietly accept a graph it used to reject or word a problem differently.
#include "bundle/bundle.hpp"
#include "model/analysis.hpp"
#include "model/link.hpp"
#include "sample_bundle.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

using namespace sightline;

namespace {

struct LinkCase {
    const char* name;
    std::function<void(model::Bundle&)> damage;
    std::vector<std::string> problems; // all of them, in order
};

// A compliance rule for hotel staff with one required topic.
model::Rule compliance_rule() {
    model::Rule rule;
    rule.id = "hotel-rule";
    rule.title = "A hotel rule";
    rule.jurisdiction = "Somewhere";
    rule.citation = "Rule 1";
    rule.applies_to = {"hotel"};
    rule.minimum_minutes = 20;
    rule.recurrence_months = 12;
    rule.topics = {{"hotel.signs", "Warning signs"}};
    rule.proof = {"name", "certificate"};
    return rule;
}

std::vector<LinkCase> link_cases() {
    return {
        {"every bundle-level list with a duplicate id",
         [](model::Bundle& b) {
             b.roles.push_back(b.roles[0]);
             b.dimensions.push_back(b.dimensions[1]);
             b.tiers.push_back(b.tiers[2]);
             b.outcomes.push_back(b.outcomes[0]);
             b.indicators.push_back(b.indicators[1]);
             b.courses.push_back(b.courses[0]);
             b.scenarios.push_back(b.scenarios[0]);
         },
         {
             "bundle: duplicate role ids",
             "bundle: duplicate dimension ids",
             "bundle: duplicate tier ids",
             "bundle: duplicate outcome ids",
             "bundle: duplicate indicator ids",
             "bundle: duplicate course ids",
             "bundle: duplicate scenario ids",
         }},
        {"more score dimensions than the cap",
         [](model::Bundle& b) {
             for (int i = 0; i < 63; ++i) {
                 b.dimensions.push_back({"extra_" + std::to_string(i), "Extra"});
             }
         },
         {
             "bundle: 65 score dimensions; at most 64 are allowed",
         }},
        {"a course with an unknown role and scenario and a score above 100",
         [](model::Bundle& b) {
             b.courses[0].role = "pilot";
             b.courses[0].entries.push_back({"nowhere", false, model::kNoIndex});
             b.courses[0].passing_score = 101;
         },
         {
             "course 'hotel_foundations': unknown role 'pilot'",
             "course 'hotel_foundations': unknown scenario 'nowhere'",
             "course 'hotel_foundations': passing score above 100%",
         }},
        {"rules: duplicate rule and topic ids, an unknown proof term, and claims and topics "
         "taught that name nothing",
         [](model::Bundle& b) {
             b.rules.push_back(compliance_rule());
             b.rules.push_back(compliance_rule());
             b.rules.back().proof = {"name"};
             b.rules.front().proof.push_back("fingerprint");
             b.courses[0].meets = {"hotel-rule", "nowhere"};
             b.scenarios[0].teaches = {"hotel.signs", "hotel.unheard-of"};
         },
         {
             "bundle: duplicate rule ids",
             "bundle: duplicate rule topic ids",
             "course 'hotel_foundations': meets unknown rule 'nowhere'",
             "rule 'hotel-rule': unknown proof term 'fingerprint'",
             "scenario 'hotel_late_checkin': teaches unknown rule topic 'hotel.unheard-of'",
         }},
        {"a scenario with duplicate ids and unknown references",
         [](model::Bundle& b) {
             model::Scenario& s = b.scenarios[0];
             s.nodes.push_back(s.nodes[3]);
             s.variables.push_back(s.variables[0]);
             s.role = "pilot";
             s.start = "nowhere";
             s.indicators.push_back("unheard_of");
         },
         {
             "scenario 'hotel_late_checkin': duplicate node ids",
             "scenario 'hotel_late_checkin': duplicate variable ids",
             "scenario 'hotel_late_checkin': unknown role 'pilot'",
             "scenario 'hotel_late_checkin': unknown start node 'nowhere'",
             "scenario 'hotel_late_checkin': unknown indicator 'unheard_of'",
         }},
        {"a scenario without nodes",
         [](model::Bundle& b) {
             b.scenarios[0].nodes.clear();
             b.scenarios[0].role = "";
         },
         {
             "scenario 'hotel_late_checkin': unknown role ''",
             "scenario 'hotel_late_checkin': has no nodes",
         }},
        {"a node with broken paths, outcome, check and effects",
         [](model::Bundle& b) {
             model::Scenario& s = b.scenarios[0];
             s.nodes[1].next = "";            // check_in: a check with no next node
             s.nodes[2].outcome = "vanished"; // an unknown outcome
             s.nodes[3].outcome = "";         // ending_missed: no longer an ending, no way on
             s.nodes[3].on_enter[0].variable = "ghost"; // effect on an unknown variable
             s.nodes[0].on_enter.push_back(
                 testing::effect(model::EffectKind::Add, "guest_name",
                                 testing::expr({testing::op(model::OpCode::PushInt, 1)}, "1")));
             s.nodes[1].check.scores.push_back({"speed", 1, model::kNoIndex});
             s.nodes[0].body[0].condition =
                 testing::expr({testing::op(model::OpCode::PushInt, 1)}, "1");
         },
         {
             "scenario 'hotel_late_checkin' node 'arrival' text condition: expected bool but got "
             "int",
             "scenario 'hotel_late_checkin' node 'arrival': 'add' on non-int variable 'guest_name'",
             "scenario 'hotel_late_checkin' node 'check_in' check: unknown dimension 'speed'",
             "scenario 'hotel_late_checkin' node 'check_in': is not an ending and has no way on",
             "scenario 'hotel_late_checkin' node 'check_in': knowledge check has no next node",
             "scenario 'hotel_late_checkin' node 'ending_reported': unknown outcome 'vanished'",
             "scenario 'hotel_late_checkin' node 'ending_missed': effect on unknown variable "
             "'ghost'",
             "scenario 'hotel_late_checkin' node 'ending_missed': is not an ending and has no way "
             "on",
         }},
        {"a node whose next node does not exist",
         [](model::Bundle& b) { b.scenarios[0].nodes[1].next = "gone"; },
         {
             "scenario 'hotel_late_checkin' node 'check_in': unknown next node 'gone'",
             "scenario 'hotel_late_checkin' node 'check_in': is not an ending and has no way on",
         }},
        {"a choice with every reference broken",
         [](model::Bundle& b) {
             model::Choice& c = b.scenarios[0].nodes[0].choices[0];
             c.target = "nowhere";
             c.tier = "mediocre";
             c.notices.push_back("unheard_of");
             c.scores.push_back({"speed", 1, model::kNoIndex});
             c.effects[0].variable = "ghost";
             c.effects[1].variable = "asked_id"; // add on a bool
         },
         {
             "scenario 'hotel_late_checkin' node 'arrival' choice 'ask_id': unknown target "
             "'nowhere'",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'ask_id': unknown tier "
             "'mediocre'",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'ask_id': unknown indicator "
             "'unheard_of'",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'ask_id': unknown dimension "
             "'speed'",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'ask_id': effect on unknown "
             "variable 'ghost'",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'ask_id': 'add' on non-int "
             "variable 'asked_id'",
         }},
        {"expression type errors, one per choice",
         [](model::Bundle& b) {
             using model::OpCode;
             using testing::expr;
             using testing::op;
             model::Node& n = b.scenarios[0].nodes[0];
             const std::vector<model::Expr> conditions = {
                 expr({op(OpCode::LoadVar, 0, "ghost")}, "ghost"),
                 expr({op(OpCode::Visits, 0, "nowhere"), op(OpCode::PushInt, 0),
                       op(OpCode::Greater)},
                      "visits(nowhere) > 0"),
                 expr({op(OpCode::And)}, "and"),
                 expr({op(OpCode::PushBool, 1), op(OpCode::PushBool, 1)}, "true true"),
                 expr({op(OpCode::Not)}, "not"),
                 expr({op(OpCode::PushInt, 1), op(OpCode::Not)}, "not 1"),
                 expr({op(OpCode::PushBool, 1), op(OpCode::Negate)}, "-true"),
                 expr({op(OpCode::PushInt, 1), op(OpCode::PushBool, 1), op(OpCode::And)},
                      "1 and true"),
                 expr({op(OpCode::PushInt, 1), op(OpCode::PushBool, 0), op(OpCode::Or)},
                      "1 or false"),
                 expr({op(OpCode::PushInt, 1), op(OpCode::PushString, 0, "x"), op(OpCode::Equal)},
                      "1 == \"x\""),
                 expr({op(OpCode::PushString, 0, "x"), op(OpCode::PushInt, 1), op(OpCode::Less)},
                      "\"x\" < 1"),
                 expr({op(OpCode::PushBool, 1), op(OpCode::PushInt, 1), op(OpCode::Add)},
                      "true + 1"),
                 expr({op(OpCode::PushInt, 1), op(OpCode::PushInt, 1), op(OpCode::Subtract)},
                      "1 - 1"),
                 expr({op(OpCode::LoadVar, 0, "guest_name")}, "guest_name"),
                 expr({op(OpCode::PushInt, 1), op(OpCode::PushInt, 2),
                       op(static_cast<OpCode>(model::kLastOpCode + 1))},
                      "1 ? 2"),
             };
             const model::Choice model_choice = n.choices[2];
             n.choices.clear();
             for (std::size_t i = 0; i < conditions.size(); ++i) {
                 model::Choice c = model_choice;
                 c.id = "c" + std::to_string(i);
                 c.condition = conditions[i];
                 n.choices.push_back(c);
             }
         },
         {
             "scenario 'hotel_late_checkin' node 'arrival' choice 'c0' condition: undeclared "
             "variable 'ghost'",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'c1' condition: visits() of "
             "unknown node 'nowhere'",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'c2' condition: malformed "
             "expression",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'c3' condition: malformed "
             "expression",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'c4' condition: malformed "
             "expression",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'c5' condition: 'not' needs "
             "bool, got int",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'c6' condition: '-' needs int, "
             "got bool",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'c7' condition: 'and' needs bool "
             "on both sides, got int and bool",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'c8' condition: 'or' needs bool "
             "on both sides, got int and bool",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'c9' condition: cannot compare "
             "int with string",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'c10' condition: ordering "
             "comparison needs int on both sides, got string and int",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'c11' condition: arithmetic "
             "needs int on both sides, got bool and int",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'c12' condition: expected bool "
             "but got int",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'c13' condition: expected bool "
             "but got string",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'c14' condition: unknown "
             "operation",
         }},
        {"effects whose value has the wrong type",
         [](model::Bundle& b) {
             using model::OpCode;
             using testing::expr;
             using testing::op;
             model::Choice& c = b.scenarios[0].nodes[0].choices[0];
             c.effects[0].value =
                 expr({op(OpCode::PushString, 0, "yes")}, "\"yes\"");      // set bool to string
             c.effects[1].value = expr({op(OpCode::PushBool, 1)}, "true"); // add bool to int
             b.scenarios[0].nodes[0].on_enter[0].value =
                 expr({op(OpCode::PushInt, 3)}, "3"); // set string to int
         },
         {
             "scenario 'hotel_late_checkin' node 'arrival' effect on 'guest_name': expected string "
             "but got int",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'ask_id' effect on 'asked_id': "
             "expected bool but got string",
             "scenario 'hotel_late_checkin' node 'arrival' choice 'ask_id' effect on 'concerns': "
             "expected int but got bool",
         }},
    };
}

// The sample bundle with six score dimensions (more than one pass of the
// analysis takes at once), scores in the last ones, and a loop back to the start.
model::Bundle six_dimensions() {
    model::Bundle b = testing::sample_bundle();
    for (const char* id : {"empathy", "safety", "records", "follow_up"}) {
        b.dimensions.push_back({id, id});
    }
    model::Scenario& s = b.scenarios[0];
    model::Choice& ask = s.nodes[0].choices[0];
    ask.scores.push_back({"follow_up", 4, model::kNoIndex});
    ask.scores.push_back({"safety", -2, model::kNoIndex});
    model::Choice& ignore = s.nodes[0].choices[2];
    ignore.scores.push_back({"follow_up", -3, model::kNoIndex});
    ignore.scores.push_back({"records", 5, model::kNoIndex});
    s.nodes[1].check.scores.push_back({"follow_up", 2, model::kNoIndex});
    s.nodes[1].check.scores.push_back({"empathy", -1, model::kNoIndex});
    model::Choice back = s.nodes[0].choices[1];
    back.id = "start_over";
    back.target = "arrival";
    back.tier = "poor";
    back.scores = {{"empathy", 7, model::kNoIndex}};
    s.nodes[0].choices.push_back(back);
    return b;
}

} // namespace

TEST_CASE("link() reports every problem of a broken graph, in order") {
    for (const LinkCase& c : link_cases()) {
        const std::string name = c.name;
        CAPTURE(name);
        model::Bundle b = testing::sample_bundle();
        c.damage(b);
        const model::LinkResult linked = model::link(b);
        CHECK(linked.total == c.problems.size());
        CHECK(linked.problems == c.problems);
        // The reader refuses the same bundle with the first problem (when the
        // writer can write it: an operator outside the enum cannot be).
        std::vector<std::uint8_t> file;
        try {
            file = bundle::write_bundle(b, testing::kTestCompilerVersion);
        } catch (const std::invalid_argument&) {
            continue;
        }
        const auto error = testing::load_error(file);
        REQUIRE(error);
        CHECK(testing::contains(*error, "invalid content: " + c.problems.front()));
    }
}

TEST_CASE("score ranges cover every dimension, past one pass of the analysis") {
    model::Bundle b = six_dimensions();
    REQUIRE(model::link(b).ok());
    const std::vector<std::pair<std::int64_t, std::int64_t>> expected = {{-1, 5}, {0, 1}, {-1, 0},
                                                                         {-2, 0}, {0, 5}, {-3, 6}};
    const model::Scenario& s = b.scenarios[0];
    REQUIRE(s.score_ranges.size() == expected.size());
    for (std::size_t d = 0; d < expected.size(); ++d) {
        CAPTURE(d);
        CHECK(s.score_ranges[d].min == expected[d].first);
        CHECK(s.score_ranges[d].max == expected[d].second);
    }
    const model::PathBounds all = model::path_bounds(s, b.dimensions.size());
    CHECK(all.reaches_ending);
    CHECK(all.min_total == -1);
    CHECK(all.max_total == 10);

    const model::PathBounds best = model::path_bounds(
        s, b.dimensions.size(), [&](const model::Node& n, const model::Choice& c) {
            return model::is_best_tier_choice(n, c, b.tiers);
        });
    CHECK(best.reaches_ending);
    CHECK(best.min_total == 4);
    CHECK(best.max_total == 10);
    const std::vector<std::pair<std::int64_t, std::int64_t>> best_expected = {
        {2, 5}, {1, 1}, {-1, 0}, {-2, -2}, {0, 0}, {4, 6}};
    REQUIRE(best.per_dimension.size() == best_expected.size());
    for (std::size_t d = 0; d < best_expected.size(); ++d) {
        CAPTURE(d);
        CHECK(best.per_dimension[d].min == best_expected[d].first);
        CHECK(best.per_dimension[d].max == best_expected[d].second);
    }
}

TEST_CASE("a course's rules and a scenario's topics link, and the bundle carries them") {
    model::Bundle b = testing::sample_bundle();
    b.rules.push_back(compliance_rule());
    b.courses[0].meets = {"hotel-rule"};
    b.scenarios[0].teaches = {"hotel.signs"};
    REQUIRE(model::link(b).ok());
    const std::vector<std::uint8_t> file = bundle::write_bundle(b, testing::kTestCompilerVersion);
    const bundle::LoadedBundle loaded = bundle::read_bundle(file, "memory");
    REQUIRE(loaded.model.rules.size() == 1);
    const model::Rule& rule = loaded.model.rules[0];
    CHECK(rule.id == "hotel-rule");
    CHECK(rule.applies_to == std::vector<std::string>{"hotel"});
    CHECK(rule.minimum_minutes == 20);
    CHECK(rule.recurrence_months == 12);
    REQUIRE(rule.topics.size() == 1);
    CHECK(rule.topics[0].id == "hotel.signs");
    CHECK(rule.topics[0].text == "Warning signs");
    CHECK(rule.proof == std::vector<std::string>{"name", "certificate"});
    CHECK(loaded.model.courses[0].meets == std::vector<std::string>{"hotel-rule"});
    CHECK(loaded.model.scenarios[0].teaches == std::vector<std::string>{"hotel.signs"});
}
