// Read-only questions a menu asks of a bundle: which courses, which scenarios in
// a course (in the order learners meet them), and what an indicator is.
#pragma once

#include "model/model.hpp"

#include <string_view>
#include <vector>

namespace sightline::runtime {

struct CourseScenario {
    const model::Scenario* scenario = nullptr;
    bool required = true;
};

class Catalogue {
  public:
    explicit Catalogue(const model::Bundle& bundle) : bundle_(&bundle) {}

    const model::Bundle& bundle() const { return *bundle_; }

    // Every course, in bundle order.
    std::vector<const model::Course*> courses() const;
    const model::Course* course(std::string_view id) const; // nullptr when unknown

    // A course's scenarios in course order; empty for an unknown course.
    std::vector<CourseScenario> scenarios(std::string_view course_id) const;
    // Scenarios that no course lists (playable by id, e.g. drafts).
    std::vector<const model::Scenario*> scenarios_without_course() const;
    const model::Scenario* scenario(std::string_view id) const;

    const model::Indicator* indicator(std::string_view id) const;
    // The indicators a scenario says are present in its story, catalogue entries resolved.
    std::vector<const model::Indicator*> indicators_of(const model::Scenario& scenario) const;

    const model::Role* role(std::string_view id) const;

  private:
    const model::Bundle* bundle_;
};

} // namespace sightline::runtime
