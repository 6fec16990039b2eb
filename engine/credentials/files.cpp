#include "credentials/files.hpp"

#include "i18n/i18n.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

namespace sightline::credentials {

using i18n::tr;

std::string read_file_limited(const std::filesystem::path& path, std::size_t max_bytes) {
    const std::string name = path.string();
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (error) {
        // TRANSLATORS: {1} a file.
        throw CredentialError(error == std::errc::no_such_file_or_directory
                                  ? i18n::format(tr("{1}: no such file"), {name})
                                  : name + ": " + error.message());
    }
    if (std::filesystem::is_directory(status)) {
        // TRANSLATORS: {1} a file name.
        throw CredentialError(i18n::format(tr("{1}: is a directory"), {name}));
    }
    // TRANSLATORS: {1} a file, {2} a number of bytes.
    const std::string too_large = i18n::format(
        tr("{1}: larger than {2} bytes; refusing to read it"), {name, std::to_string(max_bytes)});
    if (std::filesystem::is_regular_file(status)) {
        const auto size = std::filesystem::file_size(path, error);
        if (!error && size > max_bytes) {
            throw CredentialError(too_large);
        }
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        // TRANSLATORS: {1} a file, {2} the system's reason.
        throw CredentialError(
            i18n::format(tr("{1}: cannot open: {2}"), {name, std::strerror(errno)}));
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
        // TRANSLATORS: {1} a file.
        throw CredentialError(i18n::format(tr("{1}: read error"), {name}));
    }
    return text;
}

} // namespace sightline::credentials
