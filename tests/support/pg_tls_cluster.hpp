// A throwaway PostgreSQL cluster that accepts only TLS over TCP, for the tests
// of sslmode=verify-full: a certificate authority and a server certificate for
// localhost made with the openssl command, a server on 127.0.0.1 on a free
// port that refuses unencrypted connections and asks for a password
// (scram-sha-256), and a ~/.pgpass-style file with that password. Stopped and
// removed when the object goes, or by a watchdog when the test process dies.
// As root, the server runs as the user nobody (see pg_cluster.hpp).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace sightline::test {

class PgTlsCluster {
  public:
    // Starts one; nullptr with the reason in `why_not` when PostgreSQL's
    // server programs or openssl are not installed. Throws std::runtime_error
    // when they are but the cluster does not start.
    static std::unique_ptr<PgTlsCluster> start(std::string& why_not);

    int port() const { return port_; }
    // The CA that signed the server's certificate (CN and SAN DNS:localhost).
    std::filesystem::path ca_file() const { return root_ / "tls" / "ca.crt"; }
    // Another CA, which did not sign it.
    std::filesystem::path other_ca_file() const { return root_ / "tls" / "other-ca.crt"; }
    // A password file (PGPASSFILE) with the password of the user sightline.
    std::filesystem::path pgpass_file() const { return root_ / "tls" / "pgpass"; }
    // The password, for checking that no message shows it.
    const std::string& password() const { return password_; }

    ~PgTlsCluster();
    PgTlsCluster(const PgTlsCluster&) = delete;
    PgTlsCluster& operator=(const PgTlsCluster&) = delete;

  private:
    PgTlsCluster(std::filesystem::path bin, std::filesystem::path openssl);
    void stop();

    std::filesystem::path bin_;
    std::filesystem::path root_;
    std::string password_;
    int port_ = 0;
    int watchdog_pipe_ = -1;
    int watchdog_ = -1;
};

} // namespace sightline::test
