// A throwaway PostgreSQL cluster for the tests of the PostgreSQL records store:
// initdb in a private temporary folder, a server that listens only on a Unix
// socket in that folder (no TCP), and everything stopped and removed when the
// test process ends, even when it dies (a watchdog process does it).
// As root, the cluster runs as the unprivileged user nobody (PostgreSQL
// refuses to run as root); otherwise as the current user.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace sightline::test {

class PgCluster {
  public:
    // The test process's cluster, started on first use and shared by its test
    // cases; nullptr when PostgreSQL's server programs are not installed
    // (`tools/setup.sh --tests` installs them), with the reason in
    // unavailable_reason(). Throws std::runtime_error when they are installed
    // but the cluster does not start.
    static PgCluster* shared();
    static std::string unavailable_reason();

    // Creates a new empty database and returns its libpq connection string.
    std::string create_database();
    // A connection string (a postgresql:// URI) for the database `name`.
    std::string conninfo(const std::string& name) const;

    // Stops the server (pg_ctl stop -m fast: clients are disconnected) and
    // starts it again on the same data and socket, as an organisation's
    // server restart. Throw std::runtime_error when pg_ctl fails.
    void stop_server();
    void start_server();

    ~PgCluster();
    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

  private:
    explicit PgCluster(std::filesystem::path bin);
    void stop(); // through the watchdog: stops the server, removes root_

    std::filesystem::path bin_;  // initdb, pg_ctl, createdb
    std::filesystem::path root_; // the private folder: data/, the socket, logs
    int watchdog_pipe_ = -1;     // closing it stops the server and removes root_
    int watchdog_ = -1;          // the watchdog's process id
    int databases_ = 0;
};

} // namespace sightline::test
