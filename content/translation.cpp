#include "content/translation.hpp"

#include "content/lexer.hpp"
#include "content/parser.hpp"

#include <string>

namespace sightline::content {

namespace {

class Extractor {
  public:
    // Where the next strings are written; nothing without sources (or a location).
    void at(Location where) {
        reference.clear();
        if (sources != nullptr && where.file < sources->size() && where.line > 0) {
            reference = (*sources)[where.file].name() + ":" + std::to_string(where.line);
        }
    }

    void add(std::string context, const std::string& english, std::string comment) {
        if (english.empty()) {
            return;
        }
        po::Entry e;
        if (!reference.empty()) {
            e.references.push_back(reference);
        }
        if (!comment.empty()) {
            e.extracted_comments.push_back(std::move(comment));
        }
        e.context = std::move(context);
        e.id = english;
        entries.push_back(std::move(e));
    }

    // `base:field.N` for the N-th (1-based) of a repeated field without ids.
    void add_all(const std::string& base, const std::string& field,
                 const std::vector<std::string>& texts, const std::string& comment) {
        for (std::size_t i = 0; i < texts.size(); ++i) {
            add(base + ":" + field + "." + std::to_string(i + 1), texts[i], comment);
        }
    }

    std::vector<po::Entry> entries;
    const SourceSet* sources = nullptr;
    std::string reference;
};

Location field_at(const FieldLocations& fields, std::string_view name, Location otherwise) {
    const auto found = fields.find(name);
    return found == fields.end() ? otherwise : found->second;
}

void extract_node(Extractor& x, const model::Scenario& scenario, const model::Node& node,
                  const NodeSource* source) {
    const auto at = [&](const std::vector<Location>& where, std::size_t i) {
        x.at(source && i < where.size() ? where[i] : source ? source->at : Location{});
    };
    const std::string base = scenario.id + ":node." + node.id;
    const std::string where = "scenario " + scenario.id + ", node " + node.id;
    for (std::size_t i = 0; i < node.body.size(); ++i) {
        const model::Paragraph& p = node.body[i];
        const std::string line = base + ":line." + std::to_string(i + 1);
        const std::string who = p.speaker.empty() ? "narration" : "spoken by " + p.speaker;
        at(source ? source->paragraphs : std::vector<Location>{}, i);
        x.add(line + ":speaker", p.speaker, where + ": the name of a speaker");
        x.add(line, p.text, where + ", " + who);
    }
    for (std::size_t i = 0; i < node.choices.size(); ++i) {
        const model::Choice& c = node.choices[i];
        x.at(source && i < source->choices.size() ? source->choices[i].at
             : source                             ? source->at
                                                  : Location{});
        const std::string choice = base + ":choice." + c.id;
        x.add(choice + ":text", c.text, where + ": a choice the learner can take");
        x.add(choice + ":feedback", c.feedback,
              where + ": feedback after choice " + c.id + " (" + c.tier + " tier)");
    }
    if (node.has_check()) {
        x.at(source ? source->at : Location{});
        x.add(base + ":check.prompt", node.check.prompt, where + ": a knowledge check question");
        for (std::size_t i = 0; i < node.check.options.size(); ++i) {
            const model::CheckOption& o = node.check.options[i];
            at(source ? source->options : std::vector<Location>{}, i);
            const std::string option = base + ":option." + o.id;
            const std::string right = o.correct ? "a correct option" : "a wrong option";
            x.add(option + ":text", o.text, where + ": " + right);
            x.add(option + ":feedback", o.feedback, where + ": feedback on option " + o.id);
        }
    }
    x.at(source ? field_at(source->fields, "debrief", source->at) : Location{});
    x.add(base + ":debrief", node.debrief,
          where + ": the ending's debrief (paragraphs separated by blank lines)");
    x.add_all(base, "note", node.facilitator_notes, where + ": a facilitator's note");
    x.add_all(base, "discuss", node.discussion_prompts, where + ": a classroom discussion prompt");
}

std::vector<po::Entry> extract(const model::Bundle& bundle, const ParsedUnit* unit,
                               const SourceSet* sources) {
    Extractor x;
    x.sources = sources;
    const auto declared = [&](const std::vector<DeclarationSource>& where, std::size_t i) {
        x.at(unit && i < where.size() ? where[i].at : Location{});
    };
    for (std::size_t n = 0; n < bundle.roles.size(); ++n) {
        const model::Role& r = bundle.roles[n];
        declared(unit ? unit->roles : std::vector<DeclarationSource>{}, n);
        x.add("role." + r.id + ":name", r.name, "the name of a learner role");
    }
    for (std::size_t n = 0; n < bundle.dimensions.size(); ++n) {
        const model::Dimension& d = bundle.dimensions[n];
        declared(unit ? unit->dimensions : std::vector<DeclarationSource>{}, n);
        x.add("dimension." + d.id + ":name", d.name, "the name of a score dimension");
    }
    for (std::size_t n = 0; n < bundle.tiers.size(); ++n) {
        const model::Tier& t = bundle.tiers[n];
        declared(unit ? unit->tiers : std::vector<DeclarationSource>{}, n);
        x.add("tier." + t.id + ":name", t.name, "the name of a response tier");
    }
    for (std::size_t n = 0; n < bundle.outcomes.size(); ++n) {
        const model::Outcome& o = bundle.outcomes[n];
        declared(unit ? unit->outcomes : std::vector<DeclarationSource>{}, n);
        x.add("outcome." + o.id + ":name", o.name, "the label of an ending's outcome");
    }
    for (std::size_t n = 0; n < bundle.indicators.size(); ++n) {
        const model::Indicator& i = bundle.indicators[n];
        declared(unit ? unit->indicators : std::vector<DeclarationSource>{}, n);
        const std::string base = "indicator." + i.id;
        x.add(base + ":name", i.name, "indicator catalogue: the name of " + i.id);
        x.add(base + ":description", i.description, "indicator catalogue: " + i.id);
    }
    for (std::size_t n = 0; n < bundle.rules.size(); ++n) {
        const model::Rule& r = bundle.rules[n];
        declared(unit ? unit->rules : std::vector<DeclarationSource>{}, n);
        const std::string base = "rule." + r.id;
        x.add(base + ":title", r.title, "compliance rule " + r.id);
        for (const model::RuleTopic& t : r.topics) {
            x.add(base + ":topic." + t.id, t.text, "compliance rule " + r.id + ": a topic");
        }
    }
    for (std::size_t n = 0; n < bundle.courses.size(); ++n) {
        const model::Course& c = bundle.courses[n];
        declared(unit ? unit->courses : std::vector<DeclarationSource>{}, n);
        const std::string base = "course." + c.id;
        const std::string where = "course " + c.id;
        x.add(base + ":title", c.title, where + ": its title");
        x.add(base + ":description", c.description, where + ": its description");
        x.add(base + ":approval", c.approval, where + ": the provider's approval text");
        x.add_all(base, "topic", c.topics, where + ": a topic");
        x.add_all(base, "closing", c.closing, where + ": the closing note on wellbeing");
    }
    for (std::size_t n = 0; n < bundle.scenarios.size(); ++n) {
        const model::Scenario& s = bundle.scenarios[n];
        const ScenarioSource* source =
            unit && n < unit->scenarios.size() ? &unit->scenarios[n] : nullptr;
        const std::string where = "scenario " + s.id;
        x.at(source ? source->at : Location{});
        x.add(s.id + ":title", s.title, where + ": its title");
        x.add_all(s.id, "objective", s.objectives, where + ": a learning objective");
        x.add(s.id + ":content-note", s.content_note, where + ": shown before it starts");
        x.add(s.id + ":response", s.response, where + ": the safe response, in every debrief");
        x.add(s.id + ":report", s.report,
              where + ": where to report; keep every number and text code exactly");
        for (std::size_t k = 0; k < s.nodes.size(); ++k) {
            extract_node(x, s, s.nodes[k],
                         source && k < source->nodes.size() ? &source->nodes[k] : nullptr);
        }
    }
    return std::move(x.entries);
}

} // namespace

std::vector<po::Entry> extract_translatable(const model::Bundle& bundle) {
    return extract(bundle, nullptr, nullptr);
}

std::vector<po::Entry> extract_translatable(const CompileResult& compiled) {
    DiagnosticSink ignored; // the sources compiled, so there is nothing new to say
    ParsedUnit unit;
    for (std::size_t i = 0; i < compiled.sources.size(); ++i) {
        const auto index = static_cast<std::uint32_t>(i);
        LexedFile lexed(compiled.sources[i], index, ignored);
        parse_file(lexed, index, unit, ignored);
    }
    return extract(*compiled.bundle, &unit, &compiled.sources);
}

} // namespace sightline::content
