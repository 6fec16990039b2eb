// An offline-first player's store when it is pointed at the organisation's
// PostgreSQL server: every write is committed to the player's own SQLite
// store first (acknowledged once it is on this machine's disk, as with the
// embedded store), queued in an outbox beside it, and delivered to the
// server by a background sender, in order, several writes per server
// transaction. Delivery is idempotent by ids (learners and attempts by id,
// events by attempt and sequence, completions and attestations by their
// keys; an attempt's state travels as absolute values), so a write sent twice
// after a kill or a lost connection is kept once.
//
// Reads come from the local store: a learner resumes on the machine they
// started on. The server is for administrators (rosters, exports,
// certificates), who read it with open_postgres_store().
//
// Players never issue certificates: add_certificate, revoke_certificate and
// delete_learner throw RecordsError (they are done on the administrator's
// machine against the server); certificate reads answer from the local store,
// which holds none. Settings are the organisation's: read from the server when
// it answers (and remembered locally for offline use), written to the server
// only (RecordsError when it cannot be reached).
//
// One player at a time per local folder (a lock file; RecordsError otherwise).
#pragma once

#include "records/store.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

namespace sightline::records {

struct OrganisationOptions {
    StoreOptions store; // for the local SQLite store
    int batch = 256;    // queued writes per server transaction, at most
    // How long the sender lets writes gather before a server transaction
    // (unless a full batch waits): fewer, larger commits on the server.
    std::chrono::milliseconds gather{20};
    std::chrono::milliseconds retry_min{50};   // first wait after a failed delivery,
    std::chrono::milliseconds retry_max{2000}; // doubling up to this
    // How long closing the store waits for the queue to drain; what is left
    // is sent the next time a player opens the same folder.
    std::chrono::milliseconds drain_on_close{2000};
};

class OrganisationStore : public Store {
  public:
    // Waits until every write made so far is committed on the server, or
    // `timeout` passes; true when the queue is empty.
    virtual bool drain(std::chrono::milliseconds timeout) = 0;
};

// Opens (creating) the local store and its outbox in `local_dir`, re-queues
// whatever the local store holds that was never queued (a kill between a local
// commit and its queueing), and starts the sender. Never needs the server: a
// player that cannot reach it records offline. Throws RecordsError when the
// local store cannot be opened, or another player uses `local_dir`.
std::unique_ptr<OrganisationStore> open_organisation_store(const std::string& conninfo,
                                                           const std::filesystem::path& local_dir,
                                                           const OrganisationOptions& options = {});

} // namespace sightline::records
