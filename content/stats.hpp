// Content statistics for authors and reviewers (`sightc stats`): the size of
// every scenario and course, indicator coverage per role and reading grade.
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
    std::size_t indicators = 0;
    std::uint32_t minutes = 0;
    double reading_grade = 0; // Flesch-Kincaid grade of all learner-facing text
};

struct RoleCoverage {
    std::string role;
    std::size_t catalogue = 0;        // indicators the catalogue lists for the role
    std::vector<std::string> covered; // of those, the ones some scenario of the role uses
};

struct CourseStats {
    std::string id, role;
    std::size_t scenarios = 0, required = 0;
    std::uint32_t minutes = 0, credit_minutes = 0;
};

struct Stats {
    std::vector<ScenarioStats> scenarios;
    std::vector<CourseStats> courses;
    std::vector<RoleCoverage> roles;
};

Stats compute_stats(const model::Bundle& bundle);
void print_stats(std::ostream& out, const Stats& stats);

// Flesch-Kincaid grade level of English text (syllables estimated from vowel groups).
double reading_grade(std::string_view text);

// Everything a learner reads in a scenario (facilitator notes excluded).
std::string learner_text(const model::Scenario& scenario);

} // namespace sightline::content
