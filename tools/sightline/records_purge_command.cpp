// `sightline records purge`: the retention purge. learning/compliance.hpp
// decides what a rule keeps; this file lists what goes, asks, and removes it.
#include "compliance_subcommands.hpp"
#include "credentials/timestamps.hpp"
#include "i18n/i18n.hpp"
#include "records/records.hpp"

#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <ostream>

namespace sightline::cli::compliance_cli {

using i18n::tr;
using i18n::tr_n;

namespace {

// "3 attempts", "1 completion": a count of the records a purge removes, by kind
// (the keys below: attempts, events, votes, classroom sessions, completions,
// attestations, certificates).
std::string count_text(std::string_view kind, std::int64_t n) {
    const auto count = static_cast<unsigned long>(n);
    const char* pattern = nullptr;
    if (kind == "attempts") {
        pattern = tr_n("{1} attempt", "{1} attempts", count);
    } else if (kind == "events") {
        pattern = tr_n("{1} event", "{1} events", count);
    } else if (kind == "votes") {
        pattern = tr_n("{1} classroom vote count", "{1} classroom vote counts", count);
    } else if (kind == "classroom sessions") {
        pattern = tr_n("{1} classroom session", "{1} classroom sessions", count);
    } else if (kind == "completions") {
        pattern = tr_n("{1} completion", "{1} completions", count);
    } else if (kind == "attestations") {
        // TRANSLATORS: a learner's statement that they did the training themselves.
        pattern = tr_n("{1} attestation", "{1} attestations", count);
    } else {
        pattern = tr_n("{1} certificate", "{1} certificates", count);
    }
    return i18n::format(pattern, {std::to_string(n)});
}

// The word to type to confirm: "yes" always works, so scripts do in every language.
bool confirmed(const std::string& answer) {
    return answer == "yes" || answer == tr("word to type", "yes");
}

} // namespace

int purge(records::Store& store, const model::Bundle& bundle, const ComplianceArgs& a,
          const Environment& env) {
    learning::RetentionInput input;
    input.learners = store.learners();
    input.attempts = store.attempts(std::nullopt, /*with_saves=*/false);
    input.completions = store.all_completions();
    input.attestations = store.all_attestations();
    input.certificates = store.certificates();
    const records::TimeMs now = records::now_ms();
    const learning::PurgeDecision d =
        learning::plan_purge(bundle.rules, bundle.courses, input, a.older_than, now);
    const records::PurgeSelection& s = d.selection;
    const std::string cutoff =
        learning::format_day(learning::day_of(d.cutoff, credentials::local_offset_minutes(now)));

    // Who loses what, for the listing.
    std::map<std::string, std::map<std::string, std::int64_t>> by_learner;
    std::map<std::string, const records::Attempt*> attempt_of;
    for (const records::Attempt& attempt : input.attempts) {
        attempt_of.emplace(attempt.id, &attempt);
    }
    std::map<std::string, std::string> name_of;
    for (const records::Learner& l : input.learners) {
        name_of.emplace(l.id, l.display_name);
    }
    const auto who = [&](const std::string& learner_id) {
        return learner_id.empty() ? std::string(tr("(classroom sessions, anonymous)"))
                                  : name_of[learner_id] + "  (" + learner_id + ")";
    };
    for (const std::string& id : s.attempts) {
        ++by_learner[who(attempt_of[id]->learner_id)]["attempts"];
    }
    for (const records::Completion& c : s.completions) {
        ++by_learner[who(c.learner_id)]["completions"];
    }
    for (const records::Attestation& at : s.attestations) {
        ++by_learner[who(at.learner_id)]["attestations"];
    }
    for (const std::string& id : s.certificates) {
        for (const records::Certificate& c : input.certificates) {
            if (c.id == id) {
                ++by_learner[who(c.learner_id)]["certificates"];
            }
        }
    }

    const bool nothing = s.attempts.empty() && s.completions.empty() && s.attestations.empty() &&
                         s.certificates.empty();
    // TRANSLATORS: {1} how many months, {2} a date, {3} where the records are.
    env.out << i18n::format(tr_n("Records older than {1} month (before {2}) in {3}:",
                                 "Records older than {1} months (before {2}) in {3}:",
                                 static_cast<unsigned long>(a.older_than)),
                            {std::to_string(a.older_than), cutoff, store.location()})
            << "\n";
    if (!nothing) {
        for (const auto& [person, kinds] : by_learner) {
            std::string line;
            for (const auto& [kind, n] : kinds) {
                line += (line.empty() ? "" : ", ") + count_text(kind, n);
            }
            env.out << "  " << person << ": " << line << "\n";
        }
    }
    const auto kept = static_cast<unsigned long>(d.kept_by_rule);
    // TRANSLATORS: {1} how many records older than the cutoff a compliance rule keeps.
    env.out << i18n::format(
                   nothing ? tr_n("Nothing to remove; {1} older record is kept because a rule "
                                  "requires it.",
                                  "Nothing to remove; {1} older records are kept because a rule "
                                  "requires them.",
                                  kept)
                           : tr_n("{1} older record is kept because a rule requires it.",
                                  "{1} older records are kept because a rule requires them.", kept),
                   {std::to_string(d.kept_by_rule)})
            << "\n";
    if (nothing) {
        return kOk;
    }
    if (!a.dry_run && !a.yes) {
        // TRANSLATORS: {1} the word to type, "yes" translated with context "word to type".
        env.out << i18n::format(tr("Remove them? This cannot be undone. Type {1} to remove: "),
                                {tr("word to type", "yes")})
                << std::flush;
        std::string answer;
        if (!std::getline(env.in, answer) || !confirmed(answer)) {
            env.out << tr("Nothing was removed.") << "\n";
            return kRefused;
        }
    }
    const records::PurgeCounts n = store.purge(s, a.dry_run);
    // TRANSLATORS: {1} "3 attempts", {2} "40 events", {3} "2 classroom vote counts",
    // {4} "1 classroom session", {5} "3 completions", {6} "2 attestations", {7} "1 certificate".
    env.out << i18n::format(a.dry_run ? tr("Would remove {1} ({2}, {3}, {4}), {5}, {6} and {7} "
                                           "(dry run: nothing was removed). Certificate "
                                           "revocations and status list entries are kept.")
                                      : tr("Removed {1} ({2}, {3}, {4}), {5}, {6} and {7}. "
                                           "Certificate revocations and status list entries "
                                           "are kept."),
                            {count_text("attempts", n.attempts), count_text("events", n.events),
                             count_text("votes", n.votes),
                             count_text("classroom sessions", n.classroom_sessions),
                             count_text("completions", n.completions),
                             count_text("attestations", n.attestations),
                             count_text("certificates", n.certificates)})
            << "\n";
    return kOk;
}

} // namespace sightline::cli::compliance_cli
