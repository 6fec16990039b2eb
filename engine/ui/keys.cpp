#include "ui/keys.hpp"

#include <imgui.h>

namespace sightline::ui {

void map_named_keys(ImGuiIO& io, const KeyCodes& k) {
    io.KeyMap[ImGuiKey_Tab] = k.tab;
    io.KeyMap[ImGuiKey_LeftArrow] = k.left;
    io.KeyMap[ImGuiKey_RightArrow] = k.right;
    io.KeyMap[ImGuiKey_UpArrow] = k.up;
    io.KeyMap[ImGuiKey_DownArrow] = k.down;
    io.KeyMap[ImGuiKey_PageUp] = k.page_up;
    io.KeyMap[ImGuiKey_PageDown] = k.page_down;
    io.KeyMap[ImGuiKey_Home] = k.home;
    io.KeyMap[ImGuiKey_End] = k.end;
    io.KeyMap[ImGuiKey_Insert] = k.insert;
    io.KeyMap[ImGuiKey_Delete] = k.del;
    io.KeyMap[ImGuiKey_Backspace] = k.backspace;
    io.KeyMap[ImGuiKey_Space] = k.space;
    io.KeyMap[ImGuiKey_Enter] = k.enter;
    io.KeyMap[ImGuiKey_Escape] = k.escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = k.keypad_enter;
    io.KeyMap[ImGuiKey_A] = k.a;
    io.KeyMap[ImGuiKey_C] = k.c;
    io.KeyMap[ImGuiKey_V] = k.v;
    io.KeyMap[ImGuiKey_X] = k.x;
    io.KeyMap[ImGuiKey_Y] = k.y;
    io.KeyMap[ImGuiKey_Z] = k.z;
}

std::optional<KeyPress> key_for_name(std::string_view name, const KeyCodes& k) {
    KeyPress press;
    while (true) {
        if (name.starts_with("ctrl+") && name.size() > 5) {
            press.ctrl = true;
            name.remove_prefix(5);
        } else if (name.starts_with("shift+") && name.size() > 6) {
            press.shift = true;
            name.remove_prefix(6);
        } else {
            break;
        }
    }
    if (name.size() == 1 && name[0] >= '0' && name[0] <= '9') {
        press.key = k.digits[static_cast<std::size_t>(name[0] - '0')];
        return press;
    }
    struct Named {
        std::string_view name;
        int key;
    };
    const Named named[] = {
        {"enter", k.enter},
        {"escape", k.escape},
        {"tab", k.tab},
        {"space", k.space},
        {"up", k.up},
        {"down", k.down},
        {"left", k.left},
        {"right", k.right},
        {"f1", k.f1},
        {"=", k.equal},
        {"-", k.minus},
        {"+", k.keypad_add},
        {"home", k.home},
        {"end", k.end},
        {"pageup", k.page_up},
        {"pagedown", k.page_down},
        {"f5", k.f5},
        {"d", k.d},
        {"l", k.l},
        {"r", k.r},
        {"m", k.m},
        {"u", k.u},
        {"v", k.v},
        {"p", k.p},
    };
    for (const Named& n : named) {
        if (name == n.name) {
            press.key = n.key;
            return press;
        }
    }
    return std::nullopt;
}

} // namespace sightline::ui
