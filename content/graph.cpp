#include "content/graph.hpp"

#include "i18n/i18n.hpp"

#include <graphviz/gvc.h>

#include <cstdio>
#include <memory>
#include <sstream>

namespace sightline::content {

namespace {

std::string escape(std::string_view text, std::size_t limit = 60) {
    std::string out;
    std::size_t shown = 0;
    for (char c : text) {
        if (shown >= limit) {
            out += "...";
            break;
        }
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c == '\n' ? ' ' : c;
        // Count characters, not UTF-8 continuation bytes.
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++shown;
        }
    }
    return out;
}

// Outcome colours by meaning; unknown outcomes stay neutral.
const char* outcome_colour(std::string_view outcome) {
    if (outcome == "reported-safely" || outcome == "appropriate-no-report") {
        return "#b7e1b0";
    }
    if (outcome == "unsafe" || outcome == "over-reaction") {
        return "#f4b6b0";
    }
    if (outcome == "missed" || outcome == "delayed") {
        return "#f6dd9c";
    }
    return "#dddddd";
}

const char* tier_style(std::uint32_t rank) {
    switch (rank) {
    case 0:
        return "color=\"#1b7f2a\", penwidth=2.5";
    case 1:
        return "color=\"#3a6ea5\", penwidth=1.5";
    case 2:
        return "color=\"#a87b00\", style=dashed";
    default:
        return "color=\"#b3261e\", style=dotted, penwidth=2";
    }
}

} // namespace

std::string scenario_dot(const model::Bundle& bundle, const model::Scenario& s) {
    std::ostringstream dot;
    dot << "digraph \"" << escape(s.id) << "\" {\n"
        << "  graph [rankdir=TB, fontname=\"DejaVu Sans\", label=\"" << escape(s.title, 80) << " ("
        << escape(s.id) << ")\", labelloc=t];\n"
        << "  node [fontname=\"DejaVu Sans\", fontsize=10, style=filled, fillcolor=white];\n"
        << "  edge [fontname=\"DejaVu Sans\", fontsize=9];\n";
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const model::Node& n = s.nodes[i];
        dot << "  \"" << escape(n.id) << "\" [";
        if (n.is_ending()) {
            dot << "shape=doubleoctagon, fillcolor=\"" << outcome_colour(n.outcome)
                << "\", label=\"" << escape(n.id) << "\\nending: " << escape(n.outcome) << "\"";
        } else if (n.has_check()) {
            dot << "shape=hexagon, fillcolor=\"#e3d7f4\", label=\"" << escape(n.id)
                << "\\ncheck: " << escape(n.check.prompt, 40) << "\"";
        } else if (!n.choices.empty()) {
            dot << "shape=box, label=\"" << escape(n.id) << "\\ndecision\"";
        } else {
            dot << "shape=ellipse, label=\"" << escape(n.id) << "\"";
        }
        if (i == s.start_index) {
            dot << ", penwidth=3";
        }
        dot << "];\n";
    }
    for (const model::Node& n : s.nodes) {
        for (const model::Choice& c : n.choices) {
            const std::uint32_t rank =
                c.tier_index < bundle.tiers.size() ? bundle.tiers[c.tier_index].rank : 99;
            dot << "  \"" << escape(n.id) << "\" -> \"" << escape(c.target) << "\" [label=\""
                << escape(c.id) << "\\n"
                << escape(c.tier) << "\", " << tier_style(rank) << "];\n";
        }
        if (!n.next.empty()) {
            dot << "  \"" << escape(n.id) << "\" -> \"" << escape(n.next) << "\" [label=\""
                << (n.has_check() ? "after check" : "continue") << "\", color=\"#555555\"];\n";
        }
    }
    dot << "}\n";
    return dot.str();
}

std::string render_dot(const std::string& dot, std::string_view format, const std::string& path) {
    std::unique_ptr<GVC_t, int (*)(GVC_t*)> context(gvContext(), gvFreeContext);
    if (!context) {
        return i18n::tr("cannot start Graphviz");
    }
    std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> graph(agmemread(dot.c_str()), agclose);
    if (!graph) {
        return i18n::tr("Graphviz could not read the generated graph");
    }
    if (gvLayout(context.get(), graph.get(), "dot") != 0) {
        return i18n::tr("Graphviz layout failed");
    }
    const std::string fmt(format);
    const int rendered = gvRenderFilename(context.get(), graph.get(), fmt.c_str(), path.c_str());
    gvFreeLayout(context.get(), graph.get());
    if (rendered != 0) {
        // TRANSLATORS: {1} is a file name, {2} a format (svg, png).
        return i18n::format(i18n::tr("Graphviz could not write {1} as {2}"), {path, fmt});
    }
    return {};
}

} // namespace sightline::content
