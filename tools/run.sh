#!/usr/bin/env bash
# Installs what is missing, builds the release preset and starts the learner
# player with the bundled courses. Arguments are passed to the player.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec build/release/bin/sightline "$@"
