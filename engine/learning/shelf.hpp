// The order in which every player presents a bundle's courses: grouped by role
// in the order the taxonomy declares the roles (so the cross-role foundations,
// declared first, come first), each group's courses in bundle order, and
// courses of an undeclared role last under "Other courses". Decided here once
// so the desktop catalogue, the text menu and `--list` agree.
#pragma once

#include "model/model.hpp"

#include <string>
#include <vector>

namespace sightline::learning {

struct ShelfGroup {
    std::string role_id;   // empty for "Other courses"
    std::string role_name; // the role's display name
    std::vector<const model::Course*> courses;
};

std::vector<ShelfGroup> course_shelf(const model::Bundle& bundle);

// The same courses as one list, in shelf order.
std::vector<const model::Course*> courses_in_shelf_order(const model::Bundle& bundle);

} // namespace sightline::learning
