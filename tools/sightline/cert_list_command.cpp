// `sightline cert list`: the table of every issued certificate.
#include "cert_subcommands.hpp"
#include "credentials/timestamps.hpp"
#include "i18n/i18n.hpp"
#include "records/records.hpp"

namespace sightline::cli::credentials_cli {

namespace cr = credentials;

using i18n::tr;

int cert_list(const Options& o, const Environment& env) {
    if (!o.positional.empty()) {
        return usage_error(env, "cert list", unexpected(o.positional[0]));
    }
    try {
        const std::unique_ptr<records::Store> store = open_records(o);
        const std::vector<records::Certificate> certificates = store->certificates();
        if (certificates.empty()) {
            // TRANSLATORS: {1} where the records are.
            env.out << i18n::format(tr("no certificates issued (records: {1})"),
                                    {store->location()})
                    << '\n';
            return kOk;
        }
        // TRANSLATORS: the column headings of `sightline cert list`: the date issued, the
        // verification code, the certificate's id, "learner name / course id".
        env.out << column(tr("cert list", "issued"), 12) << column(tr("cert list", "code"), 11)
                << column(tr("cert list", "certificate id"), 38)
                << tr("cert list", "learner / course") << '\n';
        for (const records::Certificate& c : certificates) {
            const std::optional<records::Learner> learner = store->learner(c.learner_id);
            const std::string date =
                cr::format_timestamp(c.issued, cr::local_offset_minutes(c.issued)).substr(0, 10);
            env.out << date << "  " << c.verification_code << "  " << c.id << "  "
                    << (learner ? learner->display_name : tr("(learner deleted)")) << " / "
                    << c.course_id;
            if (c.revoked) {
                // TRANSLATORS: after a revoked certificate in `sightline cert list`; {1} the
                // reason.
                env.out << "  " << i18n::format(tr("REVOKED: {1}"), {c.revocation_reason});
            }
            env.out << '\n';
        }
    } catch (const records::RecordsError& e) {
        env.err << "sightline cert list: " << e.what() << '\n';
        return kUsage;
    }
    return kOk;
}

} // namespace sightline::cli::credentials_cli
