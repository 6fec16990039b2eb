#!/usr/bin/python3
"""The phone page in a real browser: headless Chromium (Debian's chromium and
chromium-driver, driven by python3-selenium) opens the join form, joins a
classroom session through the join URL, votes, changes its vote, reloads and
keeps its vote, sees the lock, the tally and the room's choice with its
feedback, then answers a knowledge check with several answers (checkboxes and
Send) and sees the debrief. The session is phone_page_host (a facilitation
with a phone room and server on 127.0.0.1); this script tells it what the
facilitator does and asks it what it counted.

    phone_page_test.py HOST_PROGRAM SCREENSHOT_DIR

At each stage the page is checked as a phone user meets it (WCAG 2.1 AA):

- its screenshot, light and dark (prefers-color-scheme emulated), matches the
  reviewed image in tests/classroom/golden/phone/<stage>[-dark].png;
- at 200% zoom (a 390 CSS px phone zoomed to 195 CSS px, and a 320 CSS px
  phone with its text at 200%) nothing scrolls sideways, and every control
  is within the screen's width and is what a tap on it reaches (1.4.4, 1.4.10);
- buttons, choices and the code field are at least 44x44 CSS px;
- text has a contrast of 4.5:1 or more with its background, and the borders
  of controls 3:1 or more, in light and dark (1.4.3, 1.4.11);
- what a screen reader reads (Chromium's accessibility tree): lang and title,
  headings in order, the status and the banner live, choices as buttons with
  names and a pressed state, a multiple-answer check as named checkboxes.

The page is 390x844 CSS px at device scale 1, with only the DejaVu fonts
(a fontconfig of its own) and no caret or animation, so that the screenshots
are the same from run to run. A screenshot is the whole page (taller than 844
when the page is). It differs from its golden image when more than
MAX_DIFFERENT of its pixels are more than CHANNEL_DELTA off in a channel, from
the golden pixel and from its neighbours (a 1 px shift of an antialiased edge
is not a difference); then the render (SCREENSHOT_DIR/phone-<stage>.png) and a
diff image (phone-<stage>-diff.png, differing pixels in red) are kept and named.
The page at 200% zoom is kept for review as SCREENSHOT_DIR/zoom-<stage>.png
(not compared).

Then the same page in a Spanish session (the host's "es": the example's
Spanish translation, the program's Spanish catalogue): the join form, a vote
and the tally, each matched with its reviewed light image (golden/phone/es-*)
and given every check above, at 320 CSS px with 200% text too, with nothing
of the page's own English left. And in the pseudo-locale (the host's "qps"):
the join form and the page's words on a vote (status, device, marks, tally)
pass tests/pseudo/check_pseudo.py's rules (no English words, no "[" left
open), and nothing is clipped at 200%.

After a deliberate change to the page, regenerate the golden images and look
at every one before committing them:

    SIGHTLINE_UPDATE_GOLDEN=1 ctest --test-dir build/release -R "phone page"

Exits 0 when every check passes, 1 with the failed checks, 77 (skipped) when
Chromium, its driver, Selenium or PIL is missing."""
import base64
import collections
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time

try:
    from selenium import webdriver
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("python3-selenium is missing: run tools/setup.sh --tests")
    sys.exit(77)
try:
    from PIL import Image, ImageChops, ImageFilter
except ImportError:
    print("python3-pil is missing: run tools/setup.sh --tests")
    sys.exit(77)

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
FONTS = "/usr/share/fonts/truetype/dejavu"
GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden", "phone")
UPDATE = os.environ.get("SIGHTLINE_UPDATE_GOLDEN") == "1"

