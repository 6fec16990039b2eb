// Test helpers for CSV: parse with libcsv in strict mode (a real parser, not
// ours), and look fields up by their header. Header-only; link libcsv::csv.
#pragma once

#include <doctest/doctest.h>

#include <csv.h>
#include <map>
#include <string>
#include <vector>

namespace sightline::test {

// Rows of fields; fails the test on anything strict RFC 4180 rejects.
inline std::vector<std::vector<std::string>> parse_csv(const std::string& bytes) {
    struct Rows {
        std::vector<std::vector<std::string>> rows{{}};
    } rows;
    csv_parser parser;
    REQUIRE(csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) == 0);
    const auto field = [](void* data, std::size_t size, void* out) {
        static_cast<Rows*>(out)->rows.back().emplace_back(static_cast<char*>(data), size);
    };
    const auto row_end = [](int, void* out) { static_cast<Rows*>(out)->rows.emplace_back(); };
    CHECK(csv_parse(&parser, bytes.data(), bytes.size(), field, row_end, &rows) == bytes.size());
    CHECK(csv_fini(&parser, field, row_end, &rows) == 0);
    csv_free(&parser);
    rows.rows.pop_back(); // the empty row after the last line end
    return rows.rows;
}

// One row as header -> field.
inline std::map<std::string, std::string> as_record(const std::vector<std::string>& header,
                                                    const std::vector<std::string>& row) {
    REQUIRE(header.size() == row.size());
    std::map<std::string, std::string> out;
    for (std::size_t i = 0; i < header.size(); ++i) {
        out[header[i]] = row[i];
    }
    return out;
}

} // namespace sightline::test
