// The helpers credentials_common.hpp declares, shared by the provider and cert
// subcommands.
#include "credentials_common.hpp"

#include "i18n/i18n.hpp"
#include "records/paths.hpp"
#include "records/records.hpp"
#include "records_location.hpp"

#include <cstring>

namespace sightline::cli::credentials_cli {

using i18n::tr;

int usage_error(const Environment& env, std::string_view command, const std::string& message) {
    // TRANSLATORS: a usage error. {1} the command (cert issue), {2} what is wrong, {3} the
    // command whose help to see (cert).
    env.err << i18n::format(tr("sightline {1}: {2} (see 'sightline {3} --help')"),
                            {command, message, command.substr(0, command.find(' '))})
            << '\n';
    return kUsage;
}

std::string unexpected(const std::string& argument) {
    // TRANSLATORS: {1} what was typed.
    return i18n::format(tr("unexpected argument '{1}'"), {argument});
}

std::string column(const char* heading, std::size_t width) {
    const std::size_t characters =
        static_cast<std::size_t>(std::count_if(heading, heading + std::strlen(heading), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
    return heading + std::string(characters < width ? width - characters : 1, ' ');
}

fs::path config_dir(const Options& o) {
    return o.has("config-dir") ? fs::path(o.get("config-dir")) : records::default_config_dir();
}

fs::path data_dir(const Options& o) {
    return o.has("data-dir") ? fs::path(o.get("data-dir")) : records::default_data_dir();
}

std::unique_ptr<records::Store> open_records(const Options& o) {
    const RecordsLocation location{o.get("data-dir"), o.get("records")};
    if (const std::string wrong = check_records_location(location); !wrong.empty()) {
        throw records::RecordsError(wrong);
    }
    return open_records_store(location);
}

std::optional<fs::path> out_dir(const Options& o) {
    if (o.has("out")) {
        return fs::path(o.get("out"));
    }
    if (o.has("records")) {
        return std::nullopt;
    }
    return data_dir(o) / "certificates";
}

const char* out_required() {
    return tr("with --records, give --out DIR: the folder on this computer to write the "
              "certificate into");
}

} // namespace sightline::cli::credentials_cli
