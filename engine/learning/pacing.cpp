#include "learning/pacing.hpp"

#include <algorithm>

namespace sightline::learning {

std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        words += !space && !in_word ? 1 : 0;
        in_word = !space;
    }
    return words;
}

std::size_t screen_words(const runtime::Run& run) {
    const runtime::NodeView view = run.view();
    std::size_t words = 0;
    for (const runtime::ParagraphView& p : view.paragraphs) {
        words += word_count(p.speaker) + word_count(p.text);
    }
    for (const runtime::ChoiceView& c : view.choices) {
        words += word_count(c.text);
    }
    if (view.check.kind != model::CheckKind::None) {
        words += word_count(view.check.prompt);
        for (const runtime::OptionView& o : view.check.options) {
            words += word_count(o.text);
        }
    }
    return words;
}

records::TimeMs minimum_reading_ms(std::size_t words) {
    const auto ms = static_cast<records::TimeMs>(words * 60'000 / kPacedWordsPerMinute);
    return std::max(ms, kMinimumPacedMs);
}

bool is_paced(const model::Course* course, records::Mode mode) {
    return course != nullptr && course->paced && mode != records::Mode::Classroom;
}

void Pacer::show(std::size_t words, records::TimeMs when) {
    shown_at_ = when;
    ready_at_ = on_ ? when + minimum_reading_ms(words) : when;
}

double Pacer::progress(records::TimeMs now) const {
    if (ready(now) || ready_at_ <= shown_at_) {
        return 1.0;
    }
    return std::clamp(static_cast<double>(now - shown_at_) /
                          static_cast<double>(ready_at_ - shown_at_),
                      0.0, 1.0);
}

records::TimeMs Pacer::remaining(records::TimeMs now) const {
    return ready(now) ? 0 : ready_at_ - now;
}

} // namespace sightline::learning
