// Every diagnostic code has a section in content/diagnostics.md with an example,
// and compiling that example fires exactly that code (Yarn Spinner's habit of
// documentation that doubles as tests). Quality-gate codes (SL05xx) are
// lint-mode: their example compiles cleanly and lint() fires exactly its code.
// The gaming audit's codes (SL0508-SL0510) come from learning::audit(), which
// plays the compiled example: it compiles cleanly and the audit fires only its code.
// A translation example (SL0601-SL0605, SL0519) has a PO file after its scenario
// text: the scenario text compiles cleanly, and reading the PO file fires exactly
// its code (a translated lint example: reads cleanly, and lint fires its code).
#include "content/compile.hpp"
#include "content/lint.hpp"
#include "content/translation.hpp"
#include "learning/audit.hpp"
#include "support/files.hpp"

#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <set>

using namespace sightline;

namespace {

struct Example {
    std::string code;
    std::string title;       // the heading after "SLxxxx: "
    std::string explanation; // the prose between the heading and the example
    std::string text;        // empty when the section has no example
    std::string po;          // a translation example's PO file
};

std::vector<Example> catalogue_examples() {
    const std::string doc = test::read_source_file("content/diagnostics.md");
    std::vector<Example> examples;
    bool in_section = false; // prose belongs to the last code until the next heading
    std::size_t position = 0;
    while (position < doc.size()) {
        std::size_t end = doc.find('\n', position);
        if (end == std::string::npos) {
            end = doc.size();
        }
        const std::string line = doc.substr(position, end - position);
        // Section headings look like "## SL0101: title".
        if (line.starts_with("## SL") && line.size() > 10 && line[9] == ':') {
            examples.push_back({line.substr(3, 6), line.substr(11), {}, {}, {}});
            in_section = true;
        } else if (line.starts_with("#")) {
            in_section = false;
        } else if ((line == "```scn" || line == "```po") && !examples.empty()) {
            const std::size_t close = doc.find("\n```", end);
            REQUIRE(close != std::string::npos);
            (line == "```scn" ? examples.back().text : examples.back().po) =
                doc.substr(end + 1, close - end);
            end = close + 4;
        } else if (in_section && !line.empty()) {
            examples.back().explanation += line + '\n';
        }
        position = end + 1;
    }
    return examples;
}

std::string expand_placeholders(std::string text) {
    const std::map<std::string, std::string> replacements = {
        {"{{NUL}}", std::string(1, '\0')},
        {"{{INVALID_UTF8}}", "\xFF"},
        {"{{LONG_LINE}}", std::string(20000, 'a')},
    };
    for (const auto& [placeholder, bytes] : replacements) {
        for (std::size_t at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder)) {
            text.replace(at, placeholder.size(), bytes);
        }
    }
    return text;
}

std::set<content::DiagnosticCode> codes_of(const std::vector<content::Diagnostic>& diagnostics) {
    std::set<content::DiagnosticCode> codes;
    for (const content::Diagnostic& d : diagnostics) {
        codes.insert(d.code);
    }
    return codes;
}

std::set<content::DiagnosticCode> codes_of(const content::CompileResult& result) {
    return codes_of(result.diagnostics);
}

// The example's PO file, after a translation of the prelude's strings (each
// "translated" as itself), so that only the example's own strings count.
std::string with_prelude_translated(const content::CompileResult& result, std::string po) {
    for (content::po::Entry& e : content::extract_translatable(result)) {
        if (!e.references.empty() && e.references.front().starts_with("prelude.scn:")) {
            po += "\nmsgctxt \"" + e.context + "\"\nmsgid \"" + e.id + "\"\nmsgstr \"" + e.id +
                  "\"\n";
        }
    }
    return po;
}

// A translation code fires, alone, when the example's PO file is read (SL0601 to
// SL0605), or when lint runs on its text (SL0519), which must then read cleanly.
void check_translation_example(content::DiagnosticCode code, const content::CompileResult& result,
                               const std::string& po) {
    CHECK(result.diagnostics.empty());
    REQUIRE(result.bundle.has_value());
    content::SourceSet files;
    files.emplace_back(std::string(code.id()) + ".po", with_prelude_translated(result, po));
    const content::TranslationResult read = content::read_translations(result, std::move(files));
    for (const content::Diagnostic& d : read.diagnostics) {
        CHECK(d.severity == code.severity());
        CHECK(d.location.file >= 1); // the example or its PO file, not the prelude
    }
    if (content::is_translation_code(code)) {
        CHECK(codes_of(read.diagnostics) == std::set{code});
        CHECK(read.has_errors() == (code.severity() == content::Severity::Error));
        return;
    }
    CHECK(read.diagnostics.empty());
    const content::LintReport report = content::lint(result, read);
    CHECK(codes_of(report.diagnostics) == std::set{code});
    for (const content::Diagnostic& d : report.diagnostics) {
        CHECK(d.location.file == 2); // the PO file
        CHECK(d.location.line > 0);
    }
}

} // namespace

TEST_CASE("every code in the catalogue is documented and every documented code exists") {
    const std::vector<Example> examples = catalogue_examples();
    std::set<std::string> documented;
    for (const Example& e : examples) {
        CHECK_MESSAGE(documented.insert(e.code).second, "documented twice: " << e.code);
        CHECK_MESSAGE(content::find_code(e.code).has_value(), "no such code: " << e.code);
    }
    for (const content::DiagnosticCode code : content::all_codes()) {
        CHECK_MESSAGE(documented.contains(std::string(code.id())),
                      "not documented in diagnostics.md: " << code);
    }
}

