// The quality gates on translated text (lint.hpp): banned terms and reading
// ease of translations into Spanish, the one language with word lists so far.
// Each translated string is checked where it is written, in its PO file.
#include "content/lint.hpp"
#include "content/lint_terms.hpp"
#include "content/lint_text.hpp"
#include "content/parser.hpp"
#include "content/stats.hpp"
#include "content/text_util.hpp"
#include "i18n/i18n.hpp"
#include "model/translation.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

namespace sightline::content {

namespace {

using namespace lint_text;
using i18n::format;
using i18n::tr;
using Section = model::TextPlace::Section;
using Part = model::TextPlace::Part;

bool is_spanish(std::string_view language) {
    return language == "es" || language.starts_with("es-");
}

class TranslationLinter {
  public:
    TranslationLinter(const CompileResult& compiled, const TranslationResult& translations,
                      const LintOptions& options, LintReport& report)
        : compiled_(compiled), translations_(translations), options_(options), report_(report),
          unit_(parse_sources(compiled.sources)) {}

    void run() {
        for (std::size_t t = 0; t < translations_.translations.size(); ++t) {
            if (is_spanish(translations_.translations[t].language)) {
                spanish(t);
            }
        }
    }

  private:
    void report(DiagnosticCode code, Location where, std::string message) {
        report_.diagnostics.push_back(Diagnostic{code, code.severity(), where, std::move(message)});
    }

    // The index of `key` among the translation's texts (sorted by key), or none.
    static std::optional<std::size_t> find(const model::Translation& t, std::string_view key) {
        const auto at = std::lower_bound(
            t.texts.begin(), t.texts.end(), key,
            [](const model::TranslatedText& text, std::string_view k) { return text.key < k; });
        if (at == t.texts.end() || at->key != key) {
            return std::nullopt;
        }
        return static_cast<std::size_t>(at - t.texts.begin());
    }

    void spanish(std::size_t t) {
        const model::Translation& translation = translations_.translations[t];
        const std::vector<Location>& where = translations_.where[t];
        // The bundle with only the Spanish text (untranslated strings emptied),
        // so the reading ease measures what the translator wrote.
        model::Bundle spanish = *compiled_.bundle;
        std::map<std::size_t, Location> first_in_scenario;
        std::map<std::pair<std::size_t, std::size_t>, Location> first_in_node;
        model::for_each_text(spanish, [&](const model::TextSite& site, std::string& text) {
            const std::optional<std::size_t> found = find(translation, site.key);
            if (!found) {
                text.clear();
                return;
            }
            text = translation.texts[*found].text;
            ++report_.spanish_texts;
            banned_terms(text, where[*found], site.place);
            if (site.place.section == Section::Scenario) {
                first_in_scenario.emplace(site.place.index, where[*found]);
                if (site.place.part != Part::Header) {
                    first_in_node.emplace(std::pair(site.place.index, site.place.node),
                                          where[*found]);
                }
            }
        });
        for (std::size_t n = 0; n < spanish.scenarios.size(); ++n) {
            const auto first = first_in_scenario.find(n);
            if (first != first_in_scenario.end()) {
                reading_ease(translation.language, spanish.scenarios[n], n, first->second,
                             first_in_node);
            }
        }
    }

    // SL0503 with the Spanish list, respecting the node's `teaches:`.
    void banned_terms(std::string_view text, Location at, const model::TextPlace& place) {
        std::set<std::size_t> taught;
        if (place.section == Section::Scenario && place.part != Part::Header &&
            place.index < unit_.scenarios.size() &&
            place.node < unit_.scenarios[place.index].nodes.size()) {
            taught = taught_spanish_terms(unit_.scenarios[place.index].nodes[place.node].teaches);
        }
        for (const TermMatch& m : banned_in(text, Language::Spanish)) {
            if (taught.contains(m.term)) {
                continue;
            }
            const Location found = locate(at, [&](std::string_view line) {
                return find_term(line, m.term, Language::Spanish);
            });
            if (!reported_.insert({found.file, found.line, found.column}).second) {
                continue;
            }
            const lint_terms::TranslatedTerm& term = lint_terms::kSpanishBannedTerms[m.term];
            report(codes::banned_term, found,
                   // TRANSLATORS: {1} is the Spanish word found, {2} the Spanish word to write
                   // instead, {3} the English term a node teaches (course text, not translated).
                   format(tr("'{1}' is on the Spanish banned list; write '{2}' instead, or mark a "
                             "node that teaches about the word with 'teaches: {3}'"),
                          {text.substr(m.begin, m.end - m.begin), term.instead, term.english}));
        }
    }

