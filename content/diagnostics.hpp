// Compiler diagnostics in the Yarn Spinner manner: every problem has a stable
// code (SL0101...), a severity, a location and a message. The catalogue of codes
// lives in diagnostic_codes.hpp, where each is a named constant checked at compile
// time; content/diagnostics.md explains each with an example that the tests compile.
#pragma once

#include "content/diagnostic_codes.hpp"
#include "content/source.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::content {

struct Diagnostic {
    DiagnosticCode code;
    Severity severity = Severity::Error;
    Location location;
    std::string message;
};

// Collects diagnostics; the severity comes from the catalogue.
class DiagnosticSink {
  public:
    void report(DiagnosticCode code, Location where, std::string message);
    const std::vector<Diagnostic>& all() const { return diagnostics_; }
    std::vector<Diagnostic> take() { return std::move(diagnostics_); }
    std::size_t error_count() const;

  private:
    std::vector<Diagnostic> diagnostics_;
};

// Sorts by file, line, column (stable, so same-place diagnostics keep their order).
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

// "file:line:col: error SL0202: message" followed by the line and a caret.
void print_diagnostic(std::ostream& out, const Diagnostic& diagnostic, const SourceSet& sources);

// "error" or "warning", in the language of the program's text (i18n::tr).
std::string_view severity_name(Severity severity);

// The word for a kind of id in a diagnostic ("node", "indicator", "role"...),
// in the language of the program's text: messages put it into whole patterns
// such as "unknown {2} '{1}'". An unlisted word is returned as it is.
std::string id_kind(std::string_view what);

} // namespace sightline::content
