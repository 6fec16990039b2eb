#!/usr/bin/env python3
"""Plays the best and the worst path of every bundled scenario (and the other
transcripts of bundled scenarios, scenarios/transcripts/*-hotline.txt; every
one without a source: line or a --lang of its own), and the course and
scenario menus, in the
pseudo-locale qps (tools/i18n/pseudolocalize.py) with the text player, and
checks what it prints (stdout and stderr):

  untranslated  two or more English words in a row: words of letters only
                (inner ' and - allowed), 3+ letters each, none with a pseudo
                accent, in the same paragraph. Text the pseudo-localizer
                never saw, i.e. a string not wrapped in tr() or missing from
                po/sightline.pot, or course text not taken from the bundle.
  truncated     a "[" that opens a pseudo string (accented text or "~" after
                it) and is not closed by "]" in the same paragraph, or a "~]"
                that closes a pseudo string whose "[" is not in the paragraph.

With --help-pages, `sightline --lang qps [COMMAND...] --help` too, for every
command and subcommand the English help lists.

Phrases in allow.txt are never English to translate (product and command
names); phrases in pending.txt are known gaps that other work will close: both
are masked before the check, pending ones are listed in the output, and a
pending phrase that no longer appears anywhere fails the test (delete the
line). A phrase matches across line wraps; see the files' headers. A pending
"page: COMMAND..." line lets a whole help page (and its subcommands' pages)
stay English for now.

    check_pseudo.py --sightline BIN --bundle QPS.slpack --transcripts DIR
                    --allow allow.txt --pending pending.txt --work DIR
                    [--program-po po/sightline-es.po]

The plays' output is kept in WORK/<transcript>.txt. With --program-po,
a pending phrase also stays in use while a message of that PO file containing
it is untranslated (translation_coverage.py program lets those through).

sightc mode: `sightc --lang qps` on every example of content/diagnostics.md
(each code's, compiled with tests/content/examples/prelude.scn as the
catalogue test does: `check --lint`, with its PO file `--po`; SL0001 on a
missing file; the gaming audit's, SL0508-SL0510, through `sightc audit`) must
print the example's code and no untranslated or cut-off text, and so must
`sightc --lang qps [COMMAND] --help` for every command. The source line and
caret under each diagnostic, and the words a message quotes in '...', are the
course author's own text and are not checked.

    check_pseudo.py sightc --sightc BIN --diagnostics content/diagnostics.md
                    --prelude prelude.scn --allow allow.txt --pending pending.txt --work DIR
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # translation_coverage.py is imported from here: no __pycache__

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "tools", "i18n"))
from pseudolocalize import ACCENTED  # noqa: E402

# Every letter pseudolocalize.py writes in place of an ASCII one.
PSEUDO = {chr(c) for c in ACCENTED.values()}
WORD = re.compile(r"^[A-Za-z]+(?:['’-][A-Za-z]+)*$")
EDGE = "\"'“”‘’()[]{}<>.,;:!?*_`~/|"


def read_phrases(path):
    """[(phrase, line number, reason)] of an allow-list file: one phrase a
    line, then "  # reason"; lines starting with # are comments."""
    phrases = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            phrase, sep, reason = line.partition("  #")
            phrase = phrase.strip()
            if not sep or not reason.strip():
                sys.exit(f"{path}:{number}: '{phrase}' needs a reason: PHRASE  # why")
            phrases.append((phrase, number, reason.strip()))
    return phrases


def phrase_pattern(phrase):
    body = r"\s+".join(re.escape(w) for w in phrase.split())
    if re.match(r"\w", phrase):
        body = r"(?<!\w)" + body
    if re.search(r"\w$", phrase):
        body += r"(?!\w)"
    return re.compile(body)


def transcript_parts(path):
    text = open(path, encoding="utf-8").read().replace("\r\n", "\n")
    script_at = text.find("=== script\n")
    output_at = text.find("\n=== output\n")
    if script_at < 0 or output_at < script_at:
        sys.exit(f"{path}: needs a '=== script' line and then a '=== output' line")
    header = text[:script_at]
    script = text[script_at + len("=== script\n"):output_at + 1]
    args = re.search(r"(?m)^args: *(.*)$", header)
    exit_code = re.search(r"(?m)^exit: *(\d+)$", header)
    return (args.group(1).split() if args else [], script,
            int(exit_code.group(1)) if exit_code else 0)


