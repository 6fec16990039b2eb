// The one walk over a bundle's translatable text (model::for_each_text) and
// model::in_language: a translated bundle plays translated text and takes the
// same paths and scores; keys a translation lacks stay English; "en" changes
// nothing.
#include "bundle/bundle.hpp"
#include "bundle/sample_bundle.hpp"
#include "model/link.hpp"
#include "model/translation.hpp"
#include "runtime/run.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace sightline;

namespace {

constexpr std::uint32_t kVersion = 0x000100;

std::vector<std::string> keys_of(const model::Bundle& bundle) {
    std::vector<std::string> keys;
    model::for_each_text(bundle, [&](const model::TextSite& site, const std::string&) {
        keys.emplace_back(site.key);
    });
    return keys;
}

std::map<std::string, std::string> texts_of(const model::Bundle& bundle) {
    std::map<std::string, std::string> texts;
    model::for_each_text(bundle, [&](const model::TextSite& site, const std::string& text) {
        texts.emplace(std::string(site.key), text);
    });
    return texts;
}

model::Translation translation(std::string language, std::map<std::string, std::string> texts) {
    model::Translation t{std::move(language), {}};
    for (auto& entry : texts) { // a std::map is sorted by key already
        t.texts.push_back({entry.first, std::move(entry.second)});
    }
    return t;
}

// The sample bundle with a Spanish translation of some of its strings.
model::Bundle translated_sample() {
    model::Bundle b = testing::sample_bundle();
    b.translations.push_back(translation(
        "es", {{"role.hotel:name", "Recepción de hotel"},
               {"hotel_late_checkin:title", "Un registro tardío"},
               {"hotel_late_checkin:node.arrival:line.1",
                "Es la 1 de la madrugada. Un hombre paga en efectivo dos noches."},
               {"hotel_late_checkin:node.arrival:line.2:speaker", "Huésped"},
               {"hotel_late_checkin:node.arrival:choice.ask_id:text",
                "Pida identificación a los dos huéspedes, como exige la política."},
               {"hotel_late_checkin:node.arrival:choice.ask_id:feedback",
                "La política le da un motivo neutral para mirar con atención."},
               {"hotel_late_checkin:node.check_in:option.holds_id:text",
                "Él tiene su documento de identidad."},
               {"hotel_late_checkin:node.ending_reported:debrief",
                "Anotó los detalles y avisó a su gerente.\n\nEsa es la respuesta segura."}}));
    return b;
}

std::vector<std::uint8_t> bytes_of(const model::Bundle& b) {
    return bundle::write_bundle(b, kVersion);
}

} // namespace

TEST_CASE("the key walk visits every non-empty text once, in bundle order, with unique keys") {
    const model::Bundle b = testing::sample_bundle();
    const std::vector<std::string> keys = keys_of(b);
    CHECK(std::set(keys.begin(), keys.end()).size() == keys.size());
    REQUIRE_FALSE(keys.empty());
    CHECK(keys.front() == "role.hotel:name");
    CHECK(keys.back() == "hotel_late_checkin:node.ending_missed:debrief");
    const auto at = [&](const std::string& key) {
        return std::find(keys.begin(), keys.end(), key) - keys.begin();
    };
    // A speaker's name is its own string, just before the line it speaks.
    CHECK(at("hotel_late_checkin:node.arrival:line.2:speaker") + 1 ==
          at("hotel_late_checkin:node.arrival:line.2"));
    // Narration has no speaker string; empty fields are left out.
    CHECK(at("hotel_late_checkin:node.arrival:line.1:speaker") ==
          static_cast<std::ptrdiff_t>(keys.size()));
    CHECK(at("course.hotel_foundations:closing.2") < at("hotel_late_checkin:title"));
    // A debrief is one string with its paragraphs.
    CHECK(texts_of(b).at("hotel_late_checkin:node.ending_reported:debrief") ==
          "You noted the details and told your manager.\n\nThat is the safe response.");
}

TEST_CASE("the key walk tells where each string is") {
    const model::Bundle b = testing::sample_bundle();
    std::map<std::string, model::TextPlace> places;
    model::for_each_text(b, [&](const model::TextSite& site, const std::string&) {
        places.emplace(std::string(site.key), site.place);
    });
    using Part = model::TextPlace::Part;
    const model::TextPlace option = places.at("hotel_late_checkin:node.check_in:option.late:text");
    CHECK(option.section == model::TextPlace::Section::Scenario);
    CHECK(option.part == Part::Option);
    CHECK(option.node == 1);
    CHECK(option.item == 1);
    CHECK(places.at("indicator.controlled_id:description").index == 1);
    CHECK(places.at("hotel_late_checkin:node.check_in:note.1").part == Part::Note);
    CHECK(places.at("hotel_late_checkin:objective.2").part == Part::Header);
}

