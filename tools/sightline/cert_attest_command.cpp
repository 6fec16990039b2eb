// `sightline cert attest`: shows the learner's statement that they completed
// the training themselves and records it once they confirm.
#include "cert_course.hpp"
#include "cert_subcommands.hpp"
#include "credentials/timestamps.hpp"
#include "i18n/i18n.hpp"
#include "learning/credit.hpp"
#include "model/translation.hpp"
#include "records/records.hpp"

#include <algorithm>
#include <cctype>
#include <istream>
#include <ostream>

namespace sightline::cli::credentials_cli {

namespace cr = credentials;

using i18n::tr;

int cert_attest(const Options& o, const Environment& env) {
    if (!o.positional.empty() || o.get("learner").empty() || o.get("course").empty()) {
        return usage_error(env, "cert attest", tr("needs --learner ID and --course ID"));
    }
    std::optional<LoadedCourse> loaded = load_course(o, env, "cert attest");
    if (!loaded) {
        return kUsage;
    }
    try {
        const std::unique_ptr<records::Store> store = open_records(o);
        const std::optional<records::Learner> learner = store->learner(o.get("learner"));
        if (!learner) {
            // TRANSLATORS: {1} a learner's id, {2} where the records are.
            env.err << "sightline cert attest: "
                    << i18n::format(tr("no learner '{1}' in {2}"),
                                    {o.get("learner"), store->location()})
                    << '\n';
            return kUsage;
        }
        // TRANSLATORS: labels in front of values, aligned by the program; keep the colon.
        const char* learner_label = tr("Learner:");
        const char* course_label = tr("Course:");
        const Fields field{learner_label, course_label};
        env.out << field(learner_label, learner->display_name)
                // The course's title in the language of the rest, where the bundle has it.
                << field(course_label, model::in_language(loaded->bundle.model, i18n::language())
                                           .courses[loaded->index]
                                           .title)
                << "\"" << learning::attestation_statement_shown()
                << "\"\n" // as recorded
                // TRANSLATORS: y and N are the answers; "y" (context "short answer") and "yes"
                // (context "word to type") translated are accepted too.
                << tr("Do you confirm this statement? [y/N] ") << std::flush;
        std::string answer;
        std::getline(env.in, answer);
        std::transform(answer.begin(), answer.end(), answer.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        while (!answer.empty() && (answer.back() == ' ' || answer.back() == '\r')) {
            answer.pop_back();
        }
        if (!env.input_is_terminal) {
            env.out << answer << '\n';
        }
        // TRANSLATORS: the one-letter answer that confirms, "y" in [y/N].
        if (answer != "y" && answer != "yes" && answer != tr("short answer", "y") &&
            answer != tr("word to type", "yes")) {
            env.out << tr("not recorded: the statement was not confirmed") << '\n';
            return kInvalid;
        }
        const records::TimeMs now = records::now_ms();
        learning::attest(*store, learner->id, loaded->course().id, now);
        // TRANSLATORS: {1} the date and time the statement was recorded.
        env.out << i18n::format(tr("recorded at {1}"),
                                {cr::format_timestamp(now, cr::local_offset_minutes(now))})
                << '\n';
    } catch (const records::RecordsError& e) {
        env.err << "sightline cert attest: " << e.what() << '\n';
        return kUsage;
    }
    return kOk;
}

} // namespace sightline::cli::credentials_cli
