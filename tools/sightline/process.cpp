#include "process.hpp"

#include "tools/common/command_line.hpp"

#include <iostream>
#include <sys/ioctl.h>
#include <system_error>
#include <unistd.h>

namespace sightline::cli {

std::filesystem::path default_bundle_path(const std::filesystem::path& executable) {
    return (executable.parent_path() / ".." / "share" / "sightline" / "courses.slpack")
        .lexically_normal();
}

std::filesystem::path default_phone_page_dir(const std::filesystem::path& executable) {
    return (executable.parent_path() / ".." / "share" / "sightline" / "phone").lexically_normal();
}

bool stdout_is_terminal() {
    return ::isatty(STDOUT_FILENO) == 1;
}

bool stdin_is_terminal() {
    return ::isatty(STDIN_FILENO) == 1;
}

std::size_t terminal_columns() {
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
        return size.ws_col;
    }
    return 0;
}

Environment process_environment(const char* argv0) {
    return Environment{std::cin,
                       std::cout,
                       std::cerr,
                       command_line::executable_path(argv0, "sightline"),
                       stdin_is_terminal(),
                       stdout_is_terminal() ? terminal_columns() : 0};
}

} // namespace sightline::cli
