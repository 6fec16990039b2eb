#!/usr/bin/python3
"""The phone page in a real browser: headless Chromium (Debian's chromium and
chromium-driver, driven by python3-selenium) joins a classroom session through
the join URL, votes, changes its vote, reloads and keeps its vote, sees the
lock, the tally and the room's choice with its feedback. The session is
phone_page_host (a facilitation with a phone room and server on 127.0.0.1);
this script tells it what the facilitator does and asks it what it counted.

    phone_page_test.py HOST_PROGRAM SCREENSHOT_DIR

Screenshots of each stage go to SCREENSHOT_DIR for review. Exits 0 when every
check passes, 1 with the failed check, 77 (skipped) when Chromium, its driver
or Selenium is missing."""
import os
import subprocess
import sys
import time

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("python3-selenium is missing: run tools/setup.sh --tests")
    sys.exit(77)

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"


class Host:
    def __init__(self, program):
        self.process = subprocess.Popen([program], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, bufsize=1)
        line = self.process.stdout.readline().strip()
        if not line.startswith("url "):
            raise AssertionError(f"the host did not start: {line!r}")
        self.url = line[4:]

    def say(self, command):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        if answer.startswith("error"):
            raise AssertionError(f"{command}: {answer}")
        return answer

    def close(self):
        try:
            self.process.stdin.write("quit\n")
            self.process.stdin.flush()
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    if not (os.access(CHROMIUM, os.X_OK) and os.access(DRIVER, os.X_OK)):
        print("chromium or chromium-driver is missing: run tools/setup.sh --tests")
        return 77
    shots = sys.argv[2]
    os.makedirs(shots, exist_ok=True)

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=412,915", "--force-device-scale-factor=1",
                     "--lang=en-US", "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    host = Host(sys.argv[1])
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    wait = WebDriverWait(driver, 15)

    def until(what, condition):
        try:
            return wait.until(lambda d: condition())
        except Exception:
            driver.save_screenshot(os.path.join(shots, "failed.png"))
            raise AssertionError(f"the page never showed {what}; it shows: "
                                 f"{driver.find_element(By.TAG_NAME, 'body').text!r}")

    # The page redraws its choices on every update, so they are read in one
    # script call rather than element by element (which could go stale).
    def choices():
        return driver.execute_script(
            "return [...document.querySelectorAll('#choices button')].map(b => ({"
            "enabled: !b.disabled, mine: b.classList.contains('mine'), text: b.innerText}));")

    def mine():
        return [i for i, c in enumerate(choices()) if c["mine"]]

    def click(index):
        driver.execute_script("document.querySelectorAll('#choices button')[arguments[0]].click();",
                              index)

    def send_shown():
        return driver.find_element(By.ID, "send").is_displayed()

    def shot(name):
        driver.save_screenshot(os.path.join(shots, f"phone-{name}.png"))

    def check(what, condition):
        if not condition:
            raise AssertionError(what)

    try:
        # Joining through the QR code's URL: the secret is read and taken off the address.
        driver.get(host.url)
        until("the scenario", lambda: driver.find_element(By.ID, "title").text == "The late check-in")
        check("the secret stays in the address bar", "#" not in driver.current_url)
        check("the lobby counts the phone", host.say("lobby") == "lobby 1")
        # Another phone joins; the lobby's size reaches this one within a second or so.
        check("a second phone joins", host.say("join") == "joined Phone 2")
        time.sleep(1.1)
        host.say("lobby")  # any command lets the host announce the lobby
        until("the other phone", lambda: "with 1 other phone" in
              driver.find_element(By.ID, "device").text)
        until("three choices", lambda: len(choices()) == 3)
        check("choices cannot be voted for before voting opens",
              not any(c["enabled"] for c in choices()))
        check("a decision has no Send button", not send_shown())
        shot("1-situation")

        host.say("open")
        until("voting open", lambda: all(c["enabled"] for c in choices()))
        check("a decision has no Send button", not send_shown())
        click(1)
        until("its vote marked", lambda: mine() == [1])
        check("the host counts the vote", host.say("counts") == "counts 0 1 0")
        shot("2-voted")
        click(0)  # a change of mind
        until("the changed vote marked", lambda: mine() == [0])
        check("the change replaces the vote", host.say("counts") == "counts 1 0 0")

        # A reload (or a phone waking up) rejoins with the kept token.
        driver.refresh()
        until("the vote after a reload", lambda: mine() == [0])
        check("the reload did not join another device", host.say("lobby") == "lobby 2")

        host.say("lock")
        until("votes locked", lambda: driver.find_element(By.ID, "locked").is_displayed())
        check("a locked question takes no vote", not any(c["enabled"] for c in choices()))
        check("the lock kept the vote", host.say("counts") == "counts 1 0 0")
        body = driver.find_element(By.TAG_NAME, "body").text
        check("no tally before the reveal", "vote," not in body and "votes," not in body)
        shot("3-locked")

        host.say("reveal")
        until("the tally", lambda: "1 vote, 100%" in driver.find_element(By.ID, "choices").text)
        shot("4-revealed")

        host.say("majority")  # ask-her, the phone's vote
        until("the room's choice", lambda: "The room chose this." in choices()[0]["text"])
        feedback = driver.find_elements(By.CSS_SELECTOR, "#choices .feedback")
        check("only the chosen option's feedback is shown",
              len(feedback) == 1 and feedback[0].text != "")
        check("no rating reaches the phone", "Best response" not in driver.page_source)
        shot("5-feedback")
        print("the phone page joined, voted, changed its vote, survived a reload, and showed the "
              "lock, the tally and the room's choice; screenshots in " + shots)
        return 0
    except AssertionError as failure:
        print(f"FAILED: {failure}")
        return 1
    finally:
        driver.quit()
        host.close()


if __name__ == "__main__":
    sys.exit(main())
