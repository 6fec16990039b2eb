// Must not compile: tests/content/CMakeLists.txt builds it, once with a string where a
// diagnostic code belongs and once naming a code the catalogue does not list, and expects
// the compiler to refuse each.
#include "content/diagnostics.hpp"

int main() {
    sightline::content::DiagnosticSink sink;
#ifdef SIGHTLINE_UNLISTED_NAMED
    sink.report(sightline::content::DiagnosticCode::of("SL9999"), {}, "no such code");
#else
    sink.report("SL0202", {}, "a string is not a code");
#endif
    return 0;
}
