#include "content/diagnostics.hpp"

#include <array>

namespace sightline::content {

namespace {

using enum Severity;

// Keep in numeric order and in step with content/diagnostics.md (a test checks both).
constexpr std::array kCodes = {
    CodeInfo{"SL0001", Error, "a source file cannot be read"},
    CodeInfo{"SL0101", Error, "syntax error: the line is not what was expected here"},
    CodeInfo{"SL0102", Error, "the file is not valid UTF-8"},
    CodeInfo{"SL0103", Error, "the file contains a NUL byte"},
    CodeInfo{"SL0104", Error, "a line is too long"},
    CodeInfo{"SL0105", Error, "unknown field"},
    CodeInfo{"SL0106", Error, "malformed condition or expression"},
    CodeInfo{"SL0107", Error, "expression nested too deeply"},
    CodeInfo{"SL0108", Error, "invalid id"},
    CodeInfo{"SL0109", Error, "invalid value"},
    CodeInfo{"SL0110", Error, "a field is given twice"},
    CodeInfo{"SL0111", Error, "a choice has no target"},
    CodeInfo{"SL0201", Error, "duplicate id"},
    CodeInfo{"SL0202", Error, "unknown node"},
    CodeInfo{"SL0203", Error, "unknown indicator"},
    CodeInfo{"SL0204", Error, "unknown role, dimension, tier or outcome"},
    CodeInfo{"SL0205", Error, "a course names a scenario that does not exist"},
    CodeInfo{"SL0206", Error, "undeclared variable"},
    CodeInfo{"SL0301", Error, "type mismatch"},
    CodeInfo{"SL0401", Error, "a required field is missing"},
    CodeInfo{"SL0402", Warning, "unreachable node"},
    CodeInfo{"SL0403", Error, "dead end: a node with no way on that is not an ending"},
    CodeInfo{"SL0404", Error, "a knowledge check has no correct answer"},
    CodeInfo{"SL0405", Error, "a single-answer check has more than one correct answer"},
    CodeInfo{"SL0406", Error, "a node is two kinds at once"},
    CodeInfo{"SL0407", Warning, "a poorer-tier path outscores the best-tier path"},
    CodeInfo{"SL0408", Error, "no ending can be reached"},
    CodeInfo{"SL0409", Error, "a knowledge check needs at least two options"},
    // Quality gates: reported only by `sightc lint` and `sightc check --lint` (lint.hpp).
    CodeInfo{"SL0501", Error, "a debrief or report names no reporting resource"},
    CodeInfo{"SL0502", Error, "a course covers too few of its role's indicators"},
    CodeInfo{"SL0503", Error, "a banned term outside a node that teaches it"},
    CodeInfo{"SL0504", Error, "learner-facing text reads above US grade 8"},
    CodeInfo{"SL0505", Error, "the best-tier path cannot reach the maximum score"},
    CodeInfo{"SL0506", Error, "a phone number that is not a known reporting number"},
};

} // namespace

std::span<const CodeInfo> all_codes() {
    return kCodes;
}

const CodeInfo* find_code(std::string_view code) {
    for (const CodeInfo& info : kCodes) {
        if (info.code == code) {
            return &info;
        }
    }
    return nullptr;
}

} // namespace sightline::content
