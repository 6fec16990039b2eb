// The catalogue of diagnostic codes, checked by the compiler. Every code is a
// DiagnosticCode (its number, severity and one-line title, in the manner of Yarn
// Spinner's typed diagnostic descriptors), and only the catalogue can make one:
// DiagnosticSink::report takes a DiagnosticCode, so a diagnostic with a code the
// catalogue does not list cannot be written. The static_asserts below keep the
// table well formed, unique and in numeric order; each named constant in `codes`
// is looked up in the table at compile time, so naming a code the table lacks
// does not compile. content/diagnostics.md explains every code with an example,
// and tests/content/diagnostics_catalogue_test.cpp checks both lists match.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>
#include <utility>

namespace sightline::content {

enum class Severity { Error, Warning };

struct CodeInfo {
    std::string_view code; // "SL0101"
    Severity severity;
    std::string_view title; // one line, for listings
};

namespace detail {

using enum Severity;

// Keep in numeric order and in step with content/diagnostics.md (the asserts below and a
// test check both).
inline constexpr std::array kCatalogue = {
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
    CodeInfo{"SL0207", Error, "a course meets a rule that does not exist"},
    CodeInfo{"SL0208", Error, "a scenario teaches a topic that no rule declares"},
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
    CodeInfo{"SL0410", Error, "a best choice or a correct option is pinned"},
    // Quality gates: reported only by `sightc lint` and `sightc check --lint` (lint.hpp).
    CodeInfo{"SL0501", Error, "a debrief or report names no reporting resource"},
    CodeInfo{"SL0502", Error, "a course covers too few of its role's indicators"},
    CodeInfo{"SL0503", Error, "a banned term outside a node that teaches it"},
    CodeInfo{"SL0504", Error, "learner-facing text reads above US grade 8"},
    CodeInfo{"SL0505", Error, "the best-tier path cannot reach the maximum score"},
    CodeInfo{"SL0506", Error, "a phone number that is not a known reporting number"},
    CodeInfo{"SL0507", Error, "credit minutes exceed the estimated play time"},
    // The gaming audit: reported only by `sightc audit` (engine/learning/audit.hpp).
    CodeInfo{"SL0508", Error, "a strategy that does not read passes a course"},
    CodeInfo{"SL0509", Error, "the best option is often the longest"},
    CodeInfo{"SL0510", Error, "the pass mark is reachable without a right answer"},
    // More quality gates, reported by lint like SL0501 to SL0507.
    CodeInfo{"SL0511", Error, "a choice notices an indicator its scenario does not list"},
    CodeInfo{"SL0512", Error, "a role course lacks a kind of case"},
    CodeInfo{"SL0513", Error, "a course has no closing note on the worker's wellbeing"},
    // Compliance claims: each rule a course `meets:`, checked where the content can show it.
    CodeInfo{"SL0514", Error, "a course is shorter than a rule it meets requires"},
    CodeInfo{"SL0515", Error, "a course meets a rule that needs pacing but is not paced"},
    CodeInfo{"SL0516", Error,
             "a course meets a rule that needs interaction, but a scenario asks nothing"},
    CodeInfo{"SL0517", Error, "a topic a rule requires is taught by no required scenario"},
    CodeInfo{"SL0518", Error, "a course meets a rule for other job roles"},
    // The quality gates on translated text, reported by lint like the others.
    CodeInfo{"SL0519", Error,
             "Spanish learner-facing text scores below 60 on the Fernández Huerta scale"},
    // Translations: reported by `sightc build` and `sightc check` for their `--po` files.
    CodeInfo{"SL0601", Error, "a PO file cannot be read"},
    CodeInfo{"SL0602", Warning, "a fuzzy translation shows the English"},
    CodeInfo{"SL0603", Warning, "strings with no translation play in English"},
    CodeInfo{"SL0604", Warning, "an entry whose msgctxt is no longer in the sources"},
    CodeInfo{"SL0605", Error, "a translation drops a reporting number or changes the line breaks"},
};

// "SL" and four digits.
consteval bool well_formed(std::string_view code) {
    if (code.size() != 6 || !code.starts_with("SL")) {
        return false;
    }
    for (char c : code.substr(2)) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

consteval bool all_well_formed() {
    for (const CodeInfo& info : kCatalogue) {
        if (!well_formed(info.code) || info.title.empty()) {
            return false;
        }
    }
    return true;
}

// Strictly increasing, hence also unique (equal-width codes compare as numbers).
consteval bool strictly_increasing() {
    for (std::size_t i = 1; i < kCatalogue.size(); ++i) {
        if (!(kCatalogue[i - 1].code < kCatalogue[i].code)) {
            return false;
        }
    }
    return true;
}

static_assert(all_well_formed(), "every code is 'SL' and four digits, with a title");
static_assert(strictly_increasing(), "codes are unique and in numeric order");
static_assert(kCatalogue.size() <= UINT8_MAX, "a DiagnosticCode keeps its index in a byte");

} // namespace detail

// One code of the catalogue. Copyable and comparable; made only by DiagnosticCode::of (at
// compile time) or find_code (from text, e.g. in tests), both of which accept only listed codes.
class DiagnosticCode {
  public:
    constexpr std::string_view id() const { return detail::kCatalogue[index_].code; }
    constexpr Severity severity() const { return detail::kCatalogue[index_].severity; }
    constexpr std::string_view title() const { return detail::kCatalogue[index_].title; }

