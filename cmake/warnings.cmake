# One interface target carries the project's warning and sanitizer flags; every
# first-party target links it, third-party headers stay quiet as system headers.
add_library(sightline_flags INTERFACE)
target_compile_options(sightline_flags INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wcast-qual -Wformat=2 -Wimplicit-fallthrough
    -Wnon-virtual-dtor -Wmissing-declarations)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12 at -O3 reports impossible overlaps inside std::string concatenation
    # (GCC bug 105329); these are false positives in the standard library.
    target_compile_options(sightline_flags INTERFACE -Wno-restrict -Wno-stringop-overflow)
endif()
if(SIGHTLINE_WERROR)
    target_compile_options(sightline_flags INTERFACE -Werror)
endif()
if(SIGHTLINE_SANITIZE OR SIGHTLINE_FUZZ)
    target_compile_options(sightline_flags INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(sightline_flags INTERFACE -fsanitize=address,undefined)
endif()
if(SIGHTLINE_FUZZ)
    # Instrument every first-party library so the fuzzers see coverage inside
    # them. The asan preset turns this on with SIGHTLINE_SANITIZE: the tests
    # and the fuzzers then share one clang build (the tests link the
    # sanitizer runtime's no-op coverage hooks), which saves CI a third build.
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "SIGHTLINE_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++")
    endif()
    target_compile_options(sightline_flags INTERFACE -fsanitize=fuzzer-no-link)
endif()