def paragraphs(text):
    """(first line number, text) of each run of non-blank lines."""
    block, start = [], 0
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            yield start, "\n".join(block)
            block = []
    if block:
        yield start, "\n".join(block)


def line_of(paragraph, start, offset):
    return start + paragraph.count("\n", 0, offset)


def is_english(token):
    core = token.strip(EDGE)
    return (WORD.match(core) is not None and sum(c.isalpha() for c in core) >= 3
            and not any(c in PSEUDO for c in core))


def shape(line):
    """A line with its pseudo text as [...] and numbers as N: the English
    message it shows, to group the places that show the same one."""
    line = re.sub(r"\[[^\[\]]*\]|\[[^\[\]]*$|^[^\[\]]*\]", "[...]", line.strip())
    return re.sub(r"-?\d+", "N", re.sub(r"\[\.\.\.\][.,;:]*", "[...]", line))


def check_output(where, text, allow, pending, pending_hits, problems):
    """Appends (kind, message) to problems; counts pending phrase hits."""
    lines = text.split("\n")
    for start, para in paragraphs(text):
        masked = []
        for phrase, pattern in allow:
            masked += [m.span() for m in pattern.finditer(para)]
        for phrase, pattern in pending:
            for m in pattern.finditer(para):
                masked.append(m.span())
                pending_hits[phrase].append(f"{where}:{line_of(para, start, m.start())}")
        # (a) untranslated: runs of English words outside the masked spans
        run, runs_by_line = [], collections.OrderedDict()
        tokens = list(re.finditer(r"\S+", para)) + [None]
        for token in tokens:
            english = token is not None and is_english(token.group(0)) and not any(
                a < token.end() and token.start() < b for a, b in masked)
            if english:
                run.append(token)
                continue
            if len(run) >= 2:
                first = line_of(para, start, run[0].start())
                runs_by_line.setdefault(first, []).append(" ".join(t.group(0) for t in run))
            run = []
        for n, runs in runs_by_line.items():
            problems.append(("untranslated", shape(lines[n - 1]),
                             f"{where}:{n}: {lines[n - 1].strip()}  <- "
                             + ", ".join(repr(r) for r in runs)))
        # (b) truncated: pseudo brackets closed within the paragraph
        stack = []
        for i, c in enumerate(para):
            if c == "[":
                stack.append(i)
            elif c == "]":
                if stack:
                    stack.pop()
                elif i > 0 and para[i - 1] == "~":
                    n = line_of(para, start, i)
                    problems.append(("truncated", "closing ']' without its '['",
                                     f"{where}:{n}: the start of a pseudo string is missing: "
                                     f"{lines[n - 1].strip()}"))
        for i in stack:
            after = para[i + 1:]
            if "~" in after or any(c in PSEUDO for c in after[:40]):
                n = line_of(para, start, i)
                end = start + para.count("\n")
                problems.append(("truncated", "'[' never closed",
                                 f"{where}:{n}: the '[' opened here is not closed by ']' "
                                 f"before the paragraph ends (line {end}); the string was cut: "
                                 f"{lines[n - 1].strip()}"))


def help_pages(sightline, env):
    """[[], ["records"], ["records", "export"], ...]: every command whose --help
    lists it under "Subcommands:" in English, down to three levels."""
    english = dict(env)
    pages, queue = [], [[]]
    while queue:
        path = queue.pop(0)
        pages.append(path)
        out = subprocess.run([sightline, *path, "--help"], env=english, capture_output=True,
                             text=True).stdout
        section = out.split("\nSubcommands:\n", 1)
        if len(section) == 2 and len(path) < 3:
            for line in section[1].split("\n\n", 1)[0].splitlines():
                m = re.match(r"^  ([a-z][\w-]*)\s", line)
                if m:
                    queue.append(path + [m.group(1)])
    return pages


# sightc's diagnostics show the author's source line and a caret under it.
SOURCE_EXCERPT = re.compile(r"(?m)^ *\d* \| .*$")
QUOTED = re.compile(r"(?<!\w)'[^'\n]*'")
# A list of the scenario language's keywords: "expected one of title, role, ...".
KEYWORDS = re.compile(r"(?<![\w-])[a-z][a-z-]*(?:, [a-z][a-z-]*){2,}(?![\w-])")


