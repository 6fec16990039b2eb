// `sightline records due | learner | purge` end to end, on a records folder
// filled through the Store and a bundle whose course meets two rules.
#include "bundle/bundle.hpp"
#include "commands.hpp"
#include "learning/compliance.hpp"
#include "records/store.hpp"
#include "support/bundle_file.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

using namespace sightline;
using sightline::test::TempDir;

namespace {

struct Result {
    int code = -1;
    std::string out;
    std::string err;
};

Result call(const std::vector<std::string>& args, const std::string& input = {}) {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    const cli::Environment env{in, out, err, test::work_dir() / "bin" / "sightline", false, 0};
    Result r;
    r.code = cli::records_command(args, env);
    r.out = out.str();
    r.err = err.str();
    return r;
}

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

unsigned mode_of(const std::filesystem::path& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 0777;
}

// The page count cairo writes in the page tree.
int page_count(const std::string& pdf) {
    const std::size_t at = pdf.find("/Count ");
    REQUIRE(at != std::string::npos);
    return std::atoi(pdf.c_str() + at + 7);
}

records::TimeMs noon(const char* date) {
    const std::optional<learning::Day> day = learning::parse_day(date);
    REQUIRE(day.has_value());
    return static_cast<records::TimeMs>(day->days) * 86'400'000 + 43'200'000;
}

model::Rule rule(std::string id, std::string title, std::vector<std::string> roles,
                 std::uint32_t recurrence, std::uint32_t grace, std::uint32_t retention) {
    model::Rule r;
    r.id = std::move(id);
    r.title = std::move(title);
    r.jurisdiction = "Texas";
    r.citation = "1 TAC §54.100-101";
    r.applies_to = std::move(roles);
    r.recurrence_months = recurrence;
    r.new_hire_days = grace;
    r.retention_months = retention;
    return r;
}

// The FORMAT.md example whose course meets a Texas-like and a Florida-like rule.
std::filesystem::path rules_bundle() {
    model::Bundle model = test::format_example();
    model.rules = {rule("texas-hotels", "Texas hotel employee training", {"hotel"}, 12, 90, 24),
                   rule("florida-hotels", "Florida hotel staff training",
                        {"hotel/front-desk", "hotel/housekeeping"}, 12, 60, 0)};
    REQUIRE(!model.courses.empty());
    model.courses[0].meets = {"texas-hotels", "florida-hotels"};
    const auto path = test::work_dir() / "compliance.slpack";
    test::write_file(path, bundle::write_bundle(model, bundle::compiler_version_number()));
    return path;
}

// A course meeting three states' rules, as in scenarios/catalogue/rules.scn.
std::filesystem::path states_bundle() {
    model::Bundle model = test::format_example();
    model.rules = {
        rule("texas-hotels", "Texas hotel employee training", {"hotel"}, 12, 90, 24),
        rule("california-hotels", "California hotel training", {"hotel"}, 24, 0, 0),
        rule("florida-hotels", "Florida hotel staff training", {"hotel/front-desk"}, 12, 60, 0)};
    model.rules[1].jurisdiction = "California";
    model.rules[2].jurisdiction = "Florida";
    REQUIRE(!model.courses.empty());
    model.courses[0].meets = {"texas-hotels", "california-hotels", "florida-hotels"};
    const auto path = test::work_dir() / "compliance-states.slpack";
    test::write_file(path, bundle::write_bundle(model, bundle::compiler_version_number()));
    return path;
}

// Whether a line of the roster's table lists `learner` for `rule`.
bool listed(const std::string& out, const std::string& learner, const std::string& rule) {
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with(learner + "  ") &&
            line.find("  " + rule + "  ") != std::string::npos) {
            return true;
        }
    }
    return false;
}

struct Records {
    TempDir data;
    std::unique_ptr<records::Store> store = records::open_store(data.path());
    std::string bundle = rules_bundle().string();
    std::string course = test::format_example().courses.at(0).id;

    records::Learner add(const char* name, const char* role, const char* site, const char* hired) {
        return store->add_learner({name, "", "", "", hired, role, site});
    }

