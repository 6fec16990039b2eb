#!/usr/bin/env bash
# Installs what is missing, builds the release preset and starts the learner
# player with the bundled courses. Arguments are passed to the player.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
if [[ -x build/release/bin/sightline ]]; then
    exec build/release/bin/sightline "$@"
fi
# Before the player exists, describe what the build found.
exec build/release/bin/sightc stats build/release/share/sightline/courses.slpack
