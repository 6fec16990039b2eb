// Internal to the parser: the state machine that reads one file's lines.
// Its members are defined in two files by concern: parser.cpp (blocks,
// declarations, the scenario header, continuation lines) and node_parser.cpp
// (everything inside a node: text, choices, checks, effects, scores).
#pragma once

#include "content/diagnostics.hpp"
#include "content/field_rules.hpp"
#include "content/lexer.hpp"
#include "content/parsed.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::content::parsing {

using namespace sightline::model;

class FileParser {
  public:
    FileParser(const LexedFile& file, std::uint32_t file_index, ParsedUnit& unit,
               DiagnosticSink& sink)
        : file_(file), fi_(file_index), unit_(unit), sink_(sink) {}

    void run();

  private:
    // --- small helpers ---------------------------------------------------------------
    Location at(std::string_view part) const { return line_->at(fi_, part); }
    Location at() const { return line_->at(fi_); }
    void report(DiagnosticCode code, Location where, std::string message) {
        sink_.report(code, where, std::move(message));
    }

    Scenario& scenario() { return unit_.bundle.scenarios.back(); }
    ScenarioSource& scenario_source() { return unit_.scenarios.back(); }
    Node& node() { return scenario().nodes.back(); }
    NodeSource& node_source() { return scenario_source().nodes.back(); }
    Choice& choice() { return node().choices.back(); }
    ChoiceSource& choice_source() { return node_source().choices.back(); }

    DeclarationSource& declaration_source();

    // Checks an id where it was written; returns it (possibly invalid) as a string.
    std::string take_id(std::string_view id, std::string_view what);

    std::optional<std::uint32_t> take_number(std::string_view text, std::uint32_t max);

    // `pin: first` or `pin: last`; reports anything else and returns Pin::None.
    Pin take_pin(std::string_view value);

    // Records a field's location; reports a repeat of a one-time field.
    bool note_field(FieldLocations& fields, const FieldRule& rule, std::string_view key);

    // Reports each required field missing: "scenario 'ID' is missing 'KEY:'" when
    // `scenario` names one, else "this block is missing 'KEY:'".
    void require_fields(std::span<const FieldRule> rules, const FieldLocations& fields,
                        Location where, std::optional<std::string_view> scenario);

    // --- dispatch --------------------------------------------------------------------
    void handle(const Line& line);

    bool start_block(std::string_view text);

    void begin_block(Block block, std::string_view id_text);

    void finish_block();

    // --- fields of declarations and the scenario header --------------------------------
    void declaration_line(std::string_view text);

    void apply_declaration_field(std::string_view key, std::string_view value);

    void course_entry(Course& course, std::string_view value);

    // The fields of a `rule` block.
    void rule_field(Rule& rule, std::string_view key, std::string_view value);

    // `yes` or `no`; reports anything else (and returns false).
    bool take_yes_no(std::string_view key, std::string_view value);

    // A text field; later indented lines continue it.
    void set_text(std::string& target, std::string_view value);

    void scenario_line(std::string_view text);

    void variable_line(std::string_view text);

    // --- nodes -----------------------------------------------------------------------
    void begin_node(std::string_view text);

    void finish_node();

    void finish_check(const Node& n, const NodeSource& source);

    void node_line(std::string_view text);

    // Narrative: consecutive lines join into one paragraph.
    void add_text(std::string_view text, std::string_view where);

    void speaker_line(std::string_view whole, std::string_view rest, Expr condition);

    void conditional_line(std::string_view text);

    std::optional<Expr> expression(std::string_view text);

    void node_field(const Field& field);

    std::optional<Effect> effect(std::string_view key, std::string_view value);

    // "recognition +2, response -1"
    void scores(std::string_view value, std::vector<ScoreChange>& out, std::vector<Location>& where,
                bool signed_required);

    void choice_line(std::string_view text);

    void check_line(std::string_view text);

    void option_line(std::string_view text);

    // --- indented lines: choice and option fields, or continuations --------------------
    void handle_indented(std::string_view text);

    void append_continuation(std::string_view text);

    void choice_field(const Field& field);

    void option_field(const Field& field);

    const LexedFile& file_;
    std::uint32_t fi_;
    ParsedUnit& unit_;
    DiagnosticSink& sink_;
    const Line* line_ = nullptr;

    Block block_ = Block::None;
    bool in_nodes_ = false;
    bool node_open_ = false;
    bool choice_open_ = false;
    bool option_open_ = false;
    bool paragraph_open_ = false;
    std::string* continuation_ = nullptr; // the text field that indented lines extend
    std::size_t errors_before_node_ = 0;
};

} // namespace sightline::content::parsing
