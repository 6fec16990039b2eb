#include "pseudo_check.hpp"

#include <algorithm>
#include <cfloat>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace sightline::test::pseudo {

namespace {

std::u32string decode(const std::string& s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        char32_t cp = extra == 0   ? c
                      : extra == 1 ? (c & 0x1Fu)
                      : extra == 2 ? (c & 0x0Fu)
                                   : (c & 0x07u);
        ++i;
        for (; extra > 0 && i < s.size(); --extra, ++i) {
            cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3Fu);
        }
        out.push_back(cp);
    }
    return out;
}

std::string encode(std::u32string_view s) {
    std::string out;
    for (const char32_t c : s) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

// Python's str.isspace(), for the characters the views draw.
bool is_space(char32_t c) {
    return c == U' ' || (c >= U'\t' && c <= U'\r') || c == 0x1C || c == 0x1D || c == 0x1E ||
           c == 0x1F || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool is_ascii_letter(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

// Python's \w, near enough: ASCII letters, digits, _ and letters beyond ASCII
// (not the punctuation, symbols and arrows the views draw).
bool is_word(char32_t c) {
    if (c < 0x80) {
        return is_ascii_letter(c) || (c >= U'0' && c <= U'9') || c == U'_';
    }
    return c >= 0xC0 && c != 0xD7 && c != 0xF7 && c < 0x2000;
}

// check_pseudo.py's EDGE: stripped from both ends of a token.
const std::u32string kEdge = U"\"'\u201C\u201D\u2018\u2019()[]{}<>.,;:!?*_`~/|";

// check_pseudo.py's WORD: ^[A-Za-z]+(?:['’-][A-Za-z]+)*$
bool is_word_token(std::u32string_view core) {
    if (core.empty() || !is_ascii_letter(core.front()) || !is_ascii_letter(core.back())) {
        return false;
    }
    for (std::size_t i = 0; i < core.size(); ++i) {
        const char32_t c = core[i];
        if (is_ascii_letter(c)) {
            continue;
        }
        const bool joiner = c == U'\'' || c == U'\u2019' || c == U'-';
        if (!joiner || !is_ascii_letter(core[i + 1])) {
            return false;
        }
    }
    return true;
}

struct Span {
    std::size_t begin;
    std::size_t end;
};

// Where `phrase` occurs in `text` as whole words, its words separated by any
// whitespace (check_pseudo.py's phrase_pattern).
std::vector<Span> find_phrase(std::u32string_view text, const std::u32string& phrase) {
    std::vector<std::u32string> words;
    std::u32string word;
    for (const char32_t c : phrase + U" ") {
        if (is_space(c)) {
            if (!word.empty()) {
                words.push_back(word);
            }
            word.clear();
        } else {
            word.push_back(c);
        }
    }
    std::vector<Span> found;
    if (words.empty()) {
        return found;
    }
    const bool word_start = is_word(phrase.front());
    const bool word_end = is_word(phrase.back());
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (word_start && at > 0 && is_word(text[at - 1])) {
            continue;
        }
        std::size_t i = at;
        bool ok = true;
        for (std::size_t w = 0; w < words.size() && ok; ++w) {
            if (w > 0) {
                const std::size_t spaces = i;
                while (i < text.size() && is_space(text[i])) {
                    ++i;
                }
                ok = i > spaces;
            }
            ok = ok && text.substr(i, words[w].size()) == words[w];
            i += words[w].size();
        }
        if (ok && word_end && i < text.size() && is_word(text[i])) {
            ok = false;
        }
        if (ok) {
            found.push_back({at, i});
        }
    }
    return found;
}

// The paragraphs (runs of non-blank lines) of `text`.
std::vector<std::u32string> paragraphs(const std::u32string& text) {
    std::vector<std::u32string> out;
    std::u32string block;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(U'\n', start);
        if (end == std::u32string::npos) {
            end = text.size();
        }
        const std::u32string_view line(text.data() + start, end - start);
        const bool blank = std::all_of(line.begin(), line.end(), is_space);
        if (!blank) {
            if (!block.empty()) {
                block.push_back(U'\n');
            }
            block.append(line);
        } else if (!block.empty()) {
            out.push_back(block);
            block.clear();
        }
        start = end + 1;
    }
    if (!block.empty()) {
        out.push_back(block);
    }
    return out;
}

std::string px(float v) {
    std::ostringstream out;
    out.precision(1);
    out << std::fixed << v;
    return out.str();
}

} // namespace

