// Where answers come from: the learner at a keyboard, or a script file with
// one answer per line. Both go through the same questions; they differ only in
// what happens to a bad answer (re-ask, or stop with an error naming the line).
#pragma once

#include "textplay/printer.hpp"

#include <istream>
#include <optional>
#include <stdexcept>
#include <string>

namespace sightline::textplay {

// A script answer that does not fit, or a script that ends too soon.
class ScriptError : public std::runtime_error {
  public:
    explicit ScriptError(const std::string& what) : std::runtime_error(what) {}
};

class Input {
  public:
    // `script_name` non-empty: scripted mode, reading `in` as that script.
    // `echo`: print each answer after the prompt (scripts, and piped input,
    // so the output reads as a transcript).
    Input(std::istream& in, Printer& printer, std::string script_name, bool echo);

    // Shows the prompt marker and reads one answer, trimmed. nullopt when the
    // learner types q or interactive input ends; a script that runs out throws.
    std::optional<std::string> read();

    // A bad answer: re-ask at the keyboard (prints `why`), stop a script.
    void invalid(const std::string& why);

    bool scripted() const { return !script_name_.empty(); }

  private:
    std::istream& in_;
    Printer& printer_;
    std::string script_name_;
    bool echo_;
    std::size_t line_ = 0;
};

} // namespace sightline::textplay
