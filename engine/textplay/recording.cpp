#include "textplay/recording.hpp"

#include "i18n/i18n.hpp"
#include "records/organisation_store.hpp"
#include "records/paths.hpp"

#include <ctime>

namespace sightline::textplay {

namespace {

using i18n::tr;

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
        // TRANSLATORS: {1} is the question asked again.
        input.invalid(i18n::format(tr("Please type a name. {1}"), {question}));
    }
}

// The learner's job role, one of the roles the courses' rules name (by
// number or by name), or empty; nullopt when the learner quits. Without any
// roles to offer it asks nothing.
std::optional<std::string> ask_job_role(Printer& printer, Input& input,
                                        const std::vector<std::string>& roles) {
    if (roles.empty()) {
        return std::string();
    }
    std::string list;
    for (std::size_t i = 0; i < roles.size(); ++i) {
        list += (i ? ", " : "") + std::to_string(i + 1) + " " + roles[i];
    }
    // TRANSLATORS: {1} is the list of roles, "1 hotel, 2 hotel/front-desk" (ids, not translated).
    const std::string question = i18n::format(tr("Your job role (optional): {1}."), {list});
    printer.text(question);
    while (true) {
        std::optional<std::string> answer = input.read();
        if (!answer || answer->empty()) {
            return answer;
        }
        for (std::size_t i = 0; i < roles.size(); ++i) {
            if (*answer == roles[i] || *answer == std::to_string(i + 1)) {
                return roles[i];
            }
        }
        input.invalid(i18n::format(
            tr("Please type a number from the list, or press Enter to skip. {1}"), {question}));
    }
}

} // namespace

std::unique_ptr<records::Store> open_records(const Options& options) {
    records::StoreOptions store_options;
    if (options.idle_minutes) {
        store_options.idle_limit_ms = std::int64_t{*options.idle_minutes} * 60 * 1000;
    }
    const std::filesystem::path dir = options.data_dir.empty()
                                          ? records::default_data_dir()
                                          : std::filesystem::path(options.data_dir);
    if (!options.records.empty()) {
        records::OrganisationOptions organisation;
        organisation.store = store_options;
        return records::open_organisation_store(options.records, dir, organisation);
    }
    return records::open_store(dir, store_options);
}

bool choose_learner(learning::Learning& layer, const Options& options, Printer& printer,
                    Input& input) {
    if (!options.learner.empty()) {
        return layer.select_learner(layer.learner_named(options.learner).id);
    }
    const auto learners = layer.learners();
    std::vector<std::string> labels;
    for (const auto& learner : learners) {
        labels.push_back(learner.display_name);
    }
    labels.push_back(tr("Someone new"));
    const std::optional<std::size_t> picked =
        pick_one(printer, input, tr("Who is training?"), labels);
    if (!picked) {
        return false;
    }
    if (*picked < learners.size()) {
        return layer.select_learner(learners[*picked].id);
    }
    printer.blank();
    while (true) {
        records::LearnerInput profile;
        const auto name =
            ask_text(printer, input, tr("Your name, as it should appear on a certificate:"), true);
        if (!name) {
            return false;
        }
        profile.display_name = *name;
        const auto profession =
            ask_text(printer, input, tr("Your profession (optional, Enter to skip):"), false);
        const auto licence =
            profession ? ask_text(printer, input, tr("Your licence number (optional):"), false)
                       : std::nullopt;
        const auto state =
            licence ? ask_text(printer, input, tr("The state that issued it (optional):"), false)
                    : std::nullopt;
        const auto hired =
            state ? ask_text(printer, input,
                             tr("The date you were hired, year-month-day such as 2026-03-01 "
                                "(optional):"),
                             false)
                  : std::nullopt;
        const auto role = hired ? ask_job_role(printer, input, layer.job_roles()) : std::nullopt;
        const auto site =
            role ? ask_text(printer, input, tr("Your site or workplace (optional):"), false)
                 : std::nullopt;
        if (!site) {
            return false;
        }
        profile.profession = *profession;
        profile.licence_number = *licence;
        profile.licence_state = *state;
        profile.hire_date = *hired;
        profile.job_role = *role;
        profile.site = *site;
        try {
            return layer.select_learner(layer.add_learner(profile).id);
        } catch (const learning::LearnerError& e) {
            printer.text(e.what()); // then the questions again
        }
    }
}

std::optional<learning::Unfinished> ask_continue(const records::Attempt& attempt, Printer& printer,
                                                 Input& input) {
    const std::optional<std::size_t> picked =
        // TRANSLATORS: {1} is a date and time, 2026-03-01 14:30.
        pick_one(printer, input,
                 i18n::format(tr("You started this scenario on {1} and have not finished it."),
                              {local_date(attempt.started)}),
                 {tr("Continue where you stopped"), tr("Start again")});
    if (!picked) {
        return std::nullopt;
    }
    return *picked == 0 ? learning::Unfinished::Resume : learning::Unfinished::StartAgain;
}

void course_progress_and_certificate(learning::Learning& layer, const model::Course& course,
                                     std::string_view title, Printer& printer, Input& input) {
    learning::Credit credit = layer.credit(course);
    printer.blank();
    // TRANSLATORS: a heading; {1} is the course's title.
    printer.text(i18n::format(tr("Your progress in {1}"), {title}));
    if (const std::string renewal = learning::renewal_line(credit.progress.renewal);
        !renewal.empty()) {
        printer.text(renewal);
    }
    for (const learning::RuleLine& rule : credit.rules) {
        // TRANSLATORS: marks before each rule of a course's progress; keep the space at the end.
        printer.text(rule.text, rule.met ? tr("[done] ") : tr("[not yet] "));
    }
    if (credit.attestation_offered) {
        printer.blank();
        // TRANSLATORS: a label before the statement the learner confirms; keep the space.
        printer.text(learning::attestation_statement_shown(), tr("Please confirm: "));
        // TRANSLATORS: the learner types the word for yes; say which word here and
        // translate "answer|yes" the same way.
        printer.text(tr("Type yes to confirm, or press Enter to decide later."));
        const std::optional<std::string> answer = input.read();
        // "yes" is always understood, and the word for yes in the learner's language.
        if (!answer || (*answer != "yes" && *answer != tr("answer", "yes"))) {
            printer.text(tr("Not confirmed. You can confirm after your next scenario, or with "
                            "sightline cert attest."));
            return;
        }
        layer.attest(course);
        credit = layer.credit(course);
    }
    if (!credit.issue_elsewhere.empty()) {
        printer.blank();
        printer.text(credit.issue_elsewhere);
        return;
    }
    if (!credit.issue_offered) {
        return;
    }
    try {
        const credentials::IssuedCertificate issued = layer.issue(course);
        printer.blank();
        // TRANSLATORS: {1} is the certificate's verification code.
        printer.text(i18n::format(tr("Your certificate is ready. Verification code: {1}."),
                                  {issued.certificate.verification_code}));
        printer.text(issued.files.pdf.string(), "PDF: ");
        // TRANSLATORS: a label before the file of the signed credential; keep the space.
        printer.text(issued.files.json.string(), tr("Signed credential: "));
    } catch (const std::exception& e) {
        printer.blank();
        printer.text(learning::issue_failed_message(e));
    }
}

} // namespace sightline::textplay
