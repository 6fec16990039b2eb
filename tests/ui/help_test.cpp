#include "bundle/bundle.hpp"
#include "ui/help.hpp"

#include <doctest/doctest.h>

namespace sightline::test {

TEST_CASE("sentences split at a mark followed by a space") {
    CHECK(ui::split_sentences("Call 1-888-373-7888 or text 233733. Call 911 now! Why? ") ==
          std::vector<std::string>{"Call 1-888-373-7888 or text 233733.", "Call 911 now!", "Why?"});
    CHECK(ui::split_sentences("").empty());
}

TEST_CASE("help takes the hotline and 911 lines from the bundle, not from the code") {
    model::Bundle bundle;
    model::Scenario a;
    a.report = "Tell the manager. Example Hotline: call 555-0100. Call 911 if someone is hurt.";
    model::Scenario b;
    b.report = "Example Hotline: call 555-0100. Call 911 if a child is at risk.";
    model::Scenario c;
    c.report = "Call 911 if someone is hurt.";
    bundle.scenarios = {a, b, c};
    const ui::HelpContent help = ui::help_content(bundle);
    CHECK(help.hotlines == std::vector<std::string>{"Example Hotline: call 555-0100."});
    CHECK(help.emergency == std::vector<std::string>{"Call 911 if someone is hurt."});
    CHECK(ui::help_content(model::Bundle{}).hotlines.empty());
}

TEST_CASE("the bundled courses give the national hotline and when to call 911") {
    const bundle::LoadedBundle loaded = bundle::read_bundle_file(SIGHTLINE_COURSES_BUNDLE);
    const ui::HelpContent help = ui::help_content(loaded.model);
    REQUIRE(help.hotlines.size() == 1);
    CHECK(help.hotlines[0].find("1-888-373-7888") != std::string::npos);
    CHECK(help.hotlines[0].find("233733") != std::string::npos);
    REQUIRE(help.emergency.size() == 1);
    CHECK(help.emergency[0].find("911") != std::string::npos);
}

} // namespace sightline::test
