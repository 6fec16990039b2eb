# `cpack` in a release build directory makes a Debian package of what
# cmake/install.cmake installs:
#   cmake --build --preset release && (cd build/release && cpack)
# gives build/release/sightline_<version>-1_<arch>.deb. Its Depends are computed
# by dpkg-shlibdeps (dpkg-dev) from the binaries, plus fonts-dejavu-core: the
# player's fonts come from that package, they are not bundled (assets/README.md).
# tests/install builds the package, unpacks it and checks it with lintian.
include(GNUInstallDirs)

set(SIGHTLINE_MAINTAINER "Sightline maintainers <maintainers@sightline.example.org>"
    CACHE STRING "The Maintainer of the Debian package: Name <address>")
set(SIGHTLINE_DEB_RELEASE 1)
set(SIGHTLINE_DEB_VERSION ${PROJECT_VERSION}-${SIGHTLINE_DEB_RELEASE})

# /usr/share/doc/sightline: the machine-readable copyright file and the Debian
# changelog, compressed as Debian policy asks (gzip -9n: no name, no time).
install(FILES ${PROJECT_SOURCE_DIR}/cmake/debian/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
configure_file(${PROJECT_SOURCE_DIR}/cmake/debian/changelog.in
               ${PROJECT_BINARY_DIR}/debian/changelog.Debian @ONLY)
find_program(GZIP gzip REQUIRED)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/debian/changelog.Debian.gz
    COMMAND ${GZIP} -9nf --keep ${PROJECT_BINARY_DIR}/debian/changelog.Debian
    DEPENDS ${PROJECT_BINARY_DIR}/debian/changelog.Debian
    COMMENT "Compressing the Debian changelog" VERBATIM)
add_custom_target(debian-changelog ALL DEPENDS ${PROJECT_BINARY_DIR}/debian/changelog.Debian.gz)
install(FILES ${PROJECT_BINARY_DIR}/debian/changelog.Debian.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/cmake/debian/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME sightline)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME sightline)
set(CPACK_PACKAGE_VENDOR "The Sightline authors")
set(CPACK_PACKAGE_CONTACT ${SIGHTLINE_MAINTAINER})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "training to recognise and safely report human trafficking")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${SIGHTLINE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_RELEASE ${SIGHTLINE_DEB_RELEASE})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/sightline/sightline")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
# The control file's extended description: lines start with a space (CPack
# adds it), and a line with a lone "." is an empty line.
# CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY on the Description: line itself.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Sightline teaches frontline workers (hotel staff, truck drivers, nurses,
rideshare and bus drivers) to recognise the possible signs of human
trafficking and to respond safely: notice, record, and report through the
right channel, never confront or rescue.
.
This package contains the desktop and terminal player (sightline) with its
classroom mode, learner records, exports and certificates, the bundled
courses, and the sightc content compiler for authors.")
include(CPack)
