#include "textplay/app.hpp"

#include "bundle/bundle.hpp"
#include "i18n/i18n.hpp"
#include "learning/delivery.hpp"
#include "learning/language.hpp"
#include "learning/learning.hpp"
#include "model/link.hpp"
#include "model/translation.hpp"
#include "records/paths.hpp"
#include "runtime/catalogue.hpp"
#include "runtime/errors.hpp"
#include "runtime/run.hpp"
#include "textplay/input.hpp"
#include "textplay/player.hpp"
#include "textplay/printer.hpp"
#include "textplay/recording.hpp"

#include <algorithm>
#include <exception>
#include <fstream>
#include <iterator>
#include <optional>

namespace sightline::textplay {

namespace {

using i18n::tr;

constexpr std::size_t kDefaultWidth = 80;
constexpr std::size_t kMaxWidth = 100; // longer lines are hard to read
constexpr std::uintmax_t kMaxSaveFile = 64u << 20;

// A problem that ends the program with one line on stderr.
struct Fatal {
    int code;
    std::string message;
};

std::vector<std::uint8_t> read_save_file(const std::filesystem::path& path) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error) {
        // TRANSLATORS: {1} is a file, {2} the system's reason.
        throw Fatal{kExitUsage, i18n::format(tr("{1}: cannot read the save: {2}"),
                                             {path.string(), error.message()})};
    }
    if (size > kMaxSaveFile) {
        throw Fatal{kExitUsage, i18n::format(tr("{1}: this is not a Sightline save (too large)"),
                                             {path.string()})};
    }
    std::ifstream in(path, std::ios::binary);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
    if (!in && !in.eof()) {
        throw Fatal{kExitUsage, i18n::format(tr("{1}: cannot read the save"), {path.string()})};
    }
    return bytes;
}

// Durable and whole: a temporary file, fsync, rename, fsync of the folder, so
// a crash or power cut leaves the old save or the new one, never half of one.
void write_save_file(const std::filesystem::path& path, const std::vector<std::uint8_t>& blob) {
    try {
        records::write_private_file(
            path, std::string_view(reinterpret_cast<const char*>(blob.data()), blob.size()));
    } catch (const records::RecordsError& e) {
        // TRANSLATORS: {1} is a file, {2} the reason.
        throw Fatal{kExitUsage, i18n::format(tr("{1}: cannot write the save ({2})"),
                                             {path.string(), e.what()})};
    }
}

// " (English, Español)" for a course available in more than English; empty
// otherwise, so a bundle without translations lists as it always did.
std::string languages_note(const model::Bundle& bundle, const model::Course& course) {
    const std::vector<std::string> languages = learning::course_languages(bundle, course);
    return languages.size() > 1 ? " (" + learning::language_names(languages) + ")" : "";
}

// "The late check-in (required)": a scenario's title and whether the course requires it.
std::string required_label(std::string_view title, bool required) {
    // TRANSLATORS: {1} is a scenario's title; the course requires the scenario (a "escenario").
    return i18n::format(required ? tr("{1} (required)") : tr("{1} (optional)"), {title});
}

// `item` of the bundle in `language` (the same id), or `item` itself.
template <class T>
const T& shown_in(const std::vector<T>& items, const T& item) {
    const T* found = model::find_by_id(items, item.id);
    return found != nullptr ? *found : item;
}

// Each course and its scenarios by id, with their titles in the language the
// course would be played in (--lang, else the system's, else English).
void list_bundle(const model::Bundle& bundle, const Options& o, std::ostream& out) {
    const runtime::Catalogue catalogue(bundle);
    learning::Translations translations(bundle);
    for (const model::Course* course : learning::courses_in_shelf_order(bundle)) {
        const learning::LanguageChoice language = learning::choose_language(
            learning::course_languages(bundle, *course), {o.language, {}, i18n::system_language()});
        const model::Bundle& shown = translations.in(language.language);
        out << course->id << ": " << shown_in(shown.courses, *course).title
            << languages_note(bundle, *course) << "\n";
        for (const runtime::CourseScenario& entry : catalogue.scenarios(course->id)) {
            out << "  " << entry.scenario->id << ": "
                << required_label(shown_in(shown.scenarios, *entry.scenario).title, entry.required)
                << "\n";
        }
    }
    const auto loose = catalogue.scenarios_without_course();
    if (!loose.empty()) {
        out << tr("(in no course)") << "\n";
        for (const model::Scenario* s : loose) {
            out << "  " << s->id << ": " << s->title << "\n";
        }
    }
}

