#include "runtime/catalogue.hpp"
#include "support/scenario_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>

using namespace sightline;

TEST_CASE("the catalogue lists courses, their scenarios in order, and indicators by id") {
    const runtime::Catalogue catalogue(test::format_example());
    const auto courses = catalogue.courses();
    REQUIRE(courses.size() == 1);
    CHECK(courses[0]->id == "hotel-example");
    CHECK(courses[0]->title == "Hotel example course");
    CHECK(catalogue.course("hotel-example") == courses[0]);
    CHECK(catalogue.course("nope") == nullptr);

    const auto scenarios = catalogue.scenarios("hotel-example");
    REQUIRE(scenarios.size() == 1);
    CHECK(scenarios[0].scenario->id == "hotel.example");
    CHECK(scenarios[0].required);
    CHECK(catalogue.scenarios("nope").empty());
    CHECK(catalogue.scenarios_without_course().empty());
    CHECK(catalogue.scenario("hotel.example") == scenarios[0].scenario);

    const model::Indicator* cash = catalogue.indicator("hotel.x-cash-guest");
    REQUIRE(cash != nullptr);
    CHECK(cash->name == "A guest who pays cash");
    CHECK(cash->confounder);
    CHECK(catalogue.indicator("nope") == nullptr);

    const auto present = catalogue.indicators_of(*scenarios[0].scenario);
    REQUIRE(present.size() == 2);
    CHECK(present[0]->id == "hotel.id-held-by-other");
    CHECK(present[1]->id == "hotel.fearful-guest");
    CHECK(catalogue.role("hotel")->name == "Hotel and motel staff");
}

TEST_CASE("scenarios outside every course are listed separately") {
    std::string text = R"(
course c1
title: Course one
role: hotel
description: d
passing-score: 50
credit-minutes: 5
topic: t
scenario: s.two optional
scenario: s.one required
)";
    for (const auto& [id, title] :
         {std::pair{"s.one", "One"}, {"s.two", "Two"}, {"s.draft", "Draft"}}) {
        text += test::scenario_header(id, title) + "== a\nending: done\n";
    }
    const model::Bundle bundle = test::compile_scn(text);
    const runtime::Catalogue catalogue(bundle);
    const auto scenarios = catalogue.scenarios("c1");
    REQUIRE(scenarios.size() == 2);
    CHECK(scenarios[0].scenario->id == "s.two"); // course order, not file order
    CHECK_FALSE(scenarios[0].required);
    CHECK(scenarios[1].scenario->id == "s.one");
    const auto loose = catalogue.scenarios_without_course();
    REQUIRE(loose.size() == 1);
    CHECK(loose[0]->id == "s.draft");
}
