// `sightline cert`: its help and its subcommands' options, each run by a
// function of cert_subcommands.hpp. Exit codes: 0 ok, 1 invalid (a credential
// that does not verify, a learner not yet eligible, an attestation declined), 2
// usage error or input that cannot be read.
#include "cert_subcommands.hpp"
#include "commands.hpp"
#include "credentials_subcommands.hpp"
#include "i18n/i18n.hpp"

#include <string>
#include <utility>

namespace sightline::cli {

namespace {

using i18n::tr;

// TRANSLATORS: the end of `sightline cert --help`; keep each line under 80 columns and the
// file, command and option names as they are.
const char* cert_footer() {
    return tr("verify checks a signed credential (the .json written next to each PDF) offline\n"
              "and prints 'valid' or 'invalid: <reason>'. PUBLIC_KEY (the provider's, from\n"
              "'sightline provider show': z6Mk..., did:key:z6Mk... or 64 hex digits) makes\n"
              "it also check who signed; without it the key named in the credential is used.\n"
              "issue checks the completion rules (every required scenario completed, passing\n"
              "score, active time, attestation) and replays each of the learner's attempts at\n"
              "the course against the bundle (refusing one that was edited or played on\n"
              "another edition of the courses, with the reason), then signs, stores and writes\n"
              "certificate-<CODE>.pdf and .json into DIR (default <data-dir>/certificates).\n"
              "--records postgresql://... reads and writes an organisation's shared records on\n"
              "its server instead of a folder (run issue on the administrator's computer, which\n"
              "holds the provider key); issue and reprint then need --out DIR.\n"
              "list shows every issued certificate; reprint writes one again from the stored\n"
              "credential (its id and code never change); attest records the learner's\n"
              "statement that they completed the training themselves, after they confirm it.\n"
              "revoke records a revocation; status-list writes the signed W3C Bitstring Status\n"
              "List that the provider publishes at its --status-url, and 'verify --status-list'\n"
              "checks a certificate against it offline.\n"
              "Exit codes: 0 ok; 1 invalid or revoked credential, learner not eligible, an\n"
              "attempt refused by replay, already issued or attestation declined; 2 usage\n"
              "error or unreadable input.\n");
}

} // namespace

CommandRun add_cert_command(CLI::App& sightline) {
    using namespace credentials_cli;
    CLI::App* cert = sightline.add_subcommand(
        "cert", tr("certificates for licensing credit: verify, issue, list, reprint, attest, "
                   "revoke, status-list"));
    cert->footer(cert_footer());
    cert->require_subcommand(0, 1);
    Declarations all;
    declare(*cert, all, "verify", tr("check a signed credential offline"), cert_verify,
            {{"key", "PUBLIC_KEY",
              tr("the provider's public key (z6Mk..., did:key:z6Mk... or 64 hex digits)")},
             {"did-document", "FILE",
              tr("the did:web provider's did.json (from https://DOMAIN/.well-known/did.json)")},
             {"status-list", "FILE",
              tr("the provider's published status list: also check the certificate was not "
                 "revoked")}},
            "FILE.json", tr("the credential (the .json next to each certificate PDF)"));
    declare(*cert, all, "issue",
            tr("check the completion rules, then sign and write a certificate"), cert_issue,
            {learner_option(), course_option(), out_option(), bundle_option(), data_dir_option(),
             records_option(), config_dir_option()});
    declare(*cert, all, "list", tr("every issued certificate"), cert_list,
            {data_dir_option(), records_option()});
    declare(*cert, all, "reprint", tr("write an issued certificate again (same ids, same bytes)"),
            cert_reprint, {out_option(), data_dir_option(), records_option(), config_dir_option()},
            "ID|CODE", tr("the certificate's id or verification code"));
    declare(
        *cert, all, "revoke", tr("record that a certificate is revoked, with the reason"),
        cert_revoke,
        {{"reason", "TEXT", tr("why (kept in the records)")}, data_dir_option(), records_option()},
        "ID|CODE", tr("the certificate's id or verification code"));
    declare(*cert, all, "status-list", tr("write the signed status list to publish"),
            cert_status_list,
            {{"out", "FILE", tr("where to write the BitstringStatusListCredential")},
             data_dir_option(),
             records_option(),
             config_dir_option()});
    declare(
        *cert, all, "attest",
        tr("record the learner's statement that they did the training themselves"), cert_attest,
        {learner_option(), course_option(), bundle_option(), data_dir_option(), records_option()});
    return runner(cert, std::move(all),
                  std::string("sightline cert: ") +
                      // TRANSLATORS: the subcommands' names stay in English.
                      tr("which command? verify, issue, list, reprint, attest, revoke or "
                         "status-list"));
}

} // namespace sightline::cli
