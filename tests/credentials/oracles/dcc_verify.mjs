// Verifies a credential file with the Digital Credentials Consortium's verifier
// (npm @digitalcredentials/verifier-core, the engine of VerifierPlus and the Learner
// Credential Wallet), offline: every network request fails, no issuer registry is
// consulted, contexts come from the verifier's own bundled copies.
//
//   node dcc_verify.mjs ORACLES_DIR CREDENTIAL.json
// prints "valid" when the signature step passed and the verifier reported no error,
// otherwise "invalid: <what it said>". Exits 0 either way; 2 when it cannot run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [oracles, file] = process.argv.slice(2);
if (!oracles || !file) {
  console.error('usage: node dcc_verify.mjs ORACLES_DIR CREDENTIAL.json');
  process.exit(2);
}
// Offline: a request anywhere is an error the verifier must cope with.
globalThis.fetch = async (url) => { throw new Error(`offline test: no request to ${url}`); };

const require = createRequire(path.resolve(oracles, 'package.json'));
const entry = require.resolve('@digitalcredentials/verifier-core');
const { verifyCredential } = await import(pathToFileURL(entry).href);

const credential = JSON.parse(readFileSync(file, 'utf8'));
// The verifier logs to the console when it cannot fetch the Open Badges JSON schema
// (offline, that is every time); that is its optional schema step, reported apart.
const { log, error } = console;
console.log = console.error = () => {};
const result = await verifyCredential({ credential, knownDIDRegistries: [] });
Object.assign(console, { log, error });
const steps = result.log ?? [];
const signature = steps.find((step) => step.id === 'valid_signature');
const errors = (result.errors ?? []).map((e) => `${e.name}: ${e.message}`);
if (signature?.valid === true && errors.length === 0) {
  console.log('valid');
} else {
  const failed = steps.filter((step) => step.valid === false).map((step) => step.id);
  console.log(`invalid: ${[...errors, ...failed].join('; ') || 'no signature step'}`);
}
