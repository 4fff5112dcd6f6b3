# Writes OUT (a C++ source with the version, the git commit and the build date) at every build,
# but touches it only when its text changes, so that nothing relinks for nothing. Called by the
# build_info target: cmake -DSOURCE_DIR=… -DVERSION=… -DOUT=… -P build_info.cmake
execute_process(COMMAND git rev-parse --short=12 HEAD WORKING_DIRECTORY ${SOURCE_DIR}
  OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE failed)
if(failed OR commit STREQUAL "")
  set(commit "unknown")
endif()
execute_process(COMMAND git status --porcelain --untracked-files=no WORKING_DIRECTORY ${SOURCE_DIR}
  OUTPUT_VARIABLE dirty OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT dirty STREQUAL "")
  set(commit "${commit}-modified")
endif()
# SOURCE_DATE_EPOCH (reproducible builds) when set, else today: the date only, so that a rebuild
# on the same day changes nothing.
string(TIMESTAMP date "%Y-%m-%d" UTC)
file(WRITE ${OUT}.new "// Written by cmake/build_info.cmake at build time.\n"
  "#include \"cli/version.hpp\"\n"
  "namespace gongshi::cli {\n"
  "const char* const kVersion = \"${VERSION}\";\n"
  "const char* const kGitCommit = \"${commit}\";\n"
  "const char* const kBuildDate = \"${date}\";\n"
  "}  // namespace gongshi::cli\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.new ${OUT})
file(REMOVE ${OUT}.new)
