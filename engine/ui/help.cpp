#include "ui/help.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace sightline::ui {

namespace {

bool contains_word(std::string_view text, std::string_view word) {
    const auto it =
        std::search(text.begin(), text.end(), word.begin(), word.end(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) ==
                   std::tolower(static_cast<unsigned char>(b));
        });
    return it != text.end();
}

bool has_digit(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
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
    HelpContent help;
    help.hotlines = most_common(sentences, [](const std::string& s) {
        // The Spanish courses name it "Línea Nacional contra la Trata de Personas".
        return (contains_word(s, "hotline") || contains_word(s, "l\u00EDnea nacional")) &&
               has_digit(s);
    });
    help.emergency = most_common(sentences, [](const std::string& s) {
        return s.find("911") != std::string::npos && !contains_word(s, "hotline") &&
               !contains_word(s, "l\u00EDnea nacional");
    });
    return help;
}

} // namespace sightline::ui
