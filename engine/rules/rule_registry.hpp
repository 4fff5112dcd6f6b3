#pragma once
// The active rules of every region, with hot reload. A region's RuleSet is the plugins, then the
// scripts of its ancestors and itself (000000 → province → city → county). Installing a new script
// compiles it, runs its own tests against the rule set it would join, and only then swaps it in:
// calls already holding the old RuleSet finish on it, new calls get the new one; a broken script
// is refused and the old one stays.

#include <filesystem>
#include <functional>
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

// Finds the text of a region's script by the first hex digits of its hash (the rule_versions
// table keeps every script that ever computed a record); nullopt when unknown.
using ScriptLookup = std::function<Result<std::optional<std::string>>(
    const std::string& region, const std::string& hash_prefix)>;

class RuleRegistry {
 public:
  RuleRegistry(std::vector<std::shared_ptr<const RuleModule>> plugins, CalendarCache& calendars,
               SampleRecords samples, std::shared_ptr<const PublicationRegimes> regimes,
               LuaLimits limits = {});

  // Installs every rules_dir/CODE.lua, parents before children; the first that fails stops it.
  Status load_dir(const std::filesystem::path& rules_dir);
  // Compile, test, swap. On failure nothing changes and the error lists the failed tests.
  Result<InstallResult> install(const std::string& region, std::string script);
  // Compile and test without activating.
  Result<InstallResult> test(const std::string& region, std::string script) const;

  Result<std::shared_ptr<const RuleSet>> rules_for(const std::string& region) const;
  std::shared_ptr<const LuaModule> script_of(const std::string& region) const;
  // Every active script, by region.
  std::map<std::string, std::shared_ptr<const LuaModule>> scripts() const;

  // The rule set a version string names (a record's pinned rule_version): the same plugins at the
  // same versions, the same regime table, and the named scripts — the active ones, ones compiled
  // before, or texts `lookup` finds. not_found, naming every part that cannot be had.
  Result<std::shared_ptr<const RuleSet>> rules_at(const std::string& version,
                                                  const ScriptLookup& lookup) const;
  // A candidate script for `region`, compiled (not tested, not installed), and the rule set of
  // `target` (the region itself or one below it) with the candidate in the region's place.
  Result<std::shared_ptr<const LuaModule>> compile(const std::string& region,
                                                   std::string script) const;
  Result<std::shared_ptr<const RuleSet>> rules_with(
      const std::string& target, const std::shared_ptr<const LuaModule>& candidate) const;
  Result<std::shared_ptr<const Calendar>> calendar_for(const std::string& region) const;
  const SampleRecords& samples() const { return samples_; }
  const PublicationRegimes* regimes() const { return regimes_.get(); }

 private:
  Result<std::shared_ptr<const RuleSet>> build(
      const std::string& region,
      const std::map<std::string, std::shared_ptr<const LuaModule>>& scripts) const;
  Result<InstallResult> prepare(const std::string& region, std::string script,
                                std::shared_ptr<const LuaModule>& compiled) const;

  // A compiled script by its hash: the active ones' predecessors for pinned versions (bounded).
  Result<std::shared_ptr<const LuaModule>> compiled(const std::string& region,
                                                    const std::string& hash_prefix,
                                                    const ScriptLookup& lookup) const;

  std::vector<std::shared_ptr<const RuleModule>> plugins_;
  CalendarCache& calendars_;
  SampleRecords samples_;
  std::shared_ptr<const PublicationRegimes> regimes_;
  LuaLimits limits_;
  mutable std::shared_mutex mu_;
  std::map<std::string, std::shared_ptr<const LuaModule>> scripts_;  // region -> active script
  mutable std::mutex compiled_mu_;
  mutable std::map<std::string, std::shared_ptr<const LuaModule>> compiled_;  // by full hash
};

}  // namespace gongshi
