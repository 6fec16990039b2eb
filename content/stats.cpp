#include "content/stats.hpp"

#include "i18n/i18n.hpp"
#include "runtime/paths.hpp"
#include "runtime/run.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>
#include <stdexcept>

namespace sightline::content {

namespace {

bool is_vowel(char c) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

std::size_t syllables(std::string_view word) {
    std::size_t count = 0;
    bool previous_vowel = false;
    for (char c : word) {
        const bool vowel = is_vowel(c);
        if (vowel && !previous_vowel) {
            ++count;
        }
        previous_vowel = vowel;
    }
    // A final silent 'e' ("note", "safe") is not a syllable; "-le" ("table") is.
    if (word.size() > 2 && (word.back() == 'e' || word.back() == 'E') &&
        !is_vowel(word[word.size() - 2]) &&
        !(word[word.size() - 2] == 'l' && !is_vowel(word[word.size() - 3]))) {
        --count;
    }
    return std::max<std::size_t>(count, 1);
}

void append(std::string& out, std::string_view text) {
    if (text.empty()) {
        return;
    }
    out += text;
    // Fields without final punctuation (choice texts) still end a sentence.
    const char last = text.back();
    out += (last == '.' || last == '!' || last == '?') ? " " : ". ";
}

// The number of characters (not bytes) of UTF-8 text, for lining up columns.
std::size_t text_width(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string pad(std::string text, std::size_t width) {
    const std::size_t used = text_width(text);
    if (used < width) {
        text.append(width - used, ' ');
    }
    return text;
}

// A best path longer than this is a loop the estimate gives up on.
constexpr std::size_t kMaxPathSteps = 1000;

std::string minutes_text(double minutes) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", minutes);
    return text;
}

double minutes_of(const PlayEstimate& e) {
    return static_cast<double>(e.words) / kReadingWordsPerMinute +
           (static_cast<double>(e.decisions) * kSecondsPerDecision +
            static_cast<double>(e.checks) * kSecondsPerCheck) /
               60.0;
}

// Words, sentences and syllables of plain text, for the reading formulas.
// `letter_at(text, i)` is how many bytes of a letter start at i (0: none),
// `syllables_of` counts a word's. A number (hotline numbers, times) counts as
// one short word; "don't" is one word; . ! ? before a space or the end closes
// a sentence, and there is always at least one.
struct TextCounts {
    std::size_t words = 0;
    std::size_t sentences = 0;
    std::size_t syllables = 0;
};

template <class LetterAt, class SyllablesOf>
TextCounts count_text(std::string_view text, LetterAt letter_at, SyllablesOf syllables_of) {
    TextCounts counts;
    std::string word;
    const auto end_word = [&] {
        if (!word.empty()) {
            ++counts.words;
            counts.syllables += syllables_of(word);
            word.clear();
        }
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (const std::size_t letter = letter_at(text, i); letter > 0) {
            word += text.substr(i, letter);
            i += letter - 1;
            continue;
        }
        const char c = text[i];
        if (c == '\'' && !word.empty()) {
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) && word.empty()) {
            while (i + 1 < text.size() && (std::isdigit(static_cast<unsigned char>(text[i + 1])) ||
                                           text[i + 1] == '-' || text[i + 1] == ':')) {
                ++i;
            }
            ++counts.words;
            ++counts.syllables;
            continue;
        }
        end_word();
        const bool at_end = i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n';
        if ((c == '.' || c == '!' || c == '?') && at_end) {
            ++counts.sentences;
        }
    }
    end_word();
    counts.sentences = std::max<std::size_t>(counts.sentences, 1);
    return counts;
}

} // namespace

