#include "textplay/options.hpp"

#include <charconv>

namespace sightline::textplay {

namespace {

template <class T>
bool parse_number(const std::string& text, T& value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

} // namespace

std::string usage() {
    return R"(Usage: sightline [--text] [OPTIONS]
Plays Sightline training scenarios as text in the terminal.

  --bundle FILE    the course bundle to play (default: the courses installed
                   with sightline, ../share/sightline/courses.slpack)
  --list           list the course and scenario ids, then exit
  --course ID      play a scenario of this course (asks which one)
  --scenario ID    play this scenario
  --script FILE    read the answers from FILE, one per line (an empty line is
                   Enter; lines starting with # are skipped), and print the
                   whole transcript; a wrong answer stops with an error
  --seed N         show the choices in a shuffled order, the same for the same N
  --save FILE      resume from FILE when it exists, keep progress in it, and
                   delete it when the scenario ends
  --width N        wrap text at N columns (default: the terminal's width, or 80)

Learner records (kept when you play at a keyboard, or when a script names a
learner or a records folder):
  --learner NAME   record as this learner (a name or learner id; a new name
                   creates a learner); at a keyboard you are asked otherwise
  --data-dir DIR   keep records in DIR (default: $SIGHTLINE_DATA_DIR, or
                   $XDG_DATA_HOME/sightline, or ~/.local/share/sightline)
  --idle-minutes N pauses longer than N minutes do not count as time on task
                   (default 5)
  --no-records     record nothing

  --help           show this help
  --version        show the version

Type the number of an answer and press Enter; type q to quit at any question.
Exit status: 0 finished or quit, 1 a script answer did not fit or the scenario
cannot go on, 2 bad options or an unreadable bundle, script or save.
)";
}

ParsedOptions parse_options(const std::vector<std::string>& args) {
    ParsedOptions result;
    Options& o = result.options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) {
                result.error = "option " + arg + " needs a value";
                return false;
            }
            out = args[++i];
            return true;
        };
        std::string text;
        if (arg == "--text") {
            // The default (and, for now, only) mode.
        } else if (arg == "--help" || arg == "-h") {
            o.help = true;
        } else if (arg == "--version") {
            o.version = true;
        } else if (arg == "--list") {
            o.list = true;
        } else if (arg == "--no-records") {
            o.no_records = true;
        } else if (arg == "--save-roundtrip") {
            o.save_roundtrip = true; // for the transcript tests; see scenarios/transcripts
        } else if (arg == "--bundle" || arg == "--course" || arg == "--scenario" ||
                   arg == "--script" || arg == "--save" || arg == "--data-dir" ||
                   arg == "--learner") {
            std::string& target = arg == "--bundle"     ? o.bundle
                                  : arg == "--course"   ? o.course
                                  : arg == "--scenario" ? o.scenario
                                  : arg == "--script"   ? o.script
                                  : arg == "--data-dir" ? o.data_dir
                                  : arg == "--learner"  ? o.learner
                                                        : o.save;
            if (!value(target)) {
                return result;
            }
            if (target.empty()) {
                result.error = "option " + arg + " needs a non-empty value";
                return result;
            }
        } else if (arg == "--seed") {
            std::uint64_t seed = 0;
            if (!value(text)) {
                return result;
            }
            if (!parse_number(text, seed)) {
                result.error = "--seed needs a whole number, not '" + text + "'";
                return result;
            }
            o.seed = seed;
        } else if (arg == "--idle-minutes") {
            std::uint32_t minutes = 0;
            if (!value(text)) {
                return result;
            }
            if (!parse_number(text, minutes) || minutes < 1 || minutes > 24 * 60) {
                result.error = "--idle-minutes needs a number from 1 to 1440, not '" + text + "'";
                return result;
            }
            o.idle_minutes = minutes;
        } else if (arg == "--width") {
            std::size_t width = 0;
            if (!value(text)) {
                return result;
            }
            if (!parse_number(text, width) || width < 20 || width > 1000) {
                result.error = "--width needs a number from 20 to 1000, not '" + text + "'";
                return result;
            }
            o.width = width;
        } else {
            result.error = "unknown option '" + arg + "'";
            return result;
        }
    }
    return result;
}

} // namespace sightline::textplay
