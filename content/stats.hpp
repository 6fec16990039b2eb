// Content statistics for authors and reviewers (`sightc stats`): the size of
// every scenario and course, indicator coverage per role and course, and
// reading grade. `sightc lint` (lint.hpp) turns some of these into gates.
#pragma once

#include "model/model.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::content {

// How long a learner takes to play a scenario's best path (always the best-tier
// choice, every knowledge check answered correctly; runtime/paths.hpp): the
// words read on it at kReadingWordsPerMinute, plus a thinking allowance per
// decision and per check. scenarios/README.md explains the figures.
struct PlayEstimate {
    std::size_t words = 0;     // learner-facing words read on the path
    std::size_t decisions = 0; // decisions taken on the path
    std::size_t checks = 0;    // knowledge checks answered on the path
    double minutes = 0;
    bool reaches_ending = true; // false: the path got stuck (counted up to there)
};

// Silent reading rate of adults for plain-language instructional text that
// they also have to weigh (Brysbaert 2019 puts adult silent reading of
// non-fiction at about 238 words per minute; study reading is slower, and
// the courses are read by frontline workers, many in a second language).
inline constexpr double kReadingWordsPerMinute = 200;
// Time to weigh the choices of a decision, beyond reading them.
inline constexpr double kSecondsPerDecision = 20;
// Time to think about a knowledge check's answer, beyond reading it.
inline constexpr double kSecondsPerCheck = 30;

// The estimate for one scenario's best path. Its words are those of the
// start screen (objectives, content note), every node passed (paragraphs as
// shown), the choices shown at each decision with the feedback of the one
// taken and the names of the signs it noticed, each check's prompt, options
// and their feedback, and the debrief (the ending's text, the signs noticed,
// missed and only looking like signs with their descriptions, the safe
// response and where to report). Player chrome (prompts, scores, the recap
// of decisions and answers) is not counted.
PlayEstimate estimate_play(const model::Bundle& bundle, const model::Scenario& scenario);

// The estimate for a course: the sum over its required scenarios. A
// certificate's credit minutes must not exceed it (lint SL0507).
PlayEstimate estimate_play(const model::Bundle& bundle, const model::Course& course);

// The number of words in `text`: runs of non-space characters with a letter or
// digit in them ("1-888-373-7888" is one word, a lone dash none).
std::size_t count_words(std::string_view text);

struct ScenarioStats {
    std::string id, role;
    std::size_t nodes = 0, decisions = 0, choices = 0, checks = 0, endings = 0;
    std::size_t indicators = 0; // distinct indicators and confounders the scenario uses
    std::uint32_t minutes = 0;
    double reading_grade = 0; // Flesch-Kincaid grade of all learner-facing text
    PlayEstimate estimate;    // of the best path
};

// How many of a role's catalogue entries some scenarios use. Indicators and
// confounders are counted apart: the coverage gate counts indicators only.
struct Coverage {
    std::size_t indicators = 0;       // indicators the catalogue lists for the role
    std::vector<std::string> covered; // of those, the ones used, in catalogue order
    std::size_t confounders = 0;      // confounders the catalogue lists for the role
    std::size_t confounders_covered = 0;
};

struct RoleCoverage {
    std::string role;
    Coverage coverage; // over every scenario of the role
};

struct CourseStats {
    std::string id, role;
    std::size_t scenarios = 0, required = 0;
    std::uint32_t minutes = 0, credit_minutes = 0;
    PlayEstimate estimate; // over the required scenarios' best paths
    Coverage coverage;     // of the course's role, over the course's scenarios
};

struct Stats {
    std::vector<ScenarioStats> scenarios;
    std::vector<CourseStats> courses;
    std::vector<RoleCoverage> roles;
};

Stats compute_stats(const model::Bundle& bundle);
void print_stats(std::ostream& out, const Stats& stats);

// The catalogue entries of `role` that `scenarios` use (their `indicators:`
// lists and their choices' `notices:`).
Coverage role_coverage(const model::Bundle& bundle, std::string_view role,
                       const std::vector<const model::Scenario*>& scenarios);

// The scenarios a course lists that exist in the bundle, in course order.
std::vector<const model::Scenario*> course_scenarios(const model::Bundle& bundle,
                                                     const model::Course& course);

// Flesch-Kincaid grade level of English text (syllables estimated from vowel groups).
double reading_grade(std::string_view text);

// Fernández Huerta reading ease of Spanish text, the Spanish adaptation of
// Flesch's reading ease: 206.84 - 0.60 P - 1.02 F, with P the syllables per
// 100 words and F the words per sentence. Higher is easier: 60 to 70 is
// ordinary adult text, about US grade 7 to 8; text without words scores 100.
// (The formula is often quoted with F as sentences per 100 words, which would
// make shorter sentences read harder; Law, "Error in the Fernandez Huerta
// Readability Formula", LINGUIST List 22.2332, 2011.) Syllables are counted
// as Spanish spelling shows them: each group of adjacent vowels is one
// syllable (a diphthong: "cuan-do", "cie-lo"), except that two strong vowels
// (a, e, o, or an accented í or ú) are two ("le-er", "dí-a"); a final y is a
// vowel ("hoy", "muy"), any other y a consonant ("ma-yo"). Numbers count as
// one short word, as in reading_grade.
double spanish_reading_ease(std::string_view text);

// Everything a learner reads in a scenario: the content note, objectives, the
// safe response, where to report and every node (facilitator notes, discussion
// prompts, titles and speaker names excluded).
std::string learner_text(const model::Scenario& scenario);

// The learner-facing text of one node: paragraphs, choices and their feedback,
// the knowledge check with its options and feedback, and the debrief.
std::string learner_text(const model::Node& node);

} // namespace sightline::content