    std::vector<std::string> args(std::vector<std::string> a) const {
        a.push_back("--data-dir");
        a.push_back(data.path().string());
        return a;
    }
};

} // namespace

TEST_CASE("records due prints each rule's counts and a row per learner and rule") {
    Records r;
    r.add("Ana Ortiz", "hotel/front-desk", "Austin", "2026-05-01"); // new hire
    const auto ben = r.add("Ben Li", "hotel/maintenance", "Dallas", "2019-01-01");
    const auto cara = r.add("Cara Diaz", "hotel/housekeeping", "Austin", "2019-01-01");
    r.add("Dev Rao", "", "Austin", "2019-01-01"); // no job role: not listed
    r.store->record_completion({ben.id, r.course, noon("2025-07-10"), 90, 25});
    r.store->record_completion({cara.id, r.course, noon("2026-01-31"), 90, 25});

    const Result all = call(r.args({"due", "--as-of", "2026-06-15", "--bundle", r.bundle}));
    CHECK(all.code == 0);
    CHECK(all.out.find("Compliance as of 2026-06-15") != std::string::npos);
    CHECK(all.out.find("texas-hotels: Texas hotel employee training (Texas, 1 TAC §54.100-101): "
                       "0 overdue, 2 due, 1 current") != std::string::npos);
    CHECK(all.out.find("florida-hotels: Florida hotel staff training (Texas, 1 TAC "
                       "§54.100-101): 0 overdue, 1 due, 1 current") != std::string::npos);
    CHECK(all.out.find("Learner    Job role            Site    Rule            Status   Last "
                       "completion  Next deadline") != std::string::npos);
    CHECK(all.out.find("Ana Ortiz  hotel/front-desk    Austin  texas-hotels    due      never      "
                       "      2026-07-30") != std::string::npos);
    CHECK(all.out.find("Cara Diaz  hotel/housekeeping  Austin  texas-hotels    current  2026-01-31 "
                       "      2027-01-31") != std::string::npos);
    CHECK(all.out.find("Ben Li     hotel/maintenance   Dallas  texas-hotels    due      2025-07-10 "
                       "      2026-07-10") != std::string::npos);
    CHECK(all.out.find("Ben Li     hotel/maintenance   Dallas  florida") == std::string::npos);
    CHECK(all.out.find("Dev Rao") == std::string::npos);

    const Result austin = call(r.args({"due", "--as-of", "2026-06-15", "--bundle", r.bundle,
                                       "--site", "Austin", "--rule", "florida-hotels"}));
    CHECK(austin.code == 0);
    CHECK(austin.out.find("Ana Ortiz") != std::string::npos);
    CHECK(austin.out.find("Ben Li") == std::string::npos);
    CHECK(austin.out.find("texas-hotels") == std::string::npos);

    const Result unknown = call(r.args({"due", "--bundle", r.bundle, "--rule", "ohio"}));
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("no rule 'ohio'") != std::string::npos);
    CHECK(unknown.err.find("texas-hotels, florida-hotels") != std::string::npos);
    CHECK(call(r.args({"due", "--bundle", r.bundle, "--as-of", "2026-02-30"})).code == 2);
}

