#include "model/dump.hpp"

#include "model/link.hpp"

namespace sightline::model {

namespace {

// Quotes text so line breaks and quotes inside it stay visible on one line.
std::string q(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i ? ", " : "") + items[i];
    }
    return out + "]";
}

std::string value(const Value& v) {
    switch (v.type) {
    case ValueType::Boolean:
        return v.boolean ? "true" : "false";
    case ValueType::Integer:
        return std::to_string(v.integer);
    case ValueType::String:
        return q(v.text);
    }
    return "?";
}

std::string op_name(OpCode code) {
    static constexpr const char* names[] = {
        "push-bool", "push-int", "push-string", "load", "visits", "not", "negate", "and", "or",
        "eq",        "ne",       "lt",          "le",   "gt",     "ge",  "add",    "sub"};
    static_assert(std::size(names) == kLastOpCode + 1, "one name per OpCode");
    const auto index = static_cast<std::size_t>(code);
    return index < std::size(names) ? names[index] : "?";
}

std::string expr(const Expr& e) {
    if (e.empty()) {
        return "always";
    }
    std::string out = q(e.source) + " {";
    for (const Op& op : e.ops) {
        out += ' ' + op_name(op.code);
        if (op.code == OpCode::PushInt || op.code == OpCode::PushBool) {
            out += ' ' + std::to_string(op.number);
        } else if (op.code == OpCode::PushString) {
            out += ' ' + q(op.name);
        } else if (!op.name.empty()) {
            out += ' ' + op.name;
        }
        out += ';';
    }
    return out + " }";
}

std::string scores(const std::vector<ScoreChange>& changes) {
    std::string out;
    for (const ScoreChange& s : changes) {
        out += (out.empty() ? "" : ", ") + s.dimension + ' ' + (s.delta >= 0 ? "+" : "") +
               std::to_string(s.delta);
    }
    return out;
}

void effects(std::ostream& out, const std::vector<Effect>& list_of, const char* indent) {
    for (const Effect& e : list_of) {
        out << indent << (e.kind == EffectKind::Set ? "set " : "add ") << e.variable << ' '
            << expr(e.value) << '\n';
    }
}

void node(std::ostream& out, const Node& n) {
    out << "  node " << n.id << '\n';
    for (const Paragraph& p : n.body) {
        out << "    text";
        if (!p.speaker.empty()) {
            out << " @" << p.speaker;
        }
        if (!p.condition.empty()) {
            out << " if " << expr(p.condition);
        }
        out << ' ' << q(p.text) << '\n';
    }
    effects(out, n.on_enter, "    on-enter ");
    for (const std::string& note : n.facilitator_notes) {
        out << "    note " << q(note) << '\n';
    }
    for (const std::string& prompt : n.discussion_prompts) {
        out << "    discuss " << q(prompt) << '\n';
    }
    for (const Choice& c : n.choices) {
        out << "    choice " << c.id << " -> " << c.target << " tier " << c.tier << ' ' << q(c.text)
            << '\n';
        if (!c.condition.empty()) {
            out << "      if " << expr(c.condition) << " unavailable "
                << (c.when_unavailable == WhenUnavailable::Hide ? "hidden" : "disabled") << '\n';
        }
        if (!c.scores.empty()) {
            out << "      score " << scores(c.scores) << '\n';
        }
        if (!c.notices.empty()) {
            out << "      notices " << list(c.notices) << '\n';
        }
        effects(out, c.effects, "      ");
        if (c.pin != Pin::None) {
            out << "      pin " << pin_name(c.pin) << '\n';
        }
        out << "      feedback " << q(c.feedback) << '\n';
    }
    if (n.has_check()) {
        out << "    check " << (n.check.kind == CheckKind::Single ? "single " : "multi ")
            << q(n.check.prompt) << " score " << scores(n.check.scores) << '\n';
        for (const CheckOption& o : n.check.options) {
            out << "      option " << o.id << (o.correct ? " correct " : " wrong ") << q(o.text)
                << " feedback " << q(o.feedback)
                << (o.pin != Pin::None ? " pin " + std::string(pin_name(o.pin)) : std::string())
                << '\n';
        }
    }
    if (!n.next.empty()) {
        out << "    next " << n.next << '\n';
    }
    if (n.is_ending()) {
        out << "    ending " << n.outcome << " debrief " << q(n.debrief) << '\n';
    }
}

} // namespace

