// The PO reader, writer and merge of course translations (content/po.hpp):
// round trips, deterministic output, fuzzy and obsolete entries on merge,
// parse errors with line and column, and msgfmt --check on what we write.
#include "content/compile.hpp"
#include "content/po.hpp"
#include "content/translation.hpp"
#include "support/files.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

using namespace sightline::content;

namespace {

po::Entry entry(std::string context, std::string id, std::string str = {}) {
    po::Entry e;
    e.extracted_comments = {"node: arrival, speaker: Guest"};
    e.references = {"scenarios/hotel/room-214.scn:12"};
    e.context = std::move(context);
    e.id = std::move(id);
    e.str = std::move(str);
    return e;
}

po::Catalogue sample() {
    po::Catalogue c{po::default_header("es"), {}};
    c.entries.push_back(entry("hotel.room-214:title", "Room 214", "Habitación 214"));
    c.entries.push_back(entry("hotel.room-214:node.arrival:line.1",
                              "She says \"fine\".\nTwo lines\twith a tab\\.", ""));
    po::Entry fuzzy = entry("hotel.room-214:node.arrival:choice.tell:text", "Tell the manager.",
                            "Avísele al gerente.");
    fuzzy.fuzzy = true;
    fuzzy.previous_msgid = "Tell the boss.";
    c.entries.push_back(fuzzy);
    po::Entry gone = entry("hotel.room-214:node.old:line.1", "Gone.", "Ya no está.");
    gone.obsolete = true;
    gone.references.clear();
    c.entries.push_back(gone);
    return c;
}

} // namespace

TEST_CASE("po: what is written reads back the same, byte for byte") {
    const po::Catalogue c = sample();
    const std::string text = po::write(c);
    const po::ParseResult read = po::parse(text);
    REQUIRE(read.errors.empty());
    REQUIRE(read.catalogue.has_value());
    CHECK(*read.catalogue == c);
    CHECK(po::write(*read.catalogue) == text);
}

TEST_CASE("po: msgfmt --check accepts what is written") {
    if (std::system("command -v msgfmt >/dev/null 2>&1") != 0) {
        MESSAGE("msgfmt is not installed (Debian package gettext); skipped");
        return;
    }
    const std::filesystem::path file =
        std::filesystem::temp_directory_path() / "sightline-po-test-check.po";
    std::ofstream(file, std::ios::binary) << po::write(sample());
    const std::string command =
        "msgfmt --check -o /dev/null '" + file.string() + "' 2>&1 | grep . && exit 1 || exit 0";
    CHECK(std::system(command.c_str()) == 0); // no error and no warning
    std::filesystem::remove(file);
}

TEST_CASE("po: extract, change the English, extract again marks the translation fuzzy") {
    po::Catalogue first = po::merge({po::default_header("es"), {}},
                                    {entry("s:node.a:line.1", "Hello."), entry("s:title", "T")});
    CHECK(first.entries.size() == 2);
    first.entries[0].str = "Hola.";
    first.entries[1].str = "T es";
    // The English of line 1 changes; the title does not; a new line appears.
    const po::Catalogue second =
        po::merge(first, {entry("s:node.a:line.1", "Hello there."),
                          entry("s:node.a:line.2", "New."), entry("s:title", "T")});
    REQUIRE(second.entries.size() == 3);
    CHECK(second.entries[0].fuzzy);
    CHECK(second.entries[0].str == "Hola.");
    CHECK(second.entries[0].previous_msgid == std::optional<std::string>("Hello."));
    CHECK(second.entries[0].id == "Hello there.");
    CHECK_FALSE(second.entries[1].fuzzy);
    CHECK(second.entries[1].str.empty());
    CHECK_FALSE(second.entries[2].fuzzy);
    CHECK(second.entries[2].str == "T es");
    // Changed again before anyone fixed it: it still says what it was translated from.
    const po::Catalogue third =
        po::merge(second, {entry("s:node.a:line.1", "Hi there."), entry("s:node.a:line.2", "New."),
                           entry("s:title", "T")});
    CHECK(third.entries[0].previous_msgid == std::optional<std::string>("Hello."));
    // The written form carries "#, fuzzy" and "#| msgid".
    const std::string text = po::write(second);
    CHECK(text.find("#, fuzzy\n#| msgid \"Hello.\"\nmsgctxt \"s:node.a:line.1\"\n") !=
          std::string::npos);
}

TEST_CASE("po: a translated entry no longer extracted becomes obsolete, an empty one goes") {
    po::Catalogue before{po::default_header("es"), {}};
    before.entries = {entry("s:node.gone:line.1", "Gone.", "Se fue."),
                      entry("s:node.empty:line.1", "Empty."), entry("s:title", "T", "T es")};
    const po::Catalogue after = po::merge(before, {entry("s:title", "T")});
    REQUIRE(after.entries.size() == 2);
    CHECK(after.entries[0].context == "s:title");
    CHECK(after.entries[1].obsolete);
    CHECK(after.entries[1].context == "s:node.gone:line.1");
    CHECK(po::write(after).find("#~ msgctxt \"s:node.gone:line.1\"\n#~ msgid \"Gone.\"\n") !=
          std::string::npos);
    // Back in the source: the obsolete translation is used again.
    const po::Catalogue back =
        po::merge(after, {entry("s:node.gone:line.1", "Gone."), entry("s:title", "T")});
    CHECK(back.entries[0].str == "Se fue.");
    CHECK_FALSE(back.entries[0].obsolete);
}

