#include "records/background_writer.hpp"

#include <doctest/doctest.h>

#include <ios>
#include <sstream>
#include <streambuf>
#include <string>

using sightline::records::BackgroundWriter;

namespace {

// A stream buffer whose device is always full.
class FullDisk : public std::streambuf {
  protected:
    std::streamsize xsputn(const char*, std::streamsize) override { return 0; }
    int_type overflow(int_type) override { return traits_type::eof(); }
};

} // namespace

TEST_CASE("the background writer writes every submitted buffer, in order") {
    std::ostringstream out;
    std::string expected;
    {
        BackgroundWriter writer(out);
        std::string buffer;
        for (int i = 0; i < 200; ++i) {
            buffer.append(static_cast<std::size_t>(i % 7) * 1000 + 1,
                          static_cast<char>('a' + i % 26));
            buffer += std::to_string(i) + "\n";
            expected += buffer;
            writer.submit(buffer);
            CHECK(buffer.empty()); // handed back empty, ready for the next statements
        }
        writer.finish();
        CHECK(out.str() == expected);
        buffer = "after finish\n";
        expected += buffer;
        writer.submit(buffer);
    } // the destructor waits for the last write
    CHECK(out.str() == expected);
}

TEST_CASE("a failed write reaches the caller: by the stream's state, or by its exception") {
    FullDisk disk;
    SUBCASE("failbit or badbit, as with any ostream") {
        std::ostream out(&disk);
        BackgroundWriter writer(out);
        std::string buffer = "statement\n";
        writer.submit(buffer);
        writer.finish();
        CHECK_FALSE(out.good());
    }
    SUBCASE("the stream's exception, rethrown on the caller's thread") {
        std::ostream out(&disk);
        out.exceptions(std::ios::badbit | std::ios::failbit);
        BackgroundWriter writer(out);
        std::string buffer = "statement\n";
        writer.submit(buffer);
        CHECK_THROWS_AS(writer.finish(), std::ios_base::failure);
        buffer = "more\n";
        CHECK_THROWS_AS(writer.submit(buffer), std::ios_base::failure);
    }
}
