// Exports of the learner records for spreadsheets (CSV) and for learning
// record stores (xAPI 1.0.3 statements as JSON lines). Both stream: memory
// stays flat however many events there are.
#pragma once

#include "records/store.hpp"

#include <filesystem>
#include <ostream>
#include <string>

namespace sightline::records {

struct ExportOptions {
    // Add names, professions and licence numbers. Without it a learner is only
    // their opaque id.
    bool identify = false;
    // The IRI under which activities and learner accounts are named.
    std::string base_iri = "https://sightline.invalid/";
    std::string platform = "Sightline";
};

struct ExportCounts {
    std::size_t attempts = 0;
    std::size_t events = 0;
    std::size_t statements = 0;
};

// Writes `attempts.csv` and `events.csv` (RFC 4180: a header row, CRLF line
// ends, fields quoted when they hold a comma, quote or line break) into `dir`,
// created if needed; files are owner-only. Throws RecordsError.
// For classroom sessions, events.csv gives the room's votes per option as
// "id:count;id:count" three times: `votes` (all of them), `hand_votes` and
// `phone_votes` (votes = hand + phone); sessions recorded before phone voting
// (records schema 7) have phone votes 0. New columns are only ever appended.
ExportCounts export_csv(Store& store, const std::filesystem::path& dir,
                        const ExportOptions& options = {});

// One `answered` statement per recorded choice or answer, and `completed` plus
// `passed` or `failed` per finished attempt, one JSON object per line. A
// classroom session's answers carry result extensions <base>xapi/votes,
// xapi/hand-votes and xapi/phone-votes (each {"option id": count}) and
// xapi/branch.
ExportCounts export_xapi(Store& store, std::ostream& out, const ExportOptions& options = {});

// "2026-11-23T02:00:41.123Z"
std::string iso8601_utc(TimeMs time);
// "PT41.5S", "PT1H2M3S"
std::string iso8601_duration(std::int64_t ms);
// A name-based (version 5) UUID in Sightline's namespace, so that exporting
// the same records twice gives statements the same ids.
std::string name_uuid(std::string_view name);
// One CSV field, quoted as RFC 4180 requires.
std::string csv_field(std::string_view text);

} // namespace sightline::records
