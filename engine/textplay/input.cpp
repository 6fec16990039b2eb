#include "textplay/input.hpp"

#include "i18n/i18n.hpp"

#include <algorithm>

namespace sightline::textplay {

namespace {

std::string trim(std::string s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return {};
    }
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

bool is_quit(const std::string& answer) {
    return answer == "q" || answer == "Q" || answer == "quit";
}

} // namespace

Input::Input(std::istream& in, Printer& printer, std::string script_name, bool echo)
    : in_(in), printer_(printer), script_name_(std::move(script_name)), echo_(echo) {}

std::optional<std::string> Input::read() {
    printer_.raw(echo_ ? ">" : "> "); // the terminal echoes typed answers itself
    printer_.flush();
    std::string line;
    while (true) {
        if (!std::getline(in_, line)) {
            if (scripted()) {
                printer_.raw("\n");
                // TRANSLATORS: {1} is the script file, {2} a line number.
                throw ScriptError(i18n::format(
                    i18n::tr("{1}: the script ended after line {2}, before the scenario did"),
                    {script_name_, std::to_string(line_)}));
            }
            printer_.raw("\n");
            return std::nullopt; // end of input: treat as quitting
        }
        ++line_;
        line = trim(std::move(line));
        if (!scripted() || !line.starts_with('#')) {
            break; // scripts may carry comment lines
        }
    }
    if (echo_) {
        printer_.raw(line.empty() ? "\n" : " " + line + "\n");
    }
    if (is_quit(line)) {
        return std::nullopt;
    }
    return line;
}

void Input::invalid(const std::string& why) {
    if (scripted()) {
        // TRANSLATORS: {1} is the script file, {2} a line number, {3} what is wrong.
        throw ScriptError(i18n::format(i18n::tr("{1} line {2}: {3}"),
                                       {script_name_, std::to_string(line_), why}));
    }
    printer_.text(why);
}

} // namespace sightline::textplay
