// Content statistics for authors and reviewers (`sightc stats`): the size of
// every scenario and course, indicator coverage per role and course, and
// reading grade. `sightc lint` (lint.hpp) turns some of these into gates.
#pragma once

#include "model/model.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::content {

struct ScenarioStats {
    std::string id, role;
    std::size_t nodes = 0, decisions = 0, choices = 0, checks = 0, endings = 0;
    std::size_t indicators = 0; // distinct indicators and confounders the scenario uses
    std::uint32_t minutes = 0;
    double reading_grade = 0; // Flesch-Kincaid grade of all learner-facing text
};

// How many of a role's catalogue entries some scenarios use. Indicators and
// confounders are counted apart: the coverage gate counts indicators only.
struct Coverage {
    std::size_t indicators = 0;       // indicators the catalogue lists for the role
    std::vector<std::string> covered; // of those, the ones used, in catalogue order
    std::size_t confounders = 0;      // confounders the catalogue lists for the role
    std::size_t confounders_covered = 0;
};

struct RoleCoverage {
    std::string role;
    Coverage coverage; // over every scenario of the role
};

struct CourseStats {
    std::string id, role;
    std::size_t scenarios = 0, required = 0;
    std::uint32_t minutes = 0, credit_minutes = 0;
    Coverage coverage; // of the course's role, over the course's scenarios
};

struct Stats {
    std::vector<ScenarioStats> scenarios;
    std::vector<CourseStats> courses;
    std::vector<RoleCoverage> roles;
};

Stats compute_stats(const model::Bundle& bundle);
void print_stats(std::ostream& out, const Stats& stats);

// The catalogue entries of `role` that `scenarios` use (their `indicators:`
// lists and their choices' `notices:`).
Coverage role_coverage(const model::Bundle& bundle, std::string_view role,
                       const std::vector<const model::Scenario*>& scenarios);

// The scenarios a course lists that exist in the bundle, in course order.
std::vector<const model::Scenario*> course_scenarios(const model::Bundle& bundle,
                                                     const model::Course& course);

// Flesch-Kincaid grade level of English text (syllables estimated from vowel groups).
double reading_grade(std::string_view text);

// Everything a learner reads in a scenario: the content note, objectives, the
// safe response, where to report and every node (facilitator notes, discussion
// prompts, titles and speaker names excluded).
std::string learner_text(const model::Scenario& scenario);

// The learner-facing text of one node: paragraphs, choices and their feedback,
// the knowledge check with its options and feedback, and the debrief.
std::string learner_text(const model::Node& node);

} // namespace sightline::content