std::size_t count_words(std::string_view text) {
    std::size_t words = 0;
    bool in_token = false, has_alnum = false;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool space = i == text.size() || std::isspace(static_cast<unsigned char>(text[i]));
        if (space) {
            words += in_token && has_alnum ? 1 : 0;
            in_token = has_alnum = false;
            continue;
        }
        in_token = true;
        const auto c = static_cast<unsigned char>(text[i]);
        // A UTF-8 lead byte starts a letter ("é"), except 0xE2, which starts
        // punctuation and symbols (U+2000 to U+2FFF: dashes, quotes, arrows).
        has_alnum = has_alnum || std::isalnum(c) || (c >= 0xC0 && c != 0xE2);
    }
    return words;
}

PlayEstimate estimate_play(const model::Bundle& b, const model::Scenario& s) {
    PlayEstimate e;
    try {
        // The start screen: the objectives and the content note.
        for (const std::string& objective : s.objectives) {
            e.words += count_words(objective);
        }
        e.words += count_words(s.content_note);
        runtime::Run run(b, s.id);
        bool entered = true; // the current node's paragraphs are not read yet
        for (std::size_t step = 0;; ++step) {
            if (step == kMaxPathSteps) {
                e.reaches_ending = false;
                break;
            }
            if (entered) {
                for (const runtime::ParagraphView& p : run.view().paragraphs) {
                    e.words += count_words(p.text);
                }
                entered = false;
            }
            const runtime::Phase phase = run.phase();
            if (phase == runtime::Phase::Ended) {
                const runtime::Debrief d = run.debrief();
                for (std::string_view paragraph : d.text) {
                    e.words += count_words(paragraph);
                }
                // The signs noticed and missed, and the details that only look
                // like signs, each with its description.
                for (const auto* list : {&d.noticed, &d.missed, &d.confounders}) {
                    for (const model::Indicator* i : *list) {
                        e.words += count_words(i->name) + count_words(i->description);
                    }
                }
                e.words += count_words(d.response) + count_words(d.report);
                break;
            }
            if (phase == runtime::Phase::Choosing) {
                const std::vector<runtime::ChoiceView> shown = run.choices();
                for (const runtime::ChoiceView& c : shown) {
                    e.words += count_words(c.text);
                }
                const std::size_t n = runtime::pick_choice(run, runtime::PathKind::Best);
                const runtime::ChoiceResult result = run.choose(shown[n - 1].id);
                e.words += count_words(result.feedback);
                for (const model::Indicator* i : result.newly_noticed) {
                    e.words += count_words(i->name); // "You noticed a sign: ..."
                }
                ++e.decisions;
                entered = true;
            } else if (phase == runtime::Phase::Answering) {
                const runtime::NodeView view = run.view();
                e.words += count_words(view.check.prompt);
                std::vector<std::string_view> ids;
                for (std::size_t n : runtime::pick_options(run, runtime::PathKind::Best)) {
                    ids.push_back(view.check.options[n - 1].id);
                }
                // The result shows every option again, each with its feedback.
                for (const runtime::OptionResult& o : run.answer(ids).options) {
                    e.words += count_words(o.text) + count_words(o.feedback);
                }
                ++e.checks;
            } else {
                run.advance();
                entered = true;
            }
        }
    } catch (const std::runtime_error&) {
        e.reaches_ending = false; // stuck or broken: count what was read up to there
    }
    e.minutes = minutes_of(e);
    return e;
}

PlayEstimate estimate_play(const model::Bundle& b, const model::Course& course) {
    PlayEstimate total;
    for (const model::CourseEntry& entry : course.entries) {
        if (!entry.required) {
            continue;
        }
        for (const model::Scenario& s : b.scenarios) {
            if (s.id == entry.scenario) {
                const PlayEstimate e = estimate_play(b, s);
                total.words += e.words;
                total.decisions += e.decisions;
                total.checks += e.checks;
                total.reaches_ending = total.reaches_ending && e.reaches_ending;
                break;
            }
        }
    }
    total.minutes = minutes_of(total);
    return total;
}

