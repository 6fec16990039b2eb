// Reading translated PO files into a bundle (content/translation.hpp) and the
// gates on Spanish text (content/lint.hpp): what goes into the bundle and in
// which order, each translation diagnostic where it points, Spanish banned
// terms with `teaches:`, and the Fernández Huerta reading ease with its
// Spanish syllable count.
#include "bundle/bundle.hpp"
#include "content/lint.hpp"
#include "content/lint_terms.hpp"
#include "content/stats.hpp"
#include "content/translation.hpp"
#include "model/link.hpp"
#include "model/translation.hpp"
#include "support/files.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

using namespace sightline;
using content::codes::banned_term;

namespace {

const std::string kPrelude = test::read_source_file("tests/content/examples/prelude.scn");

// Lines 1 to 18 of demo.scn: a scenario that passes every English gate.
const std::string kScenario = R"(scenario demo
title: Demo
role: hotel
language: en
minutes: 5
objective: Learn one thing.
content-note: A short demo.
indicators: hotel.cash-nightly
response: Tell the manager on duty.
report: National Human Trafficking Hotline: call 1-888-373-7888 or text 233733.
== desk
A guest pays cash, night after night.
* [tell] Tell the manager on duty. -> done
    tier: best
    feedback: That is the right channel.
== done
ending: reported-safely
debrief: Call the hotline at 1-888-373-7888.
)";

content::CompileResult compiled(const std::string& text = kScenario) {
    content::SourceSet sources;
    sources.emplace_back("prelude.scn", kPrelude);
    sources.emplace_back("demo.scn", text);
    content::CompileResult result = content::compile(std::move(sources));
    REQUIRE_MESSAGE(!result.has_errors(),
                    (result.diagnostics.empty() ? "" : result.diagnostics[0].message));
    return result;
}

std::string header(const std::string& language) {
    return "msgid \"\"\nmsgstr \"Language: " + language + "\\n\"\n";
}

std::string entry(const std::string& key, const std::string& english, const std::string& text,
                  bool fuzzy = false) {
    return std::string("\n") + (fuzzy ? "#, fuzzy\n" : "") + "msgctxt \"" + key + "\"\nmsgid \"" +
           english + "\"\nmsgstr \"" + text + "\"\n";
}

// A plain Spanish translation of every string of kScenario (lines 1 to 3 are the header).
std::string
spanish(const std::string& desk_line = "Un huésped paga en efectivo, noche tras noche.") {
    return header("es") + entry("demo:title", "Demo", "Demostración") +
           entry("demo:objective.1", "Learn one thing.", "Aprender una cosa.") +
           entry("demo:content-note", "A short demo.", "Una demostración breve.") +
           entry("demo:response", "Tell the manager on duty.", "Avise al gerente de turno.") +
           entry("demo:report",
                 "National Human Trafficking Hotline: call 1-888-373-7888 or text 233733.",
                 "Línea Nacional contra la Trata de Personas: llame al 1-888-373-7888 o escriba "
                 "al 233733.") +
           entry("demo:node.desk:line.1", "A guest pays cash, night after night.", desk_line) +
           entry("demo:node.desk:choice.tell:text", "Tell the manager on duty.",
                 "Avise al gerente de turno.") +
           entry("demo:node.desk:choice.tell:feedback", "That is the right channel.",
                 "Ese es el canal correcto.") +
           entry("demo:node.done:debrief", "Call the hotline at 1-888-373-7888.",
                 "Llame a la línea al 1-888-373-7888.");
}

// The line in `po` where `text` first appears (1-based).
std::uint32_t line_of(const std::string& po, const std::string& text) {
    const std::size_t at = po.find(text);
    REQUIRE(at != std::string::npos);
    return static_cast<std::uint32_t>(std::count(po.begin(), po.begin() + at, '\n') + 1);
}

content::TranslationResult read(const content::CompileResult& result,
                                const std::vector<std::string>& files) {
    content::SourceSet sources;
    for (std::size_t i = 0; i < files.size(); ++i) {
        sources.emplace_back("po" + std::to_string(i) + ".po", files[i]);
    }
    return content::read_translations(result, std::move(sources));
}

