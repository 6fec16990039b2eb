#include "content/diagnostics.hpp"

#include <algorithm>

namespace sightline::content {

namespace {

// Long lines are shown as a window around the column so a multi-megabyte line
// never floods the terminal.
constexpr std::size_t kExcerptWidth = 100;

} // namespace

std::string_view severity_name(Severity severity) {
    return severity == Severity::Error ? "error" : "warning";
}

void DiagnosticSink::report(DiagnosticCode code, Location where, std::string message) {
    diagnostics_.push_back(Diagnostic{code, code.severity(), where, std::move(message)});
}

std::size_t DiagnosticSink::error_count() const {
    return static_cast<std::size_t>(
        std::count_if(diagnostics_.begin(), diagnostics_.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         const Location& x = a.location;
                         const Location& y = b.location;
                         if (x.file != y.file) {
                             return x.file < y.file;
                         }
                         if (x.line != y.line) {
                             return x.line < y.line;
                         }
                         return x.column < y.column;
                     });
}

void print_diagnostic(std::ostream& out, const Diagnostic& diagnostic, const SourceSet& sources) {
    const Location& at = diagnostic.location;
    const SourceFile* file = at.file < sources.size() ? &sources[at.file] : nullptr;
    out << (file ? file->name() : std::string("<unknown>"));
    if (at.line > 0) {
        out << ':' << at.line << ':' << std::max<std::uint32_t>(at.column, 1);
    }
    out << ": " << severity_name(diagnostic.severity) << ' ' << diagnostic.code.id() << ": "
        << diagnostic.message << '\n';
    if (!file || at.line == 0) {
        return;
    }
    std::string_view line = file->line(at.line);
    std::size_t column = at.column > 0 ? at.column - 1 : 0;
    column = std::min(column, line.size());
    std::size_t begin = 0;
    if (line.size() > kExcerptWidth && column > kExcerptWidth / 2) {
        begin = std::min(column - kExcerptWidth / 2, line.size() - kExcerptWidth);
    }
    std::string_view shown = line.substr(begin, kExcerptWidth);
    const std::string number = std::to_string(at.line);
    out << ' ' << number << " | ";
    for (char c : shown) {
        // Control bytes (NUL, escape) would corrupt the terminal; show them as '?'.
        const auto byte = static_cast<unsigned char>(c);
        out << ((byte < 0x20 && c != '\t') || byte == 0x7F ? '?' : c);
    }
    out << '\n' << std::string(number.size() + 1, ' ') << " | ";
    // Count display columns, not bytes, so the caret lines up under UTF-8 text.
    for (std::size_t i = begin; i < column; ++i) {
        const auto byte = static_cast<unsigned char>(line[i]);
        if ((byte & 0xC0) != 0x80) {
            out << (line[i] == '\t' ? '\t' : ' ');
        }
    }
    out << "^\n";
}

} // namespace sightline::content