double reading_grade(std::string_view text) {
    const TextCounts c = count_text(
        text,
        [](std::string_view t, std::size_t i) -> std::size_t {
            return std::isalpha(static_cast<unsigned char>(t[i])) ? 1 : 0;
        },
        [](const std::string& word) { return syllables(word); });
    if (c.words == 0) {
        return 0;
    }
    return 0.39 * static_cast<double>(c.words) / static_cast<double>(c.sentences) +
           11.8 * static_cast<double>(c.syllables) / static_cast<double>(c.words) - 15.59;
}

namespace {

// A letter of Spanish text: ASCII, or a Latin-1 letter in UTF-8 (C3 xx, but
// not the signs × and ÷). Other characters (¿ ¡ « » — …) separate words.
std::size_t letter_bytes(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isalpha(c)) {
        return 1;
    }
    if (c == 0xC3 && i + 1 < text.size()) {
        const auto next = static_cast<unsigned char>(text[i + 1]);
        return next >= 0x80 && next <= 0xBF && next != 0x97 && next != 0xB7 ? 2 : 0;
    }
    return 0;
}

enum class Sound { Consonant, Weak, Strong };

// How a letter sounds in a syllable; `last` says whether it ends the word.
Sound spanish_sound(char32_t c, bool last) {
    switch (c) {
    case U'a':
    case U'e':
    case U'o':
    case U'á':
    case U'é':
    case U'ó':
    case U'à':
    case U'è':
    case U'ò':
    case U'í': // an accented weak vowel stands alone: "dí-a", "re-ír"
    case U'ú':
        return Sound::Strong;
    case U'i':
    case U'u':
    case U'ü':
        return Sound::Weak;
    case U'y':
        return last ? Sound::Weak : Sound::Consonant;
    default:
        return Sound::Consonant;
    }
}

// Syllables of one word (ASCII and C3 xx letters only, see letter_bytes).
std::size_t spanish_syllables(std::string_view word) {
    std::u32string letters;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const auto c = static_cast<unsigned char>(word[i]);
        if (c == 0xC3 && i + 1 < word.size()) {
            // C3 xx is U+00C0 + (xx - 0x80); an upper-case one (to U+00DE) is 0x20 below its lower
            // case.
            const auto code =
                static_cast<char32_t>(0xC0 + static_cast<unsigned char>(word[++i]) - 0x80);
            letters += code <= 0xDE ? static_cast<char32_t>(code + 0x20) : code;
        } else {
            letters += static_cast<char32_t>(std::tolower(c));
        }
    }
    std::size_t count = 0;
    Sound previous = Sound::Consonant;
    for (std::size_t i = 0; i < letters.size(); ++i) {
        const Sound sound = spanish_sound(letters[i], i + 1 == letters.size());
        const bool hiatus = sound == Sound::Strong && previous == Sound::Strong;
        if (sound != Sound::Consonant && (previous == Sound::Consonant || hiatus)) {
            ++count;
        }
        previous = sound;
    }
    return std::max<std::size_t>(count, 1);
}

} // namespace

double spanish_reading_ease(std::string_view text) {
    const TextCounts c = count_text(
        text, letter_bytes, [](const std::string& word) { return spanish_syllables(word); });
    if (c.words == 0) {
        return 100;
    }
    const double syllables_per_100_words =
        100.0 * static_cast<double>(c.syllables) / static_cast<double>(c.words);
    const double words_per_sentence =
        static_cast<double>(c.words) / static_cast<double>(c.sentences);
    return 206.84 - 0.60 * syllables_per_100_words - 1.02 * words_per_sentence;
}

std::string learner_text(const model::Node& n) {
    std::string text;
    for (const model::Paragraph& p : n.body) {
        append(text, p.text);
    }
    for (const model::Choice& c : n.choices) {
        append(text, c.text);
        append(text, c.feedback);
    }
    append(text, n.check.prompt);
    for (const model::CheckOption& o : n.check.options) {
        append(text, o.text);
        append(text, o.feedback);
    }
    append(text, n.debrief);
    return text;
}

std::string learner_text(const model::Scenario& s) {
    std::string text;
    append(text, s.content_note);
    for (const std::string& objective : s.objectives) {
        append(text, objective);
    }
    append(text, s.response);
    append(text, s.report);
    for (const model::Node& n : s.nodes) {
        text += learner_text(n);
    }
    return text;
}

