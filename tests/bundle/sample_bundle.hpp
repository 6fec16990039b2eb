// A small but complete model::Bundle that links cleanly: two roles, two
// dimensions, three tiers, two outcomes, three indicators (one a confounder),
// one course and one hotel scenario that uses every kind of model field at
// least once (variables of all three types, postfix conditions including
// visits(), set/add effects, hidden and disabled choices, a knowledge check,
// two endings). Other suites may include it; it depends only on the model.
#pragma once

#include "model/model.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sightline::testing {

inline model::Op op(model::OpCode code, std::int64_t number = 0, std::string name = {}) {
    model::Op result;
    result.code = code;
    result.number = number;
    result.name = std::move(name);
    return result;
}

inline model::Expr expr(std::vector<model::Op> ops, std::string source) {
    return model::Expr{std::move(ops), std::move(source)};
}

inline model::Effect effect(model::EffectKind kind, std::string variable, model::Expr value) {
    model::Effect result;
    result.kind = kind;
    result.variable = std::move(variable);
    result.value = std::move(value);
    return result;
}

inline model::Scenario sample_scenario() {
    using model::OpCode;
    model::Scenario s;
    s.id = "hotel_late_checkin";
    s.title = "A late check-in";
    s.role = "hotel";
    s.language = "en";
    s.minutes = 12;
    s.objectives = {"Notice indicators at the front desk", "Report without confronting"};
    s.content_note = "Mentions coercion; no violence is shown.";
    s.indicators = {"cash_payment", "controlled_id"};
    s.response = "Do not confront. Note what you saw and tell your manager.";
    s.report = "National hotline: 1-888-373-7888";
    s.start = "arrival";
    s.covers = {"adult", "sex"};
    s.variables = {{"asked_id", model::Value::of(false)},
                   {"concerns", model::Value::of(std::int64_t{0})},
                   {"guest_name", model::Value::of(std::string("unknown"))}};

    model::Node arrival;
    arrival.id = "arrival";
    arrival.body = {
        {"", "It is 1 a.m. A man pays cash for two nights; a young woman stands behind him.", {}},
        {"Guest", "She doesn't need a key.", {}},
        {"", "You have seen him here before.",
         expr({op(OpCode::Visits, 0, "arrival"), op(OpCode::PushInt, 1), op(OpCode::Greater)},
              "visits(arrival) > 1")},
    };
    arrival.on_enter = {effect(model::EffectKind::Set, "guest_name",
                               expr({op(OpCode::PushString, 0, "Mr. Smith")}, "\"Mr. Smith\""))};

    model::Choice ask;
    ask.id = "ask_id";
    ask.text = "Ask both guests for ID, as policy requires.";
    ask.target = "check_in";
    ask.tier = "best";
    ask.feedback = "Policy gives you a neutral reason to look closer.";
    ask.scores = {{"recognition", 2, model::kNoIndex}, {"response", 1, model::kNoIndex}};
    ask.notices = {"controlled_id"};
    ask.effects = {
        effect(model::EffectKind::Set, "asked_id", expr({op(OpCode::PushBool, 1)}, "true")),
        effect(
            model::EffectKind::Add, "concerns",
            expr({op(OpCode::PushInt, 2), op(OpCode::PushInt, 1), op(OpCode::Subtract)}, "2 - 1"))};

    model::Choice again;
    again.id = "ask_again";
    again.text = "Ask her directly whether she is all right.";
    again.target = "check_in";
    again.tier = "acceptable";
    again.feedback = "Kind, but it may put her at risk.";
    again.condition = expr({op(OpCode::Visits, 0, "check_in"), op(OpCode::PushInt, 0),
                            op(OpCode::Equal), op(OpCode::LoadVar, 0, "concerns"),
                            op(OpCode::PushInt, 1), op(OpCode::GreaterEqual), op(OpCode::And)},
                           "visits(check_in) == 0 and concerns >= 1");
    again.when_unavailable = model::WhenUnavailable::Disable;
    again.pin = model::Pin::First;

    model::Choice ignore;
    ignore.id = "ignore";
    ignore.text = "Hand over one key and move on.";
    ignore.target = "ending_missed";
    ignore.tier = "poor";
    ignore.feedback = "Cash, one key and a silent companion were all indicators.";
    ignore.scores = {{"recognition", -1, model::kNoIndex}};
    ignore.notices = {};
    ignore.condition = expr(
        {op(OpCode::LoadVar, 0, "asked_id"), op(OpCode::Not), op(OpCode::LoadVar, 0, "guest_name"),
         op(OpCode::PushString, 0, "nobody"), op(OpCode::NotEqual), op(OpCode::Or)},
        "not asked_id or guest_name != \"nobody\"");
    arrival.choices = {ask, again, ignore};

    model::Node check_in;
    check_in.id = "check_in";
    check_in.body = {{"", "The man answers for her. Her ID is in his pocket.", {}}};
    check_in.check.kind = model::CheckKind::Single;
    check_in.check.prompt = "Which detail is the strongest indicator?";
    check_in.check.options = {
        {"holds_id", "He holds her identity document.", true, "Yes: control of documents."},
        {"late", "They arrived late at night.", false, "Late arrivals are common.",
         model::Pin::Last}};
    check_in.check.scores = {{"recognition", 3, model::kNoIndex}};
    check_in.next = "ending_reported";
    check_in.facilitator_notes = {"Pause here and ask what the group noticed."};

    model::Node reported;
    reported.id = "ending_reported";
    reported.outcome = "reported";
    reported.debrief = "You noted the details and told your manager.\n\nThat is the safe response.";
    reported.discussion_prompts = {"What made the ID detail stand out?"};

    model::Node missed;
    missed.id = "ending_missed";
    missed.outcome = "missed";
    missed.debrief = "The signs were there; next time, look at who holds the documents.";
    missed.on_enter = {effect(model::EffectKind::Add, "concerns",
                              expr({op(OpCode::PushInt, 5), op(OpCode::Negate)}, "-5"))};

    s.nodes = {arrival, check_in, reported, missed};
    return s;
}

