#include "learning/delivery.hpp"

namespace sightline::learning {

std::string offline_notice(const records::Store::Delivery& delivery) {
    if (!delivery.shared || delivery.online) {
        return {};
    }
    const std::string waiting =
        delivery.queued == 1 ? "1 record is" : std::to_string(delivery.queued) + " records are";
    return "Offline: your organisation's server cannot be reached. Keep going: " + waiting +
           " saved on this computer and will be sent when it is back.";
}

std::string DeliveryWatch::update(const records::Store::Delivery& delivery) {
    if (!delivery.shared) {
        return {};
    }
    if (!delivery.online && !told_offline_) {
        told_offline_ = true;
        return offline_notice(delivery);
    }
    if (told_offline_ && delivery.online && delivery.queued == 0) {
        told_offline_ = false;
        return "Back online: everything recorded while offline has reached your organisation's "
               "server.";
    }
    return {};
}

std::string records_sentence(records::Store& store, const std::string& shown_location) {
    if (store.delivery().shared) {
        return "Your records go to your organisation's server: " + shown_location + ".";
    }
    return "Your records are kept on this computer in " + shown_location + ".";
}

} // namespace sightline::learning
