#!/usr/bin/env python3
"""The translation coverage gates.

  translation_coverage.py course --sightc BIN --scenarios DIR --po FILE.po --language TAG
      `sightc check DIR --po FILE.po` exits 0, says "TAG: N of N strings
      translated (100%)", and prints no SL0602 (fuzzy), SL0603 (untranslated)
      or SL0604 (obsolete id) warning; for the pseudo-locale qps, no SL06xx
      diagnostic at all.

  translation_coverage.py program --po po/sightline-LANG.po --pot po/sightline.pot
                                  [--source-root DIR] [--pending pending.txt]
      `msgfmt --check --statistics` on the PO file passes and counts no
      untranslated and no fuzzy message; every message of the template is in
      the PO file; with --source-root, every tr() string of content/, engine/ and tools/
      (xgettext, as po/CMakeLists.txt's update-program-po) is in the template.
      A message whose msgid contains a phrase of --pending is listed as
      PENDING instead of failing (tests/pseudo/pending.txt).
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile


def course(o):
    run = subprocess.run([o.sightc, "check", o.scenarios, "--po", o.po],
                         capture_output=True, text=True)
    text = run.stdout + run.stderr
    problems = []
    if run.returncode != 0:
        problems.append(f"sightc check exited {run.returncode}")
    m = re.search(rf"(?m)^{re.escape(o.language)}: (\d+) of (\d+) strings translated \((\d+)%\)", text)
    if not m:
        problems.append(f"no '{o.language}: N of N strings translated' line; is {o.po}'s "
                        f"Language: {o.language}?")
    elif m.group(1) != m.group(2):
        problems.append(f"{o.language} course text is {m.group(3)}% translated "
                        f"({m.group(1)} of {m.group(2)} strings)")
    codes = r"SL06\d\d" if o.language == "qps" else r"SL060[234]"
    for line in text.splitlines():
        if re.search(codes, line):
            problems.append(line)
    if problems:
        print(f"sightc check {o.scenarios} --po {o.po}:\n{text}")
        print("FAILED:\n  " + "\n  ".join(problems))
        return 1
    print(text + f"ok: {o.language} course text 100% translated, no {codes} diagnostics")
    return 0


def entries(po, *options):
    """(msgctxt or None, msgid) of every live message msgattrib selects with
    options (none: all), the header left out."""
    out = subprocess.run(["msgattrib", *options, "--no-wrap", "--no-obsolete", "--no-location", po],
                         capture_output=True, text=True, check=True).stdout
    found, fields, field = [], {}, None
    for line in out.splitlines() + [""]:
        m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$', line)
        if m:
            if m.group(1) in ("msgctxt", "msgid") and "msgstr" in "".join(fields):
                found.append(fields)
                fields = {}
            field = m.group(1)
            fields[field] = json.loads(m.group(2))
        elif line.startswith('"') and field:
            fields[field] += json.loads(line)
        elif not line.strip() and fields:
            found.append(fields)
            fields, field = {}, None
    return [(f.get("msgctxt"), f["msgid"]) for f in found
            if "msgid" in f and (f["msgid"] or "msgctxt" in f)]


def program(o):
    problems = []
    for path in (o.po, o.pot):
        if not os.path.exists(path):
            print(f"FAILED: {path} does not exist (tr() strings are extracted into the template "
                  f"and merged into each po/sightline-LANG.po)")
            return 1
    run = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, o.po],
                         capture_output=True, text=True)
    stats = (run.stdout + run.stderr).strip()
    print(f"msgfmt --check --statistics {o.po}: {stats}")
    if run.returncode != 0:
        problems.append(f"msgfmt --check failed:\n{stats}")
    pending = []
    if o.pending:
        sys.dont_write_bytecode = True
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import check_pseudo
        pending = [(ph, check_pseudo.phrase_pattern(ph), reason)
                   for ph, _, reason in check_pseudo.read_phrases(o.pending)]

    def gap(what, msgid):
        why = [f"{ph!r}: {reason}" for ph, pattern, reason in pending if pattern.search(msgid)]
        if why:
            print(f"PENDING ({o.pending}, {why[0]}): {what}")
        else:
            problems.append(what)

    # msgfmt's statistics count them; these name them.
    for kind, flag in (("untranslated", "--untranslated"), ("fuzzy", "--only-fuzzy")):
        for ctx, msgid in entries(o.po, flag):
            gap(f"{kind} in {o.po}: {msgid!r}" + (f" (context {ctx!r})" if ctx else ""), msgid)
    missing = set(entries(o.pot)) - set(entries(o.po))
    for ctx, msgid in sorted(missing, key=str):
        gap(f"in {o.pot} but not in {o.po}: {msgid!r}" + (f" (context {ctx!r})" if ctx else ""),
            msgid)
    if o.source_root:
        sources = sorted(
            os.path.relpath(p, o.source_root)
            for pattern in ("content/*.cpp", "content/*.hpp", "engine/**/*.cpp", "engine/**/*.hpp",
                            "tools/**/*.cpp", "tools/**/*.hpp")
            for p in glob.glob(os.path.join(o.source_root, pattern), recursive=True))
        sources = [s for s in sources if not s.startswith("tools/bench/")]
        with tempfile.TemporaryDirectory() as tmp:
            fresh = os.path.join(tmp, "fresh.pot")
            subprocess.run(["xgettext", "--language=C++", "--from-code=UTF-8", "--no-wrap",
                            "--keyword=tr:1,1t", "--keyword=tr:1c,2,2t", "--keyword=tr_n:1,2",
                            "-o", fresh, *sources], cwd=o.source_root, check=True)
            if os.path.exists(fresh):  # xgettext writes nothing when there are no strings
                stale = set(entries(fresh)) - set(entries(o.pot))
                for ctx, msgid in sorted(stale, key=str):
                    gap(f"a tr() string of the sources is not in {o.pot} (re-extract): {msgid!r}"
                        + (f" (context {ctx!r})" if ctx else ""), msgid)
    if problems:
        print("FAILED:\n" + "\n".join(problems))
        return 1
    print(f"ok: every program string of {o.pot} is translated in {o.po}, none fuzzy")
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="gate", required=True)
    c = sub.add_parser("course")
    for name in ("sightc", "scenarios", "po", "language"):
        c.add_argument("--" + name, required=True)
    g = sub.add_parser("program")
    g.add_argument("--po", required=True)
    g.add_argument("--pot", required=True)
    g.add_argument("--source-root")
    g.add_argument("--pending", help="phrases whose messages may still be untranslated")
    o = p.parse_args()
    return course(o) if o.gate == "course" else program(o)


if __name__ == "__main__":
    sys.exit(main())
