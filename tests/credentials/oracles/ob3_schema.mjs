// Validates credential files against a JSON Schema (draft 2019-09, the dialect of
// the Open Badges 3.0 schemas) with Ajv, the validator the DCC verifier uses for
// its own schema step.
//
//   node ob3_schema.mjs ORACLES_DIR SCHEMA.json CREDENTIAL.json...
// prints one line per credential: "valid", or "invalid: <path> <message>; ..."
// naming every violation. Exits 0 either way; 2 when it cannot run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [oracles, schemaFile, ...files] = process.argv.slice(2);
if (!oracles || !schemaFile || files.length === 0) {
  console.error('usage: node ob3_schema.mjs ORACLES_DIR SCHEMA.json CREDENTIAL.json...');
  process.exit(2);
}
const require = createRequire(path.resolve(oracles, 'package.json'));
const Ajv2019 = require('ajv/dist/2019').default;
const addFormats = require('ajv-formats').default;

const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
for (const file of files) {
  if (validate(JSON.parse(readFileSync(file, 'utf8')))) {
    console.log('valid');
  } else {
    const problems = validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
    console.log(`invalid: ${[...new Set(problems)].join('; ')}`);
  }
}
