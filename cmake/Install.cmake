# What `make install` (or `cmake --install`) puts where, and the Debian package CPack builds
# from it (docs/install.md). PREFIX and DESTDIR are respected; paths follow GNUInstallDirs.

# The shipped rules (rules/*.toml) and what they are: qualcheck reads this folder when
# neither --rules nor the config's [rules] paths name any (cmd/common.cpp).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules/ DESTINATION ${QC_RULES_INSTALL_DIR}
        FILES_MATCHING PATTERN "*.toml" PATTERN "README.md")

# The documentation and the example centre the tutorial uses.
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}
        FILES_MATCHING PATTERN "*.md" PATTERN "*.png")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples
        PATTERN "*.db*" EXCLUDE)

# What Debian policy asks of every package's doc folder: the copyright (machine-readable) and,
# for a native package, changelog.gz in the Debian format. The changelog's newest entry must
# name this version, or the package would say one thing and its changelog another.
file(STRINGS ${PROJECT_SOURCE_DIR}/cmake/debian/changelog qc_changelog_top LIMIT_COUNT 1)
if(NOT qc_changelog_top MATCHES "^qualcheck \\(${PROJECT_VERSION}\\) ")
  message(FATAL_ERROR "cmake/debian/changelog starts '${qc_changelog_top}': add an entry for ${PROJECT_VERSION}")
endif()
add_custom_command(OUTPUT ${QC_GENERATED_DIR}/changelog.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${QC_GENERATED_DIR}
  COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/cmake/debian/changelog ${QC_GENERATED_DIR}/changelog
  COMMAND gzip -9nf ${QC_GENERATED_DIR}/changelog
  DEPENDS ${PROJECT_SOURCE_DIR}/cmake/debian/changelog
  COMMENT "Compressing the changelog")
add_custom_target(qualcheck_changelog ALL DEPENDS ${QC_GENERATED_DIR}/changelog.gz)
install(FILES ${PROJECT_SOURCE_DIR}/cmake/debian/copyright ${QC_GENERATED_DIR}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The Debian package: `cmake --build build --target package` (or `make package`).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME qualcheck)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "qualcheck maintainers <qualcheck@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "which students will not get a vocational qualification result, and why")
# Lines of at most 80 characters (Debian policy 3.4.1).
set(CPACK_PACKAGE_DESCRIPTION "qualcheck reads a school's or college's CSV exports of entries and unit
results and TOML definitions of its vocational qualifications, and says for
every entry whether it is eligible for a result, every reason it is not, and
whether it is at risk this summer. It writes tables, CSV, JSON, HTML and
spreadsheet workbooks (xlsx).")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps works the run-time Depends out from the binary's libraries (libc6,
# libstdc++6, libgcc-s1, libsqlite3-0, libfmt9, libtomlplusplus3, libxlsxwriter4); the man
# page is read with man-db.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "man-db, bash-completion")
set(CPACK_STRIP_FILES ON)
include(CPack)
