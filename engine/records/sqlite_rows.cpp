#include "records/sqlite_rows.hpp"

#include <nlohmann/json.hpp>

namespace sightline::records::rows {

using nlohmann::json;

Mode parse_mode(const std::string& text) {
    return text == "classroom" ? Mode::Classroom : Mode::SelfPaced;
}

Status parse_status(const std::string& text) {
    if (text == "completed") {
        return Status::Completed;
    }
    return text == "abandoned" ? Status::Abandoned : Status::InProgress;
}

namespace {

// JSON read back from our own columns; a damaged value reads as empty rather
// than failing a whole export.
json parse_column(const std::string& text) {
    json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
    return value.is_discarded() ? json::array() : value;
}

std::vector<std::string> strings(const json& array) {
    std::vector<std::string> out;
    if (array.is_array()) {
        for (const auto& item : array) {
            if (item.is_string()) {
                out.push_back(item.get<std::string>());
            }
        }
    }
    return out;
}

} // namespace

std::vector<Offered> offered_of(const std::string& text) {
    std::vector<Offered> out;
    for (const auto& item : parse_column(text)) {
        if (item.is_object()) {
            out.push_back(
                {item.value("id", ""), item.value("text", ""), item.value("best", false)});
        }
    }
    return out;
}

std::vector<ScoreChange> changes_of(const std::string& text) {
    std::vector<ScoreChange> out;
    for (const auto& item : parse_column(text)) {
        if (item.is_object()) {
            out.push_back({item.value("dimension", ""), item.value("delta", std::int64_t{0})});
        }
    }
    return out;
}

std::vector<std::string> strings_of(const std::string& text) {
    return strings(parse_column(text));
}

std::vector<DimensionScore> scores_of(const std::string& text) {
    std::vector<DimensionScore> out;
    for (const auto& item : parse_column(text)) {
        if (item.is_object()) {
            out.push_back({item.value("dimension", ""), item.value("score", std::int64_t{0}),
                           item.value("min", std::int64_t{0}), item.value("max", std::int64_t{0})});
        }
    }
    return out;
}

} // namespace sightline::records::rows
