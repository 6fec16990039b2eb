// Scripts that drive the player to a screen without a person at the keyboard
// (`sightline --screenshot OUT.png --script FILE`). One step per line:
//
//   learner Sam Rivera     create a learner (or pick the one with that name)
//   course hotel           open a course
//   start hotel.room-214   start a scenario (resume ID continues one)
//   begin | continue | back | retry | help | switch-learner
//   attest | issue-certificate   confirm the attestation, issue the certificate
//   choose log             take a choice by id
//   answer a c             answer a knowledge check with these option ids
//   run-in-classroom hotel.room-214     the "Run in classroom" form of a scenario
//   classroom-start 12 Night shift      start a session (head count, name);
//   classroom-start-with-phones 12 ...  the same with phone voting on
//   classroom lock | classroom pick 2 | classroom remove-phone 0 ...   a classroom step
//   projector                           the audience view in a window of its own, or back
//   theme dark | scale 150
//   language es            play the courses in this language (the language switch)
//   key 1 | key enter | key escape | key ctrl+= ...   press a key
//   projector-key pagedown             press a key in the projector window
//
// Blank lines and lines starting with # are skipped.
#pragma once

#include "ui/screens.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sightline::ui {

struct ScriptStep {
    Intent intent;   // set, or
    std::string key; // a key name for keys.hpp's key_for_name()
    // The key is pressed in the projector window (as a presentation remote
    // does when that window has the focus), not in the main window.
    bool on_projector = false;
    std::size_t line = 0;
};

struct Script {
    std::vector<ScriptStep> steps;
    std::string error; // non-empty: "line N: why"
};

Script parse_script(std::string_view text);

} // namespace sightline::ui
