# `cmake --install`: the programs, the bundled courses, the icon, desktop entry,
# AppStream metadata and man pages, in the GNU layout under CMAKE_INSTALL_PREFIX.
# The build tree mirrors this layout under build/<preset>/ (bin/, share/), so
# the programs find their data relative to themselves in both places:
# <bin>/../share/sightline/courses.slpack, <bin>/../share/icons/...
# Included from the top-level CMakeLists.txt after every target is defined.
include(GNUInstallDirs)

set(SIGHTLINE_APP_ID io.github.sightline.Sightline)
set(assets ${PROJECT_SOURCE_DIR}/assets)

foreach(program sightline sightc)
    if(TARGET ${program})
        install(TARGETS ${program} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    endif()
endforeach()

# The courses compiled from scenarios/ (scenarios/CMakeLists.txt).
install(FILES ${SIGHTLINE_COURSES_BUNDLE} DESTINATION ${CMAKE_INSTALL_DATADIR}/sightline)

# The application icon: the hand-drawn SVG as the scalable icon, and PNGs of the
# usual hicolor sizes rendered from it at build time with rsvg-convert
# (librsvg2-bin). Without rsvg-convert only the SVG is installed.
install(FILES ${assets}/icons/${SIGHTLINE_APP_ID}.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
find_program(RSVG_CONVERT rsvg-convert)
if(RSVG_CONVERT)
    set(icon_pngs "")
    foreach(size 16 24 32 48 64 128 256 512)
        set(dir share/icons/hicolor/${size}x${size}/apps)
        set(png ${PROJECT_BINARY_DIR}/${dir}/${SIGHTLINE_APP_ID}.png)
        add_custom_command(OUTPUT ${png}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/${dir}
            COMMAND ${RSVG_CONVERT} --width ${size} --height ${size} --format png
                    --output ${png} ${assets}/icons/${SIGHTLINE_APP_ID}.svg
            DEPENDS ${assets}/icons/${SIGHTLINE_APP_ID}.svg
            COMMENT "Rendering the ${size}x${size} icon" VERBATIM)
        install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
        list(APPEND icon_pngs ${png})
    endforeach()
    add_custom_target(icons ALL DEPENDS ${icon_pngs})
else()
    message(STATUS "rsvg-convert not found (Debian: librsvg2-bin): installing the SVG icon only")
endif()

# The classroom phone page, served by the desktop player from
# <bin>/../share/sightline/phone (engine/classroom/phone_server.hpp); copied into
# the build tree too, so the built player finds it as the installed one does.
set(phone_page_outputs "")
foreach(file index.html phone.css phone.js)
    set(out ${PROJECT_BINARY_DIR}/share/sightline/phone/${file})
    add_custom_command(OUTPUT ${out}
        COMMAND ${CMAKE_COMMAND} -E copy_if_different ${assets}/phone/${file} ${out}
        DEPENDS ${assets}/phone/${file}
        COMMENT "Copying the phone page's ${file}" VERBATIM)
    list(APPEND phone_page_outputs ${out})
    install(FILES ${assets}/phone/${file} DESTINATION ${CMAKE_INSTALL_DATADIR}/sightline/phone)
endforeach()
add_custom_target(phone_page ALL DEPENDS ${phone_page_outputs})

install(FILES ${assets}/${SIGHTLINE_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${assets}/${SIGHTLINE_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# Man pages, section 1, written by help2man from each program's --help and
# --version at build time (so they follow the options as they change), and
# compressed with gzip -9n as Debian expects (no name or time stamp inside).
# Not in the sanitizer and fuzzer builds: nobody installs those, and running
# their instrumented programs at build time would only slow the build.
find_program(HELP2MAN help2man)
find_program(GZIP gzip)
if(SIGHTLINE_SANITIZE OR SIGHTLINE_FUZZ)
    # no man pages
elseif(HELP2MAN AND GZIP)
    set(man_pages "")
    set(man_sightline_name "play Sightline's anti-trafficking training scenarios")
    set(man_sightc_name "check and compile Sightline scenario sources")
    foreach(program sightline sightc)
        if(NOT TARGET ${program})
            continue()
        endif()
        set(page ${PROJECT_BINARY_DIR}/share/man/man1/${program}.1)
        add_custom_command(OUTPUT ${page}.gz
            COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/share/man/man1
            COMMAND ${HELP2MAN} --no-info --section=1 --name=${man_${program}_name}
                    --version-string=${PROJECT_VERSION} --output=${page} $<TARGET_FILE:${program}>
            COMMAND ${GZIP} -9nf ${page}
            DEPENDS ${program}
            COMMENT "Writing the ${program}(1) man page with help2man" VERBATIM)
        install(FILES ${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
        list(APPEND man_pages ${page}.gz)
    endforeach()
    add_custom_target(man ALL DEPENDS ${man_pages})
else()
    message(STATUS "help2man or gzip not found (Debian: help2man): no man pages")
endif()
