// The real VC 2.0 and OB 3.0.3 contexts on the credential build_credential() makes,
// against pyld. Local only: the provenance rule keeps those contexts out of the
// repository, so these tests run when SIGHTLINE_REAL_CONTEXTS names a folder with
// credentials-v2.jsonld and ob-context-3.0.3.json, e.g. from the mirrors:
//   mkdir -p /tmp/real
//   git -C <w3c/vc-data-model> show HEAD:contexts/credentials/v2 > /tmp/real/credentials-v2.jsonld
//   git -C <1EdTech/openbadges-specification> show HEAD:ob_v3p0/context-3.0.3.json >
//       /tmp/real/ob-context-3.0.3.json
//   SIGHTLINE_REAL_CONTEXTS=/tmp/real build/release/bin/jsonld_tests -tc='real contexts*'
// Without the variable they are skipped (and not registered with CTest).
#include "credentials/credential.hpp"
#include "credentials/jcs.hpp"
#include "jsonld_support.hpp"
#include "linkeddata/jsonld.hpp"
#include "support/credential_fixtures.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>

using namespace sightline;
using namespace sightline::linkeddata;
using nlohmann::json;

namespace {

const char* real_folder() {
    return std::getenv("SIGHTLINE_REAL_CONTEXTS");
}

std::vector<std::pair<std::string, std::filesystem::path>> real_context_files() {
    const std::filesystem::path folder = real_folder();
    return {{std::string(credentials::kVcContext), folder / "credentials-v2.jsonld"},
            {std::string(credentials::kObContext), folder / "ob-context-3.0.3.json"}};
}

std::string jcs(const json& value) {
    return credentials::canonicalize(value);
}

// The signed fixture credential, optionally with one more context entry.
json sightline_credential(const json& extra_context = nullptr) {
    json credential = json::parse(test::fixed_credential_text());
    if (!extra_context.is_null()) {
        credential["@context"].push_back(extra_context);
    }
    return credential;
}

void check_against_pyld(const json& credential, const ExpandOptions& options) {
    const auto files = real_context_files();
    const ContextStore store = test::store_of(files);
    const json expanded = expand(credential, store, options);
    const Dataset dataset = to_rdf(expanded, jcs);
    const std::string nquads = test::sorted_nquads(dataset);
    test::TempDir temp;
    const auto document = temp.path() / "credential.json";
    std::ofstream(document) << credential.dump(2);
    const test::PyldResult pyld = test::run_pyld(document, files, nquads);
    REQUIRE_MESSAGE(pyld.error.empty(), pyld.error);
    CHECK_MESSAGE(expanded == pyld.expanded, "ours:\n"
                                                 << expanded.dump(1) << "\npyld:\n"
                                                 << pyld.expanded.dump(1));
    CHECK(nquads == pyld.nquads);
    CHECK(pyld.ours_canonical == pyld.canonical);
    MESSAGE(dataset.size() << " quads");
}

} // namespace

TEST_CASE("real contexts: the Sightline credential expands and converts as pyld does, with "
          "undefined fields dropped (safe mode off)" *
          doctest::skip(real_folder() == nullptr)) {
    check_against_pyld(sightline_credential(), ExpandOptions{false});
}

TEST_CASE("real contexts: safe mode refuses the Sightline fields that neither context defines" *
          doctest::skip(real_folder() == nullptr)) {
    const ContextStore store = test::store_of(real_context_files());
    CHECK_THROWS_WITH_AS(expand(sightline_credential(), store),
                         "undefined term approval at credentialSubject.achievement.approval",
                         JsonLdError);
}

TEST_CASE("real contexts: with an @vocab for Sightline's own fields, safe mode passes and pyld "
          "agrees" *
          doctest::skip(real_folder() == nullptr)) {
    const json vocab = {{"@vocab", "https://www.w3.org/ns/credentials/undefined-term#"}};
    check_against_pyld(sightline_credential(vocab), ExpandOptions{true});

    const ContextStore store = test::store_of(real_context_files());
    const json credential = sightline_credential(vocab);
    constexpr int kRuns = 200;
    std::size_t quads = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kRuns; ++i) {
        quads += to_rdf(expand(credential, store), jcs).size();
    }
    const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
    MESSAGE("expand + to_rdf of the real credential ("
            << quads / kRuns << " quads): " << took.count() / kRuns << " us");
}
