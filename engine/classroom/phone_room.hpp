// Phone voting in a classroom session (issue 18), without HTTP and without a
// UI: what a phone may see, and the room of phones that vote.
//
// The model. The desktop player runs a small HTTP server on its own threads;
// the server is a thin shell over one PhoneRoom per session. The UI thread
// publishes the public state of the current question (a PhoneView, built from
// the projector's AudienceState) and reads the phones' vote counts, which the
// facilitator adds to the hand counts. Server threads let phones join, rejoin,
// vote and wait for the next change. Everything a phone receives is built
// from the PhoneView plus the phone's own vote, so a phone can never learn
// more than the projector shows.
//
// Joining. A phone joins with the session's secret (256 random bits, in the
// QR code's URL) or with the 6-digit room code typed by hand, and gets a
// device token (128 random bits) it keeps in the page's storage: a reload,
// a sleep or a lost Wi-Fi connection rejoins with the token and lands on
// the current stage. Participants stay anonymous: the room keeps no IP
// address, user agent or name, only a keyed hash of each token (BLAKE2b with
// a random per-session key), which doubles as the lookup key, so the room
// does not even hold the tokens themselves. Devices are labelled "Phone 1",
// "Phone 2", ... in join order for the facilitator. Everything dies with the
// session (close(), or the room's destruction).
//
// The threat. Anyone on the same network can reach the server: a participant
// who is curious or mischievous, a passer-by on the venue's Wi-Fi, a script.
// The room guards against
//  - seeing what the audience does not see yet (notes, prompts, ratings,
//    right answers, feedback before the pick): PhoneView has no field for
//    them, and a test walks every bundled scenario to prove none leak;
//  - joining without being in the room: a wrong secret is refused (compared
//    in constant time); the 6-digit code could be brute-forced on a LAN, so
//    wrong codes are throttled room-wide (see Limits::wrong_codes); the
//    facilitator can lock the lobby once everyone is in;
//  - stuffing the ballot: one vote per device token per question, changeable
//    until the facilitator locks; a device cap bounds how many tokens a
//    script with the secret can mint, and the facilitator can remove a device
//    (its token dies and its vote is withdrawn) or reset the phone votes;
//  - exhausting the player: per-token and overall request budgets (token
//    buckets, admit()), strict and size-limited request bodies
//    (parse_vote_body()), and only short mutex sections, so the UI thread
//    never waits on the room for long.
// It does not guard against someone who can read the projector (the code is
// shown there on purpose) or who controls the network (plain HTTP on a LAN;
// the secret and tokens travel in clear text).
#pragma once

#include "classroom/facilitation.hpp"
#include "classroom/views.hpp"

#include <atomic>
#include <chrono>
#include <climits>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::classroom {

// --- what a phone may see ---

struct PhoneParagraph {
    std::string speaker; // empty for narration
    std::string text;
    bool operator==(const PhoneParagraph&) const = default;
};

struct PhoneChoice {
    std::string key;  // "1", "2", ...: what the room calls it
    std::string text; // the choice's or option's text
    bool enabled = true;
    // Once the tally is shown (stages revealed and feedback):
    std::optional<std::int64_t> votes;
    int percent = 0;
    // After the pick: whether the room picked it, and then what it says.
    bool chosen = false;
    std::string feedback; // only on chosen choices
    bool operator==(const PhoneChoice&) const = default;
};