def sightc_output(text):
    """sightc's output with what is not sightc's own text blanked out: the
    source line and caret under each diagnostic, the author's words a message
    quotes in '...' (a one-word quote, an id, stays: next to an unwrapped
    message's words it is still caught) and lists of the scenario language's
    keywords ("title, role, language"), keeping the line breaks."""
    text = KEYWORDS.sub("", SOURCE_EXCERPT.sub("", text))
    return QUOTED.sub(lambda m: m.group(0) if " " not in m.group(0) else "''", text)


def diagnostic_examples(path):
    """[(code, scenario text, PO text or "")] of every section of
    content/diagnostics.md, with its {{...}} byte placeholders expanded, as
    tests/content/diagnostics_catalogue_test.cpp reads them."""
    doc = open(path, encoding="utf-8").read()
    examples = []
    for section in re.split(r"(?m)^## ", doc)[1:]:
        m = re.match(r"(SL\d{4}): ", section)
        if not m:
            continue
        blocks = dict((kind, body) for kind, body in
                      re.findall(r"(?ms)^```(scn|po)\n(.*?\n)```", section))
        text = blocks.get("scn", "")
        for placeholder, raw in (("{{NUL}}", "\0"), ("{{INVALID_UTF8}}", "\udcff"),
                                 ("{{LONG_LINE}}", "a" * 20000)):
            text = text.replace(placeholder, raw)
        examples.append((m.group(1), text, blocks.get("po", "")))
    return examples


AUDIT_CODES = ("SL0508", "SL0509", "SL0510")


def sightc_main(argv):
    p = argparse.ArgumentParser(prog="check_pseudo.py sightc",
                                description="sightc --lang qps: diagnostics and help")
    for name in ("sightc", "diagnostics", "prelude", "allow", "pending", "work"):
        p.add_argument("--" + name, required=True)
    o = p.parse_args(argv)
    o.prelude = os.path.abspath(o.prelude)
    allow = [(ph, phrase_pattern(ph)) for ph, _, _ in read_phrases(o.allow)]
    # pending.txt's phrases (CLI11's own words) are masked; which of them are
    # stale is the player check's business, not this one's.
    pending = [(ph, phrase_pattern(ph)) for ph, _, _ in read_phrases(o.pending)
               if not ph.startswith("page:")]
    pending_hits = collections.defaultdict(list)
    problems = []
    env = dict(os.environ, LC_ALL="C.UTF-8")
    env.pop("LANGUAGE", None)
    os.makedirs(o.work, exist_ok=True)
    runs = []
    with tempfile.TemporaryDirectory(prefix="sightc.", dir=o.work) as work:
        for code, text, po in diagnostic_examples(o.diagnostics):
            source = os.path.join(work, code + ".scn")
            if not text:  # SL0001: a file that does not exist
                runs.append((code, ["check", source]))
                continue
            with open(source, "w", encoding="utf-8", errors="surrogateescape") as f:
                f.write(text)
            # The gaming audit's codes (SL0508-SL0510) are `sightc audit`'s, which plays
            # the compiled example (engine/learning/audit.cpp) as the catalogue test does.
            command = (["audit", o.prelude, source] if code in AUDIT_CODES
                       else ["check", "--lint", o.prelude, source])
            if po and code not in AUDIT_CODES:
                with open(os.path.join(work, code + ".po"), "w", encoding="utf-8") as f:
                    f.write(po)
                command += ["--po", os.path.join(work, code + ".po")]
            runs.append((code, command))
        commands = [c for c in re.findall(r"(?m)^  ([a-z]+)  ", subprocess.run(
            [o.sightc, "--help"], env=env, capture_output=True, text=True).stdout)]
        if len(commands) < 5:
            problems.append(("help", "commands", f"`sightc --help` lists no commands: {commands}"))
        runs += [("help", ["--help"])] + [("help", [c, "--help"]) for c in commands]
        seen_codes = set()
        for code, args in runs:
            command = [o.sightc, "--lang", "qps", *args]
            run = subprocess.run(command, cwd=work, env=env, capture_output=True)
            out = (run.stdout + run.stderr).decode("utf-8", "replace")
            where = "sightc --lang qps " + " ".join(
                os.path.basename(a) if os.sep in a else a for a in args)
            name = "sightc-" + code + "".join("-" + a for a in args if not os.sep in a)
            with open(os.path.join(o.work, name + ".txt"), "w", encoding="utf-8") as f:
                f.write(out)
            if code.startswith("SL"):
                if code not in out:
                    problems.append(("example", code, f"{where}: does not report {code}:\n{out}"))
                seen_codes.add(code)
            elif run.returncode != 0:
                problems.append(("exit", f"exit code {run.returncode}",
                                 f"{where}: exit code {run.returncode}, expected 0"))
            if not any(c in PSEUDO for c in out):
                problems.append(("not qps", "no pseudo text",
                                 f"{where}: no pseudo-localized text at all; is the qps "
                                 f"catalogue built (the pseudo-locale target)?"))
            check_output(where, sightc_output(out), allow, pending, pending_hits, problems)
    print(f"qps: sightc on {len(seen_codes)} diagnostic examples and "
          f"{sum(1 for c, _ in runs if c == 'help')} help pages, the output in "
          f"{o.work}/sightc-*.txt")
    if len(seen_codes) < 50:
        problems.append(("examples", "too few", f"only {len(seen_codes)} examples found in "
                         f"{o.diagnostics}"))
    if any(pending_hits.values()):
        print(f"\nPENDING (known untranslated, {o.pending}); not failures:")
        for phrase, hits in pending_hits.items():
            if hits:
                print(f"  {phrase!r}: {len(hits)} times, first {hits[0]}")
    if not problems:
        print("\nok: no untranslated or truncated text")
        return 0
    print(f"\nFAILED: {len(problems)} problems")
    for kind, key, message in problems[:60]:
        print(f"  {kind}: {message}")
    return 1


