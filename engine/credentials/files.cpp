#include "credentials/files.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

namespace sightline::credentials {

std::string read_file_limited(const std::filesystem::path& path, std::size_t max_bytes) {
    const std::string name = path.string();
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (error) {
        throw CredentialError(name + ": " +
                              (error == std::errc::no_such_file_or_directory
                                   ? std::string("no such file")
                                   : error.message()));
    }
    if (std::filesystem::is_directory(status)) {
        throw CredentialError(name + ": is a directory");
    }
    const std::string too_large =
        name + ": larger than " + std::to_string(max_bytes) + " bytes; refusing to read it";
    if (std::filesystem::is_regular_file(status)) {
        const auto size = std::filesystem::file_size(path, error);
        if (!error && size > max_bytes) {
            throw CredentialError(too_large);
        }
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw CredentialError(name + ": cannot open: " + std::strerror(errno));
    }
    std::string text;
    std::vector<char> chunk(64 * 1024);
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_bytes) {
            throw CredentialError(too_large);
        }
    }
    if (in.bad()) {
        throw CredentialError(name + ": read error");
    }
    return text;
}

} // namespace sightline::credentials