TEST_CASE("records due lists a learner for their site's jurisdiction once settings map it") {
    Records r;
    r.bundle = states_bundle().string();
    r.add("Ana Ortiz", "hotel/front-desk", "Austin", "2026-05-01");
    r.add("Rex Moss", "hotel/front-desk", "Reno", "2026-05-01");
    const std::vector<std::string> due = {"due", "--as-of", "2026-06-15", "--bundle", r.bundle};

    // No jurisdictions set: every rule for everyone, and a line saying so.
    Result before = call(r.args(due));
    REQUIRE_MESSAGE(before.code == 0, before.err);
    for (const char* rule : {"texas-hotels", "california-hotels", "florida-hotels"}) {
        CHECK(listed(before.out, "Ana Ortiz", rule));
        CHECK(listed(before.out, "Rex Moss", rule));
    }
    CHECK(before.out.find("2 learners are at a site with no jurisdiction set, so listed for every "
                          "rule; set one with: sightline records settings --site-jurisdiction "
                          "SITE=STATE") != std::string::npos);
    CHECK(call(r.args({"settings"})).out.find("site-jurisdiction  (none set") != std::string::npos);

    const Result set = call(r.args({"settings", "--site-jurisdiction", "Austin=texas"}));
    REQUIRE_MESSAGE(set.code == 0, set.err);
    CHECK(set.out.find("Site Austin is now in texas") != std::string::npos);
    CHECK(r.store->setting("site-jurisdiction:Austin") == "texas");
    CHECK(call(r.args({"settings"})).out.find("  site-jurisdiction  Austin=texas\n") !=
          std::string::npos);

    // Ana (Austin): Texas's rule only, matched ignoring case. Rex (Reno): still all.
    const Result after = call(r.args(due));
    REQUIRE_MESSAGE(after.code == 0, after.err);
    CHECK(listed(after.out, "Ana Ortiz", "texas-hotels"));
    CHECK_FALSE(listed(after.out, "Ana Ortiz", "california-hotels"));
    CHECK_FALSE(listed(after.out, "Ana Ortiz", "florida-hotels"));
    CHECK(listed(after.out, "Rex Moss", "california-hotels"));
    CHECK(listed(after.out, "Rex Moss", "florida-hotels"));
    CHECK(after.out.find("1 learner is at a site with no jurisdiction set") != std::string::npos);
    CHECK(after.out.find("texas-hotels: Texas hotel employee training (Texas, 1 TAC "
                         "§54.100-101): 0 overdue, 2 due, 0 current") != std::string::npos);
    CHECK(after.out.find("florida-hotels: Florida hotel staff training (Florida, 1 TAC "
                         "§54.100-101): 0 overdue, 1 due, 0 current") != std::string::npos);

    // Repeated, and a change: every site mapped, no line about unmapped sites.
    const Result more = call(r.args({"settings", "--site-jurisdiction", "Reno=Nevada",
                                     "--site-jurisdiction", "Austin=Florida"}));
    REQUIRE_MESSAGE(more.code == 0, more.err);
    const Result mapped = call(r.args(due));
    CHECK(listed(mapped.out, "Ana Ortiz", "florida-hotels"));
    CHECK_FALSE(listed(mapped.out, "Ana Ortiz", "texas-hotels"));
    CHECK(mapped.out.find("Rex Moss") == std::string::npos);
    CHECK(mapped.out.find("no jurisdiction set") == std::string::npos);

    // Refused: no '=', no site, no jurisdiction (a mapping cannot be removed).
    for (const char* bad : {"Austin", "=Texas", "Austin="}) {
        CAPTURE(bad);
        const Result refused = call(r.args({"settings", "--site-jurisdiction", bad}));
        CHECK(refused.code == 2);
        CHECK(refused.err.find("sightline records settings: --site-jurisdiction") !=
              std::string::npos);
    }
    CHECK(
        call(r.args({"settings", "--site-jurisdiction", "Austin"})).err.find("SITE=JURISDICTION") !=
        std::string::npos);
    CHECK(r.store->setting("site-jurisdiction:Austin") == "Florida"); // nothing changed
    CHECK(r.store->settings().size() == 2);
}

