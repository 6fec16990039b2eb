// What both players tell the learner about the organisation's server when
// their records go there (records::open_organisation_store): nothing while
// writes reach it; when it cannot be reached, that every answer is safe on
// this computer and will be sent later; and once everything has arrived, that
// it has. The learner never has to act: training goes on offline.
#pragma once

#include "records/store.hpp"

#include <string>

namespace sightline::learning {

// The one line to show while the server cannot be reached; empty otherwise.
std::string offline_notice(const records::Store::Delivery& delivery);

// Follows a store's delivery from step to step and says when it changes:
// the offline line once when the server is lost, and one line when everything
// waiting has reached it again.
class DeliveryWatch {
  public:
    // What to tell the learner now (empty: nothing new).
    std::string update(const records::Store::Delivery& delivery);

  private:
    bool told_offline_ = false;
};

// Where the records are, in one sentence: "Your records are kept on this
// computer in X.", or for an organisation's server, that they go there.
std::string records_sentence(records::Store& store, const std::string& shown_location);

} // namespace sightline::learning