void dump(std::ostream& out, const Bundle& b) {
    for (const Role& r : b.roles) {
        out << "role " << r.id << ' ' << q(r.name) << '\n';
    }
    for (const Dimension& d : b.dimensions) {
        out << "dimension " << d.id << ' ' << q(d.name) << '\n';
    }
    for (const Tier& t : b.tiers) {
        out << "tier " << t.id << " rank " << t.rank << ' ' << q(t.name) << '\n';
    }
    for (const Outcome& o : b.outcomes) {
        out << "outcome " << o.id << ' ' << q(o.name) << '\n';
    }
    for (const Indicator& i : b.indicators) {
        out << "indicator " << i.id << ' ' << q(i.name) << " category " << q(i.category) << " type "
            << i.type << " roles " << list(i.roles) << (i.confounder ? " confounder" : "") << '\n'
            << "  " << q(i.description) << '\n';
    }
    for (const Course& c : b.courses) {
        out << "course " << c.id << ' ' << q(c.title) << " role " << c.role << " passing "
            << c.passing_score << "% credit " << c.credit_minutes << " min\n";
        if (!c.description.empty()) {
            out << "  description " << q(c.description) << '\n';
        }
        for (const std::string& topic : c.topics) {
            out << "  topic " << q(topic) << '\n';
        }
        if (!c.approval.empty()) {
            out << "  approval " << q(c.approval) << '\n';
        }
        if (c.paced) {
            out << "  pacing on\n";
        }
        for (const std::string& paragraph : c.closing) {
            out << "  closing " << q(paragraph) << '\n';
        }
        for (const CourseEntry& e : c.entries) {
            out << "  scenario " << e.scenario << (e.required ? " required" : " optional") << '\n';
        }
        if (!c.meets.empty()) {
            out << "  meets " << list(c.meets) << '\n';
        }
    }
    for (const Rule& r : b.rules) {
        out << "rule " << r.id << ' ' << q(r.title) << " jurisdiction " << q(r.jurisdiction)
            << " citation " << q(r.citation) << '\n'
            << "  applies-to " << list(r.applies_to) << '\n'
            << "  minimum " << r.minimum_minutes << " min" << (r.interactive ? " interactive" : "")
            << (r.paced ? " paced" : "") << " recurrence " << r.recurrence_months
            << " months new-hire " << r.new_hire_days << " days keep " << r.retention_months
            << " months\n";
        for (const RuleTopic& t : r.topics) {
            out << "  topic " << t.id << ' ' << q(t.text) << '\n';
        }
        out << "  proof " << list(r.proof) << '\n';
    }
    for (const Scenario& s : b.scenarios) {
        out << "scenario " << s.id << ' ' << q(s.title) << " role " << s.role << " language "
            << s.language << " minutes " << s.minutes << " start "
            << (s.start.empty() ? "(first)" : s.start) << '\n';
        for (const std::string& objective : s.objectives) {
            out << "  objective " << q(objective) << '\n';
        }
        out << "  content-note " << q(s.content_note) << '\n'
            << "  indicators " << list(s.indicators) << '\n'
            << "  response " << q(s.response) << '\n'
            << "  report " << q(s.report) << '\n';
        if (!s.covers.empty()) {
            out << "  covers " << list(s.covers) << '\n';
        }
        if (!s.teaches.empty()) {
            out << "  teaches " << list(s.teaches) << '\n';
        }
        for (std::size_t d = 0; d < s.score_ranges.size() && d < b.dimensions.size(); ++d) {
            out << "  range " << b.dimensions[d].id << ' ' << s.score_ranges[d].min << ".."
                << s.score_ranges[d].max << '\n';
        }
        for (const Variable& v : s.variables) {
            out << "  var " << v.id << ": " << type_name(v.initial.type) << " = "
                << value(v.initial) << '\n';
        }
        for (const Node& n : s.nodes) {
            node(out, n);
        }
    }
}

} // namespace sightline::model
