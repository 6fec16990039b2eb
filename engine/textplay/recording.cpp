#include "textplay/recording.hpp"

#include "credentials/issue.hpp"
#include "records/paths.hpp"
#include "records/progress.hpp"

#include <ctime>

namespace sightline::textplay {

namespace {

std::string local_date(records::TimeMs when) {
    const std::time_t seconds = static_cast<std::time_t>(when / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[64];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
    return text;
}

// One line of text at the keyboard; nullopt when the learner quits.
std::optional<std::string> ask_text(Printer& printer, Input& input, const std::string& question,
                                    bool required) {
    printer.text(question);
    while (true) {
        std::optional<std::string> answer = input.read();
        if (!answer || !required || !answer->empty()) {
            return answer;
        }
        input.invalid("Please type a name. " + question);
    }
}

} // namespace

std::unique_ptr<records::Store> open_records(const Options& options) {
    records::StoreOptions store_options;
    if (options.idle_minutes) {
        store_options.idle_limit_ms = std::int64_t{*options.idle_minutes} * 60 * 1000;
    }
    return records::open_store(options.data_dir.empty() ? records::default_data_dir()
                                                        : std::filesystem::path(options.data_dir),
                               store_options);
}

std::optional<records::Learner> choose_learner(records::Store& store, const Options& options,
                                               Printer& printer, Input& input) {
    const auto learners = store.learners();
    if (!options.learner.empty()) {
        for (const auto& learner : learners) {
            if (learner.id == options.learner || learner.display_name == options.learner) {
                return learner;
            }
        }
        return store.add_learner({options.learner, "", "", ""});
    }
    std::vector<std::string> labels;
    for (const auto& learner : learners) {
        labels.push_back(learner.display_name);
    }
    labels.push_back("Someone new");
    const std::optional<std::size_t> picked = pick_one(printer, input, "Who is training?", labels);
    if (!picked) {
        return std::nullopt;
    }
    if (*picked < learners.size()) {
        return learners[*picked];
    }
    records::LearnerInput profile;
    printer.blank();
    const auto name =
        ask_text(printer, input, "Your name, as it should appear on a certificate:", true);
    if (!name) {
        return std::nullopt;
    }
    profile.display_name = *name;
    const auto profession =
        ask_text(printer, input, "Your profession (optional, Enter to skip):", false);
    const auto licence = profession
                             ? ask_text(printer, input, "Your licence number (optional):", false)
                             : std::nullopt;
    const auto state = licence
                           ? ask_text(printer, input, "The state that issued it (optional):", false)
                           : std::nullopt;
    if (!state) {
        return std::nullopt;
    }
    profile.profession = *profession;
    profile.licence_number = *licence;
    profile.licence_state = *state;
    return store.add_learner(profile);
}

std::optional<bool> ask_continue(const records::Attempt& attempt, Printer& printer, Input& input) {
    const std::optional<std::size_t> picked =
        pick_one(printer, input,
                 "You started this scenario on " + local_date(attempt.started) +
                     " and have not finished it.",
                 {"Continue where you stopped", "Start again"});
    if (!picked) {
        return std::nullopt;
    }
    return *picked == 0;
}

void course_progress_and_certificate(records::Store& store, const model::Bundle& bundle,
                                     const model::Course& course, const std::string& learner_id,
                                     const std::filesystem::path& config_dir,
                                     const std::filesystem::path& certificates_dir,
                                     Printer& printer, Input& input) {
    auto progress = records::course_progress(store, bundle, course, learner_id);
    const auto mark = [](bool met) { return met ? "[done] " : "[not yet] "; };
    printer.blank();
    printer.text("Your progress in " + course.title);
    printer.text(std::to_string(progress.required_completed) + " of " +
                     std::to_string(progress.required_total) + " required scenarios completed.",
                 mark(progress.all_required_completed()));
    printer.text(progress.score_percent
                     ? "Score " + std::to_string(*progress.score_percent) + "%; passing is " +
                           std::to_string(course.passing_score) + "%."
                     : "Score: counted once every required scenario is completed; passing is " +
                           std::to_string(course.passing_score) + "%.",
                 mark(progress.passing()));
    if (course.credit_minutes > 0) {
        printer.text("Time on task " + std::to_string(progress.active_ms / 60000) + " of " +
                         std::to_string(course.credit_minutes) + " minutes.",
                     mark(progress.enough_time()));
    }
    printer.text(progress.attested() ? "You confirmed that you did this training yourself."
                                     : "Your confirmation that you did this training yourself.",
                 mark(progress.attested()));

    const bool rest_met =
        progress.all_required_completed() && progress.passing() && progress.enough_time();
    if (!rest_met || credentials::find_certificate(store, learner_id, course.id)) {
        return;
    }
    if (!progress.attested()) {
        printer.blank();
        printer.text(std::string(credentials::kAttestationStatement), "Please confirm: ");
        printer.text("Type yes to confirm, or press Enter to decide later.");
        const std::optional<std::string> answer = input.read();
        if (!answer || *answer != "yes") {
            printer.text("Not confirmed. You can confirm after your next scenario, or with "
                         "sightline cert attest.");
            return;
        }
        store.record_attestation({learner_id, course.id,
                                  std::string(credentials::kAttestationStatement),
                                  records::now_ms()});
        progress = records::course_progress(store, bundle, course, learner_id);
    }
    try {
        const credentials::Provider provider = credentials::load_provider(config_dir, true);
        credentials::IssueOptions options;
        options.out_dir = certificates_dir;
        const auto issued =
            credentials::issue_certificate(store, bundle, course, learner_id, provider, options);
        printer.blank();
        printer.text("Your certificate is ready. Verification code: " +
                     issued.certificate.verification_code + ".");
        printer.text(issued.files.pdf.string(), "PDF: ");
        printer.text(issued.files.json.string(), "Signed credential: ");
    } catch (const std::exception& e) {
        printer.blank();
        printer.text(std::string("You have met every rule. The certificate could not be issued "
                                 "here yet: ") +
                     e.what());
        printer.text("Your completion is recorded; an administrator can issue it later with "
                     "sightline cert issue.");
    }
}

} // namespace sightline::textplay
