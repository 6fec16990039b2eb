#include "model/translation.hpp"

#include <algorithm>
#include <type_traits>

namespace sightline::model {

namespace {

using Section = TextPlace::Section;
using Part = TextPlace::Part;

// The walk, written once for a const and a mutable bundle: `Text` is
// `const std::string` or `std::string`, and the ids keys are made of are only read.
template <class B, class Visit>
class Walk {
  public:
    Walk(B& bundle, const Visit& visit) : b_(bundle), visit_(visit) {}

    void run() {
        for (std::size_t n = 0; n < b_.roles.size(); ++n) {
            place_ = {Section::Role, n};
            add("role." + b_.roles[n].id + ":name", b_.roles[n].name, "the name of a learner role");
        }
        for (std::size_t n = 0; n < b_.dimensions.size(); ++n) {
            auto& d = b_.dimensions[n];
            place_ = {Section::Dimension, n};
            add("dimension." + d.id + ":name", d.name, "the name of a score dimension");
        }
        for (std::size_t n = 0; n < b_.tiers.size(); ++n) {
            place_ = {Section::Tier, n};
            add("tier." + b_.tiers[n].id + ":name", b_.tiers[n].name,
                "the name of a response tier");
        }
        for (std::size_t n = 0; n < b_.outcomes.size(); ++n) {
            auto& o = b_.outcomes[n];
            place_ = {Section::Outcome, n};
            add("outcome." + o.id + ":name", o.name, "the label of an ending's outcome");
        }
        for (std::size_t n = 0; n < b_.indicators.size(); ++n) {
            auto& i = b_.indicators[n];
            place_ = {Section::Indicator, n};
            const std::string base = "indicator." + i.id;
            add(base + ":name", i.name, "indicator catalogue: the name of " + i.id);
            add(base + ":description", i.description, "indicator catalogue: " + i.id);
        }
        for (std::size_t n = 0; n < b_.rules.size(); ++n) {
            auto& r = b_.rules[n];
            place_ = {Section::Rule, n};
            const std::string base = "rule." + r.id;
            add(base + ":title", r.title, "compliance rule " + r.id);
            for (auto& t : r.topics) {
                add(base + ":topic." + t.id, t.text, "compliance rule " + r.id + ": a topic");
            }
        }
        for (std::size_t n = 0; n < b_.courses.size(); ++n) {
            course(n);
        }
        for (std::size_t n = 0; n < b_.scenarios.size(); ++n) {
            scenario(n);
        }
    }

  private:
    using Text = std::conditional_t<std::is_const_v<B>, const std::string, std::string>;

    void add(const std::string& key, Text& text, const std::string& comment) {
        if (!text.empty()) {
            visit_(TextSite{key, comment, place_}, text);
        }
    }

    // `base:field.N` for the N-th (1-based) of a repeated field without ids.
    template <class Texts>
    void add_all(const std::string& base, const std::string& field, Texts& texts,
                 const std::string& comment) {
        for (std::size_t i = 0; i < texts.size(); ++i) {
            add(base + ":" + field + "." + std::to_string(i + 1), texts[i], comment);
        }
    }

    void course(std::size_t n) {
        auto& c = b_.courses[n];
        place_ = {Section::Course, n};
        const std::string base = "course." + c.id;
        const std::string where = "course " + c.id;
        add(base + ":title", c.title, where + ": its title");
        add(base + ":description", c.description, where + ": its description");
        add(base + ":approval", c.approval, where + ": the provider's approval text");
        add_all(base, "topic", c.topics, where + ": a topic");
        add_all(base, "closing", c.closing, where + ": the closing note on wellbeing");
    }

    void scenario(std::size_t n) {
        auto& s = b_.scenarios[n];
        place_ = {Section::Scenario, n};
        const std::string where = "scenario " + s.id;
        add(s.id + ":title", s.title, where + ": its title");
        add_all(s.id, "objective", s.objectives, where + ": a learning objective");
        add(s.id + ":content-note", s.content_note, where + ": shown before it starts");
        add(s.id + ":response", s.response, where + ": the safe response, in every debrief");
        add(s.id + ":report", s.report,
            where + ": where to report; keep every number and text code exactly");
        for (std::size_t k = 0; k < s.nodes.size(); ++k) {
            node(s, k);
        }
    }