// The first course that lists `scenario`, for a scenario picked by id alone.
const model::Course* course_of(const runtime::Catalogue& catalogue,
                               const model::Scenario& scenario) {
    for (const model::Course* c : learning::courses_in_shelf_order(catalogue.bundle())) {
        for (const auto& entry : catalogue.scenarios(c->id)) {
            if (entry.scenario == &scenario) {
                return c;
            }
        }
    }
    return nullptr;
}

// The course and scenario the options name, checked before anything is shown.
struct Selection {
    const model::Course* course = nullptr;
    const model::Scenario* scenario = nullptr;
};

Selection select(const runtime::Catalogue& catalogue, const Options& o,
                 const std::string& bundle_name) {
    Selection selected;
    std::vector<runtime::CourseScenario> entries; // the named course's
    if (!o.course.empty()) {
        selected.course = catalogue.course(o.course);
        if (selected.course == nullptr) {
            // TRANSLATORS: {1} is a bundle file, {2} a course id.
            throw Fatal{kExitUsage,
                        i18n::format(tr("{1}: there is no course '{2}'"), {bundle_name, o.course})};
        }
        entries = catalogue.scenarios(o.course);
        if (entries.empty()) {
            throw Fatal{kExitUsage, i18n::format(tr("{1}: course '{2}' has no scenarios"),
                                                 {bundle_name, o.course})};
        }
    }
    if (!o.scenario.empty()) {
        selected.scenario = catalogue.scenario(o.scenario);
        if (selected.scenario == nullptr) {
            // TRANSLATORS: {1} is a bundle file, {2} a scenario id.
            throw Fatal{kExitUsage, i18n::format(tr("{1}: there is no scenario '{2}'"),
                                                 {bundle_name, o.scenario})};
        }
        if (selected.course != nullptr &&
            std::none_of(entries.begin(), entries.end(),
                         [&](auto& e) { return e.scenario == selected.scenario; })) {
            throw Fatal{kExitUsage,
                        i18n::format(tr("{1}: course '{2}' does not include scenario '{3}'"),
                                     {bundle_name, o.course, o.scenario})};
        }
    }
    if (selected.course == nullptr && selected.scenario == nullptr && catalogue.courses().empty()) {
        throw Fatal{
            kExitUsage,
            i18n::format(tr("{1}: the bundle has no courses (use --scenario ID)"), {bundle_name})};
    }
    return selected;
}

// The language each course is played in (learning/language.hpp): with a
// learner's records the learning layer chooses (their preference counts),
// without them --lang, the system locale or English. The translated bundles
// live as long as this.
class Languages {
  public:
    Languages(const model::Bundle& bundle, const Options& options, learning::Learning* layer)
        : own_(bundle), options_(&options), layer_(layer) {}

    // The language of `course`, or of `scenario` when it is in no course.
    learning::LanguageChoice of(const model::Course* course,
                                const model::Scenario* scenario = nullptr) const {
        if (layer_ != nullptr && (course != nullptr || scenario == nullptr)) {
            return layer_->language_for(course, options_->language);
        }
        const model::Bundle& english = own_.english();
        const learning::LanguageWish wish{
            options_->language,
            layer_ != nullptr && layer_->learner() ? layer_->learner()->language : std::string(),
            i18n::system_language()};
        return learning::choose_language(
            course != nullptr     ? learning::course_languages(english, *course)
            : scenario != nullptr ? learning::scenario_languages(english, *scenario)
                                  : model::languages(english),
            wish);
    }

    // The bundle in `language`.
    const model::Bundle& in(std::string_view language) {
        return layer_ != nullptr ? layer_->bundle_in(language) : own_.in(language);
    }

    const model::Bundle& english() const { return own_.english(); }