std::set<content::DiagnosticCode> codes_of(const std::vector<content::Diagnostic>& all) {
    std::set<content::DiagnosticCode> out;
    for (const content::Diagnostic& d : all) {
        out.insert(d.code);
    }
    return out;
}

std::vector<content::Diagnostic> with_code(const std::vector<content::Diagnostic>& all,
                                           content::DiagnosticCode code) {
    std::vector<content::Diagnostic> out;
    for (const content::Diagnostic& d : all) {
        if (d.code == code) {
            out.push_back(d);
        }
    }
    return out;
}

// The prelude's strings "translated" as themselves, so only the demo's count.
std::string prelude_as_is(const content::CompileResult& result) {
    std::string po;
    for (const content::po::Entry& e : content::extract_translatable(result)) {
        if (e.references.front().starts_with("prelude.scn:")) {
            po += entry(e.context, e.id, e.id);
        }
    }
    return po;
}

// Syllables of one Spanish word, read back from the reading ease of "word." (one word,
// one sentence: 206.84 - 0.60 * 100 * syllables - 1.02).
long syllables(const std::string& word) {
    return std::lround((206.84 - 1.02 - content::spanish_reading_ease(word + ".")) / 60.0);
}

} // namespace

TEST_CASE("translations: what is translated, not fuzzy and for the current English goes in") {
    const content::CompileResult result = compiled();
    const std::string po =
        header("es") + entry("demo:title", "Demo", "Demostración") +
        entry("demo:response", "Tell the manager on duty.", "Avise al gerente.", true) +
        entry("demo:node.desk:line.1", "A guest paid cash.", "Un huésped pagó en efectivo.") +
        entry("demo:objective.1", "Learn one thing.", "") +
        entry("demo:node.gone:line.1", "Gone.", "Ya no está.") +
        "\n#~ msgctxt \"demo:node.old:line.1\"\n#~ msgid \"Old.\"\n#~ msgstr \"Viejo.\"\n";
    const content::TranslationResult r = read(result, {po});
    REQUIRE(r.translations.size() == 1);
    CHECK(r.translations[0].language == "es");
    REQUIRE(r.translations[0].texts.size() == 1);
    CHECK(r.translations[0].texts[0].key == "demo:title");
    CHECK(r.translations[0].texts[0].text == "Demostración");
    CHECK_FALSE(r.has_errors());
    REQUIRE(r.coverage.size() == 1);
    CHECK(r.coverage[0].translated == 1);
    CHECK(r.coverage[0].strings == content::extract_translatable(result).size());

    // The fuzzy one and the one whose English changed: SL0602 at their msgctxt.
    const auto fuzzy = with_code(r.diagnostics, content::codes::po_fuzzy);
    REQUIRE(fuzzy.size() == 2);
    CHECK(fuzzy[0].location.file == 2);
    CHECK(fuzzy[0].location.line == line_of(po, "msgctxt \"demo:response\""));
    CHECK(fuzzy[0].message.find("is fuzzy") != std::string::npos);
    CHECK(fuzzy[1].location.line == line_of(po, "msgctxt \"demo:node.desk:line.1\""));
    CHECK(fuzzy[1].message.find("no longer this entry's msgid") != std::string::npos);
    // A live entry for a string that is gone: SL0604; the #~ one is quiet.
    const auto gone = with_code(r.diagnostics, content::codes::po_obsolete_entry);
    REQUIRE(gone.size() == 1);
    CHECK(gone[0].location.line == line_of(po, "msgctxt \"demo:node.gone:line.1\""));
    // Untranslated: one SL0603 per group, at where its first missing string is written.
    const auto missing = with_code(r.diagnostics, content::codes::po_untranslated);
    std::set<std::string> groups;
    for (const content::Diagnostic& d : missing) {
        groups.insert(d.message.substr(0, d.message.find(':')));
    }
    CHECK(groups == std::set<std::string>{"roles", "score dimensions", "response tiers", "outcomes",
                                          "the indicator catalogue", "scenario 'demo'"});
    CHECK(missing.size() == groups.size());
    const content::Diagnostic& demo = missing.back();
    CHECK(demo.location.file == 1);
    CHECK(demo.location.line == 1); // the objective is written under the scenario's header
    CHECK(demo.message ==
          "scenario 'demo': 6 of 9 strings have no 'es' translation and play in English; the "
          "first is 'demo:objective.1'");
}

