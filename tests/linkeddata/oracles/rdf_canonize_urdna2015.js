// Canonicalises datasets with rdf-canonize (Debian's node-rdf-canonize), an
// implementation independent of ours, and prints their canonical N-Quads.
// Input and output as for pyld_urdna2015.py: the file named by argv[2] holds a JSON
// object, dataset name -> array of RDF/JS quads; printed is dataset name -> N-Quads.
// Debian's rdf-canonize 3.3 calls RDFC-1.0 by its older name, URDNA2015; it has no
// work limit unless given one.
'use strict';
const fs = require('fs');
const canonize = require('/usr/share/nodejs/rdf-canonize');

async function main() {
  const datasets = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const out = {};
  for(const [name, quads] of Object.entries(datasets)) {
    out[name] = await canonize.canonize(quads, {algorithm: 'URDNA2015'});
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch(error => {
  process.stderr.write(`rdf-canonize: ${error.message}\n`);
  process.exit(1);
});
