#include "content/po.hpp"

#include "i18n/i18n.hpp"

#include <map>
#include <set>
#include <utility>

namespace sightline::content::po {

using i18n::format;
using i18n::tr;

namespace {

std::string quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
    }
    return out + '"';
}

// `keyword "text"`, or, when the text has line ends inside it, `keyword ""`
// followed by one string per line (as gettext writes them).
void keyword(std::string& out, std::string_view prefix, std::string_view name,
             std::string_view text) {
    const std::size_t newline = text.find('\n');
    if (newline == std::string_view::npos || newline + 1 == text.size()) {
        out += std::string(prefix) + std::string(name) + ' ' + quote(text) + '\n';
        return;
    }
    out += std::string(prefix) + std::string(name) + " \"\"\n";
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end + 1;
        out += std::string(prefix) + quote(text.substr(start, end - start)) + '\n';
        start = end;
    }
}

} // namespace

std::string default_header(std::string_view language) {
    return "Project-Id-Version: Sightline courses\n"
           "PO-Revision-Date: none\n"
           "Last-Translator: none\n"
           "Language-Team: none\n"
           "Language: " +
           std::string(language) +
           "\n"
           "MIME-Version: 1.0\n"
           "Content-Type: text/plain; charset=UTF-8\n"
           "Content-Transfer-Encoding: 8bit\n";
}

std::string write(const Catalogue& catalogue) {
    std::string out;
    keyword(out, "", "msgid", "");
    keyword(out, "", "msgstr", catalogue.header);
    for (const Entry& e : catalogue.entries) {
        out += '\n';
        for (const std::string& c : e.extracted_comments) {
            out += "#. " + c + '\n';
        }
        for (const std::string& r : e.references) {
            out += "#: " + r + '\n';
        }
        if (e.fuzzy) {
            out += "#, fuzzy\n";
        }
        const std::string prefix = e.obsolete ? "#~ " : "";
        if (e.previous_msgid) {
            keyword(out, e.obsolete ? "#~| " : "#| ", "msgid", *e.previous_msgid);
        }
        keyword(out, prefix, "msgctxt", e.context);
        keyword(out, prefix, "msgid", e.id);
        keyword(out, prefix, "msgstr", e.str);
    }
    return out;
}

namespace {

class Parser {
  public:
    explicit Parser(std::string_view text) : text_(text) {}

    ParseResult run() {
        std::size_t start = 0;
        if (text_.starts_with("\xEF\xBB\xBF")) {
            start = 3;
        }
        while (start <= text_.size() && !stop_) {
            std::size_t end = text_.find('\n', start);
            if (end == std::string_view::npos) {
                end = text_.size();
            }
            std::string_view line = text_.substr(start, end - start);
            if (line.ends_with('\r')) {
                line.remove_suffix(1);
            }
            ++line_number_;
            take_line(line);
            if (end == text_.size()) {
                break;
            }
            start = end + 1;
        }
        finish_entry();
        ParseResult result;
        result.errors = std::move(errors_);
        if (result.errors.empty()) {
            if (!have_header_) {
                catalogue_.header.clear();
            }
            result.catalogue = std::move(catalogue_);
            result.lines = std::move(lines_);
        }
        return result;
    }

  private:
    enum class Field { None, Previous, Context, Id, Str };

    void error(std::size_t column, std::string message) {
        errors_.push_back(
            {line_number_, static_cast<std::uint32_t>(column + 1), std::move(message)});
        if (errors_.size() >= 50) {
            stop_ = true;
        }
    }

    void finish_entry() {
        if (field_ == Field::None && !started_) {
            return;
        }
        if (!has_id_) {
            error(0, tr("an entry without msgid ends here"));
        } else if (!has_str_) {
            error(0, tr("an entry without msgstr ends here"));
        } else if (!has_context_ && entry_.id.empty()) {
            if (have_header_) {
                error(0, tr("a second header entry (msgid \"\")"));
            }
            have_header_ = true;
            catalogue_.header = entry_.str;
        } else if (!seen_.insert(entry_.context + '\x04' + entry_.id).second) {
            error(0,
                  format(tr("msgctxt \"{1}\" with this msgid is given twice"), {entry_.context}));
        } else {
            catalogue_.entries.push_back(std::move(entry_));
            lines_.push_back(entry_lines_);
        }
        entry_ = Entry{};
        entry_lines_ = EntryLines{};
        field_ = Field::None;
        started_ = has_context_ = has_id_ = has_str_ = false;
    }

