#!/usr/bin/env python3
"""Extracts every tr() string of content/, engine/ and tools/ (engine/i18n/i18n.hpp) into
po/sightline.pot and merges it into each po/sightline-LANG.po: a new string
arrives untranslated, a changed one fuzzy, a removed one obsolete (#~), which
any PO editor shows. The .pot carries no creation date, so it changes only
when the strings do. Run by `cmake --build BUILD --target update-program-po`.

    update_program_po.py REPOSITORY
"""
import glob
import os
import re
import subprocess
import sys


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    os.chdir(sys.argv[1])
    sources = sorted(
        p for pattern in ("content/*.cpp", "content/*.hpp", "engine/**/*.cpp", "engine/**/*.hpp",
                            "tools/**/*.cpp", "tools/**/*.hpp")
        for p in glob.glob(pattern, recursive=True) if not p.startswith("tools/bench/"))
    pot = "po/sightline.pot"
    if os.path.exists(pot):
        os.remove(pot)  # xgettext writes nothing when there is nothing to extract
    subprocess.run(["xgettext", "--language=C++", "--from-code=UTF-8", "--sort-by-file",
                    "--no-wrap", "--add-comments=TRANSLATORS:", "--package-name=Sightline",
                    "--keyword=tr:1,1t", "--keyword=tr:1c,2,2t", "--keyword=tr_n:1,2",
                    "-o", pot] + sources, check=True)
    if not os.path.exists(pot):
        return 0
    with open(pot, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r'"POT-Creation-Date: [^"]*"\n', "", text)
    text = text.replace('charset=CHARSET\\n"', 'charset=UTF-8\\n"')
    with open(pot, "w", encoding="utf-8") as f:
        f.write(text)
    for catalogue in sorted(glob.glob("po/sightline-*.po")):
        subprocess.run(["msgmerge", "--quiet", "--update", "--backup=none", "--no-wrap",
                        catalogue, pot], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
