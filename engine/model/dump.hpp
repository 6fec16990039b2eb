// A readable, stable text form of a model: what `sightc dump` prints and what
// the golden tests compare. Every field that is stored in a bundle appears.
#pragma once

#include "model/model.hpp"

#include <ostream>

namespace sightline::model {

void dump(std::ostream& out, const Bundle& bundle);

} // namespace sightline::model