    // Reads a quoted string at `at`; appends its text to `into`.
    bool string_at(std::string_view line, std::size_t at, std::string* into) {
        if (at >= line.size() || line[at] != '"') {
            error(at, tr("expected a string in double quotes"));
            return false;
        }
        std::string text;
        std::size_t i = at + 1;
        for (; i < line.size() && line[i] != '"'; ++i) {
            if (line[i] != '\\') {
                text += line[i];
                continue;
            }
            if (++i == line.size()) {
                break;
            }
            switch (line[i]) {
            case 'n':
                text += '\n';
                break;
            case 't':
                text += '\t';
                break;
            case 'r':
                text += '\r';
                break;
            case '"':
                text += '"';
                break;
            case '\\':
                text += '\\';
                break;
            default:
                error(i - 1, format(tr("unknown escape \\{1}"), {std::string(1, line[i])}));
                return false;
            }
        }
        if (i >= line.size()) {
            error(line.size(), tr("the string has no closing quote"));
            return false;
        }
        for (std::size_t j = i + 1; j < line.size(); ++j) {
            if (line[j] != ' ' && line[j] != '\t') {
                error(j, tr("unexpected text after the string"));
                return false;
            }
        }
        if (into) {
            *into += text;
        }
        return true;
    }

    std::string* target(Field field) {
        switch (field) {
        case Field::Previous:
            return &*entry_.previous_msgid;
        case Field::Context:
            return &entry_.context;
        case Field::Id:
            return &entry_.id;
        case Field::Str:
            return &entry_.str;
        case Field::None:
            break;
        }
        return nullptr;
    }

    // One keyword line (or continuation), `offset` bytes into the physical line.
    void take_keyword(std::string_view line, std::size_t offset, bool obsolete, bool previous) {
        const std::string_view rest = line.substr(offset);
        if (rest.starts_with('"')) {
            if (field_ == Field::None) {
                error(offset, tr("a string continues nothing"));
                return;
            }
            string_at(line, offset, target(field_));
            return;
        }
        std::size_t space = rest.find_first_of(" \t");
        const std::string_view word = rest.substr(0, space);
        std::size_t value = offset + (space == std::string_view::npos ? rest.size() : space);
        while (value < line.size() && (line[value] == ' ' || line[value] == '\t')) {
            ++value;
        }
        if (previous) {
            if (word != "msgid" && word != "msgctxt") {
                error(offset, tr("expected msgid after #|"));
                return;
            }
            if (field_ == Field::Str) {
                finish_entry();
            }
            started_ = true;
            if (word == "msgctxt") { // the previous context: kept by nobody here
                field_ = Field::None;
                string_at(line, value, nullptr);
                return;
            }
            entry_.previous_msgid = std::string();
            field_ = Field::Previous;
            string_at(line, value, target(field_));
            return;
        }
        if (word == "msgctxt" || word == "msgid") {
            if (field_ == Field::Str || (word == "msgctxt" && (has_context_ || has_id_))) {
                finish_entry();
            }
            if (word == "msgid" && has_id_) {
                error(offset, tr("msgid given twice in one entry"));
                return;
            }
            started_ = true;
            entry_.obsolete = obsolete;
            if (word == "msgctxt" || !has_context_) {
                entry_lines_.context = line_number_;
            }
            field_ = word == "msgctxt" ? Field::Context : Field::Id;
            (word == "msgctxt" ? has_context_ : has_id_) = true;
            string_at(line, value, target(field_));
        } else if (word == "msgstr") {
            if (!has_id_ || field_ == Field::Str) {
                error(offset, tr("msgstr without msgid"));
                return;
            }
            field_ = Field::Str;
            has_str_ = true;
            entry_lines_.str = line_number_;
            string_at(line, value, target(field_));
        } else if (word.starts_with("msgid_plural") || word.starts_with("msgstr[")) {
            error(offset, tr("plural forms are not used in course translations"));
        } else {
            error(offset, tr("expected msgctxt, msgid, msgstr or a string"));
        }
    }

