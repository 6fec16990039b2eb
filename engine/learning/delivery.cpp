#include "learning/delivery.hpp"

#include "i18n/i18n.hpp"

namespace sightline::learning {

std::string offline_notice(const records::Store::Delivery& delivery) {
    if (!delivery.shared || delivery.online) {
        return {};
    }
    // TRANSLATORS: {1} is the number of records waiting to be sent.
    return i18n::format(i18n::tr_n("Offline: your organisation's server cannot be reached. Keep "
                                   "going: {1} record is saved on this computer and will be sent "
                                   "when it is back.",
                                   "Offline: your organisation's server cannot be reached. Keep "
                                   "going: {1} records are saved on this computer and will be "
                                   "sent when it is back.",
                                   delivery.queued),
                        {std::to_string(delivery.queued)});
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
        return i18n::tr("Back online: everything recorded while offline has reached your "
                        "organisation's server.");
    }
    return {};
}

std::string records_sentence(records::Store& store, const std::string& shown_location) {
    if (store.delivery().shared) {
        // TRANSLATORS: {1} is the server's address.
        return i18n::format(i18n::tr("Your records go to your organisation's server: {1}."),
                            {shown_location});
    }
    // TRANSLATORS: {1} is a folder or file on this computer.
    return i18n::format(i18n::tr("Your records are kept on this computer in {1}."),
                        {shown_location});
}

} // namespace sightline::learning
