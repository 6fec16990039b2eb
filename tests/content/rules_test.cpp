// Compliance rules as data: the `rule` block, a course's `meets:` and a
// scenario's `teaches:` (FORMAT.md, Rules), the diagnostics the compiler gives
// for them, the claim checks of `sightc lint` (SL0514 to SL0518), and the
// rules the bundled courses claim.
#include "bundle/bundle.hpp"
#include "content/compile.hpp"
#include "content/lint.hpp"
#include "model/dump.hpp"
#include "model/link.hpp"
#include "support/files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

using namespace sightline;

namespace {

const std::string kPrelude = test::read_source_file("tests/content/examples/prelude.scn");

content::CompileResult compile_with_prelude(const std::string& text) {
    content::SourceSet sources;
    sources.emplace_back("prelude.scn", kPrelude);
    sources.emplace_back("demo.scn", text);
    return content::compile(std::move(sources));
}

std::set<content::DiagnosticCode> codes_of(const std::vector<content::Diagnostic>& diagnostics) {
    std::set<content::DiagnosticCode> out;
    for (const content::Diagnostic& d : diagnostics) {
        out.insert(d.code);
    }
    return out;
}

std::size_t count_of(const std::vector<content::Diagnostic>& diagnostics,
                     content::DiagnosticCode code) {
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [&](const content::Diagnostic& d) { return d.code == code; }));
}

const content::Diagnostic& first_of(const std::vector<content::Diagnostic>& diagnostics,
                                    content::DiagnosticCode code) {
    for (const content::Diagnostic& d : diagnostics) {
        if (d.code == code) {
            return d;
        }
    }
    throw std::runtime_error("no " + std::string(code.id()));
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A rule with every field; line 1 is its block line.
const std::string kFullRule = R"(rule texas-demo
title: Texas demo rule
jurisdiction: Texas
citation: 1 TAC §54.100-101
applies-to: hotel, hotel/front-desk
applies-to: hotel/housekeeping
minimum-minutes: 20
interactive: yes
paced: yes
recurrence-months: 12
new-hire-days: 90
keep-records-months: 24
topic: demo.signs Warning signs in adults
    and in minors
topic: demo.reporting Where to report
proof: name, hire-date, course
proof: completion-date, certificate, self-certification, name

)";

// A scenario that passes every lint gate; `teaches` is its `teaches:` line,
// `nodes` its nodes.
std::string scenario(const std::string& id, const std::string& teaches = {},
                     const std::string& nodes = {}) {
    return "scenario " + id +
           "\n"
           "title: Demo\n"
           "role: hotel\n"
           "language: en\n"
           "minutes: 5\n"
           "objective: Learn one thing.\n"
           "content-note: A short demo.\n"
           "covers: adult, minor, sex, labour, confounder\n" +
           (teaches.empty() ? "" : "teaches: " + teaches + "\n") +
           "indicators: hotel.cash-nightly\n"
           "response: Tell the manager on duty.\n"
           "report: National Human Trafficking Hotline: call 1-888-373-7888 or text 233733.\n" +
           (nodes.empty() ? R"(
== desk
A guest pays cash, night after night.
* [tell] Tell the manager on duty. -> done
    tier: best
    score: response +1
    feedback: That is the right channel.

== done
ending: reported-safely
debrief: Call the hotline at 1-888-373-7888 when you see a pattern.
)"
                          : nodes) +
           "\n";
}

// A rule that applies to hotel staff, with `lines` added.
std::string rule(const std::string& id, const std::string& lines,
                 const std::string& applies_to = "hotel") {
    return "rule " + id + "\ntitle: Demo rule\njurisdiction: Demo State\ncitation: Demo 1\n" +
           "applies-to: " + applies_to + "\nrecurrence-months: 12\n" + lines + "\n";
}