def main():
    if sys.argv[1:2] == ["sightc"]:
        return sightc_main(sys.argv[2:])
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name in ("sightline", "bundle", "transcripts", "allow", "pending", "work"):
        p.add_argument("--" + name, required=True)
    p.add_argument("--help-pages", action="store_true",
                   help="also check `sightline --lang qps [COMMAND...] --help`, every page")
    p.add_argument("--program-po", help="po/sightline-es.po: its untranslated messages keep "
                   "their pending.txt phrases from going stale")
    o = p.parse_args()

    allow = [(ph, phrase_pattern(ph)) for ph, _, _ in read_phrases(o.allow)]
    pending_entries = read_phrases(o.pending)
    # "page: COMMAND...": that help page and its subcommands' pages, whole.
    pending_pages = {ph: ph[len("page:"):].split() for ph, _, _ in pending_entries
                     if ph.startswith("page:")}
    pending = [(ph, phrase_pattern(ph)) for ph, _, _ in pending_entries
               if ph not in pending_pages]
    pending_hits = collections.defaultdict(list)
    problems = []
    # The bundled scenarios' paths (best, worst, and the hotline ones some have):
    # a transcript with a source: plays an example, not the bundle.
    names = sorted(f for f in os.listdir(o.transcripts)
                   if f.endswith(".txt") and f != "README.txt" and not re.search(
                       r"(?m)^source:", open(os.path.join(o.transcripts, f), encoding="utf-8").read()))
    if not [f for f in names if f.endswith("-best.txt")] or not [
            f for f in names if f.endswith("-worst.txt")]:
        sys.exit(f"no *-best.txt or *-worst.txt of the bundled scenarios in {o.transcripts}")
    env = dict(os.environ, LC_ALL="C.UTF-8")
    env.pop("LANGUAGE", None)
    os.makedirs(o.work, exist_ok=True)
    plays = [(name, *transcript_parts(os.path.join(o.transcripts, name))) for name in names]
    # A transcript that picks its language (--lang es, *.es.txt) plays that one.
    plays = [play for play in plays if not any(a.startswith("--lang") for a in play[1])]
    # And the menus: the first course, its first scenario's introduction, quit.
    plays.append(("menus.txt", ["--seed", "1"], "1\n1\nq\n", 0))
    for name, args, script, expected_exit in plays:
        # Each play in a folder of its own: two ctest runs at once do not mix.
        with tempfile.TemporaryDirectory(prefix=name[:-4] + ".", dir=o.work) as work:
            with open(os.path.join(work, "script.txt"), "w", encoding="utf-8") as f:
                f.write(script)
            command = [o.sightline, "--text", "--bundle", o.bundle, "--lang", "qps", *args,
                       "--script", "script.txt"]
            run = subprocess.run(command, cwd=work, env=env, capture_output=True)
        out = run.stdout.decode("utf-8", "replace")
        err = run.stderr.decode("utf-8", "replace")
        with open(os.path.join(o.work, name[:-4] + ".txt"), "w", encoding="utf-8") as f:
            f.write(out)
        where = name[:-4]
        if run.returncode != expected_exit:
            problems.append(("exit", f"exit code {run.returncode}",
                             f"{where}: exit code {run.returncode}, expected {expected_exit}: "
                             f"{' '.join(command)}\n    stderr: {err.strip()}"))
        if not any(c in PSEUDO for c in out):
            problems.append(("not qps", "no pseudo text",
                             f"{where}: the output has no pseudo-localized text at all; "
                             f"was the bundle built with the qps translation? ({o.bundle})"))
        check_output(f"{where} (stdout)", out, allow, pending, pending_hits, problems)
        if err:
            check_output(f"{where} (stderr)", err, allow, pending, pending_hits, problems)

    # The command line's help, every page: the commands and subcommands are
    # found in the English help, then each page is shown in qps.
    pages = help_pages(o.sightline, env) if o.help_pages else []
    for path in pages:
        command = [o.sightline, "--lang", "qps", *path, "--help"]
        run = subprocess.run(command, env=env, capture_output=True)
        where = " ".join(["sightline", "--lang", "qps", *path, "--help"])
        out = run.stdout.decode("utf-8", "replace") + run.stderr.decode("utf-8", "replace")
        with open(os.path.join(o.work, "help" + "".join("-" + p for p in path) + ".txt"), "w",
                  encoding="utf-8") as f:
            f.write(out)
        if run.returncode != 0:
            problems.append(("exit", f"exit code {run.returncode}",
                             f"{where}: exit code {run.returncode}, expected 0"))
        page = [ph for ph, prefix in pending_pages.items() if path[:len(prefix)] == prefix]
        found = []
        check_output(where, out, allow, pending, pending_hits, found)
        if page:  # a page still to translate: its English is listed, not failed
            pending_hits[page[0]] += [m.split("  <- ")[0] for k, _, m in found
                                      if k == "untranslated"]
            found = [f for f in found if f[0] != "untranslated"]
        problems += found

    # A pending phrase also stands for program messages po/sightline-es.po
    # does not translate yet (translation_coverage.py program lets them through).
    if o.program_po and os.path.exists(o.program_po):
        import translation_coverage
        gaps = [msgid for flag in ("--untranslated", "--only-fuzzy")
                for _, msgid in translation_coverage.entries(o.program_po, flag)]
        for phrase, pattern in pending:
            pending_hits[phrase] += [f"{os.path.basename(o.program_po)}: {m!r}"
                                     for m in gaps if pattern.search(m)]
    print(f"qps: {len(plays)} plays (the bundled scenarios' transcripts and the menus) and "
          f"{len(pages)} help pages, their output in {o.work}/<name>.txt")
    if any(pending_hits.values()):
        print(f"\nPENDING (known untranslated, {o.pending}); not failures:")
        for phrase, _, reason in pending_entries:
            hits = pending_hits.get(phrase)
            if hits:
                print(f"  {phrase!r}: {len(hits)} times, first {hits[0]}  ({reason})")
    stale = [(ph, n) for ph, n, _ in pending_entries if not pending_hits.get(ph)]
    for phrase, number in stale:
        problems.append(("stale pending", phrase,
                         f"{o.pending}:{number}: {phrase!r} no longer appears in any qps play "
                         f"nor in an untranslated message of the program PO file: "
                         f"it is translated now, delete the line"))

    if not problems:
        print("\nok: no untranslated or truncated text")
        return 0
    # One line per distinct problem, with how often and where it shows.
    grouped = collections.OrderedDict()
    for kind, key, message in problems:
        grouped.setdefault((kind, key, message.split(": ", 1)[-1] if kind == "truncated"
                            else key), []).append(message)
    counts = collections.Counter(kind for kind, _, _ in problems)
    print("\nFAILED: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    for (kind, key, _), messages in grouped.items():
        if kind == "untranslated":
            print(f"\nuntranslated: {key} ({len(messages)} times)")
        else:
            print(f"\n{kind} ({len(messages)} times)")
        for message in messages[:3]:
            print(f"  {message}")
        if len(messages) > 3:
            print(f"  ... and {len(messages) - 3} more")
    if counts["untranslated"]:
        print("\nFix: wrap the text in i18n::tr() and run the program-PO sync (po/sightline.pot),"
              " or, for a gap other work will close, add the phrase to tests/pseudo/pending.txt"
              " with a reason.")
    return 1


if __name__ == "__main__":
    sys.exit(main())
