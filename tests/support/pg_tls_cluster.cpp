#include "support/pg_tls_cluster.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <grp.h>
#include <netinet/in.h>
#include <optional>
#include <random>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace sightline::test {
namespace fs = std::filesystem;

namespace {

constexpr uid_t kNobody = 65534;

std::optional<fs::path> find_bin() {
    const auto usable = [](const fs::path& bin) {
        return ::access((bin / "initdb").c_str(), X_OK) == 0 &&
               ::access((bin / "pg_ctl").c_str(), X_OK) == 0;
    };
    if (const char* dir = std::getenv("SIGHTLINE_PG_BINDIR"); dir != nullptr && *dir != '\0') {
        return usable(dir) ? std::optional<fs::path>(dir) : std::nullopt;
    }
    std::optional<fs::path> best;
    int best_major = -1;
    std::error_code ignored;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ignored)) {
        const int major = std::atoi(entry.path().filename().c_str());
        if (major > best_major && usable(entry.path() / "bin")) {
            best_major = major;
            best = entry.path() / "bin";
        }
    }
    return best;
}

std::optional<fs::path> find_openssl() {
    for (const char* candidate : {"/usr/bin/openssl", "/usr/local/bin/openssl"}) {
        if (::access(candidate, X_OK) == 0) {
            return fs::path(candidate);
        }
    }
    return std::nullopt;
}

// Runs a program, its output appended to `log`; as nobody when we are root
// and `as_server` is set. Returns its exit status.
int run(const std::vector<std::string>& argv, const fs::path& log, bool as_server) {
    std::vector<char*> args;
    for (const auto& arg : argv) {
        args.push_back(const_cast<char*>(arg.c_str()));
    }
    args.push_back(nullptr);
    const pid_t child = ::fork();
    if (child < 0) {
        return -1;
    }
    if (child == 0) {
        const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        const int in = ::open("/dev/null", O_RDONLY);
        if (out < 0 || in < 0 || ::dup2(out, 1) < 0 || ::dup2(out, 2) < 0 || ::dup2(in, 0) < 0) {
            ::_exit(125);
        }
        if (as_server && ::geteuid() == 0 &&
            (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)) {
            ::_exit(126);
        }
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), {}};
}

void write_file(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::trunc);
    out << text;
}

// A port on 127.0.0.1 that nothing listens on now.
int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (fd >= 0) {
            ::close(fd);
        }
        throw std::runtime_error("no free TCP port on 127.0.0.1 for the PostgreSQL TLS cluster");
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

} // namespace

std::unique_ptr<PgTlsCluster> PgTlsCluster::start(std::string& why_not) {
    const auto bin = find_bin();
    const auto openssl = find_openssl();
    if (!bin || !openssl) {
        why_not = !bin ? "PostgreSQL's server programs are not installed: skipping the TLS tests "
                         "(tools/setup.sh --tests installs the Debian package postgresql)"
                       : "the openssl command is not installed: skipping the TLS tests";
        return nullptr;
    }
    return std::unique_ptr<PgTlsCluster>(new PgTlsCluster(*bin, *openssl));
}