TEST_CASE("records due writes an owner-only CSV and a one-page PDF, and a long roster continues") {
    Records r;
    r.add("Ana Ortiz", "hotel/front-desk", "Austin", "2026-05-01");
    const auto csv = r.data.path() / "roster.csv";
    const auto pdf = r.data.path() / "roster.pdf";
    const Result written =
        call(r.args({"due", "--as-of", "2026-06-15", "--bundle", r.bundle, "--csv", csv.string(),
                     "--pdf", pdf.string(), "--organisation", "Lone Star Hotels"}));
    CHECK(written.code == 0);
    CHECK(mode_of(csv) == 0600);
    CHECK(mode_of(pdf) == 0600);
    CHECK(read(csv) ==
          "learner_id,learner,job_role,site,hire_date,rule,status,last_completion,last_course,"
          "next_deadline\r\n" +
              r.store->learners()[0].id +
              ",Ana Ortiz,hotel/front-desk,Austin,2026-05-01,texas-hotels,due,,,2026-07-30\r\n" +
              r.store->learners()[0].id +
              ",Ana Ortiz,hotel/front-desk,Austin,2026-05-01,florida-hotels,due,,,2026-06-30\r\n");
    const std::string one = read(pdf);
    CHECK(one.starts_with("%PDF-1.5"));
    CHECK(one.find("/Count 1") != std::string::npos); // one page
    // The same roster gives the same bytes.
    REQUIRE(call(r.args({"due", "--as-of", "2026-06-15", "--bundle", r.bundle, "--pdf",
                         pdf.string(), "--organisation", "Lone Star Hotels"}))
                .code == 0);
    CHECK(read(pdf) == one);

    // 20 learners, 40 rows: still one page.
    for (int i = 0; i < 19; ++i) {
        r.add(("Learner " + std::to_string(i)).c_str(), "hotel/front-desk", "Austin", "2026-01-01");
    }
    REQUIRE(
        call(r.args({"due", "--as-of", "2026-06-15", "--bundle", r.bundle, "--pdf", pdf.string()}))
            .code == 0);
    CHECK(page_count(read(pdf)) == 1);
    // 200 learners, 400 rows: continued on numbered pages (about 48 rows on the
    // first, 61 on each of the others).
    for (int i = 0; i < 180; ++i) {
        r.add(("More " + std::to_string(i)).c_str(), "hotel/front-desk", "Austin", "2026-01-01");
    }
    REQUIRE(
        call(r.args({"due", "--as-of", "2026-06-15", "--bundle", r.bundle, "--pdf", pdf.string()}))
            .code == 0);
    CHECK(page_count(read(pdf)) == 7);
}

TEST_CASE("records learner shows and changes the hire date, job role and site") {
    Records r;
    const auto ana = r.add("Ana Ortiz", "", "", "");
    const Result shown = call(r.args({"learner", ana.id}));
    CHECK(shown.code == 0);
    CHECK(shown.out.find("Ana Ortiz  (" + ana.id + ")") != std::string::npos);
    CHECK(shown.out.find("job role:   -") != std::string::npos);

    const Result changed = call(r.args({"learner", ana.id, "--hire-date", "2026-03-01",
                                        "--job-role", "hotel/front-desk", "--site", "Austin"}));
    CHECK(changed.code == 0);
    CHECK(changed.out.find("hire date:  2026-03-01") != std::string::npos);
    const auto stored = r.store->learner(ana.id);
    REQUIRE(stored.has_value());
    CHECK(stored->hire_date == "2026-03-01");
    CHECK(stored->job_role == "hotel/front-desk");
    CHECK(stored->site == "Austin");
    CHECK(stored->display_name == "Ana Ortiz");

    // One field at a time; an empty value clears it.
    CHECK(call(r.args({"learner", ana.id, "--site", ""})).code == 0);
    CHECK(r.store->learner(ana.id)->site.empty());
    CHECK(r.store->learner(ana.id)->job_role == "hotel/front-desk");

    const Result bad_date = call(r.args({"learner", ana.id, "--hire-date", "2026-02-30"}));
    CHECK(bad_date.code == 2);
    CHECK(r.store->learner(ana.id)->hire_date == "2026-03-01");
    CHECK(call(r.args({"learner", "no-such-learner"})).code == 1);
    CHECK(call(r.args({"learner"})).code == 2);
}

TEST_CASE("records learner --language sets the language a learner trains in, and keeps the rest") {
    Records r;
    const auto ana = r.add("Ana Ortiz", "hotel/front-desk", "Austin", "2026-03-01");
    CHECK(call(r.args({"learner", ana.id})).out.find("language:   -") != std::string::npos);

    const Result set = call(r.args({"learner", ana.id, "--language", "es"}));
    CHECK(set.code == 0);
    CHECK(set.out.find("language:   es") != std::string::npos);
    const auto stored = r.store->learner(ana.id);
    REQUIRE(stored.has_value());
    CHECK(stored->language == "es");
    CHECK(stored->site == "Austin");
    CHECK(stored->hire_date == "2026-03-01");

    // Another field changed later keeps the language.
    CHECK(call(r.args({"learner", ana.id, "--site", "Dallas"})).code == 0);
    CHECK(r.store->learner(ana.id)->language == "es");

    const Result bad = call(r.args({"learner", ana.id, "--language", "Spanish please"}));
    CHECK(bad.code == 2);
    CHECK(bad.err.find("is not a language tag") != std::string::npos);
    CHECK(r.store->learner(ana.id)->language == "es");
    CHECK(call(r.args({"learner", ana.id, "--language", ""})).code == 0);
    CHECK(r.store->learner(ana.id)->language.empty());
}