// The course `demo-course` (role hotel) with `extra` lines, its scenarios
// ("id required" or "id optional") and `meets`.
std::string course(const std::string& meets, const std::string& extra = {},
                   const std::vector<std::string>& scenarios = {"demo required"}) {
    std::string out =
        "course demo-course\ntitle: Demo course\nrole: hotel\npassing-score: 80\n" + extra;
    for (const std::string& s : scenarios) {
        out += "scenario: " + s + "\n";
    }
    return out + "meets: " + meets + "\nclosing: Talk to your supervisor.\n\n";
}

struct Linted {
    content::CompileResult compiled;
    content::LintReport report;
};

Linted lint_text(const std::string& text) {
    Linted out{compile_with_prelude(text), {}};
    REQUIRE_MESSAGE(out.compiled.diagnostics.empty(),
                    (out.compiled.diagnostics.empty() ? "" : out.compiled.diagnostics[0].message));
    out.report = content::lint(out.compiled);
    return out;
}

// About 2.6 minutes of best-path play: 400 more words and one decision.
std::string long_nodes() {
    std::string paragraph;
    for (int i = 0; i < 100; ++i) {
        paragraph += "A guest pays cash. ";
    }
    return "\n== desk\n" + paragraph +
           "\n* [tell] Tell the manager on duty. -> done\n    tier: best\n    score: response "
           "+1\n    feedback: That is the right channel.\n\n== done\nending: reported-safely\n"
           "debrief: Call the hotline at 1-888-373-7888 when you see a pattern.\n";
}

} // namespace

TEST_CASE("a rule block is parsed field by field, and courses and scenarios refer to it") {
    const content::CompileResult r = compile_with_prelude(
        kFullRule + course("texas-demo", "pacing: on\n") + scenario("demo", "demo.signs"));
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.bundle.has_value());
    const model::Bundle& b = *r.bundle;
    REQUIRE(b.rules.size() == 1);
    const model::Rule& rule = b.rules[0];
    CHECK(rule.id == "texas-demo");
    CHECK(rule.title == "Texas demo rule");
    CHECK(rule.jurisdiction == "Texas");
    CHECK(rule.citation == "1 TAC §54.100-101");
    CHECK(rule.applies_to ==
          std::vector<std::string>{"hotel", "hotel/front-desk", "hotel/housekeeping"});
    CHECK(rule.minimum_minutes == 20);
    CHECK(rule.interactive);
    CHECK(rule.paced);
    CHECK(rule.recurrence_months == 12);
    CHECK(rule.new_hire_days == 90);
    CHECK(rule.retention_months == 24);
    REQUIRE(rule.topics.size() == 2);
    CHECK(rule.topics[0].id == "demo.signs");
    CHECK(rule.topics[0].text == "Warning signs in adults and in minors"); // continued line
    CHECK(rule.topics[1].id == "demo.reporting");
    CHECK(rule.topics[1].text == "Where to report");
    // Repeated fields add up; a repeated term is kept once.
    CHECK(rule.proof == std::vector<std::string>{"name", "hire-date", "course", "completion-date",
                                                 "certificate", "self-certification"});
    CHECK(b.courses.at(0).meets == std::vector<std::string>{"texas-demo"});
    CHECK(b.scenarios.at(0).teaches == std::vector<std::string>{"demo.signs"});

    SUBCASE("optional fields default to none, and 0 months means once") {
        const content::CompileResult once = compile_with_prelude(
            "rule once\ntitle: Once\njurisdiction: Michigan\ncitation: A rule\n"
            "applies-to: healthcare\nrecurrence-months: 0\n");
        REQUIRE(once.diagnostics.empty());
        const model::Rule& o = once.bundle->rules.at(0);
        CHECK(o.minimum_minutes == 0);
        CHECK_FALSE(o.interactive);
        CHECK_FALSE(o.paced);
        CHECK(o.recurrence_months == 0);
        CHECK(o.new_hire_days == 0);
        CHECK(o.retention_months == 0);
        CHECK(o.topics.empty());
        CHECK(o.proof.empty());
    }
    SUBCASE("the dump shows rules, claims and topics taught") {
        std::ostringstream out;
        model::dump(out, b);
        const std::string dump = out.str();
        CHECK(contains(dump, "  meets [texas-demo]\n"));
        CHECK(contains(dump, "rule texas-demo \"Texas demo rule\" jurisdiction \"Texas\""));
        CHECK(contains(dump, "  minimum 20 min interactive paced recurrence 12 months new-hire "
                             "90 days keep 24 months\n"));
        CHECK(contains(dump, "  topic demo.signs \"Warning signs in adults and in minors\"\n"));
        CHECK(contains(dump, "  teaches [demo.signs]\n"));
    }
    SUBCASE("a bundle carries them and reads back the same") {
        const auto bytes = bundle::write_bundle(b, 0x000100);
        const bundle::LoadedBundle loaded = bundle::read_bundle(bytes, "memory");
        std::ostringstream written, read;
        model::dump(written, b);
        model::dump(read, loaded.model);
        CHECK(read.str() == written.str());
        CHECK(loaded.model.rules.at(0).proof == rule.proof);
    }
}

