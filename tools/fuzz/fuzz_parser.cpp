// libFuzzer target for the scenario compiler: any bytes must give diagnostics
// or a bundle, never a crash, a hang or a sanitizer report.
#include "content/compile.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const sightline::content::CompileResult result =
        sightline::content::compile_text("fuzz.scn", text);
    // A bundle is only produced when there are no errors.
    if (result.bundle.has_value() == result.has_errors()) {
        __builtin_trap();
    }
    return 0;
}