  private:
    learning::Translations own_;
    const Options* options_;
    learning::Learning* layer_;
};

// Asks for whatever the options left open; nullptr when the learner quits.
// Each course is listed in the language it would be played in.
const model::Scenario* ask_scenario(const runtime::Catalogue& catalogue, Selection selected,
                                    Printer& printer, Input& input, const model::Course*& course,
                                    Languages& languages) {
    if (selected.scenario != nullptr) {
        course =
            selected.course != nullptr ? selected.course : course_of(catalogue, *selected.scenario);
        return selected.scenario;
    }
    if (selected.course == nullptr) {
        const auto courses = learning::courses_in_shelf_order(catalogue.bundle());
        std::vector<std::string> labels;
        for (const model::Course* c : courses) {
            const model::Bundle& shown = languages.in(languages.of(c).language);
            labels.push_back(shown_in(shown.courses, *c).title +
                             languages_note(catalogue.bundle(), *c));
        }
        const auto i = pick_one(printer, input, tr("Courses"), labels);
        if (!i) {
            return nullptr;
        }
        selected.course = courses[*i];
    }
    const auto entries = catalogue.scenarios(selected.course->id);
    if (entries.empty()) {
        throw Fatal{kExitUsage,
                    i18n::format(tr("course '{1}' has no scenarios"), {selected.course->id})};
    }
    const learning::LanguageChoice language = languages.of(selected.course);
    i18n::set_language(language.language); // the program's text follows the course's
    const model::Bundle& shown = languages.in(language.language);
    const model::Course& shown_course = shown_in(shown.courses, *selected.course);
    printer.blank();
    printer.text(shown_course.title);
    printer.text(shown_course.description);
    if (!language.notice.empty()) {
        printer.text(language.notice);
    }
    std::vector<std::string> labels;
    for (const runtime::CourseScenario& e : entries) {
        labels.push_back(required_label(shown_in(shown.scenarios, *e.scenario).title, e.required));
    }
    const auto i = pick_one(printer, input, tr("Scenarios"), labels);
    course = selected.course;
    return i ? entries[*i].scenario : nullptr;
}

// Records the result (and the course's completion, as the learning layer
// decides), then shows the progress towards a certificate. A failure here is
// reported; the attempt stays open at its ending and is finished on the next run.
void finish_attempt(learning::Learning& layer, RecordedSteps& steps, const runtime::Run& run,
                    const model::Course* course, Printer& printer, Input& input) {
    try {
        const learning::Finished finished = layer.finish(steps.recorder(), run, course);
        if (course == nullptr) {
            return;
        }
        // In the language the scenario was played in.
        const model::Course& shown = shown_in(run.bundle().courses, *course);
        if (finished.completion) {
            printer.blank();
            // TRANSLATORS: {1} is the course's title, {2} the score in percent.
            printer.text(
                i18n::format(tr("You have completed {1} with a score of {2}%."),
                             {shown.title, std::to_string(finished.completion->score_percent)}));
            for (const std::string& paragraph : shown.closing) { // the wellbeing note
                printer.blank();
                printer.text(paragraph);
            }
        }
        course_progress_and_certificate(layer, *course, shown.title, printer, input);
    } catch (const records::RecordsError& e) {
        printer.blank();
        // TRANSLATORS: {1} is the reason, a sentence from the records.
        printer.text(i18n::format(
            tr("Your result could not be recorded: {1} Play this scenario again to record it."),
            {e.what()}));
    }
}

