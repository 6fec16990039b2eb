// The save blob: a run's state written by stable ids, never by position, so a
// save survives content edits that keep the ids it mentions.
//
// Layout (all integers little-endian; `str` is a u32 byte count then the bytes):
//
//   header   magic "SLSV" | u16 version (1) | u16 flags (0) | u32 payload length
//            | u32 CRC-32 of the payload
//   payload  str scenario id | u64 seed | u8 shuffle | str node id | u8 answered
//            | u32 n, n x (str variable id, u8 type 0 bool/1 int/2 string, value:
//              u8 | i64 | str)
//            | u32 n, n x (str node id, u32 visits)
//            | u32 n, n x (str dimension id, i64 score)
//            | u32 n, n x str indicator id            (in the order noticed)
//            | u32 n, n x step: u8 kind 0 decision/1 check, str node id, then
//              str choice id (decision) or u32 m, m x str option id (check)
//
// The payload must fill the blob exactly. Every id must be a valid content id;
// no id may appear twice in one table.
#pragma once

#include "model/model.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace sightline::runtime {

inline constexpr std::uint16_t kSaveVersion = 1;
inline constexpr std::size_t kSaveHeaderSize = 16;
inline constexpr std::size_t kMaxSaveSize = 64u << 20; // far above any real run

struct SavedStep {
    bool is_check = false;
    std::string node;
    std::string choice;               // decisions
    std::vector<std::string> options; // checks
};

struct SaveData {
    std::string scenario;
    std::uint64_t seed = 0;
    bool shuffle = false;
    std::string node;
    bool answered = false;
    std::vector<std::pair<std::string, model::Value>> variables;
    std::vector<std::pair<std::string, std::uint32_t>> visits;
    std::vector<std::pair<std::string, std::int64_t>> scores;
    std::vector<std::string> noticed;
    std::vector<SavedStep> history;
};

std::vector<std::uint8_t> encode_save(const SaveData& data);

// Checks the header, the checksum and every field; throws SaveError saying what
// is wrong. It does not look at any bundle: Run::restore() resolves the ids.
SaveData decode_save(std::span<const std::uint8_t> blob);

// The payload alone, for the fuzzer: it reaches the field parser without having
// to forge a checksum.
SaveData decode_save_payload(std::span<const std::uint8_t> payload);

} // namespace sightline::runtime