TEST_CASE("rule diagnostics: each says what is wrong, and where") {
    SUBCASE("SL0207: a course meets a rule nobody declared, at the id") {
        const content::CompileResult r = compile_with_prelude(
            rule("known", "") + course("known, texas-hotel") + scenario("demo"));
        REQUIRE(codes_of(r.diagnostics) == std::set{content::codes::unknown_rule});
        const content::Diagnostic& d = r.diagnostics.at(0);
        CHECK(d.location.file == 1);
        CHECK(d.location.line == 13);
        CHECK(d.location.column == 15);
        CHECK(contains(d.message, "course 'demo-course' meets rule 'texas-hotel'"));
    }
    SUBCASE("SL0208: a scenario teaches a topic no rule lists, at the id") {
        const content::CompileResult r = compile_with_prelude(
            rule("r", "topic: demo.signs Signs\n") + scenario("demo", "demo.signs, demo.sign"));
        REQUIRE(codes_of(r.diagnostics) == std::set{content::codes::unknown_topic});
        const content::Diagnostic& d = r.diagnostics.at(0);
        CHECK(d.location.line == 17);
        CHECK(d.location.column == 22);
        CHECK(contains(d.message, "teaches topic 'demo.sign', which no rule declares"));
    }
    SUBCASE("SL0201: two rules with one id, and one topic id in two rules") {
        const content::CompileResult r =
            compile_with_prelude(rule("twice", "topic: demo.signs Signs\n") + rule("twice", "") +
                                 rule("other", "topic: demo.signs Signs\n"));
        CHECK(codes_of(r.diagnostics) == std::set{content::codes::duplicate_id});
        CHECK(count_of(r.diagnostics, content::codes::duplicate_id) == 2);
        CHECK(contains(r.diagnostics.at(0).message, "duplicate rule 'twice'"));
        CHECK(contains(r.diagnostics.at(1).message, "duplicate topic 'demo.signs'"));
        CHECK(contains(r.diagnostics.at(1).message, "demo.scn:7"));
    }
    SUBCASE("SL0109: bad proof words, numbers, yes-or-no values, job roles and topics") {
        const content::CompileResult r =
            compile_with_prelude(rule("r",
                                      "proof: name, signature\n"
                                      "minimum-minutes: twenty\n"
                                      "paced: sometimes\n"
                                      "interactive: true\n"
                                      "new-hire-days: -3\n"
                                      "topic: demo.lonely\n",
                                      "hotel, Hotel Staff, hotel//desk"));
        CHECK(codes_of(r.diagnostics) == std::set{content::codes::invalid_value});
        std::vector<std::string> messages;
        for (const content::Diagnostic& d : r.diagnostics) {
            messages.push_back(d.message);
        }
        REQUIRE(messages.size() == 8);
        CHECK(contains(messages[0], "'Hotel Staff' is not a job role"));
        CHECK(contains(messages[1], "'hotel//desk' is not a job role"));
        CHECK(contains(messages[2], "'signature' is not a proof term; expected name, hire-date, "
                                    "course, completion-date, certificate, self-certification, "
                                    "signed-acknowledgment"));
        CHECK(contains(messages[3], "found 'twenty'"));
        CHECK(contains(messages[4], "paced must be yes or no"));
        CHECK(contains(messages[5], "interactive must be yes or no"));
        CHECK(contains(messages[6], "found '-3'"));
        CHECK(contains(messages[7], "a topic is its id and then its text"));
        CHECK(r.diagnostics[2].location.line == 7);
        CHECK(r.diagnostics[2].location.column == 14);
    }
    SUBCASE("SL0401: a rule without its required fields names each one") {
        const content::CompileResult r = compile_with_prelude("rule bare\ntitle: Bare\n");
        CHECK(codes_of(r.diagnostics) == std::set{content::codes::missing_field});
        std::string all;
        for (const content::Diagnostic& d : r.diagnostics) {
            all += d.message + "\n";
            CHECK(d.location.line == 1);
        }
        CHECK(count_of(r.diagnostics, content::codes::missing_field) == 4);
        for (const char* field : {"jurisdiction", "citation", "applies-to", "recurrence-months"}) {
            CHECK(contains(all, "missing '" + std::string(field) + ":'"));
        }
    }
    SUBCASE("SL0105 and SL0110: unknown fields and repeated one-time fields") {
        const content::CompileResult r =
            compile_with_prelude(rule("r", "minimum-minutes: 20\nminimum-minutes: 30\nhours: 1\n"));
        CHECK(codes_of(r.diagnostics) ==
              std::set{content::codes::unknown_field, content::codes::duplicate_field});
        CHECK(contains(first_of(r.diagnostics, content::codes::unknown_field).message,
                       "expected one of title, jurisdiction, citation, applies-to"));
    }
}

