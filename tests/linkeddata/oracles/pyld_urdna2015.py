# Canonicalises datasets with pyld (Debian's python3-pyld), an implementation
# independent of ours, and prints their canonical N-Quads.
#
# Input (the file named by argv[1]): a JSON object, dataset name -> JSON array of
# quads in the RDF/JS shape, each term {"termType": "NamedNode" | "BlankNode" |
# "Literal" | "DefaultGraph", "value": ..., and for literals "datatype": {"value": ...}
# and "language"}; blank node values carry their "_:". The quads are given to pyld's URDNA2015 directly: pyld's own N-Quads
# reader decodes only a few escapes, which would test it rather than canonicalisation.
# Output: a JSON object, dataset name -> canonical N-Quads.
import json
import sys

from pyld import jsonld


def term(t):
    kind = t["termType"]
    if kind == "NamedNode":
        return {"type": "IRI", "value": t["value"]}
    if kind == "BlankNode":
        return {"type": "blank node", "value": t["value"]}
    literal = {"type": "literal", "value": t["value"], "datatype": t["datatype"]["value"]}
    if t.get("language"):
        literal["language"] = t["language"]
    return literal


def canonicalize(quads):
    dataset = {}
    for q in quads:
        graph = "@default" if q["graph"]["termType"] == "DefaultGraph" else q["graph"]["value"]
        triple = {"subject": term(q["subject"]), "predicate": term(q["predicate"]),
                  "object": term(q["object"])}
        dataset.setdefault(graph, []).append(triple)
    return jsonld.URDNA2015().main(dataset, {"format": "application/n-quads"})


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        datasets = json.load(f)
    out = {name: canonicalize(quads) for name, quads in datasets.items()}
    sys.stdout.buffer.write(json.dumps(out).encode("utf-8"))


main()
