#pragma once
// Everything the rules need, opened from the project's directories: the region registry, the
// calendars, the plugins and the region scripts. The CLI, the tests and (later) the server start
// from here.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/calendar/calendar_cache.hpp"
#include "engine/rules/rule_registry.hpp"

namespace gongshi {

struct RulesPaths {
  std::filesystem::path schemas;  // regions.json, calendar/, samples/
  std::filesystem::path rules;    // CODE.lua
  std::filesystem::path plugins;  // lib<name>.so
  std::vector<std::string> plugin_names{"national_standard"};
  LuaLimits limits{};
};

struct RulesEnvironment {
  RegionRegistry regions;
  std::unique_ptr<CalendarCache> calendars;
  std::unique_ptr<RuleRegistry> rules;
};

// Opens everything; a region script failing its tests stops it with that script's errors.
Result<std::unique_ptr<RulesEnvironment>> open_rules(const RulesPaths& paths);

}  // namespace gongshi