TEST_CASE("link() refuses a bundle whose claims or topics do not resolve") {
    const content::CompileResult r = compile_with_prelude(
        kFullRule + course("texas-demo", "pacing: on\n") + scenario("demo", "demo.signs"));
    REQUIRE(r.bundle.has_value());
    model::Bundle b = *r.bundle;
    REQUIRE(model::link(b).ok());
    b.courses[0].meets.push_back("nowhere");
    b.scenarios[0].teaches.push_back("demo.nothing");
    b.rules[0].proof.push_back("fingerprint");
    const model::LinkResult linked = model::link(b);
    CHECK(linked.problems ==
          std::vector<std::string>{"course 'demo-course': meets unknown rule 'nowhere'",
                                   "rule 'texas-demo': unknown proof term 'fingerprint'",
                                   "scenario 'demo': teaches unknown rule topic 'demo.nothing'"});
}

TEST_CASE("SL0514: a claimed rule's minimum against the estimate and the credit minutes") {
    const std::string two = rule("two", "minimum-minutes: 2\n");
    SUBCASE("content shorter than the minimum is flagged, at the claim") {
        const Linted l = lint_text(two + course("two") + scenario("demo"));
        REQUIRE(codes_of(l.report.diagnostics) == std::set{content::codes::rule_minutes_short});
        const content::Diagnostic& d = l.report.diagnostics.at(0);
        CHECK(d.location.line == 14);
        CHECK(d.location.column == 8);
        CHECK(contains(d.message, "course 'demo-course' meets rule 'two', which asks for at "
                                  "least 2 minutes, but the course's required scenarios play in "
                                  "about 0"));
    }
    SUBCASE("long enough content, but a certificate after less active time, is flagged") {
        const Linted l = lint_text(two + course("two", "credit-minutes: 1\n") +
                                   scenario("demo", "", long_nodes()));
        REQUIRE(codes_of(l.report.diagnostics) == std::set{content::codes::rule_minutes_short});
        CHECK(contains(l.report.diagnostics.at(0).message,
                       "a learner needs only 1 minutes of active time"));
    }
    SUBCASE("enough content and enough credit minutes pass") {
        const Linted l = lint_text(two + course("two", "credit-minutes: 2\n") +
                                   scenario("demo", "", long_nodes()));
        CHECK(l.report.diagnostics.empty());
        CHECK(l.report.rule_claims == 1);
    }
    SUBCASE("optional scenarios do not count toward the minimum") {
        const Linted l = lint_text(two + course("two", "credit-minutes: 2\n", {"demo optional"}) +
                                   scenario("demo", "", long_nodes()));
        CHECK(count_of(l.report.diagnostics, content::codes::rule_minutes_short) == 1);
    }
}

