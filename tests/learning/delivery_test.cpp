// What the players say about the organisation's server: nothing for records
// kept only here; the offline line once when the server is lost; one line
// when everything waiting has reached it.
#include "learning/delivery.hpp"
#include "records/store.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

using namespace sightline;
using Delivery = records::Store::Delivery;

TEST_CASE("records kept only on this computer never speak of a server") {
    const test::TempDir dir;
    const auto store = records::open_store(dir.path());
    CHECK(learning::records_sentence(*store, "~/records.db") ==
          "Your records are kept on this computer in ~/records.db.");
    learning::DeliveryWatch watch;
    CHECK(learning::offline_notice(Delivery{}).empty());
    CHECK(watch.update(Delivery{}).empty());
    // Even "offline" means nothing for a store that sends nowhere.
    CHECK(learning::offline_notice(Delivery{false, false, 3, "no route"}).empty());
}

TEST_CASE("the offline line says the records are safe here and how many wait") {
    CHECK(learning::offline_notice(Delivery{true, false, 1, ""}) ==
          "Offline: your organisation's server cannot be reached. Keep going: 1 record is "
          "saved on this computer and will be sent when it is back.");
    CHECK(learning::offline_notice(Delivery{true, false, 12, ""}).find("12 records are saved") !=
          std::string::npos);
    CHECK(learning::offline_notice(Delivery{true, true, 12, ""}).empty()); // online: sending
}

TEST_CASE("a watch tells once when the server is lost and once when all has arrived") {
    learning::DeliveryWatch watch;
    CHECK(watch.update({true, true, 0, ""}).empty());
    CHECK(watch.update({true, false, 1, "timeout"}).find("Offline:") == 0);
    CHECK(watch.update({true, false, 2, "timeout"}).empty()); // said already
    CHECK(watch.update({true, true, 2, ""}).empty());         // back, still sending
    CHECK(watch.update({true, true, 0, ""}) ==
          "Back online: everything recorded while offline has reached your organisation's "
          "server.");
    CHECK(watch.update({true, true, 0, ""}).empty());
    CHECK(watch.update({true, false, 1, ""}).find("Offline:") == 0); // lost again: said again
}
