// What the two classroom screens show, as plain values built from a
// Facilitation. The GUI draws them and turns keys into Facilitation calls.
//
// The split is strict. AudienceState is what the projector may show: the
// node's text, the choices, the vote tally only once it is revealed, and the
// pick's feedback only after the pick. It never holds facilitator notes,
// discussion prompts, scores, tiers or feedback before the pick, or which
// choice is best; the struct simply has no field for them, and a test walks
// every node of the bundled courses to prove no such text leaks into it.
// PresenterState has everything.
#pragma once

#include "classroom/facilitation.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::classroom {

struct Paragraph {
    std::string speaker; // empty for narration
    std::string text;
};

// --- the projector ---

struct AudienceChoice {
    std::string key;  // "1", "2", ...: what the room calls it
    std::string text; // the choice's or option's text
    bool enabled = true;
    // Once the tally is revealed (stages Revealed and Feedback):
    std::optional<std::int64_t> votes;
    int percent = 0; // of all votes, rounded
    // After the pick:
    bool chosen = false;
    std::optional<bool> correct; // knowledge checks: a right answer
    std::string feedback;        // knowledge checks: the option's feedback
};

struct AudienceState {
    std::string session_name;
    std::string scenario_title;
    Stage stage = Stage::Situation;
    std::string status; // a short banner: "Voting is open", "Votes are in", ...

    std::vector<Paragraph> paragraphs;
    bool is_check = false;
    bool multiple = false; // a check where several options may be right
    std::string question;  // a check's question
    std::vector<AudienceChoice> choices;
    bool voting_open = false;
    bool tally_shown = false;
    std::int64_t total_votes = 0; // 0 until the tally is shown

    // After the pick.
    bool picked = false;
    bool room_choice = false;           // the room's majority (or a tie the facilitator broke)
    std::string feedback;               // the chosen choice's feedback
    std::string rating;                 // the chosen choice's tier name ("Best response")
    std::vector<std::string> noticed;   // indicators the pick showed the room noticed (names)
    std::optional<bool> answered_right; // knowledge checks

    // At an ending.
    std::string outcome; // the outcome's name
    std::vector<std::string> debrief;
    std::vector<std::string> indicators_noticed; // names
    std::vector<std::string> indicators_missed;  // names
    std::string response;
    std::string report;

    // Every string above, for tests and for screen-reader output.
    std::vector<std::string_view> strings() const;
};

AudienceState audience_state(const Facilitation& facilitation);
// The audience's banner for a stage: "Voting is open", "Voting is closed", ...
const char* audience_status(Stage stage);

// --- the presenter's screen ---

struct PresenterChoice {
    std::string id;
    std::string key; // "1", "2", ...
    std::string text;
    bool enabled = true;
    std::int64_t votes = 0;       // at all times: hands and phones
    std::int64_t phone_votes = 0; // of which from phones
    int percent = 0;
    bool leading = false; // among the tally's leaders (the room's answer)
    bool best = false;    // a best-tier choice, or a correct option
    std::string tier;     // decisions: tier id and name
    std::string tier_name;
    std::string feedback; // what picking it says
    bool chosen = false;
};

struct PresenterScore {
    std::string dimension; // name
    std::int64_t score = 0;
    std::int64_t min = 0;
    std::int64_t max = 0;
    int percent = 0;
};

struct PresenterPoint {
    std::size_t index = 0; // for go_back()
    std::string node_id;
    std::string label; // the question, shortened
    bool picked = false;
    std::string chosen_text;
    std::string decided; // "majority", "tie-break", "override"; empty before the pick
};

struct PresenterState {
    std::string session_name;
    std::string facilitator;
    std::int64_t head_count = 0;
    std::string attempt_id; // empty for a dry run
    bool recorded = false;
    bool finished = false;
    std::string scenario_id;
    std::string scenario_title;
    std::string node_id;
    Stage stage = Stage::Situation;
    std::uint32_t branch = 0;

    std::vector<Paragraph> paragraphs;
    bool is_check = false;
    bool multiple = false;
    std::string question;
    std::vector<std::string> notes;   // facilitator notes
    std::vector<std::string> prompts; // discussion prompts
    std::vector<PresenterChoice> choices;

    // The tally, at all times.
    std::int64_t total_votes = 0;
    bool tie = false;
    std::int64_t threshold = 0;    // multi checks: votes an option needs
    std::string tally_summary;     // "Majority: 2 (log-and-tell), 7 of 12 votes"
    std::string warning;           // "14 votes, but the head count is 12."
    std::vector<std::string> best; // ids of the best choices, or the correct options
    std::string best_why;          // their feedback

    // After the pick.
    std::optional<Decided> decided;
    std::string feedback;
    std::string tier_name;
    std::vector<PresenterScore> score_changes; // dimension name and delta (in `score`)
    std::vector<std::string> noticed;          // indicator names
    std::optional<bool> answered_right;

    // At an ending.
    std::string outcome;
    std::vector<std::string> debrief;
    std::vector<PresenterScore> scores;
    std::vector<std::string> indicators_noticed;
    std::vector<std::string> indicators_missed;
    std::string response;
    std::string report;

    // Time.
    double seconds_on_node = 0; // since this node (or its revisit) was shown
    double session_seconds = 0;

    // Navigation.
    std::vector<PresenterPoint> path;
    std::vector<Control> controls;
    std::optional<Control> forward; // what PageDown does
};

PresenterState presenter_state(const Facilitation& facilitation);

} // namespace sightline::classroom
