// libFuzzer target for the save reader (runtime::Run::restore). The first byte
// picks a mode (its value modulo 3):
//   0: the rest is a whole save blob (exercises the header checks);
//   1: the rest is a payload, framed here with a correct header and CRC so
//      that mutations reach the field parser;
//   2: the next byte is a number of steps to play, the following bytes pick
//      the choices; the run is saved, then each remaining (position, value)
//      byte pair overwrites a payload byte before re-framing. Real saves with
//      targeted damage reach the id resolution without any seed corpus.
// SaveError is the only acceptable failure. A save that restores must save
// back to the same bytes and play on to an ending (or a dead end) without any
// error: a restore must never produce a state the runtime cannot play.
#include "model/link.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/run.hpp"
#include "runtime/save.hpp"

#include <cstdint>
#include <cstdlib>
#include <span>
#include <string_view>
#include <vector>

namespace {

using namespace sightline;

model::Expr var_at_least(const char* name, std::int64_t n, const char* source) {
    return {{{model::OpCode::LoadVar, 0, name, model::kNoIndex},
             {model::OpCode::PushInt, n, {}, model::kNoIndex},
             {model::OpCode::GreaterEqual, 0, {}, model::kNoIndex}},
            source};
}

model::Choice choice(const char* id, const char* target, const char* tier) {
    model::Choice c;
    c.id = id;
    c.text = id;
    c.target = target;
    c.tier = tier;
    c.feedback = "feedback";
    return c;
}

// A scenario with every node kind and every variable type: a looping decision
// with conditions and effects, a multi check, a passage and two endings.
model::Bundle make_bundle() {
    model::Bundle b;
    b.roles = {{"r", "Role"}};
    b.dimensions = {{"d1", "One"}, {"d2", "Two"}};
    b.tiers = {{"best", "Best", 0}, {"poor", "Poor", 1}};
    b.outcomes = {{"good", "Good"}, {"bad", "Bad"}};
    b.indicators = {{"i1", "I1", "c", "both", {"r"}, "one", false},
                    {"i2", "I2", "c", "both", {"r"}, "two", false}};
    model::Scenario s;
    s.id = "s";
    s.title = "S";
    s.role = "r";
    s.indicators = {"i1", "i2"};
    s.variables = {{"n", model::Value::of(std::int64_t{0})},
                   {"flag", model::Value::of(false)},
                   {"name", model::Value::of(std::string("x"))}};

    model::Node hub;
    hub.id = "hub";
    hub.body = {{"", "text", {}}, {"Who", "said", var_at_least("n", 2, "n >= 2")}};
    hub.on_enter = {{model::EffectKind::Add,
                     "n",
                     {{{model::OpCode::PushInt, 1, {}, model::kNoIndex}}, "1"},
                     model::kNoIndex}};
    model::Choice again = choice("again", "hub", "poor");
    again.condition = {{{model::OpCode::LoadVar, 0, "n", model::kNoIndex},
                        {model::OpCode::PushInt, 5, {}, model::kNoIndex},
                        {model::OpCode::Less, 0, {}, model::kNoIndex}},
                       "n < 5"};
    model::Choice ask = choice("ask", "quiz", "best");
    ask.scores = {{"d1", 2, model::kNoIndex}};
    ask.notices = {"i1"};
    ask.effects = {{model::EffectKind::Set,
                    "flag",
                    {{{model::OpCode::PushBool, 1, {}, model::kNoIndex}}, "true"},
                    model::kNoIndex}};
    model::Choice leave = choice("leave", "walk", "poor");
    leave.condition = var_at_least("n", 3, "n >= 3");
    leave.when_unavailable = model::WhenUnavailable::Disable;
    hub.choices = {again, ask, leave};

    model::Node quiz;
    quiz.id = "quiz";
    quiz.check.kind = model::CheckKind::Multi;
    quiz.check.prompt = "which";
    quiz.check.options = {{"a", "A", true, "fa"}, {"b", "B", true, "fb"}, {"c", "C", false, "fc"}};
    quiz.check.scores = {{"d2", 3, model::kNoIndex}};
    quiz.next = "good-end";

    model::Node walk;
    walk.id = "walk";
    walk.body = {{"", "walking", {}}};
    walk.next = "bad-end";

    model::Node good;
    good.id = "good-end";
    good.outcome = "good";
    good.debrief = "well\n\ndone";
    model::Node bad;
    bad.id = "bad-end";
    bad.outcome = "bad";
    s.nodes = {hub, quiz, walk, good, bad};
    b.scenarios = {s};
    if (!model::link(b).ok()) {
        std::abort(); // the fixture itself is wrong
    }
    return b;
}

const model::Bundle& bundle() {
    static const model::Bundle b = make_bundle();
    return b;
}

std::vector<std::uint8_t> frame(std::span<const std::uint8_t> payload) {
    runtime::ByteWriter w;
    const std::uint8_t magic[] = {'S', 'L', 'S', 'V'};
    w.bytes(magic);
    w.u16(runtime::kSaveVersion);
    w.u16(0);
    w.u32(static_cast<std::uint32_t>(payload.size()));
    w.u32(runtime::crc32(payload));
    w.bytes(payload);
    return std::move(w.data());
}

// The payload of a save from a run played `steps` steps with choices picked by
// `picks`, then damaged at the positions `damage` names.
std::vector<std::uint8_t> played_and_damaged(std::span<const std::uint8_t> input) {
    runtime::Run run(bundle(), "s");
    const std::size_t steps = input.empty() ? 0 : input[0] % 16;
    std::size_t next = 1;
    for (std::size_t i = 0; i < steps && run.phase() != runtime::Phase::Ended; ++i) {
        const std::uint8_t pick = next < input.size() ? input[next++] : 0;
        if (run.phase() == runtime::Phase::Choosing) {
            std::vector<runtime::ChoiceView> choices = run.choices();
            std::erase_if(choices, [](const runtime::ChoiceView& c) { return !c.enabled; });
            run.choose(choices[pick % choices.size()].id);
        } else if (run.phase() == runtime::Phase::Answering) {
            std::vector<std::string_view> ids;
            for (const auto& o : run.view().check.options) {
                if ((pick >> ids.size()) & 1u) {
                    ids.push_back(o.id);
                }
            }
            run.answer(ids);
        } else {
            run.advance();
        }
    }
    std::vector<std::uint8_t> payload = run.save();
    payload.erase(payload.begin(), payload.begin() + runtime::kSaveHeaderSize);
    for (; next + 1 < input.size(); next += 2) {
        payload[input[next] % payload.size()] = input[next + 1];
    }
    return payload;
}

// Plays a restored run to its end the simplest way; any RunError is a finding.
void play_on(runtime::Run& run) {
    for (int step = 0; step < 64 && run.phase() != runtime::Phase::Ended && !run.stuck(); ++step) {
        (void)run.view();
        switch (run.phase()) {
        case runtime::Phase::Choosing:
            for (const runtime::ChoiceView& c : run.choices()) {
                if (c.enabled) {
                    run.choose(c.id);
                    break;
                }
            }
            break;
        case runtime::Phase::Answering:
            run.answer({run.view().check.options.front().id});
            break;
        case runtime::Phase::Continuing:
            run.advance();
            break;
        case runtime::Phase::Ended:
            break;
        }
    }
    if (run.phase() == runtime::Phase::Ended) {
        (void)run.debrief();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const std::span<const std::uint8_t> rest(data + 1, size - 1);
    std::vector<std::uint8_t> blob;
    switch (data[0] % 3) {
    case 0:
        blob.assign(rest.begin(), rest.end());
        break;
    case 1:
        blob = frame(rest);
        break;
    default:
        blob = frame(played_and_damaged(rest));
        break;
    }
    try {
        runtime::Run run = runtime::Run::restore(bundle(), blob);
        const std::vector<std::uint8_t> again = run.save();
        if (runtime::Run::restore(bundle(), again).save() != again) {
            std::abort(); // a restored run must save back to a stable blob
        }
        play_on(run);
    } catch (const runtime::SaveError&) {
        // The expected way to refuse a blob.
    }
    return 0;
}