std::vector<const model::Scenario*> course_scenarios(const model::Bundle& b,
                                                     const model::Course& course) {
    std::vector<const model::Scenario*> out;
    for (const model::CourseEntry& e : course.entries) {
        for (const model::Scenario& s : b.scenarios) {
            if (s.id == e.scenario) {
                out.push_back(&s);
                break;
            }
        }
    }
    return out;
}

Coverage role_coverage(const model::Bundle& b, std::string_view role,
                       const std::vector<const model::Scenario*>& scenarios) {
    std::set<std::string, std::less<>> used;
    for (const model::Scenario* s : scenarios) {
        used.insert(s->indicators.begin(), s->indicators.end());
        for (const model::Node& n : s->nodes) {
            for (const model::Choice& c : n.choices) {
                used.insert(c.notices.begin(), c.notices.end());
            }
        }
    }
    Coverage coverage;
    for (const model::Indicator& indicator : b.indicators) {
        if (std::find(indicator.roles.begin(), indicator.roles.end(), role) ==
            indicator.roles.end()) {
            continue;
        }
        const bool is_used = used.contains(indicator.id);
        if (indicator.confounder) {
            ++coverage.confounders;
            coverage.confounders_covered += is_used ? 1 : 0;
        } else {
            ++coverage.indicators;
            if (is_used) {
                coverage.covered.push_back(indicator.id);
            }
        }
    }
    return coverage;
}

Stats compute_stats(const model::Bundle& b) {
    Stats stats;
    for (const model::Scenario& s : b.scenarios) {
        ScenarioStats row;
        row.id = s.id;
        row.role = s.role;
        row.nodes = s.nodes.size();
        row.minutes = s.minutes;
        std::set<std::string> indicators(s.indicators.begin(), s.indicators.end());
        for (const model::Node& n : s.nodes) {
            row.decisions += n.choices.empty() ? 0 : 1;
            row.choices += n.choices.size();
            row.checks += n.has_check() ? 1 : 0;
            row.endings += n.is_ending() ? 1 : 0;
            for (const model::Choice& c : n.choices) {
                indicators.insert(c.notices.begin(), c.notices.end());
            }
        }
        row.indicators = indicators.size();
        row.reading_grade = reading_grade(learner_text(s));
        row.estimate = estimate_play(b, s);
        stats.scenarios.push_back(row);
    }
    for (const model::Course& c : b.courses) {
        CourseStats row{c.id, c.role, c.entries.size(), 0, 0, c.credit_minutes, {}, {}};
        const std::vector<const model::Scenario*> scenarios = course_scenarios(b, c);
        for (const model::CourseEntry& e : c.entries) {
            row.required += e.required ? 1 : 0;
        }
        for (const model::Scenario* s : scenarios) {
            row.minutes += s->minutes;
        }
        row.coverage = role_coverage(b, c.role, scenarios);
        row.estimate = estimate_play(b, c);
        stats.courses.push_back(std::move(row));
    }
    for (const model::Role& role : b.roles) {
        std::vector<const model::Scenario*> scenarios;
        for (const model::Scenario& s : b.scenarios) {
            if (s.role == role.id) {
                scenarios.push_back(&s);
            }
        }
        stats.roles.push_back({role.id, role_coverage(b, role.id, scenarios)});
    }
    return stats;
}