std::vector<std::string> read_phrases(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("cannot read " + path);
    }
    std::vector<std::string> phrases;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') {
            continue;
        }
        const auto sep = line.find("  #");
        std::string reason = sep == std::string::npos ? "" : line.substr(sep + 3);
        reason.erase(0, std::min(reason.size(), reason.find_first_not_of(" \t")));
        if (sep == std::string::npos || reason.empty()) {
            throw std::runtime_error(path + ":" + std::to_string(number) +
                                     ": a phrase needs a reason: PHRASE  # why");
        }
        std::string phrase = line.substr(first, sep - first);
        phrase.erase(phrase.find_last_not_of(" \t") + 1);
        phrases.push_back(phrase);
    }
    return phrases;
}

Checker Checker::from_sources(const std::string& source_dir) {
    // The letters pseudolocalize.py writes: the second argument of
    // ACCENTED = str.maketrans("abc...", "àƀç...").
    const std::string script = source_dir + "/tools/i18n/pseudolocalize.py";
    std::ifstream in(script);
    if (!in) {
        throw std::runtime_error("cannot read " + script);
    }
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    static const std::regex accented(
        R"re(ACCENTED\s*=\s*str\.maketrans\(\s*"([^"]*)"\s*,\s*"([^"]*)")re");
    std::smatch m;
    if (!std::regex_search(source, m, accented)) {
        throw std::runtime_error(script + ": no ACCENTED = str.maketrans(\"...\", \"...\")");
    }
    std::vector<std::string> allow = read_phrases(source_dir + "/tests/pseudo/allow.txt");
    for (std::string& phrase : read_phrases(source_dir + "/tests/ui/pseudo_allow.txt")) {
        allow.push_back(std::move(phrase));
    }
    return Checker(decode(m[2].str()), std::move(allow),
                   read_phrases(source_dir + "/tests/ui/pseudo_pending.txt"));
}

Checker::Checker(std::u32string pseudo_letters, std::vector<std::string> allow,
                 std::vector<std::string> pending)
    : pseudo_(std::move(pseudo_letters)), allow_(std::move(allow)), pending_(std::move(pending)) {}

std::vector<std::string> Checker::untranslated_runs(const std::string& utf8,
                                                    std::vector<std::string>* pending_met) const {
    std::vector<std::string> runs;
    for (const std::u32string& para : paragraphs(decode(utf8))) {
        std::vector<Span> masked;
        for (const std::string& phrase : allow_) {
            const std::vector<Span> found = find_phrase(para, decode(phrase));
            masked.insert(masked.end(), found.begin(), found.end());
        }
        for (const std::string& phrase : pending_) {
            const std::vector<Span> found = find_phrase(para, decode(phrase));
            masked.insert(masked.end(), found.begin(), found.end());
            if (!found.empty() && pending_met != nullptr) {
                pending_met->push_back(phrase);
            }
        }
        std::vector<Span> run;
        const auto flush = [&] {
            if (run.size() >= 2) {
                std::string words;
                for (const Span& t : run) {
                    words +=
                        (words.empty() ? "" : " ") + encode(para.substr(t.begin, t.end - t.begin));
                }
                runs.push_back(words);
            }
            run.clear();
        };
        for (std::size_t i = 0; i <= para.size();) {
            while (i < para.size() && is_space(para[i])) {
                ++i;
            }
            if (i == para.size()) {
                break;
            }
            const std::size_t begin = i;
            while (i < para.size() && !is_space(para[i])) {
                ++i;
            }
            const Span token{begin, i};
            std::u32string_view core(para.data() + begin, i - begin);
            while (!core.empty() && kEdge.find(core.front()) != std::u32string::npos) {
                core.remove_prefix(1);
            }
            while (!core.empty() && kEdge.find(core.back()) != std::u32string::npos) {
                core.remove_suffix(1);
            }
            const auto letters = std::count_if(core.begin(), core.end(), is_ascii_letter);
            const bool has_pseudo = std::any_of(core.begin(), core.end(), [&](char32_t c) {
                return pseudo_.find(c) != std::u32string::npos;
            });
            const bool is_masked = std::any_of(masked.begin(), masked.end(), [&](const Span& s) {
                return s.begin < token.end && token.begin < s.end;
            });
            if (is_word_token(core) && letters >= 3 && !has_pseudo && !is_masked) {
                run.push_back(token);
            } else {
                flush();
            }
        }
        flush();
    }
    return runs;
}

