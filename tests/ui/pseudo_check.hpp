// The pseudo-locale check of the desktop player's drawn text: the same rules
// as tests/pseudo/check_pseudo.py applies to the text player's output, on each
// ui::DrawnText of a headless frame, plus where the text sits on the screen.
//
//   untranslated  two or more English words in a row in one paragraph of a
//                 drawn text: words of ASCII letters only (inner ' ’ and -
//                 allowed), 3+ letters each, after stripping the punctuation
//                 check_pseudo.py strips; a pseudo-translated word always
//                 carries an accent (tools/i18n/pseudolocalize.py, ACCENTED),
//                 so such a run is text that never went through tr() or the
//                 course translation. Phrases of the allow lists are masked
//                 first (tests/pseudo/allow.txt and tests/ui/pseudo_allow.txt),
//                 and so are known gaps (tests/ui/pseudo_pending.txt), which
//                 are counted: a pending phrase no screen shows is stale.
//   truncated     (a) a "[" that opens a pseudo string ("~" after it, or an
//                 accented letter within 40 characters) and is not closed by
//                 "]" in the same paragraph of the drawn text, or a "~]" whose
//                 "[" is missing: the string was cut before it was drawn. Not
//                 a cut: an abbreviation the program makes on purpose, the
//                 string ending in "..." or "…" before its padding (the
//                 classroom path's labels, classroom::shorten), and the
//                 sentences the help panel takes out of the courses' report
//                 text (passed as excerpts, checked to be sentences of it);
//                 (b) off the edge: the item rect of the text reaches past the
//                 right edge of the visible rect (ImGui's InnerClipRect) of
//                 the innermost window it starts in (the main window, the
//                 scrolling content, a popup), or starts left of it: text cut
//                 off at the edge. Vertically content scrolls, so only the
//                 horizontal extent is checked;
//                 (c) squeezed: the text, wrapped at its item's width in its
//                 font, is taller than the item: text clipped inside a fixed
//                 size item (a chip, a button). Measured at the font's own
//                 size, so in the audience view's enlarged type it is lenient.
#pragma once

#include "headless.hpp"
#include "ui/views.hpp"

#include <string>
#include <vector>

namespace sightline::test::pseudo {

struct Problem {
    std::string kind; // "untranslated", "truncated", "off the edge", "squeezed"
    std::string text; // the drawn text
    std::string detail;
};

class Checker {
  public:
    // The pseudo letters from tools/i18n/pseudolocalize.py, the allowed phrases
    // of tests/pseudo/allow.txt and tests/ui/pseudo_allow.txt, and the pending
    // ones of tests/ui/pseudo_pending.txt.
    static Checker from_sources(const std::string& source_dir);
    // For the self-test: these pseudo letters (UTF-8) and phrases.
    Checker(std::u32string pseudo_letters, std::vector<std::string> allow,
            std::vector<std::string> pending = {});

    // The English word runs of `text` ("two words" each), allowed and pending
    // phrases masked; each pending phrase met is added to *pending_met.
    std::vector<std::string>
    untranslated_runs(const std::string& text,
                      std::vector<std::string>* pending_met = nullptr) const;
    // Why `text`'s pseudo brackets do not pair up, or "".
    std::string cut_pseudo_string(const std::string& text) const;

    // Every problem of one frame's drawn text in these windows. `excerpts`:
    // texts known to be sentences taken out of a pseudo string (no bracket
    // check for them). Pending phrases met are added to *pending_met.
    std::vector<Problem> check(const std::vector<ui::DrawnText>& drawn,
                               const std::vector<VisibleWindow>& windows,
                               const std::vector<std::string>& excerpts = {},
                               std::vector<std::string>* pending_met = nullptr) const;

    const std::vector<std::string>& pending() const { return pending_; }

  private:
    std::u32string pseudo_;
    std::vector<std::string> allow_;
    std::vector<std::string> pending_;
};

// Reads an allow-list file as check_pseudo.py does: "PHRASE  # reason" lines,
// # comments and blank lines skipped; a line without a reason is an error
// (thrown as std::runtime_error).
std::vector<std::string> read_phrases(const std::string& path);

} // namespace sightline::test::pseudo
