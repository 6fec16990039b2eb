#!/usr/bin/env python3
"""check_pseudo.py's own checks on made-up player output: that it finds
untranslated English and cut-off pseudo strings, and lets through what it
should (pseudo text, allow-listed names, numbers, options, short words)."""
import collections
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "tools", "i18n"))
import check_pseudo  # noqa: E402
import pseudolocalize  # noqa: E402

ALLOW = [(p, check_pseudo.phrase_pattern(p)) for p in ("Sightline", "National Hotline")]
PENDING = [(p, check_pseudo.phrase_pattern(p)) for p in ("Press Enter to",)]


def problems(text):
    found, hits = [], collections.defaultdict(list)
    check_pseudo.check_output("t", text, ALLOW, PENDING, hits, found)
    return found, hits


failures = []


def expect(label, condition, detail=""):
    if not condition:
        failures.append(f"{label} {detail}")


p = pseudolocalize.pseudo
# Clean: pseudo text, allow-listed names, numbers, options, one-word English.
clean = "\n".join([
    "Sightline. " + p("Type q at any question to quit."),
    p("Call the National Hotline at 1-888-373-7888 or text 233733."),
    "National Hotline: " + p("always open"),
    "> @log @id 2 3",
    "--lang qps",
    "OK " + p("then"),
    "",
    "Press Enter",
    "to continue.",
])
found, hits = problems(clean)
expect("clean output", not found, str(found))
expect("a pending phrase across a line wrap is counted", len(hits["Press Enter to"]) == 1,
       str(dict(hits)))

# Untranslated: two English words in a row, on one line or across a wrap.
found, _ = problems("You chose: " + p("Log it."))
expect("'You chose' is untranslated", [f for f in found if f[0] == "untranslated"]
       and "'You chose:'" in found[0][2], str(found))
found, _ = problems(p("A") + " the\nend " + p("B"))
expect("English across a wrap", len(found) == 1 and found[0][0] == "untranslated", str(found))
found, _ = problems("about 13 minutes")  # the number breaks the run
expect("a number breaks a run", not found, str(found))

# Truncated: a pseudo string cut before its "]", in the same paragraph.
cut = p("Extend the room as usual. Then write a short, factual note in the shift log.")
found, _ = problems(cut[:40] + "\nand more\n\n" + p("Next."))
expect("a cut-off string is truncated", any(f[0] == "truncated" for f in found), str(found))
found, _ = problems(cut[:-1] + "\n\n]")
expect("a ']' in the next paragraph does not close it",
       any(f[0] == "truncated" for f in found), str(found))
found, _ = problems("...~~~~ ~~]")
expect("a closing without its opening is truncated",
       any(f[0] == "truncated" for f in found), str(found))
found, _ = problems(cut[:50] + "\n" + cut[50:])
expect("a string wrapped over lines is whole", not found, str(found))
found, _ = problems("Type [q] " + p("to quit"))
expect("English brackets are not pseudo brackets", not found, str(found))

# sightc's diagnostics (check_pseudo.py sightc): the source line and caret
# under a diagnostic and what it quotes are the author's, not sightc's text;
# a message left unwrapped is still English around them.
excerpt = " 15 | * [tell] Tell the manager. -> dnoe\n    |                               ^\n"
found, _ = problems(check_pseudo.sightc_output(
    "a.scn:15:31: error SL0202: " + p("no node '{1}' in scenario '{2}'").replace("{1}", "dnoe")
    .replace("{2}", "broken") + "\n" + excerpt))
expect("a translated sightc diagnostic is clean", not found, str(found))
found, _ = problems(check_pseudo.sightc_output(
    "a.scn:15:31: error SL0202: no node 'dnoe' in scenario 'broken'\n" + excerpt))
expect("an unwrapped sightc diagnostic is untranslated",
       [f for f in found if f[0] == "untranslated"], str(found))
found, _ = problems(check_pseudo.sightc_output(
    "a.scn:2:1: error SL0105: " + p("unknown field '{1}'").replace("{1}", "my colour") + "\n"))
expect("a quoted id or word of the author's is not English to translate", not found, str(found))

# The pseudo-localizer keeps what must survive a translation.
text = "Call 1-888-373-7888, see https://example.org/a?b=1 or --lang; {1} of {2}, 100% sure.\n\nNext"
out = p(text)
for kept in ("1-888-373-7888", "https://example.org/a?b=1", "--lang", "{1}", "{2}", "100% s"):
    expect(f"pseudolocalize keeps {kept!r}", kept in out, out)
expect("pseudolocalize keeps line breaks", out.count("\n") == text.count("\n"), out)
expect("pseudolocalize grows each line by 30% or more",
       all(len(a) * 1.3 <= len(b) - 2 for a, b in zip(text.split("\n"), out.split("\n")) if a), out)

if failures:
    print("FAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("ok: check_pseudo.py and pseudolocalize.py behave")