PgTlsCluster::PgTlsCluster(fs::path bin, fs::path openssl) : bin_(std::move(bin)) {
    std::string folder = (fs::temp_directory_path() / "sightline-pgtls-XXXXXX").string();
    if (::mkdtemp(folder.data()) == nullptr) {
        throw std::runtime_error("cannot create a folder for the PostgreSQL TLS cluster");
    }
    root_ = folder;
    const bool root = ::geteuid() == 0;
    if (root && ::chown(root_.c_str(), kNobody, kNobody) != 0) {
        fs::remove_all(root_);
        throw std::runtime_error("cannot give " + root_.string() + " to the user nobody");
    }
    const fs::path data = root_ / "data";
    const fs::path tls = root_ / "tls";
    const fs::path log = root_ / "setup.log";
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0) {
        fs::remove_all(root_);
        throw std::runtime_error("no pipe for the PostgreSQL TLS cluster's watchdog");
    }
    const pid_t watchdog = ::fork();
    if (watchdog < 0) {
        fs::remove_all(root_);
        throw std::runtime_error("cannot start the PostgreSQL TLS cluster's watchdog");
    }
    if (watchdog == 0) {
        ::close(ends[1]);
        char byte = 0;
        while (::read(ends[0], &byte, 1) != 0 && errno == EINTR) {
        }
        if (fs::exists(data / "postmaster.pid")) {
            run({(bin_ / "pg_ctl").string(), "stop", "-D", data.string(), "-m", "immediate", "-w",
                 "-s"},
                "/dev/null", true);
        }
        std::error_code ignored;
        fs::remove_all(root_, ignored);
        ::_exit(0);
    }
    ::close(ends[0]);
    watchdog_pipe_ = ends[1];
    watchdog_ = watchdog;

    const auto fail = [&](const std::string& what) {
        const std::string detail = read_file(log) + read_file(root_ / "server.log");
        stop();
        throw std::runtime_error("the PostgreSQL TLS cluster: " + what + "\n" + detail);
    };
    // Two CAs; the first signs a certificate for localhost (not for 127.0.0.1,
    // so that verify-full's host name check shows).
    fs::create_directory(tls);
    const std::string ssl = openssl.string();
    const auto make_ca = [&](const std::string& name, const std::string& subject) {
        return run({ssl,
                    "req",
                    "-x509",
                    "-newkey",
                    "ec",
                    "-pkeyopt",
                    "ec_paramgen_curve:prime256v1",
                    "-nodes",
                    "-days",
                    "2",
                    "-subj",
                    subject,
                    "-addext",
                    "basicConstraints=critical,CA:TRUE",
                    "-addext",
                    "keyUsage=critical,keyCertSign,cRLSign",
                    "-keyout",
                    (tls / (name + ".key")).string(),
                    "-out",
                    (tls / (name + ".crt")).string()},
                   log, false) == 0;
    };
    write_file(tls / "server.ext", "subjectAltName=DNS:localhost\n"
                                   "basicConstraints=CA:FALSE\n"
                                   "keyUsage=critical,digitalSignature,keyEncipherment\n"
                                   "extendedKeyUsage=serverAuth\n");
    if (!make_ca("ca", "/CN=Sightline test CA") ||
        !make_ca("other-ca", "/CN=Sightline other test CA") ||
        run({ssl, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-subj", "/CN=localhost", "-keyout", (tls / "server.key").string(), "-out",
             (tls / "server.csr").string()},
            log, false) != 0 ||
        run({ssl, "x509", "-req", "-in", (tls / "server.csr").string(), "-CA",
             (tls / "ca.crt").string(), "-CAkey", (tls / "ca.key").string(), "-CAcreateserial",
             "-days", "2", "-extfile", (tls / "server.ext").string(), "-out",
             (tls / "server.crt").string()},
            log, false) != 0) {
        fail("openssl could not make the certificates");
    }
    // The server reads its key only if it owns it and no one else can read it.
    ::chmod((tls / "server.key").c_str(), 0600);
    if (root && (::chown((tls / "server.key").c_str(), kNobody, kNobody) != 0 ||
                 ::chown((tls / "server.crt").c_str(), kNobody, kNobody) != 0 ||
                 ::chown(tls.c_str(), kNobody, kNobody) != 0)) {
        fail("cannot give the server's key to the user nobody");
    }

    // A random password for the user sightline, given to initdb in a file
    // (never on a command line) and kept for clients in a .pgpass-style file.
    std::random_device random;
    const char* alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    for (int i = 0; i < 24; ++i) {
        password_ += alphabet[random() % 56];
    }
    port_ = free_port();
    const fs::path pwfile = root_ / "pwfile";
    write_file(pwfile, password_ + "\n");
    write_file(pgpass_file(), "localhost:" + std::to_string(port_) + ":*:sightline:" + password_ +
                                  "\n127.0.0.1:" + std::to_string(port_) +
                                  ":*:sightline:" + password_ + "\n");
    ::chmod(pwfile.c_str(), 0600);
    ::chmod(pgpass_file().c_str(), 0600); // libpq ignores a password file others can read
    if (root && ::chown(pwfile.c_str(), kNobody, kNobody) != 0) {
        fail("cannot give the password file to the user nobody");
    }
    if (run({(bin_ / "initdb").string(), "-D", data.string(), "-U", "sightline", "--pwfile",
             pwfile.string(), "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
             "--locale=C", "--no-sync"},
            log, true) != 0) {
        fail("initdb failed");
    }
    fs::remove(pwfile);
    // TLS over TCP only, with a password; plain TCP is refused.
    write_file(data / "pg_hba.conf", "local all all trust\n"
                                     "hostssl all all 127.0.0.1/32 scram-sha-256\n"
                                     "hostnossl all all 0.0.0.0/0 reject\n");
    {
        std::ofstream conf(data / "postgresql.conf", std::ios::app);
        conf << "\nlisten_addresses = '127.0.0.1'\nport = " << port_
             << "\nunix_socket_directories = '" << root_.string()
             << "'\nssl = on\nssl_cert_file = '" << (tls / "server.crt").string()
             << "'\nssl_key_file = '" << (tls / "server.key").string()
             << "'\nfsync = off\nfull_page_writes = off\nsynchronous_commit = off\n";
    }
    if (run({(bin_ / "pg_ctl").string(), "start", "-D", data.string(), "-w", "-t", "60", "-s", "-l",
             (root_ / "server.log").string()},
            log, true) != 0) {
        fail("pg_ctl start failed");
    }
}

void PgTlsCluster::stop() {
    if (watchdog_ > 0) {
        ::close(watchdog_pipe_);
        int status = 0;
        ::waitpid(watchdog_, &status, 0);
        watchdog_ = -1;
    }
}

PgTlsCluster::~PgTlsCluster() {
    stop();
}

} // namespace sightline::test