TEST_CASE("translations: languages are sorted, texts by key, whatever the order of the files") {
    const content::CompileResult result = compiled();
    const std::string fr = header("fr_CA") + entry("demo:title", "Demo", "Démo") +
                           entry("demo:content-note", "A short demo.", "Une courte démo.");
    const std::string es = spanish();
    const content::TranslationResult one = read(result, {fr, es});
    const content::TranslationResult two = read(result, {es, fr});
    REQUIRE(one.translations.size() == 2);
    CHECK(one.translations[0].language == "es");
    CHECK(one.translations[1].language == "fr-CA"); // gettext's "fr_CA" as a BCP 47 tag
    CHECK(one.translations[1].texts[0].key == "demo:content-note");
    model::Bundle a = *result.bundle, b = *result.bundle;
    a.translations = one.translations;
    b.translations = two.translations;
    CHECK(bundle::write_bundle(a, 1) == bundle::write_bundle(b, 1));
    CHECK(one.coverage[0].language == "es");
    CHECK(one.coverage[0].translated == 9);
    // Where each text was read: its msgstr line.
    CHECK(one.where[1][0].line == line_of(fr, "msgstr \"Une courte"));
    CHECK(one.where[1][0].file == 2 + 0); // fr is the first PO file given
}

TEST_CASE("translations: the bundle built from them plays in Spanish") {
    const content::CompileResult result = compiled();
    model::Bundle b = *result.bundle;
    b.translations = read(result, {spanish()}).translations;
    const auto loaded = bundle::read_bundle(bundle::write_bundle(b, 1), "es.slpack");
    const model::Bundle es = model::in_language(loaded.model, "es");
    CHECK(es.scenarios[0].title == "Demostración");
    CHECK(es.scenarios[0].nodes[0].choices[0].text == "Avise al gerente de turno.");
    CHECK(es.scenarios[0].nodes[0].choices[0].target == "done");
    CHECK(es.roles[0].name == "Hotel and motel staff");
}

TEST_CASE("SL0601: a PO file without a language, for English, or a language given twice") {
    const content::CompileResult result = compiled();
    const auto message = [&](const std::vector<std::string>& files) {
        const content::TranslationResult r = read(result, files);
        const auto refused = with_code(r.diagnostics, content::codes::po_unreadable);
        REQUIRE(refused.size() == 1);
        CHECK(r.has_errors());
        CHECK(refused[0].location.line == 2); // the header's Language: line
        return refused[0].message;
    };
    CHECK(message({"msgid \"\"\nmsgstr \"Language: \\n\"\n"}).find("names no language") !=
          std::string::npos);
    CHECK(message({header("en")}).find("is for 'en'") != std::string::npos);
    CHECK(message({header("e s")}).find("not a language tag") != std::string::npos);
    CHECK(message({header("es"), header("es")}) ==
          "'es' is already translated by po0.po; give one PO file per language");
    const content::TranslationResult missing =
        content::read_translation_files(result, {"/nonexistent/sightline/es.po"});
    REQUIRE(missing.diagnostics.size() == 1);
    CHECK(missing.diagnostics[0].location.file == 2);
    CHECK(missing.diagnostics[0].location.line == 0);
    CHECK(missing.files.at(0).name() == "/nonexistent/sightline/es.po");
}

TEST_CASE("SL0605: a dropped reporting number or other line breaks keep the English") {
    const content::CompileResult result = compiled();
    SUBCASE("a reporting number, as a whole number") {
        const std::string po =
            header("es") + entry("demo:node.done:debrief", "Call the hotline at 1-888-373-7888.",
                                 "Llame a la línea al 1-888-373-78880.");
        const content::TranslationResult r = read(result, {po});
        const auto dropped = with_code(r.diagnostics, content::codes::po_changes_english);
        REQUIRE(dropped.size() == 1);
        CHECK(dropped[0].location.line == line_of(po, "msgstr \"Llame"));
        CHECK(dropped[0].message.find("leaves out 1-888-373-7888") != std::string::npos);
        CHECK(r.translations[0].texts.empty());
    }
    SUBCASE("line breaks") {
        const std::string po = header("es") + entry("demo:title", "Demo", "Demo\\nstración");
        const content::TranslationResult r = read(result, {po});
        const auto changed = with_code(r.diagnostics, content::codes::po_changes_english);
        REQUIRE(changed.size() == 1);
        CHECK(changed[0].message.find("has 0 line breaks and its translation 1") !=
              std::string::npos);
    }
}

