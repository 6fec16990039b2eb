#include "content/translation.hpp"

#include "content/lint_terms.hpp"
#include "content/lint_text.hpp"
#include "content/parser.hpp"
#include "content/text_util.hpp"
#include "i18n/i18n.hpp"
#include "model/translation.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>

namespace sightline::content {

namespace {

using i18n::format;
using i18n::tr;

using model::TextPlace;
using Section = TextPlace::Section;
using Part = TextPlace::Part;

Location field_at(const FieldLocations& fields, std::string_view name, Location otherwise) {
    const auto found = fields.find(name);
    return found == fields.end() ? otherwise : found->second;
}

// Where the string at `place` is written: its declaration, its scenario's
// header, or the line of its node part (a debrief, note or prompt: the
// debrief field). A line of 0 when the sources do not say.
Location written_at(const ParsedUnit& unit, const TextPlace& place) {
    const auto declared = [&](const std::vector<DeclarationSource>& list) {
        return place.index < list.size() ? list[place.index].at : Location{};
    };
    switch (place.section) {
    case Section::Role:
        return declared(unit.roles);
    case Section::Dimension:
        return declared(unit.dimensions);
    case Section::Tier:
        return declared(unit.tiers);
    case Section::Outcome:
        return declared(unit.outcomes);
    case Section::Indicator:
        return declared(unit.indicators);
    case Section::Rule:
        return declared(unit.rules);
    case Section::Course:
        return declared(unit.courses);
    case Section::Scenario:
        break;
    }
    if (place.index >= unit.scenarios.size()) {
        return {};
    }
    const ScenarioSource& scenario = unit.scenarios[place.index];
    if (place.part == Part::Header) {
        return scenario.at;
    }
    if (place.node >= scenario.nodes.size()) {
        return {};
    }
    const NodeSource& node = scenario.nodes[place.node];
    const auto nth = [&](const std::vector<Location>& where) {
        return place.item < where.size() ? where[place.item] : node.at;
    };
    switch (place.part) {
    case Part::Paragraph:
        return nth(node.paragraphs);
    case Part::Choice:
        return place.item < node.choices.size() ? node.choices[place.item].at : node.at;
    case Part::Option:
        return nth(node.options);
    case Part::Debrief:
    case Part::Note: // notes and prompts have always been referenced at the debrief
        return field_at(node.fields, "debrief", node.at);
    case Part::Header:
    case Part::Check:
        break;
    }
    return node.at;
}

std::vector<po::Entry> extract(const model::Bundle& bundle, const ParsedUnit* unit,
                               const SourceSet* sources) {
    std::vector<po::Entry> entries;
    model::for_each_text(bundle, [&](const model::TextSite& site, const std::string& english) {
        po::Entry e;
        if (unit != nullptr && sources != nullptr) {
            const Location where = written_at(*unit, site.place);
            if (where.file < sources->size() && where.line > 0) {
                e.references.push_back((*sources)[where.file].name() + ":" +
                                       std::to_string(where.line));
            }
        }
        if (!site.comment.empty()) {
            e.extracted_comments.emplace_back(site.comment);
        }
        e.context = std::string(site.key);
        e.id = english;
        entries.push_back(std::move(e));
    });
    return entries;
}

// --- reading translations --------------------------------------------------------------

// One translatable string of the sources.
struct SourceString {
    std::string key, english;
    TextPlace place;
};

// A SL0603 group: one scenario, or one catalogue section.
bool same_group(const TextPlace& a, const TextPlace& b) {
    return a.section == b.section && (a.section != Section::Scenario || a.index == b.index);
}

std::string group_name(const model::Bundle& bundle, const TextPlace& place) {
    switch (place.section) {
    case Section::Role:
        // TRANSLATORS: the parts of a course translation an SL0603 warning names, as in
        // "{1}: 3 of 10 strings have no 'es' translation...".
        return tr("roles");
    case Section::Dimension:
        return tr("score dimensions");
    case Section::Tier:
        return tr("response tiers");
    case Section::Outcome:
        return tr("outcomes");
    case Section::Indicator:
        return tr("the indicator catalogue");
    case Section::Rule:
        return tr("compliance rules");
    case Section::Course:
        return tr("courses");
    case Section::Scenario:
        break;
    }
    return format(tr("scenario '{1}'"), {bundle.scenarios.at(place.index).id});
}

// BCP 47-like: letters, digits and '-' ("es", "es-MX"); gettext's "es_MX" is read as "es-MX".
std::optional<std::string> language_tag(std::string_view value) {
    std::string tag(trim(value));
    std::replace(tag.begin(), tag.end(), '_', '-');
    if (tag.empty() || tag.size() > 35) {
        return std::nullopt;
    }
    for (char c : tag) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) {
            return std::nullopt;
        }
    }
    return tag;
}

