#!/usr/bin/python3
"""The independent oracle for jsonld_tests: Debian's pyld (python3-pyld) expands a
document and deserialises it to RDF, with a document loader that serves only the
given local context files and refuses every other URL.

usage: pyld_oracle.py --document DOC.json [--context URL=FILE ...] [--ours OURS.nq]
                      [--base IRI]

Prints one JSON object:
  expanded        pyld's expanded form
  nquads          pyld's N-Quads, sorted lines, blank nodes as pyld labels them
  canonical       URDNA2015 (RDFC-1.0) of pyld's dataset
  ours_canonical  URDNA2015 of the N-Quads in OURS.nq (with --ours)
or {"error": "..."} when pyld refuses the document. Exits 3 when pyld is missing.

pyld 2.0.3 writes doubles with a negative exponent un-trimmed ("5.000000000000000E-01");
pyld issue 175 (fixed upstream by pull request 295) makes that "5.0E-1", as the
JSON-LD specification, jsonld.js and later pyld do. The same fix is applied here.
"""
import argparse
import copy
import json
import re
import sys

try:
    from pyld import jsonld
except ImportError:
    print("python3-pyld is missing: apt-get install -y python3-pyld", file=sys.stderr)
    sys.exit(3)

XSD_DOUBLE = 'http://www.w3.org/2001/XMLSchema#double'
XSD_INTEGER = 'http://www.w3.org/2001/XMLSchema#integer'
_pyld_object_to_rdf = jsonld.JsonLdProcessor._object_to_rdf


def _object_to_rdf(self, item, issuer, triples, rdf_direction):
    result = _pyld_object_to_rdf(self, item, issuer, triples, rdf_direction)
    if result is None or not isinstance(item, dict) or '@value' not in item:
        return result
    value = item['@value']
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if item.get('@type') == '@json' or not is_number:
        return result
    # JSON-LD 1.1 (and jsonld.js) decide by the value, pyld 2.0.3 by the Python type:
    # an integral number (1.0) takes the integer form unless its type is xsd:double.
    integral = isinstance(value, int) or (value.is_integer() and abs(value) < 1e21)
    if integral and item.get('@type') != XSD_DOUBLE:
        result['value'] = '%d' % int(value)
        if '@type' not in item:
            result['datatype'] = XSD_INTEGER
    elif isinstance(value, float) or item.get('@type') == XSD_DOUBLE:
        result['value'] = re.sub(r'(\d)0*E\+?(-?)0*(\d)', r'\1E\2\3', '%1.15E' % value)
    return result


jsonld.JsonLdProcessor._object_to_rdf = _object_to_rdf


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--document', required=True)
    parser.add_argument('--context', action='append', default=[])
    parser.add_argument('--ours')
    parser.add_argument('--base')
    args = parser.parse_args()

    contexts = {}
    for pair in args.context:
        url, path = pair.split('=', 1)
        with open(path, encoding='utf-8') as f:
            contexts[url] = json.load(f)

    def loader(url, options=None):
        if url not in contexts:
            raise jsonld.JsonLdError('refusing to fetch ' + url, 'jsonld.LoadDocumentError',
                                     code='loading document failed')
        return {'contentType': 'application/ld+json', 'contextUrl': None,
                'documentUrl': url, 'document': copy.deepcopy(contexts[url])}

    with open(args.document, encoding='utf-8') as f:
        document = json.load(f)
    options = {'documentLoader': loader}
    if args.base:
        options['base'] = args.base
    try:
        out = {
            'expanded': jsonld.expand(copy.deepcopy(document), dict(options)),
            'nquads': jsonld.to_rdf(copy.deepcopy(document),
                                    dict(options, format='application/n-quads')),
            'canonical': jsonld.normalize(copy.deepcopy(document),
                                          dict(options, algorithm='URDNA2015',
                                               format='application/n-quads')),
        }
    except jsonld.JsonLdError as error:
        print(json.dumps({'error': str(error).splitlines()[0]}))
        return
    if args.ours:
        with open(args.ours, encoding='utf-8') as f:
            out['ours_canonical'] = jsonld.normalize(
                f.read(), {'algorithm': 'URDNA2015', 'inputFormat': 'application/n-quads',
                           'format': 'application/n-quads'})
    print(json.dumps(out))


main()