void print_stats(std::ostream& out, const Stats& stats) {
    using i18n::format;
    using i18n::tr;
    const auto n = [](std::size_t number) { return std::to_string(number); };
    char grade[16];
    // TRANSLATORS: the columns of `sightc stats`' scenario table; each column is as
    // wide as its heading plus one space.
    const std::array<const char*, 11> headings = {
        tr("stats column", "id"),      tr("stats column", "role"),
        tr("stats column", "nodes"),   tr("stats column", "decisions"),
        tr("stats column", "choices"), tr("stats column", "checks"),
        tr("stats column", "endings"), tr("stats column", "indicators"),
        tr("stats column", "minutes"), tr("stats column", "grade"),
        tr("stats column", "estimate")};
    std::array<std::size_t, 11> width{};
    for (std::size_t i = 0; i < headings.size(); ++i) {
        width[i] = text_width(headings[i]) + 1;
    }
    width[0] = std::max<std::size_t>(width[0], 34); // the ids
    width[1] = std::max<std::size_t>(width[1], 11); // the roles
    out << tr("Scenarios") << '\n' << "  ";
    for (std::size_t i = 0; i + 1 < headings.size(); ++i) {
        out << pad(headings[i], width[i]);
    }
    out << headings.back() << '\n';
    std::size_t nodes = 0, decisions = 0, choices = 0, checks = 0, endings = 0, minutes = 0;
    const ScenarioStats* hardest = nullptr;
    for (const ScenarioStats& s : stats.scenarios) {
        std::snprintf(grade, sizeof grade, "%.1f", s.reading_grade);
        out << "  " << pad(s.id, width[0]) << pad(s.role, width[1]) << pad(n(s.nodes), width[2])
            << pad(n(s.decisions), width[3]) << pad(n(s.choices), width[4])
            << pad(n(s.checks), width[5]) << pad(n(s.endings), width[6])
            << pad(n(s.indicators), width[7]) << pad(n(s.minutes), width[8]) << pad(grade, width[9])
            << minutes_text(s.estimate.minutes) << '\n';
        nodes += s.nodes, decisions += s.decisions, choices += s.choices;
        checks += s.checks, endings += s.endings, minutes += s.minutes;
        if (!hardest || s.reading_grade > hardest->reading_grade) {
            hardest = &s;
        }
    }
    // TRANSLATORS: the counts may be 1.
    out << format(tr("  total: {1} scenarios, {2} nodes, {3} decisions, {4} choices, {5} knowledge "
                     "checks, {6} endings, {7} minutes"),
                  {n(stats.scenarios.size()), n(nodes), n(decisions), n(choices), n(checks),
                   n(endings), n(minutes)})
        << '\n';
    if (hardest) {
        std::snprintf(grade, sizeof grade, "%.1f", hardest->reading_grade);
        // TRANSLATORS: {1} is a grade (8.2), {2} a scenario id.
        out << format(tr("  highest reading grade: {1} ({2})"), {grade, hardest->id}) << '\n';
    }
    out << tr("Courses") << '\n';
    for (const CourseStats& c : stats.courses) {
        // TRANSLATORS: after a course's id and role; {4} is minutes with one decimal.
        out << "  " << pad(c.id, 20) << pad(c.role, 11)
            << format(tr("{1} scenarios ({2} required), {3} minutes to play, {4} estimated, {5} "
                         "credit minutes, {6} of {7} role indicators"),
                      {n(c.scenarios), n(c.required), n(c.minutes),
                       minutes_text(c.estimate.minutes), n(c.credit_minutes),
                       n(c.coverage.covered.size()), n(c.coverage.indicators)})
            << '\n';
    }
    out << format(tr("  estimated: the best paths of the required scenarios, {1} words a minute, "
                     "{2} s a decision, {3} s a check"),
                  {n(static_cast<std::size_t>(kReadingWordsPerMinute)),
                   n(static_cast<std::size_t>(kSecondsPerDecision)),
                   n(static_cast<std::size_t>(kSecondsPerCheck))})
        << '\n';
    out << tr("Indicators covered per role") << '\n';
    for (const RoleCoverage& r : stats.roles) {
        const Coverage& c = r.coverage;
        // TRANSLATORS: after a role's id.
        out << "  " << pad(r.role, 11)
            << format(tr("{1} of {2} indicators, {3} of {4} confounders"),
                      {n(c.covered.size()), n(c.indicators), n(c.confounders_covered),
                       n(c.confounders)})
            << '\n';
    }
}

} // namespace sightline::content