    // The first line of the PO entry from `at` (its msgstr) to the blank line
    // that ends it where `find` succeeds; `at` itself otherwise.
    template <class Find>
    Location locate(Location at, Find find) const {
        if (at.file < compiled_.sources.size() ||
            at.file - compiled_.sources.size() >= translations_.files.size()) {
            return at;
        }
        const SourceFile& file = translations_.files[at.file - compiled_.sources.size()];
        for (std::uint32_t line = at.line; line > 0 && line <= file.line_count(); ++line) {
            const std::string_view content = file.line(line);
            if (line > at.line && trim(content).empty()) {
                break;
            }
            if (const std::optional<std::size_t> column = find(content)) {
                return {at.file, line, static_cast<std::uint32_t>(*column + 1)};
            }
        }
        return at;
    }

    // SL0519: the Spanish counterpart of SL0504, per scenario.
    void reading_ease(const std::string& language, const model::Scenario& s, std::size_t n,
                      Location first,
                      const std::map<std::pair<std::size_t, std::size_t>, Location>& nodes) {
        const std::string text = learner_text(s);
        if (word_count(text) == 0) {
            return; // only its title or notes are translated
        }
        const double ease = spanish_reading_ease(text);
        if (report_.lowest_spanish_ease_scenario.empty() || ease < report_.lowest_spanish_ease) {
            report_.lowest_spanish_ease = ease;
            report_.lowest_spanish_ease_scenario = language + ": " + s.id;
        }
        if (ease >= options_.min_spanish_reading_ease) {
            return;
        }
        std::size_t hardest = s.nodes.size();
        double hardest_ease = 0;
        for (std::size_t k = 0; k < s.nodes.size(); ++k) {
            const std::string node_text = learner_text(s.nodes[k]);
            const double e = spanish_reading_ease(node_text);
            if (word_count(node_text) >= 10 && (hardest == s.nodes.size() || e < hardest_ease)) {
                hardest = k;
                hardest_ease = e;
            }
        }
        // TRANSLATORS: {1} is a language tag (es), {2} a scenario id, {3} and {4} scores.
        std::string message = format(
            tr("the '{1}' learner-facing text of scenario '{2}' scores {3} on the "
               "Fernández Huerta scale; the floor is {4} (about US grade 8, as for the "
               "English). Use shorter sentences and plainer words"),
            {language, s.id, grade_text(ease), grade_text(options_.min_spanish_reading_ease)});
        if (hardest < s.nodes.size()) {
            message += format(tr("; the hardest node is '{1}' ({2})"),
                              {s.nodes[hardest].id, grade_text(hardest_ease)});
            const auto at = nodes.find(std::pair(n, hardest));
            first = at != nodes.end() ? at->second : first;
        }
        report(codes::spanish_reading_ease_too_low, first, std::move(message));
    }

    const CompileResult& compiled_;
    const TranslationResult& translations_;
    const LintOptions& options_;
    LintReport& report_;
    ParsedUnit unit_;
    std::set<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> reported_;
};

} // namespace

LintReport lint(const CompileResult& compiled, const TranslationResult& translations,
                const LintOptions& options) {
    LintReport report = lint(compiled, options);
    if (!compiled.bundle) {
        return report;
    }
    TranslationLinter(compiled, translations, options, report).run();
    sort_diagnostics(report.diagnostics);
    return report;
}

} // namespace sightline::content