TEST_CASE("Spanish syllables follow the spelling: diphthongs, hiatus and a final y") {
    CHECK(syllables("casa") == 2);
    CHECK(syllables("cuando") == 2);     // cuan-do
    CHECK(syllables("cielo") == 2);      // cie-lo
    CHECK(syllables("leer") == 2);       // le-er: two strong vowels
    CHECK(syllables("día") == 2);        // dí-a: an accented weak vowel stands alone
    CHECK(syllables("oír") == 2);        // o-ír
    CHECK(syllables("guía") == 2);       // guí-a
    CHECK(syllables("huésped") == 2);    // hués-ped
    CHECK(syllables("averiguáis") == 4); // a-ve-ri-guáis: a triphthong
    CHECK(syllables("hoy") == 1);        // a final y is a vowel
    CHECK(syllables("mayo") == 2);       // any other y is a consonant
    CHECK(syllables("y") == 1);
    CHECK(syllables("prohibido") == 4); // pro-hi-bi-do
    CHECK(syllables("INDEPENDIENTEMENTE") == 7);
    CHECK(syllables("ÉXITO") == 3); // upper-case accented letters
    CHECK(syllables("911") == 1);   // a number is one short word
}

TEST_CASE("Fernández Huerta: shorter sentences and shorter words read easier") {
    const double plain = content::spanish_reading_ease("Un huésped paga en efectivo. Avise al "
                                                       "gerente. Llame a la línea.");
    const double one_sentence = content::spanish_reading_ease(
        "Un huésped paga en efectivo y usted avisa al gerente y llama a la línea.");
    const double long_words = content::spanish_reading_ease(
        "Un huésped paga anticipadamente. Comunique inmediatamente. Llame telefónicamente.");
    CHECK(plain > one_sentence);
    CHECK(plain > long_words);
    CHECK(plain >= 60);
    // "¿", "¡", "«" and dashes are not words.
    CHECK(content::spanish_reading_ease("¿Qué pasa? ¡Nada!") ==
          content::spanish_reading_ease("Qué pasa? Nada!"));
    CHECK(content::spanish_reading_ease("") == 100);
}

TEST_CASE("SL0519: a Spanish translation that reads too hard fails, a plain one passes") {
    const content::CompileResult result = compiled();
    const std::string plain = spanish() + prelude_as_is(result);
    const content::TranslationResult good = read(result, {plain});
    REQUIRE(good.diagnostics.empty());
    const content::LintReport passed = content::lint(result, good);
    CHECK(passed.passed());
    CHECK(passed.spanish_texts == 9 + 9);
    CHECK(passed.lowest_spanish_ease_scenario == "es: demo");
    CHECK(passed.lowest_spanish_ease >= 60);

    const std::string hard =
        spanish("Independientemente de las considerables incertidumbres organizativas relativas "
                "a las responsabilidades institucionales correspondientes, la representante "
                "administrativa nocturna contemplaba comunicar inmediatamente a la "
                "administración hotelera determinadas observaciones concernientes a las "
                "circunstancias particularmente preocupantes de la huésped.") +
        prelude_as_is(result);
    const content::LintReport failed = content::lint(result, read(result, {hard}));
    REQUIRE(codes_of(failed.diagnostics) == std::set{content::codes::spanish_reading_ease_too_low});
    const content::Diagnostic& d = failed.diagnostics[0];
    CHECK(d.location.file == 2);
    CHECK(d.location.line == line_of(hard, "msgstr \"Independientemente"));
    CHECK(d.message.find("the hardest node is 'desk'") != std::string::npos);
    CHECK(d.message.find("the floor is 60.0") != std::string::npos);
    // A stricter or looser floor is an option, as the English grade limit is.
    content::LintOptions lenient;
    lenient.min_spanish_reading_ease = -100;
    CHECK(content::lint(result, read(result, {hard}), lenient).passed());
}