TEST_CASE(
    "each documented code has its catalogue title, its severity, an explanation and an example") {
    for (const Example& example : catalogue_examples()) {
        CAPTURE(example.code);
        const std::optional<content::DiagnosticCode> code = content::find_code(example.code);
        REQUIRE(code.has_value());
        // "## SL0402: unreachable node (warning)": the heading may shorten the catalogue title
        // ("syntax error" for "syntax error: the line is ..."), and marks every warning.
        std::string title = example.title;
        const std::string warning = " (warning)";
        const bool marked = title.ends_with(warning);
        if (marked) {
            title.resize(title.size() - warning.size());
        }
        CHECK(marked == (code->severity() == content::Severity::Warning));
        CHECK_MESSAGE(code->title().starts_with(title),
                      "heading '" << example.title << "' against title '" << code->title() << "'");
        CHECK_FALSE(example.explanation.empty());
        // SL0001 needs a missing file, not a text (tested below); every other code has one.
        CHECK(example.text.empty() == (*code == content::codes::source_unreadable));
    }
}

// The catalogue's own invariants are static_asserts in diagnostic_codes.hpp; these show the
// named constants are the catalogue's entries.
static_assert(content::codes::unknown_node.id() == "SL0202");
static_assert(content::codes::unreachable_node.severity() == content::Severity::Warning);
static_assert(content::find_code("SL0202") == content::codes::unknown_node);
static_assert(!content::find_code("SL9999").has_value());
static_assert(content::all_codes().front() == content::codes::source_unreadable);
static_assert(content::all_codes().back() == content::codes::po_changes_english);
static_assert(content::is_translation_code(content::codes::po_fuzzy));
static_assert(!content::is_translation_code(content::codes::spanish_reading_ease_too_low));
static_assert(!content::is_audit_code(content::codes::notice_not_listed));
static_assert(content::is_audit_code(content::codes::non_reader_passes));
static_assert(!content::is_audit_code(content::codes::unknown_phone_number));
static_assert(!content::is_audit_code(content::codes::credit_exceeds_play_time));

TEST_CASE("each documented example fires exactly its own code") {
    const std::string prelude = test::read_source_file("tests/content/examples/prelude.scn");
    for (const Example& example : catalogue_examples()) {
        if (example.text.empty()) {
            continue; // SL0001 is covered below: it needs a missing file, not a text
        }
        CAPTURE(example.code);
        content::SourceSet sources;
        sources.emplace_back("prelude.scn", prelude);
        sources.emplace_back(example.code + ".scn", expand_placeholders(example.text));
        const content::CompileResult result = content::compile(std::move(sources));
        const std::optional<content::DiagnosticCode> code = content::find_code(example.code);
        REQUIRE(code.has_value());
        CHECK(example.po.empty() == !(content::is_translation_code(*code) ||
                                      *code == content::codes::spanish_reading_ease_too_low));
        if (!example.po.empty()) {
            check_translation_example(*code, result, example.po);
            continue;
        }
        if (content::is_audit_code(*code)) {
            // The gaming audit: the content compiles without a word, then the audit (seed 1,
            // the default runs) reports this code and no other.
            CHECK(result.diagnostics.empty());
            REQUIRE(result.bundle.has_value());
            const learning::AuditReport report = learning::audit(*result.bundle);
            std::set<content::DiagnosticCode> fired;
            for (const learning::AuditFinding& f : report.findings) {
                fired.insert(f.code);
                CHECK_FALSE(f.message.empty());
            }
            CHECK(fired == std::set{*code});
            CHECK_FALSE(report.passed());
            continue;
        }
        if (content::is_lint_code(*code)) {
            // A quality gate: the content compiles without a word, then fails one gate.
            CHECK(result.diagnostics.empty());
            REQUIRE(result.bundle.has_value());
            const content::LintReport report = content::lint(result);
            CHECK(codes_of(report.diagnostics) == std::set{*code});
            CHECK_FALSE(report.passed());
            for (const content::Diagnostic& d : report.diagnostics) {
                CHECK(d.severity == code->severity());
                CHECK(d.location.file == 1);
                CHECK(d.location.line > 0);
            }
            continue;
        }
        CHECK(codes_of(result) == std::set{*code});
        CHECK(result.has_errors() == (code->severity() == content::Severity::Error));
        for (const content::Diagnostic& d : result.diagnostics) {
            CHECK(d.location.file == 1); // it points into the example, not the prelude
        }
    }
}

TEST_CASE("only the quality-gate codes are lint codes, and the prelude passes every gate") {
    std::size_t lint_codes = 0;
    for (const content::DiagnosticCode code : content::all_codes()) {
        lint_codes += content::is_lint_code(code) ? 1 : 0;
    }
    CHECK(lint_codes == 16); // SL0501 to SL0507 and SL0511 to SL0519
    CHECK(content::is_lint_code(content::codes::banned_term));
    CHECK_FALSE(content::is_lint_code(content::codes::non_reader_passes)); // the audit's
    CHECK_FALSE(content::is_lint_code(content::codes::pass_without_right_answer));
    CHECK_FALSE(content::is_lint_code(content::codes::poorer_tier_outscores_best));
    const content::CompileResult prelude = content::compile_text(
        "prelude.scn", test::read_source_file("tests/content/examples/prelude.scn"));
    REQUIRE(prelude.bundle.has_value());
    CHECK(content::lint(prelude).passed());
}

TEST_CASE("SL0001: a path that cannot be read is a diagnostic, not an exception") {
    const content::CompileResult result =
        content::compile_paths({"/nonexistent/sightline/missing.scn"});
    CHECK(codes_of(result) == std::set{content::codes::source_unreadable});
    CHECK(result.has_errors());
    CHECK_FALSE(result.bundle.has_value());
}
