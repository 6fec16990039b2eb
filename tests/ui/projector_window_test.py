#!/usr/bin/python3
"""The projector window, with the real player under Xvfb (sightline --screenshot
writes OUT.png and, with the projector window open, OUT-projector.png).

1. Phone voting: the projector window shows the join panel, and its QR code
   scans back (zbarimg, from zbar-tools, as a phone's camera would) to the join
   URL with the session's secret; the main window keeps the presenter view,
   which shows no QR code.
2. A presentation remote: keys pressed in the projector window (open voting,
   select, count two hands, lock, reveal, pick) run the session, and the pick
   is in the records with its votes (sightline records export).

Exits 77 (skipped) without xvfb-run or zbarimg.
Usage: projector_window_test.py SIGHTLINE WORK_DIR
"""
import csv
import os
import re
import shutil
import subprocess
import sys

PHONES = """learner Sam Rivera
course hotel
run-in-classroom hotel.room-214
classroom-start-with-phones 12 Night shift in-service
classroom open-voting
projector
"""

REMOTE = """learner Sam Rivera
course hotel
run-in-classroom hotel.room-214
classroom-start 12 Remote check
projector
projector-key v
projector-key 1
projector-key +
projector-key +
projector-key l
projector-key r
projector-key enter
"""


def gui_environment():
    """Under AddressSanitizer, Mesa's DRI driver is unloaded at exit with
    allocations it never frees, and LSan reports them against an unloaded module
    (no name to suppress), as golden_check.cpp explains: no leak check for the
    player's GUI runs. The views' own leaks are checked by the headless tests."""
    env = dict(os.environ)
    asan = env.get("ASAN_OPTIONS", "")
    env["ASAN_OPTIONS"] = (asan + ":" if asan else "") + "detect_leaks=0"
    return env


def render(sightline, work, name, script_text, *extra):
    script = os.path.join(work, name + ".txt")
    with open(script, "w", encoding="utf-8") as f:
        f.write(script_text)
    png = os.path.join(work, name + ".png")
    subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sightline,
                    "--data-dir", os.path.join(work, name + "-records"), "--seed", "1",
                    "--size", "1280x800", "--screenshot", png, "--script", script, *extra],
                   check=True, timeout=120, env=gui_environment())
    return png, os.path.join(work, name + "-projector.png")


def qr_codes(png):
    scan = subprocess.run(["zbarimg", "-q", "--raw", png], capture_output=True, text=True,
                          timeout=60)
    return scan.stdout.split()


def main():
    sightline, work = sys.argv[1], sys.argv[2]
    for tool in ("xvfb-run", "zbarimg"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed: skipped")
            return 77
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    failures = []

    main_png, projector_png = render(sightline, work, "phones", PHONES, "--listen", "127.0.0.1")
    if not os.path.exists(projector_png):
        failures.append(f"no projector window was rendered ({projector_png})")
    else:
        codes = qr_codes(projector_png)
        if len(codes) != 1 or not re.fullmatch(
                r"http://127\.0\.0\.1:[0-9]{1,5}/#[A-Za-z0-9_-]{43}", codes[0]):
            shown = [c[:30] + "..." for c in codes]
            failures.append(f"the projector's QR code is not one join URL: {shown}")
    if qr_codes(main_png):
        failures.append("the main window shows a QR code: it should keep the presenter view")

    render(sightline, work, "remote", REMOTE)
    out = os.path.join(work, "remote-export")
    subprocess.run([sightline, "records", "export", "--data-dir",
                    os.path.join(work, "remote-records"), "--csv", out], check=True, timeout=60,
                   stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "events.csv"), encoding="utf-8", newline="") as f:
        events = list(csv.DictReader(f))
    if len(events) != 1:
        failures.append(f"the remote's keys should record one pick, the records hold {len(events)}")
    else:
        votes = dict(v.split(":") for v in events[0]["hand_votes"].split(";"))
        picked = events[0]["response"]
        if votes.get(picked) != "2" or sum(int(n) for n in votes.values()) != 2:
            failures.append(f"the pick {picked!r} should carry the two hands counted from the "
                            f"projector window's keys, the records say {votes}")

    for failure in failures:
        print("FAIL:", failure)
    if failures:
        return 1
    print("the projector window shows the join code, and the remote's keys run the session")
    return 0


if __name__ == "__main__":
    sys.exit(main())