    void at(Part part, std::size_t node, std::size_t item = 0) {
        place_.part = part;
        place_.node = node;
        place_.item = item;
    }

    template <class S>
    void node(S& scenario, std::size_t k) {
        auto& node = scenario.nodes[k];
        const std::string base = scenario.id + ":node." + node.id;
        const std::string where = "scenario " + scenario.id + ", node " + node.id;
        for (std::size_t i = 0; i < node.body.size(); ++i) {
            auto& p = node.body[i];
            const std::string line = base + ":line." + std::to_string(i + 1);
            const std::string who = p.speaker.empty() ? "narration" : "spoken by " + p.speaker;
            at(Part::Paragraph, k, i);
            add(line + ":speaker", p.speaker, where + ": the name of a speaker");
            add(line, p.text, where + ", " + who);
        }
        for (std::size_t i = 0; i < node.choices.size(); ++i) {
            auto& c = node.choices[i];
            at(Part::Choice, k, i);
            const std::string choice = base + ":choice." + c.id;
            add(choice + ":text", c.text, where + ": a choice the learner can take");
            add(choice + ":feedback", c.feedback,
                where + ": feedback after choice " + c.id + " (" + c.tier + " tier)");
        }
        if (node.has_check()) {
            at(Part::Check, k);
            add(base + ":check.prompt", node.check.prompt, where + ": a knowledge check question");
            for (std::size_t i = 0; i < node.check.options.size(); ++i) {
                auto& o = node.check.options[i];
                at(Part::Option, k, i);
                const std::string option = base + ":option." + o.id;
                const std::string right = o.correct ? "a correct option" : "a wrong option";
                add(option + ":text", o.text, where + ": " + right);
                add(option + ":feedback", o.feedback, where + ": feedback on option " + o.id);
            }
        }
        at(Part::Debrief, k);
        add(base + ":debrief", node.debrief,
            where + ": the ending's debrief (paragraphs separated by blank lines)");
        at(Part::Note, k);
        add_all(base, "note", node.facilitator_notes, where + ": a facilitator's note");
        add_all(base, "discuss", node.discussion_prompts,
                where + ": a classroom discussion prompt");
    }

    B& b_;
    const Visit& visit_;
    TextPlace place_;
};

const Translation* find_translation(const Bundle& bundle, std::string_view language) {
    for (const Translation& t : bundle.translations) {
        if (t.language == language) {
            return &t;
        }
    }
    return nullptr;
}

} // namespace

void for_each_text(const Bundle& bundle,
                   const std::function<void(const TextSite&, const std::string&)>& visit) {
    Walk(bundle, visit).run();
}

void for_each_text(Bundle& bundle,
                   const std::function<void(const TextSite&, std::string&)>& visit) {
    Walk(bundle, visit).run();
}

std::vector<std::string> languages(const Bundle& bundle) {
    std::vector<std::string> out{"en"};
    for (const Translation& t : bundle.translations) {
        out.push_back(t.language);
    }
    return out;
}

bool has_language(const Bundle& bundle, std::string_view language) {
    return language == "en" || find_translation(bundle, language) != nullptr;
}

const std::string* translated_text(const Translation& translation, std::string_view key) {
    const auto found =
        std::lower_bound(translation.texts.begin(), translation.texts.end(), key,
                         [](const TranslatedText& t, std::string_view k) { return t.key < k; });
    return found != translation.texts.end() && found->key == key ? &found->text : nullptr;
}

Bundle in_language(const Bundle& bundle, std::string_view language) {
    Bundle copy = bundle;
    const Translation* translation =
        language == "en" ? nullptr : find_translation(bundle, language);
    if (translation == nullptr) {
        return copy;
    }
    for_each_text(copy, [&](const TextSite& site, std::string& text) {
        if (const std::string* found = translated_text(*translation, site.key)) {
            text = *found;
        }
    });
    return copy;
}

} // namespace sightline::model
