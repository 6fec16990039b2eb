// Canonicalises a dataset with rdf-canonize (Debian's node-rdf-canonize), an
// implementation independent of ours, and prints its canonical N-Quads.
// Input: the file named by argv[2], a JSON array of RDF/JS quads (see
// pyld_urdna2015.py). Debian's rdf-canonize 3.3 calls RDFC-1.0 by its older name,
// URDNA2015; it has no work limit unless given one.
'use strict';
const fs = require('fs');
const canonize = require('/usr/share/nodejs/rdf-canonize');

const quads = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
canonize.canonize(quads, {algorithm: 'URDNA2015'}).then(
  out => process.stdout.write(out),
  error => {
    process.stderr.write(`rdf-canonize: ${error.message}\n`);
    process.exit(1);
  });
