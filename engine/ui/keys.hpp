// The keys the views listen to, as indices into ImGuiIO::KeysDown (Debian's
// imgui 1.86 uses the old input API). The defaults are GLFW's key codes, which
// the GLFW backend writes into KeysDown; tests map ImGui's named keys the same
// way (see map_named_keys).
#pragma once

#include <array>
#include <optional>
#include <string_view>

struct ImGuiIO;

namespace sightline::ui {

struct KeyCodes {
    std::array<int, 10> digits{48, 49, 50, 51, 52, 53, 54, 55, 56, 57}; // GLFW_KEY_0..9
    std::array<int, 10> keypad{320, 321, 322, 323, 324,
                               325, 326, 327, 328, 329}; // GLFW_KEY_KP_0..9
    int equal = 61;            // GLFW_KEY_EQUAL (Ctrl+= and Ctrl++ grow the text)
    int minus = 45;            // GLFW_KEY_MINUS
    int keypad_add = 334;      // GLFW_KEY_KP_ADD
    int keypad_subtract = 333; // GLFW_KEY_KP_SUBTRACT
    int f1 = 290;              // GLFW_KEY_F1: help
    int f5 = 294;              // GLFW_KEY_F5: classroom, audience/presenter view
    // Classroom: discuss, lock, reveal, take the majority, unlock, the projector window.
    int d = 68, l = 76, r = 82, m = 77, u = 85, p = 80;
    // ImGui's named keys (io.KeyMap) as the GLFW backend maps them.
    int tab = 258, left = 263, right = 262, up = 265, down = 264, page_up = 266, page_down = 267,
        home = 268, end = 269, insert = 260, del = 261, backspace = 259, space = 32, enter = 257,
        escape = 256, keypad_enter = 335, a = 65, c = 67, v = 86, x = 88, y = 89, z = 90;
};

// Fills io.KeyMap from `keys` (for tests and the screenshot scripts; the GLFW
// backend does this itself).
void map_named_keys(ImGuiIO& io, const KeyCodes& keys);

struct KeyPress {
    int key = 0;
    bool ctrl = false;
    bool shift = false;
};

// "1".."9", "0", "enter", "escape", "tab", "space", "up", "down", "left",
// "right", "f1", "f5", "pageup", "pagedown", "home", "end", "+", "=", "-", "d", "l", "r",
// "m", "u", "v", "p", optionally prefixed with "ctrl+" or "shift+"; "ctrl+=" and "ctrl+-".
std::optional<KeyPress> key_for_name(std::string_view name, const KeyCodes& keys);

} // namespace sightline::ui