int play(const Options& o, const Streams& env) {
    const std::filesystem::path bundle_path =
        o.bundle.empty() ? env.default_bundle : std::filesystem::path(o.bundle);
    bundle::LoadedBundle loaded;
    try {
        loaded = bundle::read_bundle_file(bundle_path);
    } catch (const bundle::BundleError& e) {
        // TRANSLATORS: {1} is why the installed courses cannot be read.
        throw Fatal{kExitUsage,
                    o.bundle.empty()
                        ? i18n::format(tr("{1} (use --bundle FILE to pick one)"), {e.what()})
                        : std::string(e.what())};
    }
    const model::Bundle& bundle = loaded.model;
    if (o.list) {
        list_bundle(bundle, o, env.out);
        return kExitOk;
    }

    std::ifstream script;
    if (!o.script.empty()) {
        script.open(o.script);
        if (!script) {
            throw Fatal{kExitUsage, i18n::format(tr("{1}: cannot open the script"), {o.script})};
        }
    }
    const std::size_t width = o.width ? *o.width
                              : env.terminal_width > 0
                                  ? std::clamp<std::size_t>(env.terminal_width, 20, kMaxWidth)
                                  : kDefaultWidth;
    Printer printer(env.out, width);
    Input input(o.script.empty() ? env.in : script, printer, o.script,
                !o.script.empty() || !env.input_is_terminal);

    const runtime::Catalogue catalogue(bundle);
    std::optional<runtime::Run> run;
    // exists() without an error_code throws (and ends the program) when, say, a
    // folder on the path may not be searched; with one, read_save_file reports it.
    std::error_code save_error;
    if (!o.save.empty() && (std::filesystem::exists(o.save, save_error) || save_error)) {
        try {
            run.emplace(runtime::Run::restore(bundle, read_save_file(o.save)));
        } catch (const runtime::SaveError& e) {
            throw Fatal{kExitUsage, o.save + ": " + e.what()};
        }
        if (!o.scenario.empty() && run->scenario().id != o.scenario) {
            // TRANSLATORS: {1} is a save file, {2} and {3} scenario ids.
            throw Fatal{kExitUsage,
                        i18n::format(tr("{1}: this save is for scenario '{2}', not '{3}'"),
                                     {o.save, run->scenario().id, o.scenario})};
        }
    }

    const Selection selected = run ? Selection{} : select(catalogue, o, bundle_path.string());
    // A --save file keeps its own progress; learner records are for everything else.
    const bool interactive = o.script.empty() && env.input_is_terminal;
    std::unique_ptr<records::Store> store;
    if (o.save.empty() && o.records_on(interactive)) {
        try {
            store = open_records(o);
        } catch (const records::RecordsError& e) {
            throw Fatal{kExitUsage, e.what()};
        }
    }
    printer.text(tr("Sightline. Type q at any question to quit."));
    PlayerSettings settings;
    settings.save_roundtrip = o.save_roundtrip;
    if (!o.save.empty()) {
        settings.on_save = [&](const std::vector<std::uint8_t>& blob) {
            write_save_file(o.save, blob);
        };
    }
    Player player(printer, input, settings);
    const auto stopped = [&] {
        printer.blank();
        printer.text(tr("Stopped."));
        return kExitOk;
    };

    std::optional<learning::Learning> layer;
    if (store) {
        layer.emplace(*store, bundle, learning::bundle_info(loaded),
                      learning::Settings{{}, {}, o.seed});
        if (!choose_learner(*layer, o, printer, input)) {
            return stopped();
        }
        // Before a course is chosen, the program's text is in the language asked
        // for, else the learner's (the command line set the first).
        if (o.language.empty() && !layer->learner()->language.empty()) {
            i18n::set_language(layer->learner()->language);
        }
        printer.blank();
        // TRANSLATORS: {1} is the learner's name, {2} a sentence saying where the records are kept.
        printer.text(i18n::format(tr("Training as {1}. {2}"),
                                  {layer->learner()->display_name,
                                   learning::records_sentence(*store, store->location())}));
        // A language picked with --lang is the learner's from now on (when the
        // bundle has it; a course without it says so when it is opened).
        if (!o.language.empty()) {
            try {
                layer->set_language_preference(o.language);
            } catch (const records::RecordsError& e) {
                printer.text(i18n::format(tr("Your language could not be kept for next time: {1}"),
                                          {e.what()}));
            }
        }
    }
    Languages languages(bundle, o, layer ? &*layer : nullptr);
    // Said after each recorded step: the organisation's server lost, or back.
    learning::DeliveryWatch delivery;
    const auto tell_delivery = [&] {
        if (const std::string news = delivery.update(store->delivery()); !news.empty()) {
            printer.text(news);
        }
    };
    if (store) {
        tell_delivery();
    }

    std::optional<RecordedSteps> steps;
    const model::Course* course = selected.course;
    const auto resuming = [&](const model::Scenario& s) {
        printer.blank();
        // TRANSLATORS: a label before the scenario's title; keep the space at the end.
        printer.text(s.title, tr("Resuming: "));
        printer.text(s.content_note, tr("Content note: "));
    };
    if (run) {
        // A --save file goes on in the language asked for now.
        const model::Scenario& saved = run->scenario();
        const learning::LanguageChoice language = languages.of(course_of(catalogue, saved), &saved);
        i18n::set_language(language.language);
        if (language.language != "en") {
            run.emplace(runtime::Run::restore(languages.in(language.language), run->save()));
        }
        resuming(run->scenario());
    } else {
        const model::Scenario* s =
            ask_scenario(catalogue, selected, printer, input, course, languages);
        if (s == nullptr) {
            return stopped();
        }
        const learning::LanguageChoice language = languages.of(course, s);
        i18n::set_language(language.language);
        if (selected.scenario != nullptr && !language.notice.empty()) {
            printer.blank();
            printer.text(language.notice); // a course picked from the menu said so already
        }
        const model::Scenario& shown = shown_in(languages.in(language.language).scenarios, *s);
        const auto begin = [&](learning::Started started) {
            run.emplace(started.session.run());
            steps.emplace(started.session.recorder(), tell_delivery);
            return started;
        };
        bool fresh = true;
        if (layer) {
            if (const auto unfinished = layer->unfinished(s->id)) {
                const std::optional<learning::Unfinished> choice =
                    ask_continue(*unfinished, printer, input);
                if (!choice) {
                    return stopped();
                }
                if (*choice == learning::Unfinished::Resume) {
                    const learning::Started started =
                        begin(layer->start(*s, course, {*choice, language.language}));
                    fresh = !started.resumed;
                    if (fresh) {
                        printer.text(started.notice);
                    } else {
                        // In the language the attempt was started in.
                        resuming(run->scenario());
                        if (!started.notice.empty()) {
                            printer.text(started.notice);
                        }
                    }
                }
            }
        }
        // A fresh start shows the introduction first, so quitting there
        // starts no attempt.
        if (fresh && !player.introduce(shown)) {
            return stopped();
        }
        if (!run && layer) {
            begin(layer->start(*s, course, {learning::Unfinished::StartAgain, language.language}));
        } else if (!run) {
            run.emplace(languages.in(language.language), s->id, learning::run_options(o.seed));
        }
    }
    if (steps) {
        player.set_recorder(&*steps);
        // Pacing guards what is credited: recorded play. An unrecorded
        // preview (an author's script, a transcript) earns nothing and is not held back.
        player.set_paced(learning::is_paced(course, records::Mode::SelfPaced));
    }

    switch (player.play(run)) {
    case PlayEnd::Finished:
        if (!o.save.empty()) {
            std::error_code ignored;
            std::filesystem::remove(o.save, ignored);
        }
        if (steps) {
            finish_attempt(*layer, *steps, *run, course, printer, input);
        }
        return kExitOk;
    case PlayEnd::Quit:
        printer.blank();
        // TRANSLATORS: {1} is the save file.
        printer.text(!o.save.empty()
                         ? i18n::format(tr("Stopped. Your progress is saved in {1}."), {o.save})
                     : steps ? std::string(tr("Stopped. Your progress is recorded; choose this "
                                              "scenario again to continue."))
                             : std::string(tr("Stopped.")));
        return kExitOk;
    case PlayEnd::RecordingFailed:
    case PlayEnd::Stuck:
        return kExitFailed;
    }
    return kExitFailed;
}

} // namespace

int run_text_player(const Options& o, const Streams& env) {
    try {
        return play(o, env);
    } catch (const Fatal& f) {
        env.out.flush();
        env.err << "sightline: " << f.message << "\n";
        return f.code;
    } catch (const std::exception& e) {
        // ScriptError and RunError; anything else unforeseen also ends with
        // one line rather than an abort.
        env.out.flush();
        env.err << "sightline: " << e.what() << "\n";
        return kExitFailed;
    }
}

} // namespace sightline::textplay