TEST_CASE("SL0503 in Spanish: banned terms in translations, and nodes that teach about them") {
    const content::CompileResult result = compiled();
    const auto lint_line = [&](const std::string& line) {
        const std::string po = spanish(line) + prelude_as_is(result);
        const content::TranslationResult r = read(result, {po});
        REQUIRE(r.diagnostics.empty());
        return content::lint(result, r);
    };
    SUBCASE("case, plurals of every word and accents do not hide a term; the caret is on it") {
        for (const char* text :
             {"Un compañero dice que ella es prostituta.", "Dos PROSTITUTAS, dice.",
              "Habla de inmigrantes ilegales.", "Habla de PROSTITUCIÓN INFANTIL.",
              "Dice que fue rescatada.", "No contrate a los ilegales.", "\u00bfProstituta? No.",
              "La llaman \u00abrescatada\u00bb."}) {
            CAPTURE(text);
            const content::LintReport r = lint_line(text);
            REQUIRE(codes_of(r.diagnostics) == std::set{banned_term});
            CHECK(r.diagnostics.size() == 1);
            CHECK(r.diagnostics[0].location.file == 2);
        }
        const std::string po = spanish("Un compañero dice que ella es prostituta.");
        const content::LintReport r = lint_line("Un compañero dice que ella es prostituta.");
        CHECK(r.diagnostics[0].location.line == line_of(po, "msgstr \"Un compa"));
        CHECK(r.diagnostics[0].location.column == 40); // in bytes: "ñ" is two
        CHECK(r.diagnostics[0].message.find("una persona que vende sexo") != std::string::npos);
        CHECK(r.diagnostics[0].message.find("'teaches: prostitute'") != std::string::npos);
    }
    SUBCASE("a longer term is reported once, as itself") {
        const content::LintReport r = lint_line("Es un caso de prostitución infantil.");
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].message.find("'prostitución infantil'") != std::string::npos);
    }
    SUBCASE("the plural adjective and words that contain a term are fine") {
        CHECK(lint_line("Son prácticas ilegales, y disputa la cuenta.").passed());
    }
    SUBCASE("a node that teaches the English term may use its Spanish") {
        std::string taught = kScenario;
        taught.insert(taught.find("* [tell]"), "teaches: prostitute\n");
        const content::CompileResult teaching = compiled(taught);
        const std::string po =
            spanish("Un compañero dice que ella es prostituta.") + prelude_as_is(teaching);
        CHECK(content::lint(teaching, read(teaching, {po})).passed());
        // The same word in the ending's debrief is outside the teaching node.
        std::string outside = po;
        outside.replace(outside.find("Llame a la línea al"), 19, "No diga prostituta; llame al");
        CHECK(codes_of(content::lint(teaching, read(teaching, {outside})).diagnostics) ==
              std::set{banned_term});
    }
    SUBCASE("a node may also teach the Spanish term by name") {
        std::string taught = kScenario;
        taught.insert(taught.find("* [tell]"), "teaches: esclava sexual\n");
        const content::CompileResult teaching = compiled(taught);
        const std::string po = spanish("La llaman esclava sexual.") + prelude_as_is(teaching);
        CHECK(content::lint(teaching, read(teaching, {po})).passed());
    }
    SUBCASE("other languages have no word lists yet") {
        std::string po = spanish("Un compañero dice que ella es prostituta.");
        po.replace(po.find("Language: es"), 12, "Language: pt");
        CHECK(content::lint(result, read(result, {po + prelude_as_is(result)})).passed());
    }
}

TEST_CASE("every Spanish banned term is written in a form the matcher accepts") {
    const content::CompileResult result = compiled();
    for (const auto& term : content::lint_terms::kSpanishBannedTerms) {
        CAPTURE(term.term);
        CHECK_FALSE(term.instead.empty());
        // Each stands for an English term, whose `teaches:` allows it too.
        CHECK(std::any_of(content::lint_terms::kBannedTerms.begin(),
                          content::lint_terms::kBannedTerms.end(),
                          [&](const auto& english) { return english.term == term.english; }));
        const std::string po =
            spanish("Dicen " + std::string(term.term) + ".") + prelude_as_is(result);
        CHECK(codes_of(content::lint(result, read(result, {po})).diagnostics) ==
              std::set{banned_term});
    }
}