TEST_CASE("SL0515: a course claiming a rule that needs pacing must be paced") {
    const std::string texas = rule("texas-like", "paced: yes\n");
    const Linted unpaced = lint_text(texas + course("texas-like") + scenario("demo"));
    REQUIRE(codes_of(unpaced.report.diagnostics) == std::set{content::codes::rule_needs_pacing});
    CHECK(contains(unpaced.report.diagnostics.at(0).message,
                   "meets rule 'texas-like', which needs paced online play"));
    const Linted paced = lint_text(texas + course("texas-like", "pacing: on\n") + scenario("demo"));
    CHECK(paced.report.diagnostics.empty());
}

TEST_CASE("SL0516: an interactive rule needs every required scenario to ask something") {
    const std::string passive = R"(
== desk
A guest pays cash, night after night.
-> done

== done
ending: reported-safely
debrief: Call the hotline at 1-888-373-7888 when you see a pattern.
)";
    const std::string california = rule("interactive-rule", "interactive: yes\n");
    const Linted l =
        lint_text(california + course("interactive-rule", {}, {"demo required", "quiet required"}) +
                  scenario("demo") + scenario("quiet", "", passive));
    REQUIRE(codes_of(l.report.diagnostics) == std::set{content::codes::rule_needs_interaction});
    CHECK(contains(l.report.diagnostics.at(0).message,
                   "ask the learner nothing (no decision, no knowledge check): quiet"));
    const Linted optional =
        lint_text(california + course("interactive-rule", {}, {"demo required", "quiet optional"}) +
                  scenario("demo") + scenario("quiet", "", passive));
    CHECK(optional.report.diagnostics.empty());
}

TEST_CASE("SL0517: each required topic is taught by a required scenario that names it") {
    const std::string topics =
        rule("topics", "topic: demo.signs Warning signs\ntopic: demo.reporting Where to report\n");
    SUBCASE("a topic no scenario names is flagged, once per topic") {
        const Linted l = lint_text(topics + course("topics") + scenario("demo", "demo.signs"));
        REQUIRE(codes_of(l.report.diagnostics) == std::set{content::codes::rule_topic_not_taught});
        REQUIRE(l.report.diagnostics.size() == 1);
        CHECK(contains(l.report.diagnostics.at(0).message,
                       "requires the topic 'demo.reporting' (Where to report), but no required "
                       "scenario of the course teaches it"));
    }
    SUBCASE("topics spread over several scenarios pass") {
        const Linted l =
            lint_text(topics + course("topics", {}, {"demo required", "two required"}) +
                      scenario("demo", "demo.signs") + scenario("two", "demo.reporting"));
        CHECK(l.report.diagnostics.empty());
    }
    SUBCASE("a topic taught only by an optional scenario is still flagged") {
        const Linted l =
            lint_text(topics + course("topics", {}, {"demo required", "two optional"}) +
                      scenario("demo", "demo.signs") + scenario("two", "demo.reporting"));
        CHECK(count_of(l.report.diagnostics, content::codes::rule_topic_not_taught) == 1);
    }
}

