#include "records/paths.hpp"

#include "i18n/i18n.hpp"
#include "records/records.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sightline::records {
namespace fs = std::filesystem;
using i18n::tr;

namespace {

fs::path xdg_dir(const char* override_var, const char* xdg_var, const char* fallback) {
    if (const char* dir = std::getenv(override_var); dir != nullptr && *dir != '\0') {
        return dir;
    }
    if (const char* dir = std::getenv(xdg_var); dir != nullptr && *dir == '/') {
        return fs::path(dir) / "sightline";
    }
    const char* home = std::getenv("HOME");
    return fs::path(home != nullptr && *home != '\0' ? home : ".") / fallback / "sightline";
}

// `pattern` is a whole sentence: {1} the file or folder, {2} the system's reason.
[[noreturn]] void fail(const char* pattern, const fs::path& path, int error) {
    throw RecordsError(i18n::format(pattern, {path.string(), std::strerror(error)}));
}

} // namespace

fs::path default_data_dir() {
    return xdg_dir("SIGHTLINE_DATA_DIR", "XDG_DATA_HOME", ".local/share");
}

fs::path default_config_dir() {
    return xdg_dir("SIGHTLINE_CONFIG_DIR", "XDG_CONFIG_HOME", ".config");
}

void ensure_private_dir(const fs::path& dir) {
    std::error_code error;
    if (fs::is_directory(dir, error)) {
        return;
    }
    if (dir.has_parent_path() && dir.parent_path() != dir) {
        // Parents are ordinary directories (~/.local/share); only ours is private.
        fs::create_directories(dir.parent_path(), error);
    }
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
        // TRANSLATORS: in these, {1} a file or folder, {2} the system's reason.
        fail(tr("cannot create the directory {1}: {2}"), dir, errno);
    }
}

void create_private_file(const fs::path& file) {
    const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int error = errno;
        std::error_code ignored;
        fail(fs::exists(file, ignored) ? tr("cannot write to {1}: {2}")
                                       : tr("cannot create {1}: {2}"),
             file, error);
    }
    // Only a regular file is made owner-only: an export written to /dev/null
    // or a FIFO must not change a device's permissions (run as root, that
    // once left /dev/null unwritable for everyone else).
    struct stat status {};
    if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode)) {
        ::fchmod(fd, 0600);
    }
    ::close(fd);
}

void write_private_file(const fs::path& file, std::string_view contents) {
    const fs::path temporary = fs::path(file).concat(".tmp");
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        fail(tr("cannot write {1}: {2}"), temporary, errno);
    }
    ::fchmod(fd, 0600); // a leftover temporary file may have had looser permissions
    std::size_t written = 0;
    while (written < contents.size()) {
        const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            const int error = errno;
            ::close(fd);
            ::unlink(temporary.c_str());
            fail(tr("cannot write {1}: {2}"), temporary, error);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(temporary.c_str());
        fail(tr("cannot flush {1}: {2}"), temporary, error);
    }
    ::close(fd);
    if (::rename(temporary.c_str(), file.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        fail(tr("cannot replace {1}: {2}"), file, error);
    }
    const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    if (const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir_fd >= 0) {
        ::fsync(dir_fd); // makes the rename itself durable
        ::close(dir_fd);
    }
}

} // namespace sightline::records
