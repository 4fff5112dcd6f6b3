#pragma once
// The active rules of every region, with hot reload. A region's RuleSet is the plugins, then the
// scripts of its ancestors and itself (000000 → province → city → county). Installing a new script
// compiles it, runs its own tests against the rule set it would join, and only then swaps it in:
// calls already holding the old RuleSet finish on it, new calls get the new one; a broken script
// is refused and the old one stays.

#include <filesystem>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

#include "engine/calendar/calendar_cache.hpp"
#include "engine/rules/lua_module.hpp"
#include "engine/rules/rule_set.hpp"
#include "engine/rules/rule_tests.hpp"

namespace gongshi {

struct InstallResult {
  std::string rule_version;  // of the region's new rule set
  std::string script_hash;
  RuleTestReport tests;
};

class RuleRegistry {
 public:
  RuleRegistry(std::vector<std::shared_ptr<const RuleModule>> plugins, CalendarCache& calendars,
               SampleRecords samples, LuaLimits limits = {});

  // Installs every rules_dir/CODE.lua, parents before children; the first that fails stops it.
  Status load_dir(const std::filesystem::path& rules_dir);
  // Compile, test, swap. On failure nothing changes and the error lists the failed tests.
  Result<InstallResult> install(const std::string& region, std::string script);
  // Compile and test without activating.
  Result<InstallResult> test(const std::string& region, std::string script) const;

  Result<std::shared_ptr<const RuleSet>> rules_for(const std::string& region) const;
  std::shared_ptr<const LuaModule> script_of(const std::string& region) const;
  Result<std::shared_ptr<const Calendar>> calendar_for(const std::string& region) const;
  const SampleRecords& samples() const { return samples_; }

 private:
  Result<std::shared_ptr<const RuleSet>> build(
      const std::string& region,
      const std::map<std::string, std::shared_ptr<const LuaModule>>& scripts) const;
  Result<InstallResult> prepare(const std::string& region, std::string script,
                                std::shared_ptr<const LuaModule>& compiled) const;

  std::vector<std::shared_ptr<const RuleModule>> plugins_;
  CalendarCache& calendars_;
  SampleRecords samples_;
  LuaLimits limits_;
  mutable std::shared_mutex mu_;
  std::map<std::string, std::shared_ptr<const LuaModule>> scripts_;  // region -> active script
};

}  // namespace gongshi