TEST_CASE("SL0518: a course meets only rules for its own role or narrower job roles") {
    const Linted other = lint_text(rule("nurses", "paced: yes\n", "healthcare") + course("nurses") +
                                   scenario("demo"));
    // The rest of a claim for other roles is not checked (no SL0515 here).
    REQUIRE(codes_of(other.report.diagnostics) == std::set{content::codes::rule_other_roles});
    CHECK(contains(other.report.diagnostics.at(0).message,
                   "which applies to healthcare, not to the course's role 'hotel'"));
    const Linted narrower = lint_text(rule("desk", "", "hotel/front-desk, hotel/housekeeping") +
                                      course("desk") + scenario("demo"));
    CHECK(narrower.report.diagnostics.empty());
    const Linted prefix =
        lint_text(rule("hotels", "", "hotelier") + course("hotels") + scenario("demo"));
    CHECK(count_of(prefix.report.diagnostics, content::codes::rule_other_roles) == 1);
}

TEST_CASE("the bundled courses declare the four rules, claim what they meet, and pass lint") {
    const content::CompileResult r =
        content::compile_paths({std::filesystem::path(SIGHTLINE_SOURCE_DIR) / "scenarios"});
    REQUIRE_FALSE(r.has_errors());
    REQUIRE(r.bundle.has_value());
    const model::Bundle& b = *r.bundle;
    const model::Rule* texas = model::find_by_id(b.rules, "texas-hotels");
    const model::Rule* california = model::find_by_id(b.rules, "california-hotels");
    const model::Rule* florida = model::find_by_id(b.rules, "florida-hotels");
    const model::Rule* michigan = model::find_by_id(b.rules, "michigan-health");
    REQUIRE(texas != nullptr);
    REQUIRE(california != nullptr);
    REQUIRE(florida != nullptr);
    REQUIRE(michigan != nullptr);
    CHECK(texas->minimum_minutes == 20);
    CHECK(texas->paced);
    CHECK(texas->recurrence_months == 12);
    CHECK(texas->new_hire_days == 90);
    CHECK(texas->retention_months == 24);
    CHECK(california->minimum_minutes == 20);
    CHECK(california->interactive);
    CHECK(california->recurrence_months == 24);
    CHECK(florida->applies_to ==
          std::vector<std::string>{"hotel/front-desk", "hotel/housekeeping"});
    CHECK(florida->new_hire_days == 60);
    CHECK(florida->proof == std::vector<std::string>{"signed-acknowledgment"});
    CHECK(michigan->recurrence_months == 0);
    CHECK(michigan->minimum_minutes == 0);
    CHECK(michigan->topics.size() == 4);

    const model::Course* hotel = model::find_by_id(b.courses, "hotel");
    const model::Course* healthcare = model::find_by_id(b.courses, "healthcare");
    REQUIRE(hotel != nullptr);
    REQUIRE(healthcare != nullptr);
    // Texas and Florida need a state-approved course, and Texas paced play: not claimed.
    CHECK(hotel->meets == std::vector<std::string>{"california-hotels"});
    CHECK(healthcare->meets == std::vector<std::string>{"michigan-health"});

    const content::LintReport report = content::lint(r);
    CHECK(report.passed());
    CHECK(report.rule_claims == 2);
    for (const content::Diagnostic& d : report.diagnostics) {
        MESSAGE(d.code << ": " << d.message);
    }
}

TEST_CASE("the rule example in FORMAT.md compiles without any diagnostic") {
    const std::string doc = test::read_source_file("content/FORMAT.md");
    const std::size_t section = doc.find("\n## Compliance rules\n");
    REQUIRE(section != std::string::npos);
    const std::size_t open = doc.find("```\n", section);
    REQUIRE(open != std::string::npos);
    const std::size_t close = doc.find("\n```", open + 4);
    REQUIRE(close != std::string::npos);
    const std::string example = doc.substr(open + 4, close - open - 3);
    const content::CompileResult r = content::compile_text("rules.scn", example);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.bundle.has_value());
    REQUIRE(r.bundle->rules.size() == 2);
    CHECK(r.bundle->rules[0].topics.size() == 2);
    CHECK(r.bundle->rules[1].paced);
}
