#include "credentials/contexts.hpp"

#include "credentials/contexts_data.hpp"

namespace sightline::credentials {

const linkeddata::ContextStore& pinned_contexts() {
    static const linkeddata::ContextStore store = [] {
        linkeddata::ContextStore contexts;
        contexts.add(std::string(kVcContextUrl), nlohmann::json::parse(kVcContextText));
        contexts.add(std::string(kObContextUrl), nlohmann::json::parse(kObContextText));
        return contexts;
    }();
    return store;
}

} // namespace sightline::credentials