// Exactly what a phone may see: a subset of AudienceState. Left out on
// purpose, although the projector shows some of them after the pick:
//  - the rating (tier name, "Best response") and, for checks, which options
//    are correct and whether the room answered right: grading belongs on the
//    projector, where the facilitator frames it; on a phone it is a verdict
//    out of context that outlives the room (screenshots, history);
//  - the feedback of options the room did not pick (the projector shows all of
//    a check's feedback after the pick; a phone follows the room's choice);
//  - the indicators the pick showed the room noticed, and at an ending the
//    indicators noticed and missed: a score of the room in all but name;
//  - the session name (it may name a workplace or a group).
// Presenter-only content (facilitator notes, discussion prompts, scores, the
// best choice) is not in AudienceState to begin with.
struct PhoneView {
    // Identifies the question (see phone_question_key()); empty when there is
    // none (a passage or an ending). A new key starts a new set of phone votes.
    std::string question_key;
    std::string stage = "waiting"; // stage_name(), or "waiting" before the first publish
    std::string status;            // the audience's banner: "Voting is open", ...
    std::string title;             // the scenario's title
    std::vector<PhoneParagraph> paragraphs;
    bool is_check = false;
    bool multiple = false; // a check where several options may be voted for
    std::string question;  // a check's question
    std::vector<PhoneChoice> choices;
    bool voting_open = false;
    bool tally_shown = false;
    std::int64_t total_votes = 0; // 0 until the tally is shown
    bool picked = false;
    // At an ending.
    std::string outcome;
    std::vector<std::string> debrief;
    std::string response; // what to do, and where to report: the debrief's
    std::string report;   // take-home part, shown on the projector too

    bool operator==(const PhoneView&) const = default;
    // Every string above except question_key and stage, for tests.
    std::vector<std::string_view> strings() const;
};

PhoneView phone_view(const AudienceState& audience, std::string question_key);

// An opaque key for the facilitation's current question, unique within the
// session: it changes when the room moves to another question and when the
// facilitator goes back to explore a branch (the phones vote afresh). Empty
// when no question is shown. It names no node, so it tells a phone nothing.
std::string phone_question_key(const Facilitation& facilitation);

// --- the room ---

enum class RoomResult : std::uint8_t {
    Ok,
    WrongSecret,   // join_with_secret: not this session's secret
    WrongCode,     // join_with_code: not this session's room code
    LobbyLocked,   // no new devices; existing tokens still work
    RoomFull,      // Limits::max_devices reached
    RoomClosed,    // the session ended; every token is dead
    RateLimited,   // too many wrong room codes lately: try again in a few seconds
    UnknownToken,  // never issued, removed by the facilitator, or the room closed
    NotVoting,     // voting is not open (not yet, locked, revealed, or no question)
    StaleQuestion, // the vote names another question than the current one
    BadOptions,    // empty, out of range, disabled, repeated, or several for one answer
};
const char* room_result_name(RoomResult result); // "ok", "wrong-secret", ...

struct JoinResult {
    RoomResult result = RoomResult::Ok;
    std::string token; // the new device token when result is Ok
    std::string label; // "Phone 7"
    bool ok() const { return result == RoomResult::Ok; }
};

struct DeviceInfo {
    std::string label;                // "Phone 1", "Phone 2", ... in join order, never reused
    bool voted = false;               // in the current question
    std::vector<std::size_t> options; // its vote, sorted
    std::string hash;                 // device_hash() of its token
};

// A token bucket: `burst` requests at once, refilled at `per_second`.
struct RateLimit {
    double per_second = 0;
    double burst = 0;
};

struct PhoneRoomOptions {
    struct Limits {
        // A phone's page makes one long-poll request at a time and a vote
        // now and then; a reload fetches the page, its script and the view.
        // 10 a second with bursts of 20 is far above that, and far below
        // what would load the player.
        RateLimit per_device{10, 20};
        // Every request, with or without a token (joins, wrong tokens): 3000
        // a second is 300 phones at the per-device rate. Beyond it requests
        // are refused at once, so a flood costs a counter update per
        // request instead of a reply. (An estimate, not yet measured against
        // the HTTP server on the player's spare core.)
        RateLimit overall{3000, 3000};
        // Wrong room codes, room-wide (the room keeps no addresses, so it
        // cannot tell guessers apart): 10 at once, then one every 2 seconds.
        // While the budget is spent every code join is refused, even the
        // right one; the QR code's secret still works. A guesser gets about
        // 1800 tries an hour: 0.18% of the million codes.
        RateLimit wrong_codes{0.5, 10};
        // A classroom has tens of phones; the cap bounds what a script that
        // knows the secret can mint.
        std::size_t max_devices = 500;
    };
    Limits limits;
    // Milliseconds on a monotonic clock; tests pass a fake one. Empty:
    // std::chrono::steady_clock.
    std::function<std::int64_t()> clock;
    // Called after a phone joined or voted, on that request's thread, with
    // no lock held: the desktop player wakes its event loop to redraw the
    // counts. Must be thread-safe and quick.
    std::function<void()> on_activity;
};

