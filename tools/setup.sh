#!/usr/bin/env bash
# Installs every Debian package Sightline needs to build, test and run; with
# --tests also the independent implementations the tests compare with (Debian
# packages, and the npm packages locked in tools/oracles/package-lock.json).
# Idempotent: when everything is present it only asks dpkg and returns at once.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config git
  clang libclang-rt-14-dev            # libFuzzer targets and the sanitizer runtime
  libcereal-dev                       # bundle payload serialisation
  libsodium-dev                       # SHA-256 checksums, Ed25519 signatures
  doctest-dev                         # unit tests
  libcli11-dev                        # command lines of sightline and sightc (CLI11 2.1)
  nlohmann-json3-dev                  # JSON (exports, credentials, config)
  libsqlite3-dev                      # learner records
  libpq-dev                           # organisations' shared records on PostgreSQL (libpq)
  libgraphviz-dev graphviz            # sightc graph
  fonts-dejavu-core                   # text rendering
  libssl-dev                          # SHA-256 with CPU acceleration for bundle checks
  libimgui-dev libstb-dev             # the desktop player (Dear ImGui 1.86, stb_image_write)
  libglfw3-dev libgl-dev              # window and OpenGL context for the desktop player
  xvfb xauth libgl1-mesa-dri          # headless display for screenshot tests (Mesa llvmpipe)
  libcairo2-dev libpango1.0-dev       # certificate PDFs
  libqrencode-dev                     # certificate QR codes
  zlib1g-dev                          # GZIP of certificate status lists (revocation)
  poppler-utils zbar-tools            # certificate tests: PDF to PNG, QR decoding
  libcsv-dev                          # records tests: exports read back by a real CSV parser
  gettext                             # msgfmt: po/*.po compiled to .mo at build time; msgfmt --check in tests
  libcpp-httplib-dev                  # the classroom's phone server (cpp-httplib 0.11)
  clang-format                        # tools/test.sh: the code style (.clang-format)
  # The installable product (cmake/install.cmake, cmake/packaging.cmake, tests/install):
  librsvg2-bin                        # rsvg-convert: the icon's PNG sizes at build time
  help2man                            # man pages from --help at build time
  dpkg-dev                            # dpkg-shlibdeps: the .deb's Depends (CPack)
  lintian                             # tests/install: the .deb has no lintian errors
  desktop-file-utils appstream        # tests/install: desktop-file-validate, appstreamcli
)
# Independent implementations the tests compare with (never linked or shipped):
# `tools/setup.sh --tests` (tools/test.sh) adds them.
test_packages=(
  nodejs                              # tests/credentials: the DCC verifier (tools/oracles, npm)
  python3-pyld                        # tests/linkeddata, tests/credentials: JSON-LD and URDNA2015
  node-rdf-canonize                   # tests/linkeddata: RDFC-1.0 in JavaScript
  chromium chromium-driver python3-selenium # tests/classroom: the phone page in a real browser
  python3-pil                         # tests/classroom: the phone page's screenshots against golden images
  postgresql                          # tests/records: the PostgreSQL store against a throwaway cluster (initdb)
)
if [[ ${1:-} == --tests ]]; then
  packages+=("${test_packages[@]}")
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# The npm test oracles (tools/oracles/package-lock.json), installed without running
# any package's install scripts; only when the lock file changed since the last time.
install_oracles() {
  [[ ${1:-} == --tests ]] || return 0
  local oracles=tools/oracles
  if cmp -s "$oracles/package-lock.json" "$oracles/node_modules/.sightline-lock" 2>/dev/null; then
    return 0
  fi
  command -v npm >/dev/null || $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null
  echo "setup: installing the test oracles in $oracles (npm ci)" >&2
  npm ci --prefix "$oracles" --ignore-scripts --no-audit --no-fund --loglevel=error >&2
  cp "$oracles/package-lock.json" "$oracles/node_modules/.sightline-lock"
}

if [[ $(id -u) -ne 0 ]]; then
  SUDO=sudo
else
  SUDO=
fi

if ((${#missing[@]} == 0)); then
  install_oracles "$@"
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_oracles "$@"
