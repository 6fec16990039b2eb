// `records due` over many learners (see BENCHMARKS.md; target: 100,000
// learners under 2 s):
//   bench_compliance DIR [LEARNERS]
// fills DIR/records.db with LEARNERS learners (default 100,000) with job roles,
// sites, hire dates and 0-3 completions each over the last three years, then
// times, with the four rule shapes of the reference (Texas, California,
// Florida, Michigan):
//   - the computation alone, on values in memory;
//   - reading learners and every completion from the SQLite store in bulk
//     (Store::all_completions) and computing;
//   - for comparison, reading completions learner by learner (Store::completions).
#include "learning/compliance.hpp"
#include "records/sqlite.hpp"
#include "records/store.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>

using namespace sightline;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

model::Rule rule(std::string id, std::vector<std::string> roles, std::uint32_t recurrence,
                 std::uint32_t grace, std::uint32_t retention) {
    model::Rule r;
    r.id = id;
    r.title = id;
    r.applies_to = std::move(roles);
    r.recurrence_months = recurrence;
    r.new_hire_days = grace;
    r.retention_months = retention;
    return r;
}

void fill(const std::string& dir, int learners) {
    { auto store = records::open_store(dir); } // creates and migrates
    records::sql::Database db(dir + "/records.db", 5000);
    db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    records::sql::Transaction transaction(db);
    records::sql::Statement learner(
        db, "INSERT INTO learners (id, display_name, profession, licence_number, licence_state, "
            "created_ms, hire_date, job_role, site) VALUES (?, ?, '', '', '', ?, ?, ?, ?)");
    records::sql::Statement completion(db, "INSERT INTO completions VALUES (?, ?, ?, 90, 30)");
    const char* roles[] = {
        "hotel/front-desk", "hotel/housekeeping",   "hotel/maintenance", "hotel/food-beverage",
        "healthcare/nurse", "healthcare/reception", "trucking/driver",   ""};
    std::mt19937 random(19);
    const records::TimeMs now = records::now_ms();
    constexpr records::TimeMs kDay = 86'400'000;
    for (int i = 0; i < learners; ++i) {
        char id[40];
        std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", i);
        const std::string role = roles[random() % std::size(roles)];
        const int hired_days_ago = static_cast<int>(random() % 3000);
        const std::string hired = learning::format_day(
            learning::day_of(now - static_cast<records::TimeMs>(hired_days_ago) * kDay));
        learner.reset();
        learner.bind(id)
            .bind("Learner " + std::to_string(i))
            .bind(std::int64_t{i})
            .bind(random() % 10 == 0 ? std::string() : hired)
            .bind(role)
            .bind("Site " + std::to_string(random() % 200))
            .run();
        const int done = static_cast<int>(random() % 4);
        for (int c = 0; c < done; ++c) {
            completion.reset();
            completion.bind(id)
                .bind(role.starts_with("healthcare") ? "healthcare-course" : "hotel-course")
                .bind(now - static_cast<records::TimeMs>(random() % 1100) * kDay -
                      static_cast<records::TimeMs>(c))
                .run();
        }
    }
    transaction.commit();
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: bench_compliance DIR [LEARNERS]\n";
        return 2;
    }
    const std::string dir = argv[1];
    const int learners = argc > 2 ? std::stoi(argv[2]) : 100'000;
    std::filesystem::remove(dir + "/records.db");
    std::filesystem::remove(dir + "/records.db-wal");
    std::filesystem::remove(dir + "/records.db-shm");
    std::filesystem::create_directories(dir);

    std::vector<model::Rule> rules = {
        rule("texas-hotels", {"hotel"}, 12, 90, 24),
        rule("california-hotels", {"hotel"}, 24, 0, 0),
        rule("florida-hotels", {"hotel/front-desk", "hotel/housekeeping"}, 12, 60, 0),
        rule("michigan-health", {"healthcare"}, 0, 0, 0),
    };
    model::Course hotel;
    hotel.id = "hotel-course";
    hotel.meets = {"texas-hotels", "california-hotels", "florida-hotels"};
    model::Course health;
    health.id = "healthcare-course";
    health.meets = {"michigan-health"};
    const std::vector<model::Course> courses = {hotel, health};

    auto start = Clock::now();
    fill(dir, learners);
    std::printf("filled %d learners in %.2f s\n", learners, seconds_since(start));

    auto store = records::open_store(dir);
    learning::ComplianceQuery query;
    query.as_of = learning::day_of(records::now_ms());

    // Bulk read plus computation: what `sightline records due` does.
    start = Clock::now();
    const std::vector<records::Learner> all_learners = store->learners();
    const double read_learners = seconds_since(start);
    const auto completions_start = Clock::now();
    const std::vector<records::Completion> completions = store->all_completions();
    const double read_completions = seconds_since(completions_start);
    const auto compute_start = Clock::now();
    const auto rows = learning::compliance_rows(rules, courses, all_learners, completions, query);
    const double compute = seconds_since(compute_start);
    const double total = seconds_since(start);
    std::size_t counts[3] = {0, 0, 0};
    for (const auto& row : rows) {
        ++counts[static_cast<int>(row.status)];
    }
    std::printf("records due over %zu learners, %zu completions: %zu rows (%zu overdue, %zu due, "
                "%zu current)\n",
                all_learners.size(), completions.size(), rows.size(), counts[0], counts[1],
                counts[2]);
    std::printf("  read learners %.3f s + read completions (bulk) %.3f s + compute %.3f s = "
                "%.3f s (target < 2 s)\n",
                read_learners, read_completions, compute, total);

    // The CSV and the filters cost little more.
    start = Clock::now();
    const std::string csv = learning::compliance_csv(rows);
    std::printf("  CSV of %zu bytes: %.3f s\n", csv.size(), seconds_since(start));
    start = Clock::now();
    query.site = "Site 7";
    const auto site_rows =
        learning::compliance_rows(rules, courses, all_learners, completions, query);
    std::printf("  --site filter (%zu rows): %.3f s\n", site_rows.size(), seconds_since(start));

    // For comparison: completions read learner by learner.
    start = Clock::now();
    std::size_t one_by_one = 0;
    for (const records::Learner& l : all_learners) {
        one_by_one += store->completions(l.id).size();
    }
    std::printf("  (completions read learner by learner instead: %zu in %.3f s)\n", one_by_one,
                seconds_since(start));
    return 0;
}