// One session's phones. Thread-safe: every member may be called from any
// thread; each holds one mutex for a short section (no I/O, no JSON
// rendering under the lock). The room must outlive every thread calling it:
// stop the HTTP server (close() first to wake its long polls) before
// destroying the room.
class PhoneRoom {
  public:
    explicit PhoneRoom(PhoneRoomOptions options = {});
    PhoneRoom(const PhoneRoom&) = delete;
    PhoneRoom& operator=(const PhoneRoom&) = delete;

    // --- for the projector and the QR code (fixed for the session) ---
    const std::string& secret() const { return secret_; }  // base64url, 43 characters
    const std::string& room_code() const { return code_; } // 6 digits

    // --- phones (server threads) ---
    // A new device. Spaces and dashes in a typed code are ignored ("123 456").
    JoinResult join_with_secret(std::string_view secret);
    JoinResult join_with_code(std::string_view code);
    // Whether the token is still valid: the phone then fetches the view.
    bool rejoin(std::string_view token) const;
    // Votes for options (indices into the view's choices) of the question
    // `question_key`; a second vote from the same token replaces the first.
    RoomResult vote(std::string_view token, std::string_view question_key,
                    std::vector<std::size_t> options);
    // What the phone with this token receives (JSON text): the published
    // PhoneView plus "version", "lobby" (devices in the room), "device" (its
    // label) and "your_vote" (its vote in the current question, [] if none).
    // Never the secret, the room code or any token. Nothing for an unknown
    // token or a closed room.
    std::optional<std::string> view_json(std::string_view token) const;
    // The request budget: false means refuse the request now (HTTP 429).
    // Every request counts against the overall budget, a request with a
    // known token also against that device's. Call it before any other work.
    bool admit(std::string_view token = {});
    // Blocks until version() differs from `since`, the room closes, or the
    // timeout passes; returns the version then. For long polls and
    // Server-Sent Events on server threads.
    std::uint64_t wait_for_change(std::uint64_t since, std::chrono::milliseconds timeout) const;
    // The same, and also returns as soon as `interrupted` is true: a server
    // that stops sets its flag, then calls wake_waiters(), and its long polls
    // return at once without the room changing or closing.
    std::uint64_t wait_for_change(std::uint64_t since, std::chrono::milliseconds timeout,
                                  const std::atomic<bool>& interrupted) const;
    // Wakes every wait_for_change() to check its condition again; changes
    // nothing (the version stays).
    void wake_waiters() const;

    // --- the facilitator (the UI thread) ---
    // Posts the current public state. A view with a new question key starts a
    // new set of phone votes; the same key keeps them (locking and unlocking
    // keep them too). A view equal to the current one changes nothing.
    void publish(PhoneView view);
    // Per-choice phone votes of the current question (to add to the hand
    // counts), and how many devices voted.
    std::vector<std::int64_t> phone_counts() const;
    std::size_t voters() const;
    void reset_votes(); // the current question's phone votes
    void lock_lobby(bool locked);
    bool lobby_locked() const;
    std::vector<DeviceInfo> devices() const; // in join order
    // The token dies and its vote is withdrawn; false for an unknown label.
    bool remove_device(std::string_view label);
    // Whether the projector shows the room code and the QR code. Only the
    // desktop player reads this; a phone's view never holds either, shown or
    // not, and hiding them does not stop joins (lock the lobby for that).
    void set_join_code_shown(bool shown);
    bool join_code_shown() const;
    // Ends the session: every token dies, waiters wake, and every later call
    // is refused (RoomClosed, false or nothing; publish() is ignored).
    // admit() keeps counting, so a flood after the end is still cut short.
    void close();
    bool closed() const;
    // Bumped by every change a phone should fetch: publish, reset_votes,
    // remove_device, close, and announce_lobby() when the lobby changed.
    // Joins and votes do not bump it themselves (every phone would refetch on
    // every vote); a phone gets its own vote in the reply.
    std::uint64_t version() const;
    // Lets the phones see the lobby's new size: when devices have joined or
    // left since the last announcement, and a second has passed since it,
    // bumps the version (every phone refetches its view with "lobby"). The
    // player calls it on every frame (sync_phones() does); the second keeps a
    // room filling up from making every phone refetch on every join.
    void announce_lobby();