    void take_line(std::string_view line) {
        std::size_t first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos) {
            if (field_ == Field::Str) {
                finish_entry();
            }
            return;
        }
        const std::string_view rest = line.substr(first);
        if (rest.starts_with("#~|")) {
            take_keyword(line, line.find_first_not_of(" \t", first + 3), true, true);
        } else if (rest.starts_with("#~")) {
            const std::size_t at = line.find_first_not_of(" \t", first + 2);
            if (at == std::string_view::npos) {
                return;
            }
            take_keyword(line, at, true, false);
        } else if (rest.starts_with("#|")) {
            const std::size_t at = line.find_first_not_of(" \t", first + 2);
            if (at == std::string_view::npos) {
                error(first + 2, tr("expected msgid after #|"));
                return;
            }
            take_keyword(line, at, false, true);
        } else if (rest.starts_with('#')) {
            if (field_ == Field::Str) {
                finish_entry();
            }
            started_ = true;
            std::string_view body = rest.size() > 2 ? rest.substr(2) : std::string_view();
            if (body.starts_with(' ')) {
                body.remove_prefix(1);
            }
            if (rest.starts_with("#.")) {
                entry_.extracted_comments.emplace_back(body);
            } else if (rest.starts_with("#:")) {
                entry_.references.emplace_back(body);
            } else if (rest.starts_with("#,")) {
                entry_.fuzzy = entry_.fuzzy || body.find("fuzzy") != std::string_view::npos;
            } // other comments ("# ", the translator's own) are not kept
        } else {
            take_keyword(line, first, false, false);
        }
    }

    std::string_view text_;
    std::uint32_t line_number_ = 0;
    Catalogue catalogue_;
    Entry entry_;
    EntryLines entry_lines_;
    std::vector<EntryLines> lines_;
    Field field_ = Field::None;
    bool started_ = false, has_context_ = false, has_id_ = false, has_str_ = false;
    bool have_header_ = false, stop_ = false;
    std::set<std::string> seen_;
    std::vector<ParseError> errors_;
};

} // namespace

ParseResult parse(std::string_view text) {
    return Parser(text).run();
}

Catalogue merge(const Catalogue& existing, std::vector<Entry> fresh) {
    std::map<std::string, const Entry*> old;
    for (const Entry& e : existing.entries) {
        auto [at, inserted] = old.emplace(e.context, &e);
        if (!inserted && at->second->obsolete && !e.obsolete) {
            at->second = &e; // a live entry wins over an obsolete one
        }
    }
    Catalogue merged{existing.header, {}};
    std::set<std::string> live;
    for (Entry& e : fresh) {
        live.insert(e.context);
        const auto found = old.find(e.context);
        if (found != old.end() && !found->second->str.empty()) {
            const Entry& before = *found->second;
            e.str = before.str;
            if (before.id == e.id) {
                e.fuzzy = before.fuzzy;
                e.previous_msgid = before.fuzzy ? before.previous_msgid : std::nullopt;
            } else {
                e.fuzzy = true;
                // The English the translation was made for: an already fuzzy one keeps its own.
                e.previous_msgid =
                    before.fuzzy && before.previous_msgid ? before.previous_msgid : before.id;
            }
        }
        merged.entries.push_back(std::move(e));
    }
    for (const Entry& e : existing.entries) {
        if (!live.contains(e.context) && !e.str.empty() && old[e.context] == &e) {
            Entry gone = e;
            gone.obsolete = true;
            gone.references.clear();
            merged.entries.push_back(std::move(gone));
        }
    }
    return merged;
}

} // namespace sightline::content::po
