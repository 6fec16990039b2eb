// What `sightline --text` was asked to do: the options, already parsed (the
// command line itself is tools/sightline/command_line.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace sightline::textplay {

struct Options {
    bool list = false;
    std::string bundle;                // empty: the default bundle next to the executable
    std::string course;                // empty: ask
    std::string scenario;              // empty: ask
    std::string script;                // empty: interactive
    std::string save;                  // empty: no save file
    std::optional<std::uint64_t> seed; // set: shuffle choices with this seed
    std::optional<std::size_t> width;  // set: wrap at this width
    // --lang TAG: play the course in this language (and keep it as the
    // learner's preference); empty: the learner's preference, the system
    // locale's language, or English (learning/language.hpp).
    std::string language;
    bool save_roundtrip = false; // testing: restore from a save before every question
    std::string data_dir;        // empty: the default records folder
    // The organisation's PostgreSQL server (a postgresql:// URI): records go
    // there, offline-first, with data_dir keeping the queue. Empty: only here.
    std::string records;
    std::string learner;                       // empty: ask (interactive) or no records (scripted)
    bool no_records = false;                   // play without recording anything
    std::optional<std::uint32_t> idle_minutes; // set: the idle limit for time on task

    // Records are kept when the learner plays at a keyboard, or when a script
    // names a learner, a records folder or a server, unless --no-records says
    // otherwise.
    bool records_on(bool interactive) const {
        return !no_records &&
               (interactive || !learner.empty() || !data_dir.empty() || !records.empty());
    }
};

} // namespace sightline::textplay