    // A keyed hash of the token (BLAKE2b-256 keyed with this session's random
    // salt, hex): stable within the session, unrelated across sessions, and
    // no way back to the token. What records keep to tell devices apart.
    std::string device_hash(std::string_view token) const;

  private:
    // In millionths of a request, so that refills add up exactly.
    struct Bucket {
        std::int64_t micros = -1; // full on first use
        std::int64_t last_ms = 0;
        void refill(const RateLimit& limit, std::int64_t now);
        bool has_one() const { return micros >= 1'000'000; }
        void take() { micros -= 1'000'000; }
    };
    struct Device {
        std::uint64_t number = 0; // "Phone <number>"
        std::string hash_hex;
        std::vector<std::size_t> vote; // empty: not voted in the current question
        Bucket bucket;
    };

    std::string digest(std::string_view token) const; // raw BLAKE2b bytes
    JoinResult add_device();                          // with the lock held
    std::int64_t now() const;
    void bump(); // version, and wake waiters; with the lock held
    void activity() const;

    PhoneRoomOptions options_;
    std::string secret_;
    std::string code_;
    std::string salt_; // crypto_generichash key

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::shared_ptr<const PhoneView> view_;
    std::map<std::string, Device> devices_; // by digest()
    std::uint64_t next_number_ = 1;
    std::uint64_t version_ = 1;
    std::size_t announced_lobby_ = 0;       // devices at the last announce_lobby() bump
    std::int64_t announced_ms_ = INT64_MIN; // when it was
    Bucket overall_;
    Bucket wrong_codes_;
    bool lobby_locked_ = false;
    bool code_shown_ = true;
    bool closed_ = false;
};

// A vote request's body: {"question": "<key>", "options": [0, 2]}.
struct VoteBody {
    std::string question;
    std::vector<std::size_t> options;
};
struct ParsedVote {
    std::optional<VoteBody> vote;
    std::string error; // when vote is empty: a sentence for the 400 response
};
inline constexpr std::size_t kMaxVoteBodyBytes = 1024;
inline constexpr std::size_t kMaxVoteOptions = 64; // entries, and the largest index + 1
// Strict: at most kMaxVoteBodyBytes (checked before parsing), one JSON object
// with exactly the members "question" (a non-empty string) and "options" (an
// array of at most kMaxVoteOptions integers from 0 to kMaxVoteOptions - 1),
// no other or repeated member, no comments, nothing after it. Never throws.
ParsedVote parse_vote_body(std::string_view body);

// A join request's body: {"secret": "<the QR code's secret>"} or
// {"code": "123456"}.
struct JoinBody {
    std::string secret; // exactly one of the two is non-empty
    std::string code;
};
struct ParsedJoin {
    std::optional<JoinBody> join;
    std::string error; // when join is empty: a sentence for the 400 response
};
inline constexpr std::size_t kMaxJoinBodyBytes = 256;
inline constexpr std::size_t kMaxJoinSecretBytes = 128; // a secret is 43 characters
inline constexpr std::size_t kMaxJoinCodeBytes = 32;    // 6 digits, maybe spaced
// Strict like parse_vote_body(): at most kMaxJoinBodyBytes, one JSON object
// with exactly one member, "secret" or "code", a non-empty string of at most
// kMaxJoinSecretBytes or kMaxJoinCodeBytes bytes. Never throws.
ParsedJoin parse_join_body(std::string_view body);

} // namespace sightline::classroom
