#!/usr/bin/env bash
# Installs every Debian package Sightline needs to build, test and run.
# Idempotent: when everything is present it only asks dpkg and returns at once.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  clang libclang-rt-14-dev            # libFuzzer targets and the sanitizer runtime
  libcereal-dev                       # bundle payload serialisation
  libsodium-dev                       # SHA-256 checksums, Ed25519 signatures
  doctest-dev                         # unit tests
  libcli11-dev                        # command lines of sightline and sightc (CLI11 2.1)
  nlohmann-json3-dev                  # JSON (exports, credentials, config)
  libsqlite3-dev                      # learner records
  libgraphviz-dev graphviz            # sightc graph
  fonts-dejavu-core                   # text rendering
  libssl-dev                          # SHA-256 with CPU acceleration for bundle checks
  libimgui-dev libstb-dev             # the desktop player (Dear ImGui 1.86, stb_image_write)
  libglfw3-dev libgl-dev              # window and OpenGL context for the desktop player
  xvfb xauth libgl1-mesa-dri          # headless display for screenshot tests (Mesa llvmpipe)
  libcairo2-dev libpango1.0-dev       # certificate PDFs
  libqrencode-dev                     # certificate QR codes
  poppler-utils zbar-tools            # certificate tests: PDF to PNG, QR decoding
  libcsv-dev                          # records tests: exports read back by a real CSV parser
  clang-format                        # tools/test.sh: the code style (.clang-format)
  # The installable product (cmake/install.cmake, cmake/packaging.cmake, tests/install):
  librsvg2-bin                        # rsvg-convert: the icon's PNG sizes at build time
  help2man                            # man pages from --help at build time
  dpkg-dev                            # dpkg-shlibdeps: the .deb's Depends (CPack)
  lintian                             # tests/install: the .deb has no lintian errors
  desktop-file-utils appstream        # tests/install: desktop-file-validate, appstreamcli
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  SUDO=sudo
else
  SUDO=
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