TEST_CASE("records purge: a dry run lists and counts, then purge removes all but what rules "
          "keep") {
    Records r;
    const auto ana = r.add("Ana Ortiz", "hotel/front-desk", "Austin", "2014-01-01");
    const auto dev = r.add("Dev Rao", "", "Austin", "2014-01-01"); // no rule applies
    // Ana: an old completion (past Texas's 24 months) and her latest one (her proof).
    r.store->record_completion({ana.id, r.course, noon("2015-01-05"), 90, 25});
    r.store->record_completion({ana.id, r.course, noon("2016-01-05"), 90, 25});
    r.store->record_attestation({ana.id, r.course, "I did it", noon("2016-01-04")});
    // Dev: an old attempt, completion and attestation; no rule keeps them.
    records::AttemptStart start;
    start.learner_id = dev.id;
    start.course_id = r.course;
    start.scenario_id = "hotel.example";
    start.bundle_hash = "abc";
    start.bundle_version = "1";
    const records::Attempt old = r.store->start_attempt(start, noon("2015-02-01"));
    r.store->record_completion({dev.id, r.course, noon("2015-02-02"), 80, 25});
    r.store->record_attestation({dev.id, r.course, "I did it", noon("2015-02-02")});
    // Young records stay whatever the rules say.
    const records::Attempt young = r.store->start_attempt(start, records::now_ms());

    const Result dry =
        call(r.args({"purge", "--older-than", "12", "--dry-run", "--bundle", r.bundle}));
    CHECK(dry.code == 0);
    CHECK(dry.out.find("Dev Rao  (" + dev.id + "): 1 attempt, 1 attestation, 1 completion") !=
          std::string::npos);
    CHECK(dry.out.find("Ana Ortiz  (" + ana.id + "): 1 completion\n") != std::string::npos);
    CHECK(dry.out.find("2 older records are kept because a rule requires them.") !=
          std::string::npos);
    CHECK(dry.out.find("Would remove 1 attempt (0 events, 0 classroom vote counts, 0 classroom "
                       "sessions), 2 completions, 1 attestation and 0 certificates (dry run: "
                       "nothing was removed).") != std::string::npos);
    CHECK(r.store->attempt(old.id).has_value());
    CHECK(r.store->completions(ana.id).size() == 2);

    const Result declined =
        call(r.args({"purge", "--older-than", "12", "--bundle", r.bundle}), "no\n");
    CHECK(declined.code == 1);
    CHECK(r.store->completions(dev.id).size() == 1);

    const Result done =
        call(r.args({"purge", "--older-than", "12", "--yes", "--bundle", r.bundle}));
    CHECK(done.code == 0);
    CHECK(done.out.find("Removed 1 attempt") != std::string::npos);
    CHECK_FALSE(r.store->attempt(old.id).has_value());
    CHECK(r.store->attempt(young.id).has_value());
    CHECK(r.store->completions(dev.id).empty());
    CHECK_FALSE(r.store->attestation(dev.id, r.course).has_value());
    // Ana's proof stays: her latest completion and its attestation.
    REQUIRE(r.store->completions(ana.id).size() == 1);
    CHECK(r.store->completions(ana.id)[0].completed == noon("2016-01-05"));
    CHECK(r.store->attestation(ana.id, r.course).has_value());
    CHECK(r.store->learner(dev.id).has_value()); // learners are not removed

    const Result again =
        call(r.args({"purge", "--older-than", "12", "--yes", "--bundle", r.bundle}));
    CHECK(again.code == 0);
    CHECK(again.out.find("Nothing to remove; 2 older records are kept") != std::string::npos);
    CHECK(call(r.args({"purge", "--bundle", r.bundle})).code == 2); // --older-than is required
}
