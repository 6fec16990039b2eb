// Verifies a credential file with the Digital Credentials Consortium's verifier
// (npm @digitalcredentials/verifier-core, the engine of VerifierPlus and the Learner
// Credential Wallet), offline: every network request fails, no issuer registry is
// consulted, contexts come from the verifier's own bundled copies.
//
//   node dcc_verify.mjs ORACLES_DIR JOBS.json
// JOBS.json is an array of {"credential": TEXT, "served": {URL: TEXT, ...}}; the
// verifier starts once (about a second) and checks every job in turn. Prints a
// JSON array with one verdict per job: "valid" when the signature step passed and
// the verifier reported no error, "revoked" when the signature is valid but the
// status list marks it revoked, "status unknown: <why>" when the status list
// cannot be had or checked, otherwise "invalid: <what it said>". Exits 0 whatever
// the verdicts; 2 when it cannot run.
// A job's "served" answers requests for each URL with its text (a status list, a
// did:web document at https://DOMAIN/.well-known/did.json), as the provider's web
// server would; any other request fails.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [oracles, jobsFile] = process.argv.slice(2);
if (!oracles || !jobsFile) {
  console.error('usage: node dcc_verify.mjs ORACLES_DIR JOBS.json');
  process.exit(2);
}
const jobs = JSON.parse(readFileSync(jobsFile, 'utf8'));
// Offline: a request for anything but the current job's served pages is an error
// the verifier must cope with.
let pages = {};
globalThis.fetch = async (request) => {
  const url = typeof request === 'string' ? request : request.url ?? String(request);
  if (!Object.hasOwn(pages, url)) {
    throw new Error(`offline test: no request to ${url}`);
  }
  return new Response(pages[url], {
    status: 200, headers: { 'content-type': 'application/json' },
  });
};

const require = createRequire(path.resolve(oracles, 'package.json'));
const entry = require.resolve('@digitalcredentials/verifier-core');
const { verifyCredential } = await import(pathToFileURL(entry).href);

async function verdict(credential) {
  // The verifier logs to the console when it cannot fetch the Open Badges JSON
  // schema (offline, that is every time); that is its optional schema step,
  // reported apart.
  const { log, error } = console;
  console.log = console.error = () => {};
  const result = await verifyCredential({ credential, knownDIDRegistries: [] });
  Object.assign(console, { log, error });
  const steps = result.log ?? [];
  const signature = steps.find((step) => step.id === 'valid_signature');
  const revocation = steps.find((step) => step.id === 'revocation_status');
  const errors = (result.errors ?? []).map((e) => `${e.name}: ${e.message}`);
  if (process.env.DCC_VERIFY_DEBUG) {
    console.error(JSON.stringify(result, null, 2));
  }
  if (signature?.valid === true && errors.length === 0 && revocation?.error) {
    return `status unknown: ${revocation.error.name}`;
  }
  if (signature?.valid === true && errors.length === 0 && revocation?.valid === false) {
    return 'revoked';
  }
  if (signature?.valid === true && errors.length === 0) {
    return 'valid';
  }
  const failed = steps.filter((step) => step.valid === false).map((step) => step.id);
  return `invalid: ${[...errors, ...failed].join('; ') || 'no signature step'}`;
}

const verdicts = [];
for (const job of jobs) {
  pages = job.served ?? {};
  verdicts.push(await verdict(JSON.parse(job.credential)));
}
console.log(JSON.stringify(verdicts));
