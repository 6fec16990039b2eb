// Translations in the bundle (Bundle class version 3): they round-trip, a
// version 2 payload (before translations) still loads with none, and the
// reader refuses translations out of order, since in_language looks keys up
// by binary search.
#include "bundle/bundle.hpp"
#include "sample_bundle.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <string>

using namespace sightline;
using testing::load_error;
using testing::payload_of;
using testing::wrap_payload;

namespace {

model::Bundle with_translations() {
    model::Bundle b = testing::sample_bundle();
    b.translations = {
        {"es",
         {{"hotel_late_checkin:title", "Un registro tardío"}, {"role.hotel:name", "Recepción"}}},
        {"fr", {{"hotel_late_checkin:title", "Une arrivée tardive"}}},
    };
    return b;
}

} // namespace

TEST_CASE("translations round-trip through a bundle") {
    const auto file = bundle::write_bundle(with_translations(), testing::kTestCompilerVersion);
    const auto loaded = bundle::read_bundle(file, "translated.slpack");
    REQUIRE(loaded.model.translations.size() == 2);
    CHECK(loaded.model.translations[0].language == "es");
    REQUIRE(loaded.model.translations[0].texts.size() == 2);
    CHECK(loaded.model.translations[0].texts[1].key == "role.hotel:name");
    CHECK(loaded.model.translations[0].texts[1].text == "Recepción");
    CHECK(bundle::write_bundle(loaded.model, testing::kTestCompilerVersion) == file);
}

TEST_CASE("a version 2 payload, written before translations, loads with none") {
    auto payload =
        payload_of(bundle::write_bundle(testing::sample_bundle(), testing::kTestCompilerVersion));
    // Bundle's class version is the second byte; version 2 ends after the rules, so the
    // translations' empty list (its 8-byte count) is not there.
    REQUIRE(payload[1] == 3);
    payload[1] = 2;
    payload.resize(payload.size() - 8);
    const auto loaded = bundle::read_bundle(wrap_payload(payload), "old.slpack");
    CHECK(loaded.model.translations.empty());
    CHECK(loaded.model.scenarios.size() == 1);
}

TEST_CASE("translations out of order, repeated or for English are refused") {
    struct Case {
        const char* name;
        std::function<void(model::Bundle&)> change;
        const char* error;
    };
    const Case cases[] = {
        {"languages out of order",
         [](model::Bundle& b) { std::swap(b.translations[0], b.translations[1]); },
         "translation 'es' is out of order or given twice"},
        {"a language twice", [](model::Bundle& b) { b.translations[1].language = "es"; },
         "translation 'es' is out of order or given twice"},
        {"English", [](model::Bundle& b) { b.translations[0].language = "en"; },
         "a translation's language is 'en'"},
        {"no language", [](model::Bundle& b) { b.translations[0].language.clear(); },
         "a translation's language is ''"},
        {"keys out of order",
         [](model::Bundle& b) {
             std::swap(b.translations[0].texts[0], b.translations[0].texts[1]);
         },
         "translation 'es' has key 'hotel_late_checkin:title' out of order or twice"},
        {"a key twice",
         [](model::Bundle& b) { b.translations[0].texts[1].key = "hotel_late_checkin:title"; },
         "translation 'es' has key 'hotel_late_checkin:title' out of order or twice"},
    };
    for (const Case& c : cases) {
        const std::string name = c.name;
        CAPTURE(name);
        model::Bundle b = with_translations();
        c.change(b);
        const auto error = load_error(bundle::write_bundle(b, testing::kTestCompilerVersion));
        REQUIRE(error.has_value());
        CHECK(testing::contains(*error, c.error));
    }
}
