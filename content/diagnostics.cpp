#include "content/diagnostics.hpp"

#include "i18n/i18n.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace sightline::content {

namespace {

// Long lines are shown as a window around the column so a multi-megabyte line
// never floods the terminal.
constexpr std::size_t kExcerptWidth = 100;

} // namespace

std::string_view severity_name(Severity severity) {
    // TRANSLATORS: the severity in "file:line:col: error SL0202: message".
    return severity == Severity::Error ? i18n::tr("diagnostic severity", "error")
                                       : i18n::tr("diagnostic severity", "warning");
}

std::string id_kind(std::string_view what) {
    using i18n::tr;
    // TRANSLATORS: the kinds of ids of the scenario language, put into diagnostics
    // such as "unknown {2} '{1}'" and "'{1}' is not a valid {2} id".
    const std::array<std::pair<std::string_view, const char*>, 14> kinds = {{
        {"block", tr("kind of id", "block")},
        {"choice", tr("kind of id", "choice")},
        {"course", tr("kind of id", "course")},
        {"dimension", tr("kind of id", "dimension")},
        {"indicator", tr("kind of id", "indicator")},
        {"node", tr("kind of id", "node")},
        {"option", tr("kind of id", "option")},
        {"outcome", tr("kind of id", "outcome")},
        {"role", tr("kind of id", "role")},
        {"rule", tr("kind of id", "rule")},
        {"scenario", tr("kind of id", "scenario")},
        {"tier", tr("kind of id", "tier")},
        {"topic", tr("kind of id", "topic")},
        {"variable", tr("kind of id", "variable")},
    }};
    for (const auto& [english, translated] : kinds) {
        if (what == english) {
            return translated;
        }
    }
    return std::string(what);
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
