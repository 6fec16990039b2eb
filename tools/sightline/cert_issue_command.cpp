// `sightline cert issue` and `cert reprint`: the two that write a
// certificate's PDF and JSON (issue after checking the completion rules and
// replaying the learner's attempts; reprint from the stored credential).
#include "cert_course.hpp"
#include "cert_subcommands.hpp"
#include "credentials/error.hpp"
#include "credentials/issue.hpp"
#include "credentials/provider.hpp"
#include "i18n/i18n.hpp"
#include "learning/credit.hpp"
#include "records/records.hpp"

namespace sightline::cli::credentials_cli {

namespace cr = credentials;

using i18n::tr;

int cert_issue(const Options& o, const Environment& env) {
    if (!o.positional.empty() || o.get("learner").empty() || o.get("course").empty()) {
        return usage_error(env, "cert issue", tr("needs --learner ID and --course ID"));
    }
    if (!out_dir(o)) {
        return usage_error(env, "cert issue", out_required());
    }
    std::optional<LoadedCourse> loaded = load_course(o, env, "cert issue");
    if (!loaded) {
        return kUsage;
    }
    try {
        const cr::Provider provider = cr::load_provider(config_dir(o), true);
        const std::unique_ptr<records::Store> store = open_records(o);
        cr::IssueOptions options;
        options.out_dir = *out_dir(o);
        options.bundle_hash = loaded->bundle.content_hash();
        const cr::IssuedCertificate issued = learning::issue_certificate(
            *store, loaded->bundle.model, loaded->course(), o.get("learner"), provider, options);
        // TRANSLATORS: {1} a certificate's id, {2} its verification code.
        env.out << i18n::format(tr("issued certificate {1} (verification code {2})"),
                                {issued.certificate.id, issued.certificate.verification_code})
                << '\n'
                // TRANSLATORS: {1} a file written.
                << i18n::format(tr("wrote {1}"), {issued.files.pdf.string()}) << '\n'
                << i18n::format(tr("wrote {1}"), {issued.files.json.string()}) << '\n';
        return kOk;
    } catch (const cr::NotEligible& e) {
        env.err << "sightline cert issue: " << e.what() << '\n';
        return kInvalid;
    } catch (const cr::AlreadyIssued& e) {
        // TRANSLATORS: {1} why, {2} the certificate's id.
        env.err << "sightline cert issue: "
                << i18n::format(tr("{1}; use 'sightline cert reprint {2}'"),
                                {e.what(), e.existing().id})
                << '\n';
        return kInvalid;
    } catch (const learning::AttemptRefused& e) {
        // A forged or edited attempt (or one of another edition): nothing is issued.
        env.err << "sightline cert issue: " << e.what() << '\n';
        return kInvalid;
    } catch (const cr::CredentialError& e) {
        env.err << "sightline cert issue: " << e.what() << '\n';
        return kUsage;
    } catch (const records::RecordsError& e) {
        env.err << "sightline cert issue: " << e.what() << '\n';
        return kUsage;
    }
}

int cert_reprint(const Options& o, const Environment& env) {
    if (o.positional.size() != 1) {
        return usage_error(env, "cert reprint",
                           tr("expected one certificate id or verification code"));
    }
    if (!out_dir(o)) {
        return usage_error(env, "cert reprint", out_required());
    }
    try {
        const std::unique_ptr<records::Store> store = open_records(o);
        const std::optional<records::Certificate> certificate = store->certificate(o.positional[0]);
        if (!certificate) {
            env.err << "sightline cert reprint: "
                    << i18n::format(tr("no certificate '{1}' in {2}"),
                                    {o.positional[0], store->location()})
                    << '\n';
            return kUsage;
        }
        const fs::path out = *out_dir(o);
        // The QR code opens the provider's verification page, as it is set now.
        std::string verify_url;
        if (fs::exists(cr::provider_dir(config_dir(o)) / "provider.json")) {
            verify_url = cr::load_provider(config_dir(o), false).links.verify_url;
        }
        const cr::CertificateFiles files =
            cr::write_certificate_files(*certificate, out, verify_url);
        // TRANSLATORS: {1} a certificate's id, {2} its verification code.
        env.out << i18n::format(tr("reprinted certificate {1} (verification code {2})"),
                                {certificate->id, certificate->verification_code})
                << '\n'
                << i18n::format(tr("wrote {1}"), {files.pdf.string()}) << '\n'
                << i18n::format(tr("wrote {1}"), {files.json.string()}) << '\n';
    } catch (const cr::CredentialError& e) {
        env.err << "sightline cert reprint: " << e.what() << '\n';
        return kUsage;
    } catch (const records::RecordsError& e) {
        env.err << "sightline cert reprint: " << e.what() << '\n';
        return kUsage;
    }
    return kOk;
}

} // namespace sightline::cli::credentials_cli