std::size_t line_breaks(std::string_view text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// What one PO file gives.
struct Language {
    std::string language;
    std::map<std::string, std::pair<std::string, Location>> texts; // key -> text, msgstr
    std::uint32_t file = 0;
};

class Reader {
  public:
    explicit Reader(const CompileResult& compiled)
        : compiled_(compiled), unit_(parse_sources(compiled.sources)) {
        model::for_each_text(*compiled.bundle,
                             [&](const model::TextSite& site, const std::string& english) {
                                 index_.emplace(std::string(site.key), strings_.size());
                                 strings_.push_back({std::string(site.key), english, site.place});
                             });
    }

    // Reads one PO file; `failure` says why its text could not be read.
    void add(SourceFile file, const std::optional<std::string>& failure) {
        const auto index = static_cast<std::uint32_t>(compiled_.sources.size() + files_.size());
        files_.push_back(std::move(file));
        if (failure) {
            report(codes::po_unreadable, {index, 0, 0}, *failure);
            return;
        }
        const SourceFile& source = files_.back();
        po::ParseResult parsed = po::parse(source.text());
        for (const po::ParseError& e : parsed.errors) {
            report(codes::po_unreadable, {index, e.line, e.column}, e.message);
        }
        if (!parsed.catalogue) {
            return;
        }
        std::optional<std::string> language = header_language(source, parsed.catalogue->header);
        if (!language) {
            return;
        }
        Language read{*language, {}, index};
        for (std::size_t i = 0; i < parsed.catalogue->entries.size(); ++i) {
            entry(read, parsed.catalogue->entries[i], parsed.lines.at(i));
        }
        languages_.push_back(std::move(read));
    }

    TranslationResult finish() {
        TranslationResult result;
        result.files = std::move(files_);
        std::sort(languages_.begin(), languages_.end(),
                  [](const Language& a, const Language& b) { return a.language < b.language; });
        for (const Language& language : languages_) {
            untranslated(language);
            model::Translation t{language.language, {}};
            std::vector<Location> where;
            for (const auto& [key, text] : language.texts) {
                t.texts.push_back({key, text.first});
                where.push_back(text.second);
            }
            result.coverage.push_back({language.language, t.texts.size(), strings_.size()});
            result.translations.push_back(std::move(t));
            result.where.push_back(std::move(where));
        }
        sort_diagnostics(diagnostics_);
        result.diagnostics = std::move(diagnostics_);
        return result;
    }

  private:
    void report(DiagnosticCode code, Location at, std::string message) {
        diagnostics_.push_back(Diagnostic{code, code.severity(), at, std::move(message)});
    }

    // The header's `Language:`: a tag, not English, not given by another file.
    std::optional<std::string> header_language(const SourceFile& source,
                                               const std::string& header) {
        const auto index = static_cast<std::uint32_t>(compiled_.sources.size() + files_.size() - 1);
        Location at{index, 1, 1};
        // The header entry is the file's first paragraph.
        for (std::uint32_t n = 1; n <= source.line_count() && !trim(source.line(n)).empty(); ++n) {
            if (source.line(n).find("\"Language:") != std::string_view::npos) {
                at.line = n;
                break;
            }
        }
        std::string_view value;
        for (std::string_view rest = header; !rest.empty();) {
            const std::size_t end = std::min(rest.find('\n'), rest.size());
            const std::string_view field = rest.substr(0, end);
            if (field.starts_with("Language:")) {
                value = field.substr(9);
            }
            rest.remove_prefix(std::min(end + 1, rest.size()));
        }
        const std::optional<std::string> tag = language_tag(value);
        if (!tag) {
            report(
                codes::po_unreadable, at,
                trim(value).empty()
                    ? std::string(
                          tr("the PO header names no language; add \"Language: es\\n\" to it"))
                    : format(tr("the PO header's language '{1}' is not a language tag such as es "
                                "or es-MX"),
                             {trim(value)}));
            return std::nullopt;
        }
        if (*tag == "en") {
            report(codes::po_unreadable, at,
                   tr("the PO file is for 'en', the language the scenarios are written in; a "
                      "translation is for another language"));
            return std::nullopt;
        }
        for (const Language& other : languages_) {
            if (other.language == *tag) {
                report(codes::po_unreadable, at,
                       // TRANSLATORS: {1} is a language tag (es), {2} a PO file's name.
                       format(tr("'{1}' is already translated by {2}; give one PO file per "
                                 "language"),
                              {*tag, files_.at(other.file - compiled_.sources.size()).name()}));
                return std::nullopt;
            }
        }
        return tag;
    }

    void entry(Language& language, const po::Entry& e, const po::EntryLines& lines) {
        if (e.obsolete) {
            return; // already marked obsolete (#~) by sightc extract: kept for translators only
        }
        if (e.str.empty()) {
            return; // untranslated: counted by untranslated(), and nothing is lost if gone
        }
        const Location at{language.file, lines.context, 1};
        const auto found = index_.find(e.context);
        if (found == index_.end()) {
            report(codes::po_obsolete_entry, at,
                   e.context.empty()
                       ? std::string(tr(
                             "an entry without msgctxt names no course string, so it is not used"))
                       // TRANSLATORS: {1} is a course string's id (msgctxt).
                       : format(tr("'{1}' is no longer in the sources, so its translation is not "
                                   "used; run sightc extract to mark it obsolete (#~), or remove "
                                   "it"),
                                {e.context}));
            return;
        }
        attempted_[language.language].insert(e.context);
        const SourceString& source = strings_[found->second];
        if (e.fuzzy || e.id != source.english) {
            report(codes::po_fuzzy, at,
                   format(e.fuzzy ? tr("the translation of '{1}' is fuzzy: its English changed "
                                       "since it was translated, so the English is shown until a "
                                       "translator reviews it and removes the fuzzy flag")
                                  : tr("the English of '{1}' is no longer this entry's msgid, so "
                                       "the English is shown until a translator reviews it; "
                                       "sightc extract marks it fuzzy"),
                          {e.context}));
            return;
        }
        const Location str_at{language.file, lines.str, 1};
        if (!keeps_the_english(e, str_at)) {
            return;
        }
        language.texts[e.context] = {e.str, str_at};
    }

    // SL0605: what a learner must get exactly as the English has it.
    bool keeps_the_english(const po::Entry& e, Location at) {
        bool ok = true;
        for (std::string_view number : lint_terms::kReportingNumbers) {
            if (lint_text::contains_number(e.id, number) &&
                !lint_text::contains_number(e.str, number)) {
                report(codes::po_changes_english, at,
                       // TRANSLATORS: {1} is a course string's id, {2} a phone number.
                       format(tr("the translation of '{1}' leaves out {2}, a reporting number of "
                                 "its English; keep every number exactly as the English writes "
                                 "it"),
                              {e.context, number}));
                ok = false;
            }
        }
        if (line_breaks(e.id) != line_breaks(e.str)) {
            report(codes::po_changes_english, at,
                   format(tr("the English of '{1}' has {2} line breaks and its translation {3}; "
                             "keep the same lines and paragraphs (a blank line between "
                             "paragraphs), so the player shows them alike"),
                          {e.context, std::to_string(line_breaks(e.id)),
                           std::to_string(line_breaks(e.str))}));
            ok = false;
        }
        return ok;
    }

    // SL0603: one warning per scenario or catalogue section with strings that
    // have no translation at all, so a new language does not print thousands.
    void untranslated(const Language& language) {
        const std::set<std::string>& attempted = attempted_[language.language];
        const SourceString* first = nullptr;
        std::size_t missing = 0, total = 0;
        const auto flush = [&] {
            if (first != nullptr) {
                report(codes::po_untranslated, written_at(unit_, first->place),
                       // TRANSLATORS: {1} is a part of the course ("scenario 'x'", "roles"),
                       // {4} a language tag (es), {5} the first string's id.
                       format(tr("{1}: {2} of {3} strings have no '{4}' translation and play in "
                                 "English; the first is '{5}'"),
                              {group_name(*compiled_.bundle, first->place), std::to_string(missing),
                               std::to_string(total), language.language, first->key}));
            }
            first = nullptr;
            missing = total = 0;
        };
        for (std::size_t i = 0; i < strings_.size(); ++i) {
            if (i > 0 && !same_group(strings_[i - 1].place, strings_[i].place)) {
                flush();
            }
            ++total;
            if (!attempted.contains(strings_[i].key)) {
                first = first != nullptr ? first : &strings_[i];
                ++missing;
            }
        }
        flush();
    }

    const CompileResult& compiled_;
    ParsedUnit unit_;
    std::vector<SourceString> strings_; // in walk order
    std::map<std::string, std::size_t, std::less<>> index_;
    SourceSet files_;
    std::vector<Language> languages_;
    std::map<std::string, std::set<std::string>> attempted_; // language -> keys with a msgstr
    std::vector<Diagnostic> diagnostics_;
};

// A PO file larger than this is refused rather than read into memory.
constexpr std::uintmax_t kMaxPoBytes = 64ull * 1024 * 1024;

std::optional<std::string> read_file(const std::filesystem::path& path, std::string& text) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error) {
        return format(tr("cannot read: {1}"), {error.message()});
    }
    if (size > kMaxPoBytes) {
        return format(tr("file is {1} bytes; PO files are limited to {2}"),
                      {std::to_string(size), std::to_string(kMaxPoBytes)});
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream read;
    read << in.rdbuf();
    if (!in && !in.eof()) {
        return std::string(tr("cannot read"));
    }
    text = std::move(read).str();
    return std::nullopt;
}

} // namespace

std::vector<po::Entry> extract_translatable(const model::Bundle& bundle) {
    return extract(bundle, nullptr, nullptr);
}

std::vector<po::Entry> extract_translatable(const CompileResult& compiled) {
    const ParsedUnit unit = parse_sources(compiled.sources);
    return extract(*compiled.bundle, &unit, &compiled.sources);
}

bool TranslationResult::has_errors() const {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

TranslationResult read_translations(const CompileResult& compiled, SourceSet po_files) {
    Reader reader(compiled);
    for (SourceFile& file : po_files) {
        reader.add(std::move(file), std::nullopt);
    }
    return reader.finish();
}

TranslationResult read_translation_files(const CompileResult& compiled,
                                         const std::vector<std::filesystem::path>& paths) {
    Reader reader(compiled);
    for (const std::filesystem::path& path : paths) {
        std::string text;
        const std::optional<std::string> failure = read_file(path, text);
        reader.add(SourceFile(path.string(), std::move(text)), failure);
    }
    return reader.finish();
}

SourceSet with_translation_sources(const CompileResult& compiled,
                                   const TranslationResult& translations) {
    SourceSet all = compiled.sources;
    all.insert(all.end(), translations.files.begin(), translations.files.end());
    return all;
}

} // namespace sightline::content
