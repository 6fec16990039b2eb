// A fixed certificate for the credentials tests: fixed ids, dates and key, so
// the credential and the PDF are the same on every run.
#pragma once

#include "credentials/credential.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace sightline::test {

// The signing key (from a fixed seed) and its verification method.
const credentials::KeyPair& fixed_key();
std::string fixed_verification_method();

// A healthcare course certificate for a fictional nurse.
credentials::CertificateFacts fixed_facts();

// fixed_facts() built and signed with fixed_key(), created at the issue time.
nlohmann::ordered_json fixed_credential();
std::string fixed_credential_text();

} // namespace sightline::test
