#!/usr/bin/python3
"""The projector's QR code scans: renders the audience view of a classroom
session with phone voting (sightline --screenshot under Xvfb, the phone server
on 127.0.0.1) and reads the code back with zbarimg (zbar-tools), as a phone's
camera would. The code must carry the join URL: the server's address and the
session's secret in the fragment. Exits 77 (skipped) without xvfb-run or zbarimg.

Usage: projector_qr_test.py SIGHTLINE WORK_DIR
"""
import os
import re
import shutil
import subprocess
import sys

SCRIPT = """learner Sam Rivera
course hotel
run-in-classroom hotel.room-214
classroom-start-with-phones 12 Night shift in-service
classroom toggle-view
"""


def main():
    sightline, work = sys.argv[1], sys.argv[2]
    for tool in ("xvfb-run", "zbarimg"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed: skipped")
            return 77
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    script = os.path.join(work, "projector.txt")
    with open(script, "w", encoding="utf-8") as f:
        f.write(SCRIPT)
    png = os.path.join(work, "projector.png")
    subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sightline,
                    "--data-dir", os.path.join(work, "records"), "--listen", "127.0.0.1",
                    "--seed", "1", "--size", "1280x800", "--screenshot", png,
                    "--script", script], check=True, timeout=120)
    scan = subprocess.run(["zbarimg", "-q", "--raw", png], capture_output=True, text=True,
                          timeout=60)
    codes = scan.stdout.split()
    if len(codes) != 1:
        print(f"expected one QR code in {png}, zbarimg read {codes!r} (exit {scan.returncode})")
        return 1
    if not re.fullmatch(r"http://127\.0\.0\.1:[0-9]{1,5}/#[A-Za-z0-9_-]{43}", codes[0]):
        print(f"the QR code does not carry a join URL with a secret: {codes[0][:40]}...")
        return 1
    print("the projector's QR code scans to the join URL")
    return 0


if __name__ == "__main__":
    sys.exit(main())
