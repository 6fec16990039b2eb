// The compiled course model: plain value types that the compiler produces, the
// bundle stores and the runtime plays. Every cross-reference is an author-visible
// string id, never a position, so saves and records survive edits to the content.
// The `*_index` fields are not stored: link() fills them after loading so the
// runtime never has to look an id up twice.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::model {

// An unresolved position; link() replaces it with a real index or rejects the model.
inline constexpr std::uint32_t kNoIndex = 0xFFFFFFFFu;

enum class ValueType : std::uint8_t { Boolean, Integer, String };

struct Value {
    ValueType type = ValueType::Boolean;
    bool boolean = false;
    std::int64_t integer = 0;
    std::string text;

    static Value of(bool b) { return {ValueType::Boolean, b, 0, {}}; }
    static Value of(std::int64_t i) { return {ValueType::Integer, false, i, {}}; }
    static Value of(std::string s) { return {ValueType::String, false, 0, std::move(s)}; }
    friend bool operator==(const Value&, const Value&) = default;
};

// Expressions are stored in postfix order so evaluation is a loop over a stack,
// never a recursion that hostile content could drive deep.
enum class OpCode : std::uint8_t {
    PushBool,   // operand: number (0 or 1)
    PushInt,    // operand: number
    PushString, // operand: name (the literal)
    LoadVar,    // operand: name (variable id)
    Visits,     // operand: name (node id); pushes how often the node was entered
    Not,
    Negate,
    And,
    Or,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Add,
    Subtract,
};
inline constexpr std::uint8_t kLastOpCode = static_cast<std::uint8_t>(OpCode::Subtract);

struct Op {
    OpCode code = OpCode::PushBool;
    std::int64_t number = 0;
    std::string name;
    std::uint32_t index = kNoIndex; // variable or node index (linked)
};

struct Expr {
    std::vector<Op> ops; // empty means "always true"
    std::string source;  // the author's text, for dumps and messages
    bool empty() const { return ops.empty(); }
};

struct Paragraph {
    std::string speaker; // empty for narration
    std::string text;
    Expr condition; // shown only when it holds
};

enum class EffectKind : std::uint8_t { Set, Add };

struct Effect {
    EffectKind kind = EffectKind::Set;
    std::string variable;
    Expr value;
    std::uint32_t variable_index = kNoIndex;
};

struct ScoreChange {
    std::string dimension;
    std::int32_t delta = 0;
    std::uint32_t dimension_index = kNoIndex;
};

enum class WhenUnavailable : std::uint8_t { Hide, Disable };

// Where an option is shown when options are shuffled: anywhere (the default),
// or always first or last because its place carries meaning ("None of these").
// The checker refuses to pin a best choice or a correct option, which would
// let a learner find it by position.
enum class Pin : std::uint8_t { None, First, Last };

// The author's word for a pinned place (`pin: first`), empty for None.
constexpr std::string_view pin_name(Pin pin) {
    return pin == Pin::First ? "first" : pin == Pin::Last ? "last" : "";
}

struct Choice {
    std::string id;
    std::string text;
    std::string target;
    std::string tier;
    std::string feedback;
    std::vector<ScoreChange> scores;
    std::vector<std::string> notices; // indicator ids the learner shows they noticed
    Expr condition;
    WhenUnavailable when_unavailable = WhenUnavailable::Hide;
    std::vector<Effect> effects;
    Pin pin = Pin::None;

    std::uint32_t target_index = kNoIndex;
    std::uint32_t tier_index = kNoIndex;
    std::vector<std::uint32_t> notice_indices;
};

enum class CheckKind : std::uint8_t { None, Single, Multi };

struct CheckOption {
    std::string id;
    std::string text;
    bool correct = false;
    std::string feedback;
    Pin pin = Pin::None;
};

// A knowledge check. Single: the full score for the correct option. Multi: the
// score scaled by max(0, correct picks - wrong picks) / number of correct options,
// rounded towards zero, so guessing everything earns nothing.
struct KnowledgeCheck {
    CheckKind kind = CheckKind::None;
    std::string prompt;
    std::vector<CheckOption> options;
    std::vector<ScoreChange> scores;
};

struct Node {
    std::string id;
    std::vector<Paragraph> body;
    std::vector<Effect> on_enter;
    std::vector<Choice> choices;
    KnowledgeCheck check;
    std::string next;    // "continue" target (after the text or the check)
    std::string outcome; // non-empty makes this node an ending
    std::string debrief; // ending's debrief text (paragraphs separated by blank lines)
    std::vector<std::string> facilitator_notes;
    std::vector<std::string> discussion_prompts;

    std::uint32_t next_index = kNoIndex;
    std::uint32_t outcome_index = kNoIndex;

    bool is_ending() const { return !outcome.empty(); }
    bool has_check() const { return check.kind != CheckKind::None; }
};

struct Variable {
    std::string id;
    Value initial; // its type is the variable's type
};

// Reachable score bounds for one dimension of one scenario (filled by link()).
struct ScoreRange {
    std::int64_t min = 0;
    std::int64_t max = 0;
};