TEST_CASE("po: the same input merges to the same bytes") {
    const po::Catalogue c = sample();
    std::vector<po::Entry> fresh = {entry("hotel.room-214:title", "Room 214"),
                                    entry("hotel.room-214:node.arrival:line.1", "x")};
    CHECK(po::write(po::merge(c, fresh)) == po::write(po::merge(c, fresh)));
}

TEST_CASE("po: a file that cannot be read gives errors with line and column") {
    const po::ParseResult unclosed =
        po::parse("msgid \"\"\nmsgstr \"\"\n\nmsgctxt \"a\"\nmsgid \"oops\nmsgstr \"\"\n");
    REQUIRE_FALSE(unclosed.errors.empty());
    CHECK_FALSE(unclosed.catalogue.has_value());
    CHECK(unclosed.errors[0].line == 5);
    CHECK(unclosed.errors[0].column == 12);

    const po::ParseResult escape = po::parse("msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"bad \\q\"\n");
    REQUIRE(escape.errors.size() == 1);
    CHECK(escape.errors[0].line == 3);
    CHECK(escape.errors[0].column == 13);

    const po::ParseResult plural =
        po::parse("msgctxt \"a\"\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"y\"\n");
    REQUIRE_FALSE(plural.errors.empty());
    CHECK(plural.errors[0].line == 3);
    CHECK(plural.errors[0].column == 1);

    const po::ParseResult twice = po::parse(
        "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"1\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"2\"\n");
    REQUIRE(twice.errors.size() == 1);
    CHECK(twice.errors[0].message.find("twice") != std::string::npos);

    const po::ParseResult junk = po::parse("hello\n");
    REQUIRE(junk.errors.size() == 1);
    CHECK(junk.errors[0].line == 1);
}

TEST_CASE("po: what translators' editors add still reads (CRLF, BOM, own comments, wrapping)") {
    const po::ParseResult read = po::parse(
        "\xEF\xBB\xBFmsgid \"\"\r\nmsgstr \"\"\r\n\"Language: es\\n\"\r\n\r\n# translator note\r\n"
        "#, fuzzy, c-format\r\nmsgctxt \"s:title\"\r\nmsgid \"\"\r\n\"Room \"\r\n\"214\"\r\n"
        "msgstr \"Habitación \"\r\n\"214\"\r\n");
    REQUIRE(read.errors.empty());
    REQUIRE(read.catalogue->entries.size() == 1);
    const po::Entry& e = read.catalogue->entries[0];
    CHECK(e.fuzzy);
    CHECK(e.id == "Room 214");
    CHECK(e.str == "Habitación 214");
    CHECK(read.catalogue->header == "Language: es\n");
}

TEST_CASE("extract: every course string of the example, keyed by stable ids, once each") {
    const CompileResult result = compile_text(
        "format-example.scn",
        sightline::test::read_source_file("tests/content/examples/format-example.scn"));
    REQUIRE(result.bundle.has_value());
    const std::vector<po::Entry> entries = extract_translatable(*result.bundle);
    std::map<std::string, std::string> by_context;
    for (const po::Entry& e : entries) {
        CHECK_MESSAGE(by_context.emplace(e.context, e.id).second, "twice: " << e.context);
        CHECK_FALSE(e.id.empty());
        CHECK(e.str.empty());
        CHECK_FALSE(e.extracted_comments.empty());
    }
    CHECK(by_context.at("hotel.example:title") == "The late check-in");
    CHECK(by_context.at("hotel.example:objective.2") == "Report through the manager on duty.");
    CHECK(by_context.at("hotel.example:node.desk:line.2:speaker") == "Guest");
    CHECK(by_context.at("hotel.example:node.desk:line.2") == "Just one key. She won't need one.");
    CHECK(by_context.at("hotel.example:node.desk:choice.log-and-tell:feedback") ==
          "You kept everyone safe and passed it on through the right channel.");
    CHECK(by_context.at("hotel.example:node.check-signs:option.cash:text") == "He paid cash.");
    CHECK(by_context.at("hotel.example:node.check-signs:check.prompt") ==
          "Which of these are possible signs of control?");
    CHECK(by_context.at("hotel.example:node.desk:note.1").starts_with("Pause here."));
    CHECK(by_context.contains("hotel.example:node.reported:debrief"));
    CHECK(by_context.at("indicator.hotel.fearful-guest:name") ==
          "A guest who seems afraid to speak");
    CHECK(by_context.at("course.hotel-example:closing.1").starts_with("Noticing these signs"));
    CHECK(by_context.at("tier.best:name") == "Best response");
    // Nothing that is not text has a key: no target, tier id, score or condition.
    for (const auto& [context, english] : by_context) {
        CHECK(context.find(":target") == std::string::npos);
        CHECK(context.find(":score") == std::string::npos);
        CHECK(context.find(":tier") == std::string::npos);
    }
}
