// Finding the course `cert issue` and `cert attest` name (cert_course.hpp).
#include "cert_course.hpp"

#include "i18n/i18n.hpp"

#include <algorithm>

namespace sightline::cli::credentials_cli {

using i18n::tr;

std::optional<LoadedCourse> load_course(const Options& o, const Environment& env,
                                        std::string_view command) {
    const fs::path path =
        o.has("bundle") ? fs::path(o.get("bundle")) : default_bundle_path(env.executable);
    LoadedCourse loaded;
    try {
        loaded.bundle = bundle::read_bundle_file(path);
    } catch (const bundle::BundleError& e) {
        env.err << "sightline " << command << ": " << e.what() << '\n';
        return std::nullopt;
    }
    const auto& courses = loaded.bundle.model.courses;
    const auto found = std::find_if(courses.begin(), courses.end(), [&](const model::Course& c) {
        return c.id == o.get("course");
    });
    loaded.index = static_cast<std::size_t>(found - courses.begin());
    if (found == courses.end()) {
        // TRANSLATORS: {1} a course's id, {2} a bundle file.
        env.err << "sightline " << command << ": "
                << i18n::format(tr("no course '{1}' in {2}"), {o.get("course"), path.string()})
                << '\n';
        return std::nullopt;
    }
    return loaded;
}

} // namespace sightline::cli::credentials_cli