struct Scenario {
    std::string id;
    std::string title;
    std::string role;
    std::string language;
    std::uint32_t minutes = 0;
    std::vector<std::string> objectives;
    std::string content_note;
    std::vector<std::string> indicators; // indicators present in the story
    std::string response;                // the safe response, for the debrief
    std::string report;                  // where to report, for the debrief
    std::string start;                   // first node id
    // What the story covers, from a fixed vocabulary (kCoverageTerms): who may be
    // exploited (adult, minor), how (sex, labour), or that it is a confounder.
    // `sightc lint` checks that each role course covers all of them.
    std::vector<std::string> covers;
    // The ids of the required topics of compliance rules this story teaches
    // (`teaches:`); `sightc lint` checks a course's claims against them.
    std::vector<std::string> teaches;
    std::vector<Variable> variables;
    std::vector<Node> nodes;

    std::uint32_t role_index = kNoIndex;
    std::uint32_t start_index = kNoIndex;
    std::vector<std::uint32_t> indicator_indices;
    std::vector<ScoreRange> score_ranges; // one per bundle dimension
};

struct Role {
    std::string id;
    std::string name;
};

struct Dimension {
    std::string id;
    std::string name;
};

// Response tiers are data; rank orders them (0 is the best).
struct Tier {
    std::string id;
    std::string name;
    std::uint32_t rank = 0;
};

struct Outcome {
    std::string id;
    std::string name;
};

struct Indicator {
    std::string id;
    std::string name;
    std::string category;
    std::string type; // sex, labour or both
    std::vector<std::string> roles;
    std::string description;
    bool confounder = false; // looks like an indicator, usually is not
};

struct CourseEntry {
    std::string scenario;
    bool required = true;
    std::uint32_t scenario_index = kNoIndex;
};

struct Course {
    std::string id;
    std::string title;
    std::string role;
    std::string description;
    std::vector<CourseEntry> entries;
    std::uint32_t passing_score = 0; // percent
    std::uint32_t credit_minutes = 0;
    std::vector<std::string> topics;
    std::string approval; // provider approval text
    // Paced play: a screen's Continue or choices wait for a minimum reading
    // time (learning/pacing.hpp). Some rules require it (Texas, for hotels).
    bool paced = false;
    // Shown once the course is complete: a note on the worker's own wellbeing,
    // one paragraph per entry.
    std::vector<std::string> closing;
    // The ids of the compliance rules this course is meant to meet (`meets:`).
    std::vector<std::string> meets;

    std::uint32_t role_index = kNoIndex;
};

// A topic a compliance rule requires, e.g. Michigan's "warning signs for
// adults and minors". Scenarios name the ones they teach by id.
struct RuleTopic {
    std::string id;
    std::string text;
};

// A compliance rule as data (`rule` block): who must train, how long, how
// often, and what the proof must show. Nothing here is legal advice; the
// author copies the rule's terms from its source.
struct Rule {
    std::string id;           // e.g. "texas-hotels"
    std::string title;        // e.g. "Texas hotel employee training"
    std::string jurisdiction; // e.g. "Texas"
    std::string citation;     // e.g. "1 TAC §54.100-101"
    // The job roles it applies to. A learner's job role matches an entry equal
    // to it or starting with it and a '/': "hotel" covers "hotel/front-desk".
    std::vector<std::string> applies_to;
    std::uint32_t minimum_minutes = 0;   // 0: the rule sets none
    bool interactive = false;            // the course must ask the learner to act
    bool paced = false;                  // online courses need a pacing mechanism
    std::uint32_t recurrence_months = 0; // 0: once
    std::uint32_t new_hire_days = 0;     // a new hire's grace period; 0: none
    std::uint32_t retention_months = 0;  // how long the employer keeps the records
    std::vector<RuleTopic> topics;       // required topics
    // What the proof must show, from a fixed vocabulary (kProofTerms).
    std::vector<std::string> proof;
};

// The vocabulary of Rule::proof.
inline constexpr std::array<std::string_view, 7> kProofTerms = {"name",
                                                                "hire-date",
                                                                "course",
                                                                "completion-date",
                                                                "certificate",
                                                                "self-certification",
                                                                "signed-acknowledgment"};

// The coverage vocabulary of Scenario::covers.
inline constexpr std::array<std::string_view, 5> kCoverageTerms = {"adult", "minor", "sex",
                                                                   "labour", "confounder"};

// One language's text for a bundle: each translated string under its stable
// id path (content/FORMAT.md, "Translations"). Only text is keyed, so a
// translation can change text and nothing else.
struct TranslatedText {
    std::string key;  // "hotel.room-214:node.logs:line.2"
    std::string text; // the translation of the English at that key
};

struct Translation {
    std::string language;              // a BCP 47 tag such as "es"
    std::vector<TranslatedText> texts; // sorted by key, keys unique
};

struct Bundle {
    std::vector<Role> roles;
    std::vector<Dimension> dimensions;
    std::vector<Tier> tiers;
    std::vector<Outcome> outcomes;
    std::vector<Indicator> indicators;
    std::vector<Course> courses;
    std::vector<Scenario> scenarios;
    std::vector<Rule> rules;
    std::vector<Translation> translations; // sorted by language; English is the source
};

} // namespace sightline::model
