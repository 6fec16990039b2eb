#include "classroom/phone_sync.hpp"

#include "classroom/views.hpp"

namespace sightline::classroom {

namespace {

PhoneView current_view(const Facilitation& f) {
    return phone_view(audience_state(f), phone_question_key(f));
}

} // namespace

void sync_phones(Facilitation& f, PhoneRoom& room) {
    // Published first: a new question (a new key) clears the phones' votes
    // before they are read, so one question's counts never reach another.
    room.publish(current_view(f));
    room.announce_lobby();
    if (f.stage() == Stage::Voting) {
        const std::vector<std::int64_t> counts = room.phone_counts();
        if (counts.size() == f.option_count() && counts != f.phone_votes()) {
            f.set_phone_votes(counts);
        }
    }
}

void lock_with_phones(Facilitation& f, PhoneRoom& room) {
    if (f.stage() != Stage::Voting) {
        f.lock(); // throws the reason
        return;
    }
    PhoneView closing = current_view(f);
    closing.voting_open = false;
    closing.stage = stage_name(Stage::Locked);
    closing.status = audience_status(Stage::Locked);
    room.publish(closing); // from here on the room refuses votes
    f.set_phone_votes(room.phone_counts());
    f.lock();
    sync_phones(f, room);
}

} // namespace sightline::classroom
