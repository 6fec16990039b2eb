#include "learning/shelf.hpp"

#include "i18n/i18n.hpp"
#include "model/link.hpp"

namespace sightline::learning {

std::vector<ShelfGroup> course_shelf(const model::Bundle& bundle) {
    std::vector<ShelfGroup> shelf;
    for (const model::Role& role : bundle.roles) {
        ShelfGroup group{role.id, role.name, {}};
        for (const model::Course& course : bundle.courses) {
            if (course.role == role.id) {
                group.courses.push_back(&course);
            }
        }
        if (!group.courses.empty()) {
            shelf.push_back(std::move(group));
        }
    }
    ShelfGroup other{"", i18n::tr("Other courses"), {}};
    for (const model::Course& course : bundle.courses) {
        if (model::find_by_id(bundle.roles, course.role) == nullptr) {
            other.courses.push_back(&course);
        }
    }
    if (!other.courses.empty()) {
        shelf.push_back(std::move(other));
    }
    return shelf;
}

std::vector<const model::Course*> courses_in_shelf_order(const model::Bundle& bundle) {
    std::vector<const model::Course*> out;
    for (const ShelfGroup& group : course_shelf(bundle)) {
        out.insert(out.end(), group.courses.begin(), group.courses.end());
    }
    return out;
}

} // namespace sightline::learning
