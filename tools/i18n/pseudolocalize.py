#!/usr/bin/env python3
"""Fills every msgstr of a PO file with a pseudo-translation of its msgid, for
the pseudo-locale the tests run (language tag "qps", as in Windows' qps-ploc):
letters get accents, so a string shown without them was never translated, and
each line grows by 30% inside [ ... ], so a cut-off line has no closing bracket.
The growth is runs of "~" (at most 10, split by spaces like words, so long
lines still wrap), always ending "~]".
Digits, {N} placeholders, URLs, e-mail addresses, command-line options
(--lang, -o), @ids, $VARIABLES, paths and line breaks stay as they are, so
numbers (hotline numbers above all), option names and layout survive.

    pseudolocalize.py IN.po|IN.pot OUT.po

msgen (GNU gettext) first copies each msgid to its msgstr (msgid_plural to
msgstr[1]), so plurals and the file's layout stay gettext's own; this script
then rewrites each msgstr in place, sets "Language: qps" and, when the file has
plurals, an English-like Plural-Forms. msgfmt --check accepts the result.
"""
import math
import re
import subprocess
import sys

ACCENTED = str.maketrans(
    "abcdeghiklnorstuwyzABCDEGHIKLNORSTUWYZ",
    "àƀçđéĝĥíķĺñóŕšţúŵýžÅßÇĐÉĜĤÍĶĹÑÓŔŠŢÚŴÝŽ",
)
# Kept as they are: {1}-style placeholders, URLs, e-mail addresses,
# command-line options, @answer ids of scripts, $ENVIRONMENT variables, paths
# (~/.pgpass, ../share), and anything xgettext could take for a printf
# directive ("100% and" is "% a" to it), so msgfmt --check stays happy.
KEEP = re.compile(
    r"\{\d+\}|[a-z][a-z0-9+.-]*://\S+|\S+@\S+|(?<![\w-])--?[A-Za-z][\w-]*"
    r"|(?<![\w@])@[\w-]+|\$\{?[A-Za-z_]\w*\}?|(?<![\w.])(?:~|\.\.?)?/[\w./~<>-]+"
    r"|%(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
    r"(?:hh|h|ll|l|L|q|j|z|Z|t)?[diouxXeEfFgGaAcspnm%]")
PADDING_RUN = 10


def pseudo_line(line: str) -> str:
    if not line:
        return line
    out, last = [], 0
    for m in KEEP.finditer(line):
        out.append(line[last:m.start()].translate(ACCENTED))
        out.append(m.group(0))
        last = m.end()
    out.append(line[last:].translate(ACCENTED))
    extra = math.ceil(len(line) * 0.3)
    runs = [PADDING_RUN] * (extra // PADDING_RUN)
    if extra % PADDING_RUN:
        runs.insert(0, extra % PADDING_RUN)
    padding = " ".join("~" * n for n in runs)
    return "[" + "".join(out) + padding + "]"


def pseudo(text: str) -> str:
    return "\n".join(pseudo_line(line) for line in text.split("\n"))


UNESCAPE = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f",
            "v": "\v", "\\": "\\", '"': '"', "'": "'", "?": "?"}


def unquote(literal: str) -> str:
    """The text of one PO string literal, "..." with C escapes."""
    body = literal.strip()[1:-1]
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        nxt = body[i + 1]
        if nxt in UNESCAPE:
            out.append(UNESCAPE[nxt])
            i += 2
        elif nxt in "01234567":
            m = re.match(r"[0-7]{1,3}", body[i + 1:])
            out.append(chr(int(m.group(0), 8)))
            i += 1 + len(m.group(0))
        else:
            raise ValueError(f"unknown escape \\{nxt} in {literal}")
    return "".join(out)


def quote(text: str) -> str:
    return '"' + (text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
                  .replace("\r", "\\r").replace("\n", "\\n")) + '"'


def write_msgstr(keyword: str, text: str) -> list:
    """msgstr lines the way gettext writes them with --no-wrap."""
    pieces = text.split("\n")
    pieces = [p + "\n" for p in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])
    if len(pieces) <= 1:
        return [f"{keyword} {quote(text)}"]
    return [f'{keyword} ""'] + [quote(p) for p in pieces]


def rewrite(po_text: str) -> str:
    lines = po_text.split("\n")
    out, i, header_done = [], 0, False
    msgstr = re.compile(r"^(msgstr(?:\[\d+\])?) (\".*\")$")
    while i < len(lines):
        m = msgstr.match(lines[i])
        if not header_done and lines[i].startswith("#, fuzzy"):
            i += 1  # a template's header is fuzzy; this file's is not
            continue
        if not m:
            out.append(lines[i])
            i += 1
            continue
        keyword, parts = m.group(1), [m.group(2)]
        i += 1
        while i < len(lines) and lines[i].startswith('"'):
            parts.append(lines[i])
            i += 1
        text = "".join(unquote(p) for p in parts)
        if not header_done:  # the first entry is the header: msgid ""
            header_done = True
            out.extend(write_msgstr(keyword, header(text, "msgid_plural " in po_text)))
            continue
        out.extend(write_msgstr(keyword, pseudo(text)))
    return "\n".join(out)


# Header fields this file sets, whatever the template says (a template's
# are placeholders msgfmt --check warns about).
HEADER = {
    "Language": "qps",
    "Language-Team": "pseudo-locale, tools/i18n/pseudolocalize.py",
    "Last-Translator": "tools/i18n/pseudolocalize.py",
    "PO-Revision-Date": "2026-01-01 00:00+0000",
}


def header(text: str, has_plurals: bool) -> str:
    fields = []
    for field in text.split("\n"):
        name = field.split(":", 1)[0]
        if not field or name in HEADER:
            continue
        if name == "Project-Id-Version" and "PACKAGE" in field:
            field = "Project-Id-Version: Sightline"
        if name == "Plural-Forms" and "INTEGER" in field:
            continue
        fields.append(field.replace("charset=CHARSET", "charset=UTF-8"))
    names = {f.split(":", 1)[0] for f in fields}
    if "Project-Id-Version" not in names:
        fields.insert(0, "Project-Id-Version: Sightline")
    fields[1:1] = [f"{k}: {v}" for k, v in HEADER.items()]
    for name, value in (("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=UTF-8"),
                        ("Content-Transfer-Encoding", "8bit")):
        if name not in names:
            fields.append(f"{name}: {value}")
    if has_plurals and not any(f.startswith("Plural-Forms:") for f in fields):
        fields.append("Plural-Forms: nplurals=2; plural=(n != 1);")
    return "".join(f + "\n" for f in fields)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    source, target = sys.argv[1], sys.argv[2]
    english = subprocess.run(["msgen", "--no-wrap", source], check=True,
                             capture_output=True).stdout.decode("utf-8")
    if not english.strip():  # no messages at all: msgen writes nothing
        english = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    with open(target, "w", encoding="utf-8") as f:
        f.write(rewrite(english))
    return 0


if __name__ == "__main__":
    sys.exit(main())
