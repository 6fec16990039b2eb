"""Expansion and RDFC-1.0 (URDNA2015) canonical N-Quads of a credential by Debian's
pyld, an implementation independent of Sightline's, with the given context files
served for the two context URLs and every other URL refused.

    /usr/bin/python3 pyld_canonical.py VC_CONTEXT.json OB_CONTEXT.json CREDENTIAL.json

prints {"expanded": [...], "nquads": "..."} as JSON, of the credential without its
proof (what eddsa-rdfc-2022 signs).
"""
import json
import sys

from pyld import jsonld

vc_file, ob_file, credential_file = sys.argv[1:4]
documents = {
    "https://www.w3.org/ns/credentials/v2": json.load(open(vc_file, encoding="utf-8")),
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json":
        json.load(open(ob_file, encoding="utf-8")),
}


def loader(url, options=None):
    if url not in documents:
        raise jsonld.JsonLdError("unknown context " + url, "loading document failed")
    return {"contextUrl": None, "documentUrl": url, "document": documents[url]}


def integral_as_int(value):
    """pyld 2.0.3 types a number by its Python type (1.0 becomes "1.0E0"); JSON-LD 1.1
    and jsonld.js go by its value (1.0 becomes "1"). Give pyld integral numbers as
    integers so that it follows the specification."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return int(value)
    if isinstance(value, list):
        return [integral_as_int(v) for v in value]
    if isinstance(value, dict):
        return {k: integral_as_int(v) for k, v in value.items()}
    return value


credential = integral_as_int(json.load(open(credential_file, encoding="utf-8")))
credential.pop("proof", None)
options = {"documentLoader": loader}
expanded = jsonld.expand(credential, options)
nquads = jsonld.normalize(credential, {"documentLoader": loader, "algorithm": "URDNA2015",
                                       "format": "application/n-quads"})
json.dump({"expanded": expanded, "nquads": nquads}, sys.stdout, ensure_ascii=False)