WIDTH, HEIGHT = 390, 844  # a common phone, in CSS px
# A pixel differs when a channel is more than CHANNEL_DELTA off (as in the
# other image tests, see CONTRIBUTING.md) both from the golden pixel at its
# place and from each of that pixel's 8 neighbours, so that antialiased edges
# moved by one pixel (another Chromium, Skia or FreeType) do not count. An image
# differs when more than MAX_DIFFERENT pixels do. Runs on one machine give
# identical images (0 pixels); a full stop turned into a comma is 3 pixels.
CHANNEL_DELTA = 48
MAX_DIFFERENT = 2
TEXT_CONTRAST = 4.5    # WCAG 1.4.3, any size
BORDER_CONTRAST = 3.0  # WCAG 1.4.11, the edges of controls
TARGET = 44            # CSS px, each side of a touch target

# What a screen reader is given, per session language: the page's title, the
# Send button's name, the start of the code field's name.
WORDS = {
    "en": {"title": "Sightline classroom", "send": "Send vote", "code": "Room code"},
    "es": {"title": "Sightline en el aula", "send": "Enviar voto", "code": "C\u00f3digo de sala"},
}
# The page's own English, none of which a Spanish session may show.
ENGLISH = ("Sightline classroom", "Join the room", "Room code", "Send vote", "Your vote",
           "You are", "Phone ", " vote,", " votes,", "Waiting for", "The room chose")

# Only DejaVu (fonts-dejavu-core), whatever family the page asks for, rendered
# the same way on every machine: Chromium reads fonts through fontconfig.
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
  <match target="pattern">
    <edit name="family" mode="prepend_first"><string>DejaVu Sans</string></edit>
  </match>
  <match target="font">
    <edit name="antialias" mode="assign"><bool>true</bool></edit>
    <edit name="hinting" mode="assign"><bool>true</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintslight</const></edit>
    <edit name="rgba" mode="assign"><const>none</const></edit>
    <edit name="embeddedbitmap" mode="assign"><bool>false</bool></edit>
  </match>
</fontconfig>
"""

# Added to the page's own style sheet after each load (through the CSSOM, which
# the page's Content-Security-Policy allows to a script; a <style> would be
# refused): no blinking caret, no animation or transition caught half-way.
STEADY = """
const sheet = [...document.styleSheets].find(s => s.href && s.href.endsWith('/phone.css'));
if (sheet && !document.documentElement.dataset.steady) {
  sheet.insertRule('*, *::before, *::after { caret-color: transparent !important;'
    + ' animation: none !important; transition: none !important; }', sheet.cssRules.length);
  document.documentElement.dataset.steady = '1';
}
return Boolean(sheet);
"""

# The controls a phone user taps: buttons, the choices of a multiple-answer
# check (the whole label is the target), the room code field.
CONTROLS = "button, label.choice, input:not([type=checkbox])"

# Elements showing text, with the colours they are drawn in: the text's own
# colour over the first opaque background behind it (alpha composited).
COLOURS = """
const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const rgba = (s) => {
  const m = s.match(/^rgba?\\(([\\d.]+),? ([\\d.]+),? ([\\d.]+)(?:,? \\/? ?([\\d.]+))?\\)$/);
  if (!m) { throw new Error('unexpected colour ' + s); }
  return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
};
const over = (top, below) => top.slice(0, 3).map((c, i) => c * top[3] + below[i] * (1 - top[3]));
const behind = (el) => {
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) { layers.push(c); }
    if (c[3] === 1) { break; }
  }
  let colour = [255, 255, 255];  // the canvas under everything
  for (const c of layers.reverse()) { colour = over(c, colour); }
  return colour;
};
const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
  + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '');