inline model::Bundle sample_bundle() {
    model::Bundle b;
    b.roles = {{"hotel", "Hotel front desk"}, {"trucking", "Truck driver"}};
    b.dimensions = {{"recognition", "Recognition"}, {"response", "Safe response"}};
    b.tiers = {{"best", "Best", 0}, {"acceptable", "Acceptable", 1}, {"poor", "Poor", 2}};
    b.outcomes = {{"reported", "Reported safely"}, {"missed", "Missed the signs"}};
    b.indicators = {
        {"cash_payment",
         "Pays cash for short stays",
         "financial",
         "both",
         {"hotel"},
         "Cash for several short stays, often by a third party.",
         false},
        {"controlled_id",
         "Someone else holds their ID",
         "control",
         "both",
         {"hotel", "trucking"},
         "Another person keeps the identity documents.",
         false},
        {"nervous_traveller",
         "Nervous first-time traveller",
         "behaviour",
         "both",
         {"hotel"},
         "Nervousness alone is common and rarely an indicator.",
         true},
    };
    model::Course course;
    course.id = "hotel_foundations";
    course.title = "Hotel foundations";
    course.role = "hotel";
    course.description = "Recognise and safely report trafficking at the front desk.";
    course.entries = {{"hotel_late_checkin", true, model::kNoIndex}};
    course.passing_score = 70;
    course.credit_minutes = 30;
    course.topics = {"indicators", "reporting"};
    course.approval = "Approved for 0.5 hours of continuing education.";
    course.paced = true;
    course.closing = {"Noticing this is hard. Talk to your supervisor.", "The hotline helps too."};
    b.courses = {course};
    b.scenarios = {sample_scenario()};
    return b;
}

} // namespace sightline::testing
