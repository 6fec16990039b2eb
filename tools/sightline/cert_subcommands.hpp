// The `sightline cert` subcommands, one concern a file; cert_command.cpp
// declares them to the command line. Each reads its options, prints, and
// returns the exit code (credentials_common.hpp). Private to tools/sightline.
#pragma once

#include "credentials_common.hpp"

namespace sightline::cli::credentials_cli {

// cert_verify_command.cpp: check a signed credential offline.
int cert_verify(const Options& o, const Environment& env);
// cert_issue_command.cpp: sign and write a certificate; write one again.
int cert_issue(const Options& o, const Environment& env);
int cert_reprint(const Options& o, const Environment& env);
// cert_list_command.cpp: every issued certificate.
int cert_list(const Options& o, const Environment& env);
// cert_attest_command.cpp: the learner's statement they did the training.
int cert_attest(const Options& o, const Environment& env);
// cert_revoke_command.cpp: record a revocation; write the status list to publish.
int cert_revoke(const Options& o, const Environment& env);
int cert_status_list(const Options& o, const Environment& env);

} // namespace sightline::cli::credentials_cli
