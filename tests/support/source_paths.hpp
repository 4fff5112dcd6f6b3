#pragma once
// The rules of this source tree (schemas/, rules_lua/) and the plugins of this build, for tests,
// helpers and benchmarks.

#include <filesystem>

#include "engine/rules/rules_environment.hpp"

namespace gongshi::test {

inline RulesPaths source_paths() {
  RulesPaths p;
  p.schemas = std::filesystem::path(GONGSHI_SOURCE_DIR) / "schemas";
  p.rules = std::filesystem::path(GONGSHI_SOURCE_DIR) / "rules_lua";
  p.plugins = GONGSHI_PLUGIN_DIR;
  return p;
}

}  // namespace gongshi::test
