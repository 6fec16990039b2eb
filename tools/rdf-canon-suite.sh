#!/usr/bin/env bash
# Materialises the W3C RDFC-1.0 test suite (the tests/ folder of w3c/rdf-canon) from a
# git directory into a fresh temporary folder and prints that folder, for
#   SIGHTLINE_RDF_CANON_TESTS=$(tools/rdf-canon-suite.sh <git-dir>) \
#       ctest --preset release -R 'W3C RDFC-1.0 suite'
# The suite is W3C material: it is read and run here, never copied into the repository.
# Remove the printed folder's parent when done.
#
# Usage: tools/rdf-canon-suite.sh <git-dir of w3c/rdf-canon> [commit, default HEAD]
set -euo pipefail
if [[ $# -lt 1 || $# -gt 2 ]]; then
    echo "usage: $0 <git-dir of w3c/rdf-canon> [commit]" >&2
    exit 2
fi
git_dir=$1
commit=${2:-HEAD}
out=$(mktemp -d "${TMPDIR:-/tmp}/rdf-canon-suite.XXXXXX")
if ! git --git-dir="$git_dir" archive "$commit" tests | tar -x -C "$out" ||
    [[ ! -f $out/tests/manifest.jsonld ]]; then
    echo "$0: no tests/manifest.jsonld in $git_dir at $commit" >&2
    rm -rf "$out"
    exit 1
fi
echo "$out/tests"