TEST_CASE("a translated bundle plays the translated text on the same path with the same scores") {
    model::Bundle english = translated_sample();
    model::Bundle spanish = model::in_language(english, "es");
    REQUIRE(model::link(english).ok());
    REQUIRE(model::link(spanish).ok());
    CHECK(spanish.roles[0].name == "Recepción de hotel");
    CHECK(spanish.scenarios[0].title == "Un registro tardío");

    runtime::Run en(english, "hotel_late_checkin");
    runtime::Run es(spanish, "hotel_late_checkin");
    const runtime::NodeView view = es.view();
    REQUIRE(view.paragraphs.size() == 2);
    CHECK(view.paragraphs[0].text ==
          "Es la 1 de la madrugada. Un hombre paga en efectivo dos noches.");
    CHECK(view.paragraphs[1].speaker == "Huésped");
    CHECK(view.paragraphs[1].text == "She doesn't need a key."); // not translated: English
    const auto ask = std::find_if(view.choices.begin(), view.choices.end(),
                                  [](const runtime::ChoiceView& c) { return c.id == "ask_id"; });
    REQUIRE(ask != view.choices.end());
    CHECK(ask->text == "Pida identificación a los dos huéspedes, como exige la política.");

    const runtime::ChoiceResult chose_es = es.choose("ask_id");
    const runtime::ChoiceResult chose_en = en.choose("ask_id");
    CHECK(chose_es.feedback == "La política le da un motivo neutral para mirar con atención.");
    CHECK(chose_es.next_node == chose_en.next_node);
    CHECK(chose_es.tier == chose_en.tier);
    CHECK(chose_es.tier_name == "Best"); // tier names without a translation stay English
    CHECK(es.view().check.options[0].text == "Él tiene su documento de identidad.");
    CHECK(es.answer({"holds_id"}).correct);
    CHECK(en.answer({"holds_id"}).correct);
    es.advance();
    en.advance();
    CHECK(es.node().id == en.node().id);
    CHECK(es.node().debrief ==
          "Anotó los detalles y avisó a su gerente.\n\nEsa es la respuesta segura.");
    for (const char* dimension : {"recognition", "response"}) {
        CHECK(es.score(dimension) == en.score(dimension));
    }
}

TEST_CASE("in_language changes text at the translation's keys and nothing else") {
    model::Bundle b = translated_sample();
    // A second language that gives every string back its English: applied on top of
    // the Spanish copy, it must restore the original bundle byte for byte, so the
    // Spanish copy differs from the English in text at keys only.
    b.translations.push_back(translation("zz", texts_of(testing::sample_bundle())));
    model::Bundle spanish = model::in_language(b, "es");
    CHECK(bytes_of(spanish) != bytes_of(b));
    CHECK(bytes_of(model::in_language(spanish, "zz")) == bytes_of(b));
}

TEST_CASE("keys a translation lacks stay English, and keys the bundle lacks are ignored") {
    model::Bundle b = testing::sample_bundle();
    b.translations.push_back(
        translation("es", {{"hotel_late_checkin:node.gone:line.1", "Ya no está."},
                           {"tier.best:name", "La mejor"}}));
    const model::Bundle spanish = model::in_language(b, "es");
    const auto english = texts_of(testing::sample_bundle());
    const auto translated = texts_of(spanish);
    for (const auto& entry : english) {
        CAPTURE(entry.first);
        CHECK(translated.at(entry.first) ==
              (entry.first == "tier.best:name" ? std::string("La mejor") : entry.second));
    }
    CHECK(translated.size() == english.size());
}

TEST_CASE("in_language en is the bundle itself, and so is a language it lacks") {
    const model::Bundle b = translated_sample();
    CHECK(bytes_of(model::in_language(b, "en")) == bytes_of(b));
    CHECK(bytes_of(model::in_language(b, "fr")) == bytes_of(b));
    CHECK(model::languages(b) == std::vector<std::string>{"en", "es"});
    CHECK(model::has_language(b, "en"));
    CHECK(model::has_language(b, "es"));
    CHECK_FALSE(model::has_language(b, "fr"));
}

TEST_CASE("translated_text finds a key by binary search and nothing else") {
    const model::Translation t = translation("es", {{"a:title", "A"}, {"b:title", "B"}});
    REQUIRE(model::translated_text(t, "b:title") != nullptr);
    CHECK(*model::translated_text(t, "b:title") == "B");
    CHECK(model::translated_text(t, "a:titl") == nullptr);
    CHECK(model::translated_text(t, "c:title") == nullptr);
}
