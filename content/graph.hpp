// The branching map of one scenario: Graphviz DOT text, rendered to SVG or PNG
// in-process with Graphviz's own library (libgvc).
#pragma once

#include "model/model.hpp"

#include <string>
#include <string_view>

namespace sightline::content {

// Nodes are shaped by kind (decision, check, passage, ending) and endings are
// coloured by outcome; edges carry the choice id and tier. Every colour is
// paired with a shape or label so the map never relies on colour alone.
std::string scenario_dot(const model::Bundle& bundle, const model::Scenario& scenario);

// Renders DOT with the given Graphviz format ("svg" or "png") to `path`.
// Returns an empty string on success, or the reason it failed.
std::string render_dot(const std::string& dot, std::string_view format, const std::string& path);

} // namespace sightline::content