const texts = [];
for (const el of document.body.querySelectorAll('*')) {
  if (!shown(el)) { continue; }
  const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
  const field = el.matches('input:not([type=checkbox])');
  if (!own && !field) { continue; }
  const bg = behind(el);
  texts.push({what: name(el), text: own.slice(0, 40) || '(field)',
              fg: over(rgba(getComputedStyle(el).color), bg), bg});
}
const borders = [];
for (const el of document.querySelectorAll(arguments[0])) {
  if (!shown(el)) { continue; }
  const style = getComputedStyle(el);
  borders.push({what: name(el), text: el.innerText.trim().slice(0, 40) || '(field)',
                fg: over(rgba(style.borderTopColor), behind(el.parentElement)),
                bg: behind(el.parentElement), width: parseFloat(style.borderTopWidth)});
}
return {texts, borders};
"""

# Sideways scrolling, and each control scrolled to: is it all within the
# screen's width, and is it what a tap at its middle reaches? (A control taller
# than the screen is fine: the page scrolls down, not sideways.)
REFLOW = """
const problems = [];
const root = document.documentElement;
if (root.scrollWidth > innerWidth) {
  problems.push('the page scrolls sideways: ' + root.scrollWidth + ' CSS px wide in ' + innerWidth);
}
for (const el of document.querySelectorAll(arguments[0])) {
  if (el.getClientRects().length === 0) { continue; }
  el.scrollIntoView({block: 'start', inline: 'nearest'});
  const r = el.getBoundingClientRect();
  const what = (el.innerText.trim() || el.id || el.tagName).slice(0, 40);
  const where = [r.left, r.top, r.right, r.bottom].map(Math.round).join(',') + ' in '
    + innerWidth + 'x' + innerHeight;
  if (r.left < 0 || r.right > innerWidth + 0.5 || r.top < -0.5 || r.top >= innerHeight) {
    problems.push(what + ' is not within the screen: ' + where);
    continue;
  }
  const hit = document.elementFromPoint((r.left + r.right) / 2,
                                        (r.top + Math.min(r.bottom, innerHeight)) / 2);
  if (!el.contains(hit)) {
    problems.push(what + ' is covered by ' + (hit ? hit.tagName : 'nothing') + ': ' + where);
  }
}
scrollTo(0, 0);
return problems;
"""

TARGETS = """
const small = [];
for (const el of document.querySelectorAll(arguments[0])) {
  if (el.getClientRects().length === 0) { continue; }
  const r = el.getBoundingClientRect();
  if (r.width < arguments[1] || r.height < arguments[1]) {
    small.push((el.innerText.trim() || el.id || el.tagName).slice(0, 40) + ': '
      + Math.round(r.width) + 'x' + Math.round(r.height));
  }
}
return small;
"""


def luminance(rgb):
    def linear(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


class Host:
    def __init__(self, program, *arguments):
        self.process = subprocess.Popen([program, *arguments], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, bufsize=1)
        line = self.process.stdout.readline().strip()
        if not line.startswith("url "):
            raise AssertionError(f"the host did not start: {line!r}")
        self.url = line[4:]
        self.base = self.url.split("#")[0]

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


class Golden:
    """Compares screenshots with the reviewed images, or writes them."""

    def __init__(self, shots):
        self.shots = shots
        self.mismatches = []
        self.measured = []
        for old in os.listdir(shots):
            if old.startswith("phone-") and old.endswith(".png"):
                os.remove(os.path.join(shots, old))

    def compare(self, name, png):
        actual_path = os.path.join(self.shots, f"phone-{name}.png")
        with open(actual_path, "wb") as out:
            out.write(png)
        golden_path = os.path.join(GOLDEN, f"{name}.png")
        if UPDATE:
            os.makedirs(GOLDEN, exist_ok=True)
            shutil.copyfile(actual_path, golden_path)
            return
        if not os.path.exists(golden_path):
            self.mismatches.append(f"{name}: no golden image {golden_path} (render: "
                                   f"{actual_path}); SIGHTLINE_UPDATE_GOLDEN=1 writes it, then "
                                   "look at it")
            return
        actual = Image.open(io.BytesIO(png)).convert("RGB")
        golden = Image.open(golden_path).convert("RGB")
        if actual.size != golden.size:
            self.mismatches.append(f"{name}: {actual.size[0]}x{actual.size[1]} px, the golden "
                                   f"image is {golden.size[0]}x{golden.size[1]}\n    render: "
                                   f"{actual_path}\n    golden: {golden_path}")
            return
        here = delta(actual, golden)
        near = here
        for dx, dy in ((-1, -1), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1)):
            near = ImageChops.darker(near, delta(actual, ImageChops.offset(golden, dx, dy)))
        moved = sum(here.histogram()[CHANNEL_DELTA + 1:])  # differ at their place
        histogram = near.histogram()
        different = sum(histogram[CHANNEL_DELTA + 1:])    # differ from all around it too
        largest = max((i for i, n in enumerate(histogram) if n), default=0)
        self.measured.append((name, moved, different, largest))
        if different > MAX_DIFFERENT:
            # The render faded, the pixels that only moved by one yellow, the
            # differing ones red (grown a little, so that one pixel can be seen).
            diff = Image.blend(actual, Image.new("RGB", actual.size, "white"), 0.7)
            diff.paste((255, 200, 0), mask=here.point(lambda v: 255 if v > CHANNEL_DELTA else 0))
            diff.paste((255, 0, 0), mask=near.point(lambda v: 255 if v > CHANNEL_DELTA else 0)
                       .filter(ImageFilter.MaxFilter(5)))
            diff_path = os.path.join(self.shots, f"phone-{name}-diff.png")
            diff.save(diff_path)
            self.mismatches.append(
                f"{name}: {different} pixels differ (allowed {MAX_DIFFERENT}), largest channel "
                f"change {largest}\n    render: {actual_path}\n    diff:   {diff_path}"
                f"\n    golden: {golden_path}")


def delta(a, b):
    """Per pixel, the largest change of a channel between two RGB images."""
    r, g, b = ImageChops.difference(a, b).split()
    return ImageChops.lighter(ImageChops.lighter(r, g), b)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    if not (os.access(CHROMIUM, os.X_OK) and os.access(DRIVER, os.X_OK)):
        print("chromium or chromium-driver is missing: run tools/setup.sh --tests")
        return 77
    if not os.path.isdir(FONTS):
        print("fonts-dejavu-core is missing: run tools/setup.sh")
        return 77
    shots = sys.argv[2]
    os.makedirs(shots, exist_ok=True)
    started = time.monotonic()
    golden = Golden(shots)
    scratch = tempfile.mkdtemp(prefix="sightline-phone-")
    fonts_conf = os.path.join(scratch, "fonts.conf")
    with open(fonts_conf, "w") as out:
        out.write(FONTS_CONF.format(fonts=FONTS, cache=os.path.join(scratch, "fontcache")))
    env = dict(os.environ, FONTCONFIG_FILE=fonts_conf, TZ="UTC", LANG="C.UTF-8")

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", "--hide-scrollbars", "--font-render-hinting=none",
                     "--force-color-profile=srgb", "--force-device-scale-factor=1",
                     "--window-size=500,900", "--lang=en-US", "--no-first-run",
                     "--disable-extensions", f"--user-data-dir={scratch}/profile"):
        options.add_argument(argument)
    host = Host(sys.argv[1])
    driver = webdriver.Chrome(service=Service(DRIVER, env=env), options=options)
    wait = WebDriverWait(driver, 15)
    cdp = driver.execute_cdp_cmd
    failures = []

    def viewport(width=WIDTH, height=HEIGHT):
        cdp("Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def scheme(value):
        cdp("Emulation.setEmulatedMedia",
            {"features": [{"name": "prefers-color-scheme", "value": value},
                          {"name": "prefers-reduced-motion", "value": "reduce"}]})

    def until(what, condition):
        try:
            return wait.until(lambda d: condition())
        except Exception:
            driver.save_screenshot(os.path.join(shots, "phone-failed.png"))
            raise AssertionError(f"the page never showed {what}; it shows: "
                                 f"{driver.find_element(By.TAG_NAME, 'body').text!r}")

    def loaded():
        until("its style sheet", lambda: driver.execute_script(STEADY))
        driver.execute_async_script("document.fonts.ready.then(() => arguments[0]());")

    # The page redraws its choices on every update, so they are read in one
    # script call rather than element by element (which could go stale).
    def choices():
        return driver.execute_script(
            "return [...document.querySelectorAll('#choices > *')].map(b => {"
            "const box = b.querySelector('input[type=checkbox]');"
            "return {enabled: box ? !box.disabled : !b.disabled,"
            "mine: b.classList.contains('mine'), checked: box ? box.checked : null,"
            "text: b.innerText};});")

    def mine():
        return [i for i, c in enumerate(choices()) if c["mine"]]

    def click(index):
        driver.execute_script("document.querySelectorAll('#choices > *')[arguments[0]].click();",
                              index)

    def tap(index):
        """A real click (pointer events, focus), retried if a redraw took the element away."""
        for _ in range(5):
            try:
                driver.find_elements(By.CSS_SELECTOR, "#choices > *")[index].click()
                return
            except StaleElementReferenceException:
                time.sleep(0.1)
        raise AssertionError(f"choice {index} could not be clicked")

    def send_shown():
        return driver.find_element(By.ID, "send").is_displayed()

    def check(what, condition):
        if not condition:
            raise AssertionError(what)

    def soft(stage, problems):
        failures.extend(f"{stage}: {p}" for p in problems)

    def capture(width=WIDTH, least=HEIGHT):
        """The whole page, at least one screen tall."""
        height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight);")
        shot = cdp("Page.captureScreenshot",
                   {"format": "png", "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": width, "height": max(least, height),
                             "scale": 1}})
        return base64.b64decode(shot["data"])

    def ax(expression):
        """Chromium's accessibility node for the element an expression gives."""
        found = cdp("Runtime.evaluate", {"expression": expression})["result"]
        if "objectId" not in found:
            raise AssertionError(f"no element for {expression}")
        nodes = cdp("Accessibility.getPartialAXTree",
                    {"objectId": found["objectId"], "fetchRelatives": False})["nodes"]
        node = nodes[0]
        properties = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
        return {"role": node.get("role", {}).get("value"),
                "name": node.get("name", {}).get("value", ""),
                "ignored": node.get("ignored", False), **properties}

    def semantics(stage, lang="en"):
        said = WORDS[lang]
        problems = []
        page = driver.execute_script(
            "return {lang: document.documentElement.lang, title: document.title,"
            "headings: [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]"
            "  .filter(h => h.getClientRects().length > 0).map(h => [+h.tagName[1], h.innerText]),"
            "kinds: [...document.querySelectorAll('#choices > *')]"
            "  .map(c => c.tagName.toLowerCase()),"
            "code: !document.getElementById('join').hidden};")
        if page["lang"] != lang:
            problems.append(f"the page's language is {page['lang']!r}, not {lang!r}")
        root = ax("document")
        if root["name"] != said["title"] or page["title"] != said["title"]:
            problems.append(f"the page's title is {root['name']!r}")
        levels = [h[0] for h in page["headings"]]
        if not levels or levels[0] != 1 or any(b > a + 1 for a, b in zip(levels, levels[1:])):
            problems.append(f"headings out of order: {page['headings']}")
        if any(not h[1].strip() for h in page["headings"]):
            problems.append(f"an empty heading: {page['headings']}")
        if levels.count(1) != 1:
            problems.append(f"{levels.count(1)} top-level headings: {page['headings']}")
        for what, selector in (("the status line", "status"), ("the banner", "banner")):
            if selector == "banner" and page["code"]:
                continue  # the banner is part of the stage, hidden while the page asks for the code
            node = ax(f"document.getElementById('{selector}')")
            if node.get("live") != "polite":
                problems.append(f"{what} is not a polite live region: {node}")
        marks = choices()
        for i, kind in enumerate(page["kinds"]):
            words = marks[i]["text"].split("\n")[0].strip()
            if not words:
                problems.append(f"choice {i} has no words")
            if kind == "button":
                node = ax(f"document.querySelectorAll('#choices > *')[{i}]")
                if node["role"] != "button" or not node["name"].startswith(words):
                    problems.append(f"choice {i} is read as {node['role']} {node['name']!r}")
                if node.get("pressed") != ("true" if marks[i]["mine"] else "false"):
                    problems.append(f"choice {i} is read as pressed={node.get('pressed')}, "
                                    f"the page marks it mine={marks[i]['mine']}")
            else:
                node = ax(f"document.querySelectorAll('#choices > *')[{i}]"
                          ".querySelector('input[type=checkbox]')")
                if node["role"] != "checkbox" or not node["name"].startswith(words):
                    problems.append(f"option {i} is read as {node['role']} {node['name']!r}")
                if node.get("checked") != ("true" if marks[i]["checked"] else "false"):
                    problems.append(f"option {i} is read as checked={node.get('checked')}")
        if send_shown():
            node = ax("document.getElementById('send')")
            if node["role"] != "button" or node["name"] != said["send"]:
                problems.append(f"the Send button is read as {node['role']} {node['name']!r}")
        if page["code"]:
            node = ax("document.getElementById('code')")
            if node["role"] != "textbox" or not node["name"].startswith(said["code"]):
                problems.append(f"the code field is read as {node['role']} {node['name']!r}")
        soft(stage, problems)

    def colours(stage, mode):
        found = driver.execute_script(COLOURS, CONTROLS)
        problems = []
        for t in found["texts"]:
            ratio = contrast(t["fg"], t["bg"])
            if ratio < TEXT_CONTRAST:
                problems.append(f"{mode}: text {t['what']} {t['text']!r} has contrast "
                                f"{ratio:.2f}:1 ({t['fg']} on {t['bg']})")
        for b in found["borders"]:
            ratio = contrast(b["fg"], b["bg"])
            if b["width"] > 0 and ratio < BORDER_CONTRAST:
                problems.append(f"{mode}: the border of {b['what']} {b['text']!r} has contrast "
                                f"{ratio:.2f}:1 with the page ({b['fg']} on {b['bg']})")
        soft(stage, problems)

    def zoomed(stage):
        problems = []
        # Page zoom at 200% on this phone: the layout is 195 CSS px wide.
        viewport(WIDTH // 2, HEIGHT // 2)
        problems += [f"200% zoom: {p}" for p in driver.execute_script(REFLOW, CONTROLS)]
        with open(os.path.join(shots, f"zoom-{stage}.png"), "wb") as out:
            out.write(capture(WIDTH // 2, HEIGHT // 2))
        # The text at 200% (the phone's font size setting) on a small 320 CSS px phone.
        viewport(320, 568)
        driver.execute_script("document.documentElement.style.fontSize = '200%';")
        problems += [f"text at 200%: {p}" for p in driver.execute_script(REFLOW, CONTROLS)]
        driver.execute_script("document.documentElement.style.fontSize = '';")
        viewport()
        soft(stage, problems)

    def stage(name, lang="en", dark=True):
        """The screenshots, light and dark, and every check of this stage."""
        loaded()
        golden.compare(name, capture())
        colours(name, "light")
        if dark:
            scheme("dark")
            golden.compare(f"{name}-dark", capture())
            colours(name, "dark")
            scheme("light")
        soft(name, [f"touch target {t} is smaller than {TARGET}x{TARGET} CSS px"
                    for t in driver.execute_script(TARGETS, CONTROLS, TARGET)])
        semantics(name, lang)
        zoomed(name)

    def english_left(stage):
        body = driver.find_element(By.TAG_NAME, "body").text + "\n" + driver.title
        soft(stage, [f"the page's English {e.strip()!r} is shown" for e in ENGLISH if e in body])

    def spanish():
        """A Spanish session: the join form, a vote, the tally."""
        es = Host(sys.argv[1], "es")
        try:
            driver.get(es.base)
            until("the join form", lambda: driver.find_element(By.ID, "code").is_displayed())
            english_left("es-0-join")
            stage("es-0-join", "es", dark=False)
            driver.get("about:blank")
            driver.get(es.url)
            until("the Spanish scenario",
                  lambda: driver.find_element(By.ID, "title").text == "El registro tard\u00edo")
            check("a second phone joins (its id stays English)", es.say("join") == "joined Phone 2")
            time.sleep(1.1)
            es.say("lobby")
            until("the phone's name in Spanish", lambda: driver.find_element(By.ID, "device").text
                  == "Este es el Tel\u00e9fono 1; hay 1 tel\u00e9fono m\u00e1s.")
            es.say("open")
            until("voting open", lambda: all(c["enabled"] for c in choices()))
            tap(1)
            until("its vote marked", lambda: mine() == [1])
            until("the vote's status", lambda: driver.find_element(By.ID, "status").text.startswith(
                "Su voto se registr\u00f3."))
            check("the choice is marked in Spanish", "Su voto" in choices()[1]["text"])
            english_left("es-2-voted")
            stage("es-2-voted", "es", dark=False)
            es.say("lock")
            es.say("reveal")
            until("the tally in Spanish",
                  lambda: "1 voto, 100%" in driver.find_element(By.ID, "choices").text)
            english_left("es-4-revealed")
            stage("es-4-revealed", "es", dark=False)
        finally:
            es.close()

    def pseudo():
        """The pseudo-locale: the page's own words all pseudo-translated and whole."""
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                        "pseudo"))
        sys.dont_write_bytecode = True  # no __pycache__ in the source tree
        import check_pseudo  # noqa: E402 (tests/pseudo; it finds tools/i18n itself)
        allow_file = os.path.join(os.path.dirname(check_pseudo.__file__), "allow.txt")
        allow = [(p, check_pseudo.phrase_pattern(p))
                 for p, _, _ in check_pseudo.read_phrases(allow_file)]

        def words(stage, text):
            problems = []
            check_pseudo.check_output(stage, text, allow, [], collections.defaultdict(list),
                                      problems)
            soft(stage, [f"{kind}: {message}" for kind, _, message in problems])

        qps = Host(sys.argv[1], "qps")
        try:
            driver.get(qps.base)
            until("the join form", lambda: driver.find_element(By.ID, "code").is_displayed())
            loaded()
            table = driver.execute_script("return JSON.parse(document.body.dataset.text);")
            check("the page says it is in qps", table["lang"] == "qps" and
                  driver.execute_script("return document.documentElement.lang;") == "qps")
            all_words = list(table["text"].values())
            all_words += [f for p in table["plural"].values() for f in p["forms"]]
            words("qps-table", "\n\n".join(all_words))
            words("qps-0-join", driver.title + "\n\n" + driver.find_element(By.TAG_NAME, "body").text)
            zoomed("qps-0-join")
            driver.get("about:blank")
            driver.get(qps.url)
            until("the scenario", lambda: driver.find_element(By.ID, "title").text ==
                  "The late check-in")  # the course's own text: English in this session
            qps.say("open")
            until("voting open", lambda: all(c["enabled"] for c in choices()))
            tap(1)
            until("its vote marked", lambda: mine() == [1])
            until("the vote's status", lambda: driver.find_element(By.ID, "status").text != "")
            qps.say("lock")
            qps.say("reveal")
            until("the tally", lambda: "100%" in driver.find_element(By.ID, "choices").text)
            # Only the page's own words: the story and the choices are the course's.
            own = driver.execute_script(
                "return [document.getElementById('status').innerText,"
                "document.getElementById('device').innerText,"
                "document.getElementById('locked').innerText,"
                "...[...document.querySelectorAll('#choices .tally')].map(e => e.innerText)];")
            words("qps-4-revealed", "\n\n".join(own))
            zoomed("qps-4-revealed")
        finally:
            qps.close()

    try:
        viewport()
        scheme("light")
        # Without a link's secret, the page asks for the room code.
        driver.get(host.base)
        until("the join form", lambda: driver.find_element(By.ID, "code").is_displayed())
        stage("0-join")

        # Joining through the QR code's URL: the secret is read and taken off the address.
        driver.get("about:blank")
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
        stage("1-situation")

        host.say("open")
        until("voting open", lambda: all(c["enabled"] for c in choices()))
        check("a decision has no Send button", not send_shown())
        tap(1)
        until("its vote marked", lambda: mine() == [1])
        check("the host counts the vote", host.say("counts") == "counts 0 1 0")
        check("the tapped choice keeps the focus when the choices are redrawn",
              driver.execute_script("return document.activeElement === "
                                    "document.querySelectorAll('#choices > *')[1];"))
        stage("2-voted")
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
        stage("3-locked")

        host.say("reveal")
        until("the tally", lambda: "1 vote, 100%" in driver.find_element(By.ID, "choices").text)
        stage("4-revealed")

        host.say("majority")  # ask-her, the phone's vote
        until("the room's choice", lambda: "The room chose this." in choices()[0]["text"])
        feedback = driver.find_elements(By.CSS_SELECTOR, "#choices .feedback")
        check("only the chosen option's feedback is shown",
              len(feedback) == 1 and feedback[0].text != "")
        check("no rating reaches the phone", "Best response" not in driver.page_source)
        stage("5-feedback")

        # The facilitator goes back and takes the best choice instead, which
        # leads to a knowledge check with several right answers.
        host.say("back")
        host.say("pick log-and-tell")
        host.say("advance")
        until("the knowledge check", lambda: driver.find_element(By.ID, "question").text ==
              "Which of these are possible signs of control?")
        host.say("open")
        until("checkboxes", lambda: len(choices()) == 3 and
              all(c["checked"] is False and c["enabled"] for c in choices()))
        check("a check with several answers has a Send button", send_shown())
        click(0)
        click(1)
        until("two options ticked",
              lambda: [c["checked"] for c in choices()] == [True, True, False])
        check("ticking sends nothing", host.say("counts") == "counts 0 0 0")
        driver.find_element(By.ID, "send").click()
        until("the answers marked", lambda: mine() == [0, 1])
        check("the host counts both answers", host.say("counts") == "counts 1 1 0")
        check("the answers stay ticked", [c["checked"] for c in choices()] == [True, True, False])
        stage("6-check")

        host.say("lock")
        until("the vote's status gone once voting closed",
              lambda: driver.find_element(By.ID, "status").text == "")
        host.say("reveal")
        host.say("majority")
        host.say("advance")
        until("the debrief", lambda: driver.find_element(By.ID, "ending").is_displayed())
        check("the ending shows what to do and where to report",
              "1-888-373-7888" in driver.find_element(By.ID, "report").text)
        stage("7-ending")

        spanish()
        pseudo()

        problems = failures + golden.mismatches
        took = time.monotonic() - started
        if golden.measured:
            print(f"{len(golden.measured)} screenshots compared with their golden images; "
                  "differences (pixels off, before allowing a 1 px shift, largest channel change):")
            print("  " + ", ".join(f"{name} {different} ({moved}, {largest})"
                                   for name, moved, different, largest in golden.measured))
        if UPDATE:
            print(f"golden images written to {GOLDEN}: look at every one before committing")
        if problems:
            print("FAILED:\n  " + "\n  ".join(problems))
            return 1
        print(f"the phone page joined, voted, changed its vote, survived a reload, showed the "
              f"lock, the tally, the room's choice, a check and the debrief, matched its images "
              f"and passed the accessibility checks in {took:.1f} s; screenshots in {shots}")
        return 0
    except AssertionError as failure:
        print(f"FAILED: {failure}")
        for problem in failures + golden.mismatches:
            print(f"  also: {problem}")
        return 1
    finally:
        driver.quit()
        host.close()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