std::string Checker::cut_pseudo_string(const std::string& utf8) const {
    for (const std::u32string& para : paragraphs(decode(utf8))) {
        std::vector<std::size_t> open;
        for (std::size_t i = 0; i < para.size(); ++i) {
            if (para[i] == U'[') {
                open.push_back(i);
            } else if (para[i] == U']') {
                if (!open.empty()) {
                    open.pop_back();
                } else if (i > 0 && para[i - 1] == U'~') {
                    return "a closing ']' without its '[': the start of a pseudo string is missing";
                }
            }
        }
        for (const std::size_t i : open) {
            const std::u32string_view after = std::u32string_view(para).substr(i + 1);
            // Shortened on purpose: "..." or "…" before any padding, up to the next string.
            const std::u32string_view own = after.substr(0, after.find(U'['));
            const std::size_t dots = std::min(own.find(U"..."), own.find(U'\u2026'));
            if (dots != std::u32string_view::npos &&
                own.substr(0, dots).find(U'~') == std::u32string_view::npos) {
                continue;
            }
            const std::u32string_view near = after.substr(0, 40);
            const bool pseudo_string = after.find(U'~') != std::u32string_view::npos ||
                                       std::any_of(near.begin(), near.end(), [&](char32_t c) {
                                           return pseudo_.find(c) != std::u32string::npos;
                                       });
            if (pseudo_string) {
                return "the '[' opened at \"" + encode(after.substr(0, 12)) +
                       "...\" is not closed by ']': the string was cut";
            }
        }
    }
    return {};
}

std::vector<Problem> Checker::check(const std::vector<ui::DrawnText>& drawn,
                                    const std::vector<VisibleWindow>& windows,
                                    const std::vector<std::string>& excerpts,
                                    std::vector<std::string>* pending_met) const {
    std::vector<Problem> problems;
    for (const ui::DrawnText& d : drawn) {
        for (const std::string& run : untranslated_runs(d.text, pending_met)) {
            problems.push_back({"untranslated", d.text, "English words: '" + run + "'"});
        }
        const bool excerpt = std::find(excerpts.begin(), excerpts.end(), d.text) != excerpts.end();
        if (const std::string cut = cut_pseudo_string(d.text); !cut.empty() && !excerpt) {
            problems.push_back({"truncated", d.text, cut});
        }
        // (b) The innermost window the text starts in: one that holds its top
        // left corner, else (scrolled out of sight) one that holds it across.
        constexpr float kSlack = 1.0f;
        const VisibleWindow* home = nullptr;
        bool home_holds_corner = false;
        for (const VisibleWindow& w : windows) {
            const bool across = d.min.x >= w.min.x - kSlack && d.min.x <= w.max.x;
            if (!across) {
                continue;
            }
            const bool corner = d.min.y >= w.min.y - kSlack && d.min.y <= w.max.y;
            const bool better = home == nullptr || (corner && !home_holds_corner) ||
                                (corner == home_holds_corner && w.depth > home->depth);
            if (better) {
                home = &w;
                home_holds_corner = corner;
            }
        }
        if (home == nullptr) {
            problems.push_back(
                {"off the edge", d.text, "starts at x " + px(d.min.x) + ", outside every window"});
        } else if (d.max.x > home->max.x + kSlack) {
            problems.push_back({"off the edge", d.text,
                                "runs " + px(d.max.x - home->max.x) +
                                    " px past the right edge of window '" + home->name + "' (x " +
                                    px(home->max.x) + ")"});
        }
        // (c) Wrapped at the item's width, the text needs more height than the item.
        const float w = d.max.x - d.min.x;
        const float h = d.max.y - d.min.y;
        if (d.font != nullptr && w > 0 && h > 0) {
            const ImVec2 size = d.font->CalcTextSizeA(d.font->FontSize, FLT_MAX, w + kSlack,
                                                      d.text.data(), d.text.data() + d.text.size());
            if (size.y > h + kSlack) {
                problems.push_back({"squeezed", d.text,
                                    "needs " + px(size.y) + " px of height at its item's width " +
                                        px(w) + ", the item is " + px(h) + " px tall"});
            }
        }
    }
    return problems;
}

} // namespace sightline::test::pseudo
