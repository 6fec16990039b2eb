// Every diagnostic code has a section in content/diagnostics.md with an example,
// and compiling that example fires exactly that code (Yarn Spinner's habit of
// documentation that doubles as tests). Quality-gate codes (SL05xx) are
// lint-mode: their example compiles cleanly and lint() fires exactly its code.
#include "content/compile.hpp"
#include "content/lint.hpp"
#include "support/files.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>

using namespace sightline;

namespace {

struct Example {
    std::string code;
    std::string text; // empty when the section has no example
};

std::vector<Example> catalogue_examples() {
    const std::string doc = test::read_source_file("content/diagnostics.md");
    std::vector<Example> examples;
    std::size_t position = 0;
    while (position < doc.size()) {
        std::size_t end = doc.find('\n', position);
        if (end == std::string::npos) {
            end = doc.size();
        }
        const std::string line = doc.substr(position, end - position);
        // Section headings look like "## SL0101: title".
        if (line.starts_with("## SL") && line.size() > 9 && line[9] == ':') {
            examples.push_back({line.substr(3, 6), {}});
        } else if (line == "```scn" && !examples.empty()) {
            const std::size_t close = doc.find("\n```", end);
            REQUIRE(close != std::string::npos);
            examples.back().text = doc.substr(end + 1, close - end);
            end = close + 4;
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

std::set<std::string> codes_of(const std::vector<content::Diagnostic>& diagnostics) {
    std::set<std::string> codes;
    for (const content::Diagnostic& d : diagnostics) {
        codes.insert(d.code);
    }
    return codes;
}

std::set<std::string> codes_of(const content::CompileResult& result) {
    return codes_of(result.diagnostics);
}

} // namespace

TEST_CASE("every code in the catalogue is documented and every documented code exists") {
    const std::vector<Example> examples = catalogue_examples();
    std::set<std::string> documented;
    for (const Example& e : examples) {
        CHECK_MESSAGE(documented.insert(e.code).second, "documented twice: " << e.code);
        CHECK_MESSAGE(content::find_code(e.code) != nullptr, "no such code: " << e.code);
    }
    for (const content::CodeInfo& info : content::all_codes()) {
        CHECK_MESSAGE(documented.contains(std::string(info.code)),
                      "not documented in diagnostics.md: " << info.code);
    }
}

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
        const content::CodeInfo* info = content::find_code(example.code);
        REQUIRE(info != nullptr);
        if (content::is_lint_code(example.code)) {
            // A quality gate: the content compiles without a word, then fails one gate.
            CHECK(result.diagnostics.empty());
            REQUIRE(result.bundle.has_value());
            const content::LintReport report = content::lint(result);
            CHECK(codes_of(report.diagnostics) == std::set<std::string>{example.code});
            CHECK_FALSE(report.passed());
            for (const content::Diagnostic& d : report.diagnostics) {
                CHECK(d.severity == info->severity);
                CHECK(d.location.file == 1);
                CHECK(d.location.line > 0);
            }
            continue;
        }
        CHECK(codes_of(result) == std::set<std::string>{example.code});
        CHECK(result.has_errors() == (info->severity == content::Severity::Error));
        for (const content::Diagnostic& d : result.diagnostics) {
            CHECK(d.location.file == 1); // it points into the example, not the prelude
        }
    }
}

TEST_CASE("only the quality-gate codes are lint codes, and the prelude passes every gate") {
    std::size_t lint_codes = 0;
    for (const content::CodeInfo& info : content::all_codes()) {
        lint_codes += content::is_lint_code(info.code) ? 1 : 0;
    }
    CHECK(lint_codes == 6);
    CHECK(content::is_lint_code("SL0503"));
    CHECK_FALSE(content::is_lint_code("SL0407"));
    const content::CompileResult prelude = content::compile_text(
        "prelude.scn", test::read_source_file("tests/content/examples/prelude.scn"));
    REQUIRE(prelude.bundle.has_value());
    CHECK(content::lint(prelude).passed());
}

TEST_CASE("SL0001: a path that cannot be read is a diagnostic, not an exception") {
    const content::CompileResult result =
        content::compile_paths({"/nonexistent/sightline/missing.scn"});
    CHECK(codes_of(result) == std::set<std::string>{"SL0001"});
    CHECK(result.has_errors());
    CHECK_FALSE(result.bundle.has_value());
}
