#pragma once
// What `gongshi --version` prints: the release, the commit and day it was built from, and the
// rule-plugin ABI and platform a plugin must match.

#include <string>

namespace gongshi::cli {

extern const char* const kVersion;    // the project's version (CMake's project())
extern const char* const kGitCommit;  // 12 hex digits, "-modified" for uncommitted changes
extern const char* const kBuildDate;  // YYYY-MM-DD (UTC)

std::string version_text();

}  // namespace gongshi::cli
