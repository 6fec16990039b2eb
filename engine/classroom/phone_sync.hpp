// Keeps a room of phones in step with a facilitation: what the desktop player
// (or any other) does on each frame and at the facilitator's lock, so that a
// player never has to know how phone votes reach the tally.
//
// sync_phones() publishes what the phones may see now (phone_view() of the
// audience state, under phone_question_key()), announces the lobby's size
// (PhoneRoom::announce_lobby()) and, while voting is open, takes
// the phones' counts into the facilitation (Facilitation::set_phone_votes),
// where they add to the hand counts. lock_with_phones() locks without losing a
// vote: it first closes voting in the room, so no phone vote is accepted after
// the final counts are read, then takes those counts, then locks. Calling
// Facilitation::lock() directly instead would drop any vote that arrived
// after the last sync_phones().
#pragma once

#include "classroom/facilitation.hpp"
#include "classroom/phone_room.hpp"

namespace sightline::classroom {

void sync_phones(Facilitation& facilitation, PhoneRoom& room);

// Throws FacilitationError, as Facilitation::lock() does, when voting is not
// open; the room is then left as it was.
void lock_with_phones(Facilitation& facilitation, PhoneRoom& room);

} // namespace sightline::classroom
