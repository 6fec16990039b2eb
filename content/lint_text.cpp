// The text helpers of the quality gates: words and banned terms, reporting
// resources and phone numbers, and small formatting (lint_text.hpp).
#include "content/lint_text.hpp"

#include "content/lint_terms.hpp"

#include <algorithm>
#include <cstdio>

namespace sightline::content::lint_text {

namespace {

using lint_terms::kBannedTerms;

// --- words and terms ---------------------------------------------------------------

bool is_word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    // Bytes of multi-byte UTF-8 characters stay inside the word ("café").
    return std::isalnum(u) || u >= 0x80;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

struct Word {
    std::string text; // lower case
    std::size_t begin = 0, end = 0;
};

// Upper-case Latin-1 letters in UTF-8 (C3 80 to C3 9E but not C3 97, the
// multiplication sign) lower-case by adding 0x20 to their second byte, so
// "PROSTITUCIÓN" matches "prostitución".
bool latin1_upper(std::string_view text, std::size_t i) {
    if (i + 1 >= text.size() || static_cast<unsigned char>(text[i]) != 0xC3) {
        return false;
    }
    const auto second = static_cast<unsigned char>(text[i + 1]);
    return second >= 0x80 && second <= 0x9E && second != 0x97;
}

// The bytes of a non-ASCII punctuation mark at `i` (¿ ¡ « » “ ” ‘ ’ – — …), 0 if
// there is none: they separate words, so "¿Prostituta?" or “rescued” is no disguise.
std::size_t punctuation_bytes(std::string_view text, std::size_t i) {
    static constexpr std::string_view kMarks[] = {"¿", "¡", "«", "»", "“", "”",
                                                  "‘", "’", "–", "—", "…"};
    for (std::string_view mark : kMarks) {
        if (text.substr(i).starts_with(mark)) {
            return mark.size();
        }
    }
    return 0;
}

std::vector<Word> words_of(std::string_view text) {
    std::vector<Word> words;
    const auto in_word = [&](std::size_t i) {
        return is_word_byte(text[i]) && punctuation_bytes(text, i) == 0;
    };
    for (std::size_t i = 0; i < text.size();) {
        if (!in_word(i)) {
            i += std::max<std::size_t>(punctuation_bytes(text, i), 1);
            continue;
        }
        Word w;
        w.begin = i;
        while (i < text.size() && in_word(i)) {
            if (latin1_upper(text, i)) {
                w.text += text[i++];
                w.text += static_cast<char>(static_cast<unsigned char>(text[i++]) + 0x20);
                continue;
            }
            w.text += lower(text[i++]);
        }
        w.end = i;
        words.push_back(std::move(w));
    }
    return words;
}

// A word list split into words once, and how its plurals are matched.
struct TermList {
    std::vector<std::vector<std::string>> terms;
    bool plural_every_word = false; // Spanish: adjectives agree ("inmigrantes ilegales")
};

template <class Terms>
TermList split_terms(const Terms& list, bool plural_every_word) {
    TermList out{{}, plural_every_word};
    for (const auto& t : list) {
        std::vector<std::string> words;
        for (Word& w : words_of(t.term)) {
            words.push_back(std::move(w.text));
        }
        out.terms.push_back(std::move(words));
    }
    return out;
}

const TermList& term_list(Language language) {
    static const TermList english = split_terms(kBannedTerms, false);
    static const TermList spanish = split_terms(lint_terms::kSpanishBannedTerms, true);
    return language == Language::Spanish ? spanish : english;
}

bool term_at(const std::vector<Word>& words, std::size_t at, const std::vector<std::string>& term,
             bool plural_every_word) {
    if (term.empty() || at + term.size() > words.size()) {
        return false;
    }
    for (std::size_t k = 0; k < term.size(); ++k) {
        const std::string& have = words[at + k].text;
        const std::string& want = term[k];
        const bool plural = plural_every_word || k + 1 == term.size();
        if (have != want && !(plural && (have == want + "s" || have == want + "es"))) {
            return false;
        }
    }
    return true;
}

} // namespace

// Every banned term in `text`; a match inside a longer one ("prostitute" in
// "child prostitute") is left out.
std::vector<TermMatch> banned_in(std::string_view text, Language language) {
    const std::vector<Word> words = words_of(text);
    const TermList& list = term_list(language);
    std::vector<TermMatch> all;
    for (std::size_t i = 0; i < words.size(); ++i) {
        for (std::size_t t = 0; t < list.terms.size(); ++t) {
            if (term_at(words, i, list.terms[t], list.plural_every_word)) {
                all.push_back({t, words[i].begin, words[i + list.terms[t].size() - 1].end});
            }
        }
    }
    std::vector<TermMatch> out;
    for (const TermMatch& m : all) {
        const bool inside = std::any_of(all.begin(), all.end(), [&](const TermMatch& o) {
            return &o != &m && o.begin <= m.begin && m.end <= o.end &&
                   (o.end - o.begin) > (m.end - m.begin);
        });
        if (!inside) {
            out.push_back(m);
        }
    }
    return out;
}

// The first place in `text` where banned term `term` occurs, if any.
std::optional<std::size_t> find_term(std::string_view text, std::size_t term, Language language) {
    const std::vector<Word> words = words_of(text);
    const TermList& list = term_list(language);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (term_at(words, i, list.terms[term], list.plural_every_word)) {
            return words[i].begin;
        }
    }
    return std::nullopt;
}