    // Ordered as the catalogue is, i.e. by number.
    friend constexpr bool operator==(DiagnosticCode, DiagnosticCode) = default;
    friend constexpr auto operator<=>(DiagnosticCode, DiagnosticCode) = default;

    // The listed code `id`; an unlisted one is not a constant expression, so does not compile.
    static consteval DiagnosticCode of(std::string_view id) {
        for (std::size_t i = 0; i < detail::kCatalogue.size(); ++i) {
            if (detail::kCatalogue[i].code == id) {
                return DiagnosticCode(i);
            }
        }
        throw "no such code in the diagnostic catalogue"; // a compile error in consteval
    }

    friend constexpr std::array<DiagnosticCode, detail::kCatalogue.size()> all_codes();
    friend constexpr std::optional<DiagnosticCode> find_code(std::string_view id);

  private:
    constexpr explicit DiagnosticCode(std::size_t index)
        : index_(static_cast<std::uint8_t>(index)) {}

    std::uint8_t index_;
};

// Every code in numeric order.
constexpr std::array<DiagnosticCode, detail::kCatalogue.size()> all_codes() {
    return []<std::size_t... I>(std::index_sequence<I...>) {
        return std::array{DiagnosticCode(I)...};
    }
    (std::make_index_sequence<detail::kCatalogue.size()>());
}

// The listed code spelled `id` ("SL0202"), if there is one.
constexpr std::optional<DiagnosticCode> find_code(std::string_view id) {
    for (std::size_t i = 0; i < detail::kCatalogue.size(); ++i) {
        if (detail::kCatalogue[i].code == id) {
            return DiagnosticCode(i);
        }
    }
    return std::nullopt;
}

inline std::ostream& operator<<(std::ostream& out, DiagnosticCode code) {
    return out << code.id();
}

// The codes by name, for the places that report them.
namespace codes {

inline constexpr DiagnosticCode source_unreadable = DiagnosticCode::of("SL0001");
inline constexpr DiagnosticCode syntax_error = DiagnosticCode::of("SL0101");
inline constexpr DiagnosticCode invalid_utf8 = DiagnosticCode::of("SL0102");
inline constexpr DiagnosticCode nul_byte = DiagnosticCode::of("SL0103");
inline constexpr DiagnosticCode line_too_long = DiagnosticCode::of("SL0104");
inline constexpr DiagnosticCode unknown_field = DiagnosticCode::of("SL0105");
inline constexpr DiagnosticCode malformed_expression = DiagnosticCode::of("SL0106");
inline constexpr DiagnosticCode expression_too_deep = DiagnosticCode::of("SL0107");
inline constexpr DiagnosticCode invalid_id = DiagnosticCode::of("SL0108");
inline constexpr DiagnosticCode invalid_value = DiagnosticCode::of("SL0109");
inline constexpr DiagnosticCode duplicate_field = DiagnosticCode::of("SL0110");
inline constexpr DiagnosticCode choice_without_target = DiagnosticCode::of("SL0111");
inline constexpr DiagnosticCode duplicate_id = DiagnosticCode::of("SL0201");
inline constexpr DiagnosticCode unknown_node = DiagnosticCode::of("SL0202");
inline constexpr DiagnosticCode unknown_indicator = DiagnosticCode::of("SL0203");
inline constexpr DiagnosticCode unknown_declaration = DiagnosticCode::of("SL0204");
inline constexpr DiagnosticCode unknown_course_scenario = DiagnosticCode::of("SL0205");
inline constexpr DiagnosticCode undeclared_variable = DiagnosticCode::of("SL0206");
inline constexpr DiagnosticCode unknown_rule = DiagnosticCode::of("SL0207");
inline constexpr DiagnosticCode unknown_topic = DiagnosticCode::of("SL0208");
inline constexpr DiagnosticCode type_mismatch = DiagnosticCode::of("SL0301");
inline constexpr DiagnosticCode missing_field = DiagnosticCode::of("SL0401");
inline constexpr DiagnosticCode unreachable_node = DiagnosticCode::of("SL0402");
inline constexpr DiagnosticCode dead_end = DiagnosticCode::of("SL0403");
inline constexpr DiagnosticCode check_without_correct_answer = DiagnosticCode::of("SL0404");
inline constexpr DiagnosticCode single_check_many_correct = DiagnosticCode::of("SL0405");
inline constexpr DiagnosticCode node_of_two_kinds = DiagnosticCode::of("SL0406");
inline constexpr DiagnosticCode poorer_tier_outscores_best = DiagnosticCode::of("SL0407");
inline constexpr DiagnosticCode no_reachable_ending = DiagnosticCode::of("SL0408");
inline constexpr DiagnosticCode check_too_few_options = DiagnosticCode::of("SL0409");
inline constexpr DiagnosticCode pinned_right_answer = DiagnosticCode::of("SL0410");
// Quality gates (lint.hpp).
inline constexpr DiagnosticCode no_reporting_resource = DiagnosticCode::of("SL0501");
inline constexpr DiagnosticCode too_few_indicators = DiagnosticCode::of("SL0502");
inline constexpr DiagnosticCode banned_term = DiagnosticCode::of("SL0503");
inline constexpr DiagnosticCode reading_grade_too_high = DiagnosticCode::of("SL0504");
inline constexpr DiagnosticCode best_tier_below_maximum = DiagnosticCode::of("SL0505");
inline constexpr DiagnosticCode unknown_phone_number = DiagnosticCode::of("SL0506");
inline constexpr DiagnosticCode credit_exceeds_play_time = DiagnosticCode::of("SL0507");
// The gaming audit (engine/learning/audit.hpp).
inline constexpr DiagnosticCode non_reader_passes = DiagnosticCode::of("SL0508");
inline constexpr DiagnosticCode best_option_longest = DiagnosticCode::of("SL0509");
inline constexpr DiagnosticCode pass_without_right_answer = DiagnosticCode::of("SL0510");
inline constexpr DiagnosticCode notice_not_listed = DiagnosticCode::of("SL0511");
inline constexpr DiagnosticCode course_case_mix = DiagnosticCode::of("SL0512");
inline constexpr DiagnosticCode no_closing_note = DiagnosticCode::of("SL0513");
inline constexpr DiagnosticCode rule_minutes_short = DiagnosticCode::of("SL0514");
inline constexpr DiagnosticCode rule_needs_pacing = DiagnosticCode::of("SL0515");
inline constexpr DiagnosticCode rule_needs_interaction = DiagnosticCode::of("SL0516");
inline constexpr DiagnosticCode rule_topic_not_taught = DiagnosticCode::of("SL0517");
inline constexpr DiagnosticCode rule_other_roles = DiagnosticCode::of("SL0518");
inline constexpr DiagnosticCode spanish_reading_ease_too_low = DiagnosticCode::of("SL0519");
// Translations (translation.hpp).
inline constexpr DiagnosticCode po_unreadable = DiagnosticCode::of("SL0601");
inline constexpr DiagnosticCode po_fuzzy = DiagnosticCode::of("SL0602");
inline constexpr DiagnosticCode po_untranslated = DiagnosticCode::of("SL0603");
inline constexpr DiagnosticCode po_obsolete_entry = DiagnosticCode::of("SL0604");
inline constexpr DiagnosticCode po_changes_english = DiagnosticCode::of("SL0605");

} // namespace codes

// The codes about the PO files given to `sightc build` and `sightc check` (translation.hpp).
constexpr bool is_translation_code(DiagnosticCode code) {
    return code.id().starts_with("SL06");
}

// The codes only the gaming audit reports (`sightc audit`), not `sightc lint`.
constexpr bool is_audit_code(DiagnosticCode code) {
    return code == codes::non_reader_passes || code == codes::best_option_longest ||
           code == codes::pass_without_right_answer;
}

} // namespace sightline::content
