#include "support/pg_cluster.hpp"

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <grp.h>
#include <optional>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace sightline::test {
namespace fs = std::filesystem;

namespace {

constexpr uid_t kNobody = 65534;
// The socket lives in the cluster's private folder, so any number is free.
constexpr int kPort = 5432;

// Debian installs each major version in /usr/lib/postgresql/<major>/bin;
// SIGHTLINE_PG_BINDIR names another folder.
std::optional<fs::path> find_bin() {
    const auto usable = [](const fs::path& bin) {
        return ::access((bin / "initdb").c_str(), X_OK) == 0 &&
               ::access((bin / "pg_ctl").c_str(), X_OK) == 0 &&
               ::access((bin / "createdb").c_str(), X_OK) == 0;
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

// Runs a program (as nobody when we are root), its output appended to `log`,
// and returns its exit status.
int run(const std::vector<std::string>& argv, const fs::path& log) {
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
        if (::geteuid() == 0 &&
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

} // namespace

PgCluster* PgCluster::shared() {
    static const std::unique_ptr<PgCluster> cluster = []() -> std::unique_ptr<PgCluster> {
        const auto bin = find_bin();
        if (!bin) {
            return nullptr;
        }
        return std::unique_ptr<PgCluster>(new PgCluster(*bin));
    }();
    return cluster.get();
}

std::string PgCluster::unavailable_reason() {
    return "PostgreSQL's server programs (initdb, pg_ctl, createdb) are not installed in "
           "/usr/lib/postgresql/<version>/bin nor in SIGHTLINE_PG_BINDIR: skipping the "
           "PostgreSQL store (tools/setup.sh --tests installs the Debian package postgresql)";
}

PgCluster::PgCluster(fs::path bin) : bin_(std::move(bin)) {
    std::string folder = (fs::temp_directory_path() / "sightline-pg-XXXXXX").string();
    if (::mkdtemp(folder.data()) == nullptr) {
        throw std::runtime_error("cannot create a folder for the PostgreSQL test cluster");
    }
    root_ = folder;
    if (::geteuid() == 0 && ::chown(root_.c_str(), kNobody, kNobody) != 0) {
        fs::remove_all(root_);
        throw std::runtime_error("cannot give " + root_.string() + " to the user nobody");
    }
    const fs::path data = root_ / "data";
    const fs::path log = root_ / "setup.log";
    // The watchdog outlives a test process that crashes: when the pipe's
    // write end closes (at exit, whichever way) it stops the server, if it
    // was started, and removes the folder. Started first, so that a kill
    // during initdb leaves nothing behind either.
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0) {
        fs::remove_all(root_);
        throw std::runtime_error("no pipe for the PostgreSQL test cluster's watchdog");
    }
    const pid_t watchdog = ::fork();
    if (watchdog < 0) {
        fs::remove_all(root_);
        throw std::runtime_error("cannot start the PostgreSQL test cluster's watchdog");
    }
    if (watchdog == 0) {
        ::close(ends[1]);
        char byte = 0;
        while (::read(ends[0], &byte, 1) != 0 && errno == EINTR) {
        }
        if (fs::exists(data / "postmaster.pid")) {
            run({(bin_ / "pg_ctl").string(), "stop", "-D", data.string(), "-m", "immediate", "-w",
                 "-s"},
                "/dev/null");
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
        throw std::runtime_error("the PostgreSQL test cluster: " + what + "\n" + detail);
    };
    if (run({(bin_ / "initdb").string(), "-D", data.string(), "-A", "trust", "-U", "sightline",
             "-E", "UTF8", "--locale=C", "--no-sync"},
            log) != 0) {
        fail("initdb failed");
    }
    {
        // No TCP at all: a Unix socket in the private folder. The data need
        // not survive a power cut, so nothing waits for the disk.
        std::ofstream conf(data / "postgresql.conf", std::ios::app);
        conf << "\nlisten_addresses = ''\nunix_socket_directories = '" << root_.string()
             << "'\nport = " << kPort
             << "\nfsync = off\nfull_page_writes = off\nsynchronous_commit = off\n";
    }
    if (run({(bin_ / "pg_ctl").string(), "start", "-D", data.string(), "-w", "-t", "60", "-s", "-l",
             (root_ / "server.log").string()},
            log) != 0) {
        fail("pg_ctl start failed");
    }
}

void PgCluster::stop() {
    if (watchdog_ > 0) {
        ::close(watchdog_pipe_);
        int status = 0;
        ::waitpid(watchdog_, &status, 0);
        watchdog_ = -1;
    }
}

PgCluster::~PgCluster() {
    stop();
}

void PgCluster::stop_server() {
    const fs::path log = root_ / "restart.log";
    if (run({(bin_ / "pg_ctl").string(), "stop", "-D", (root_ / "data").string(), "-m", "fast",
             "-w", "-s"},
            log) != 0) {
        throw std::runtime_error("pg_ctl stop failed: " + read_file(log));
    }
}

void PgCluster::start_server() {
    const fs::path log = root_ / "restart.log";
    if (run({(bin_ / "pg_ctl").string(), "start", "-D", (root_ / "data").string(), "-w", "-t", "60",
             "-s", "-l", (root_ / "server.log").string()},
            log) != 0) {
        throw std::runtime_error("pg_ctl start failed: " + read_file(log) +
                                 read_file(root_ / "server.log"));
    }
}

std::string PgCluster::conninfo(const std::string& name) const {
    return "postgresql://sightline@/" + name + "?host=" + root_.string() +
           "&port=" + std::to_string(kPort);
}

std::string PgCluster::create_database() {
    const std::string name = "case" + std::to_string(++databases_);
    const fs::path log = root_ / "createdb.log";
    if (run({(bin_ / "createdb").string(), "-h", root_.string(), "-p", std::to_string(kPort), "-U",
             "sightline", name},
            log) != 0) {
        throw std::runtime_error("createdb " + name + " failed: " + read_file(log));
    }
    return conninfo(name);
}

} // namespace sightline::test