// The banned terms a `teaches:` entry names ("lot lizards" names "lot lizard").
std::set<std::size_t> taught_terms(const std::vector<std::string>& teaches) {
    const TermList& list = term_list(Language::English);
    std::set<std::size_t> out;
    for (const std::string& entry : teaches) {
        const std::vector<Word> words = words_of(entry);
        for (std::size_t t = 0; t < list.terms.size(); ++t) {
            if (words.size() == list.terms[t].size() && term_at(words, 0, list.terms[t], false)) {
                out.insert(t);
            }
        }
    }
    return out;
}

// The Spanish terms a node's `teaches:` allows: those it names, and those
// standing for an English term it names.
std::set<std::size_t> taught_spanish_terms(const std::vector<std::string>& teaches) {
    const std::set<std::size_t> english = taught_terms(teaches);
    const TermList& list = term_list(Language::Spanish);
    std::set<std::size_t> out;
    for (std::size_t t = 0; t < list.terms.size(); ++t) {
        const std::string_view stands_for = lint_terms::kSpanishBannedTerms[t].english;
        const bool by_english = std::any_of(english.begin(), english.end(), [&](std::size_t e) {
            return kBannedTerms[e].term == stands_for;
        });
        const bool by_name = std::any_of(teaches.begin(), teaches.end(), [&](const auto& entry) {
            const std::vector<Word> words = words_of(entry);
            return words.size() == list.terms[t].size() && term_at(words, 0, list.terms[t], true);
        });
        if (by_english || by_name) {
            out.insert(t);
        }
    }
    return out;
}

// --- reporting resources and phone numbers -------------------------------------------

bool contains_number(std::string_view text, std::string_view number) {
    for (std::size_t at = text.find(number); at != std::string_view::npos;
         at = text.find(number, at + 1)) {
        const std::size_t end = at + number.size();
        const bool open_before = at == 0 || (!is_digit(text[at - 1]) && text[at - 1] != '-');
        const bool open_after =
            end == text.size() ||
            (!is_digit(text[end]) &&
             !(text[end] == '-' && end + 1 < text.size() && is_digit(text[end + 1])));
        if (open_before && open_after) {
            return true;
        }
    }
    return false;
}

bool contains_ignoring_case(std::string_view text, std::string_view part) {
    if (part.empty() || part.size() > text.size()) {
        return part.empty();
    }
    for (std::size_t i = 0; i + part.size() <= text.size(); ++i) {
        std::size_t k = 0;
        while (k < part.size() && lower(text[i + k]) == lower(part[k])) {
            ++k;
        }
        if (k == part.size()) {
            return true;
        }
    }
    return false;
}

bool known_number(std::string_view number) {
    return std::find(lint_terms::kReportingNumbers.begin(), lint_terms::kReportingNumbers.end(),
                     number) != lint_terms::kReportingNumbers.end();
}

// Numbers shaped like phone numbers or text codes: digit groups joined by '-'
// with at least 7 digits ("1-888-373-7888"), a run of 10 or more digits, or a
// run of 5 or more digits right after the word "text" ("text 233733").
std::vector<std::pair<std::size_t, std::string_view>> phone_numbers(std::string_view text) {
    std::vector<std::pair<std::size_t, std::string_view>> out;
    for (std::size_t i = 0; i < text.size();) {
        if (!is_digit(text[i]) || (i > 0 && (is_word_byte(text[i - 1]) || text[i - 1] == '-'))) {
            ++i;
            continue;
        }
        const std::size_t begin = i;
        std::size_t digits = 0, groups = 1;
        while (i < text.size()) {
            if (is_digit(text[i])) {
                ++digits;
                ++i;
            } else if (text[i] == '-' && i + 1 < text.size() && is_digit(text[i + 1])) {
                ++groups;
                ++i;
            } else {
                break;
            }
        }
        if (i < text.size() && is_word_byte(text[i])) {
            continue; // "24-hour" and "3rd" are not numbers to call
        }
        const std::string_view token = text.substr(begin, i - begin);
        std::string_view before = text.substr(0, begin);
        while (!before.empty() && before.back() == ' ') {
            before.remove_suffix(1);
        }
        const bool after_text = before.size() >= 4 &&
                                contains_ignoring_case(before.substr(before.size() - 4), "text") &&
                                (before.size() == 4 || !is_word_byte(before[before.size() - 5]));
        if ((groups > 1 && digits >= 7) || (groups == 1 && digits >= 10) ||
            (groups == 1 && digits >= 5 && after_text)) {
            out.emplace_back(begin, token);
        }
    }
    return out;
}

std::string grade_text(double grade) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", grade);
    return text;
}

std::size_t word_count(std::string_view text) {
    return words_of(text).size();
}

} // namespace sightline::content::lint_text
