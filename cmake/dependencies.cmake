# Every dependency comes from Debian packages installed by tools/setup.sh.
find_package(PkgConfig REQUIRED)
find_package(cereal 1.3 REQUIRED)        # cereal::cereal
find_package(doctest 2.4 REQUIRED)       # doctest::doctest, doctest_discover_tests()
include(doctest)
find_package(CLI11 2.1 REQUIRED)         # CLI11::CLI11: the command lines of sightline and sightc
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(GVC REQUIRED IMPORTED_TARGET libgvc)
pkg_check_modules(SQLITE REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(PQ REQUIRED IMPORTED_TARGET libpq) # the organisations' shared records (PostgreSQL)
find_package(nlohmann_json 3.10 REQUIRED) # nlohmann_json::nlohmann_json
find_package(Threads REQUIRED)           # Threads::Threads: the exports' writer thread
find_package(OpenSSL 3 REQUIRED)         # OpenSSL::Crypto: SHA-256 with SHA-NI (bundle checksums)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo)           # certificate PDFs
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo) # certificate text layout
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)  # certificate QR codes
find_package(ZLIB REQUIRED)              # ZLIB::ZLIB: GZIP of certificate status lists
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib) # the classroom's phone server
# The desktop player (engine/ui views, tools/sightline/gui shell): Debian's Dear
# ImGui 1.86 (its .pc requires stb, so this also links -lstb), GLFW 3.3, OpenGL.
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui>=1.86)
find_package(glfw3 3.3 REQUIRED)         # glfw
find_package(OpenGL REQUIRED)            # OpenGL::GL
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb) # stb_image(_write): screenshots and golden images
# libcsv, for the tests that read exports back with a real CSV parser (Debian's
# libcsv-dev has no pkg-config file): the imported target libcsv::csv.
find_path(LIBCSV_INCLUDE_DIR csv.h REQUIRED)
find_library(LIBCSV_LIBRARY csv REQUIRED)
add_library(libcsv::csv UNKNOWN IMPORTED)
set_target_properties(libcsv::csv PROPERTIES
    IMPORTED_LOCATION ${LIBCSV_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${LIBCSV_INCLUDE_DIR})
