#include "runtime/catalogue.hpp"

#include "model/link.hpp"

#include <algorithm>

namespace sightline::runtime {

std::vector<const model::Course*> Catalogue::courses() const {
    std::vector<const model::Course*> out;
    for (const model::Course& c : bundle_->courses) {
        out.push_back(&c);
    }
    return out;
}

const model::Course* Catalogue::course(std::string_view id) const {
    return model::find_by_id(bundle_->courses, id);
}

std::vector<CourseScenario> Catalogue::scenarios(std::string_view course_id) const {
    std::vector<CourseScenario> out;
    const model::Course* c = course(course_id);
    if (c == nullptr) {
        return out;
    }
    for (const model::CourseEntry& e : c->entries) {
        const model::Scenario* s = e.scenario_index < bundle_->scenarios.size()
                                       ? &bundle_->scenarios[e.scenario_index]
                                       : scenario(e.scenario);
        if (s != nullptr) {
            out.push_back({s, e.required});
        }
    }
    return out;
}

std::vector<const model::Scenario*> Catalogue::scenarios_without_course() const {
    std::vector<const model::Scenario*> out;
    for (const model::Scenario& s : bundle_->scenarios) {
        const bool listed =
            std::any_of(bundle_->courses.begin(), bundle_->courses.end(), [&](const auto& c) {
                return std::any_of(c.entries.begin(), c.entries.end(),
                                   [&](const auto& e) { return e.scenario == s.id; });
            });
        if (!listed) {
            out.push_back(&s);
        }
    }
    return out;
}

const model::Scenario* Catalogue::scenario(std::string_view id) const {
    return model::find_by_id(bundle_->scenarios, id);
}

const model::Indicator* Catalogue::indicator(std::string_view id) const {
    return model::find_by_id(bundle_->indicators, id);
}

std::vector<const model::Indicator*>
Catalogue::indicators_of(const model::Scenario& scenario) const {
    std::vector<const model::Indicator*> out;
    for (const std::string& id : scenario.indicators) {
        if (const model::Indicator* i = indicator(id)) {
            out.push_back(i);
        }
    }
    return out;
}

const model::Role* Catalogue::role(std::string_view id) const {
    return model::find_by_id(bundle_->roles, id);
}

} // namespace sightline::runtime
