#include "ui/help.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace sightline::ui {

namespace {

// The phone numbers of a sentence: runs of digits and hyphens with at least
// seven digits ("1-888-373-7888", "555-0100"), whatever the language around them.
std::vector<std::string> phone_numbers(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size();) {
        if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) {
            ++i;
            continue;
        }
        std::size_t end = i;
        int digits = 0;
        while (end < text.size() &&
               (std::isdigit(static_cast<unsigned char>(text[end])) != 0 ||
                (text[end] == '-' && end + 1 < text.size() &&
                 std::isdigit(static_cast<unsigned char>(text[end + 1])) != 0))) {
            digits += text[end] == '-' ? 0 : 1;
            ++end;
        }
        if (digits >= 7) {
            out.emplace_back(text.substr(i, end - i));
        }
        i = end;
    }
    return out;
}

// Whether the sentence has 911 on its own, not inside a longer number.
bool has_911(std::string_view text) {
    const auto number_char = [&](std::size_t at) {
        return at < text.size() &&
               (std::isdigit(static_cast<unsigned char>(text[at])) != 0 || text[at] == '-');
    };
    for (std::size_t at = text.find("911"); at != std::string_view::npos;
         at = text.find("911", at + 1)) {
        if ((at == 0 || !number_char(at - 1)) && !number_char(at + 3)) {
            return true;
        }
    }
    return false;
}

// The sentence met most often among those `keep` accepts; ties go to the first met.
template <class Keep>
std::vector<std::string> most_common(const std::vector<std::string>& sentences, Keep keep) {
    std::map<std::string, std::pair<int, std::size_t>> counts; // count, first position
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        if (keep(sentences[i])) {
            auto [it, inserted] = counts.try_emplace(sentences[i], 0, i);
            ++it->second.first;
        }
    }
    const auto best =
        std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
            return a.second.first != b.second.first ? a.second.first < b.second.first
                                                    : a.second.second > b.second.second;
        });
    if (best == counts.end()) {
        return {};
    }
    return {best->first};
}

} // namespace

std::vector<std::string> split_sentences(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    const auto push = [&](std::size_t end) {
        std::string_view s = text.substr(start, end - start);
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) {
            s.remove_prefix(1);
        }
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) {
            s.remove_suffix(1);
        }
        if (!s.empty()) {
            out.emplace_back(s);
        }
    };
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ') {
            push(i + 1);
            start = i + 1;
        }
    }
    push(text.size());
    return out;
}

HelpContent help_content(const model::Bundle& bundle) {
    std::vector<std::string> sentences;
    for (const model::Scenario& s : bundle.scenarios) {
        for (std::string& sentence : split_sentences(s.report)) {
            sentences.push_back(std::move(sentence));
        }
    }
    // The hotline's number is the one the reports give most often (ties: the
    // first met); found by its digits, so the courses' language does not matter.
    std::map<std::string, std::pair<int, std::size_t>> numbers; // count, first position
    for (const std::string& sentence : sentences) {
        for (const std::string& number : phone_numbers(sentence)) {
            auto [it, inserted] = numbers.try_emplace(number, 0, numbers.size());
            ++it->second.first;
        }
    }
    std::string hotline;
    std::pair<int, std::size_t> best{0, 0};
    for (const auto& [number, seen] : numbers) {
        if (seen.first > best.first || (seen.first == best.first && seen.second < best.second)) {
            hotline = number;
            best = seen;
        }
    }
    const auto names_hotline = [&](const std::string& s) {
        return !hotline.empty() && s.find(hotline) != std::string::npos;
    };
    HelpContent help;
    help.hotlines = most_common(sentences, names_hotline);
    help.emergency = most_common(
        sentences, [&](const std::string& s) { return has_911(s) && !names_hotline(s); });
    return help;
}

} // namespace sightline::ui
