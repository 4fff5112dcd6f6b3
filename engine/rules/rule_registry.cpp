#include "engine/rules/rule_registry.hpp"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>

namespace gongshi {

RuleRegistry::RuleRegistry(std::vector<std::shared_ptr<const RuleModule>> plugins,
                           CalendarCache& calendars, SampleRecords samples, LuaLimits limits)
    : plugins_(std::move(plugins)),
      calendars_(calendars),
      samples_(std::move(samples)),
      limits_(limits) {}

Result<std::shared_ptr<const Calendar>> RuleRegistry::calendar_for(
    const std::string& region) const {
  return calendars_.get(region);
}

Result<std::shared_ptr<const RuleSet>> RuleRegistry::build(
    const std::string& region,
    const std::map<std::string, std::shared_ptr<const LuaModule>>& scripts) const {
  auto chain = calendars_.regions().chain(region);
  if (!chain) return chain.error();
  std::vector<std::shared_ptr<const RuleModule>> modules = plugins_;
  for (const auto& code : *chain) {
    if (const auto it = scripts.find(code); it != scripts.end()) modules.push_back(it->second);
  }
  return std::make_shared<const RuleSet>(region, std::move(modules));
}

Result<std::shared_ptr<const RuleSet>> RuleRegistry::rules_for(const std::string& region) const {
  std::shared_lock lock(mu_);
  return build(region, scripts_);
}

std::shared_ptr<const LuaModule> RuleRegistry::script_of(const std::string& region) const {
  std::shared_lock lock(mu_);
  const auto it = scripts_.find(region);
  return it == scripts_.end() ? nullptr : it->second;
}

Result<InstallResult> RuleRegistry::prepare(const std::string& region, std::string script,
                                            std::shared_ptr<const LuaModule>& compiled) const {
  auto module = LuaModule::compile(region, std::move(script), limits_);
  if (!module) return module.error();
  compiled = *module;
  std::map<std::string, std::shared_ptr<const LuaModule>> candidate;
  {
    std::shared_lock lock(mu_);
    candidate = scripts_;
  }
  candidate[region] = compiled;
  auto rules = build(region, candidate);
  if (!rules) return rules.error();
  auto calendar = calendars_.get(region);
  if (!calendar) return calendar.error();
  InstallResult result{(*rules)->version(), compiled->hash(),
                       run_rule_tests(**rules, compiled->tests(), **calendar, samples_)};
  if (result.tests.cases == 0) {
    return make_error(ErrorCode::rule_error,
                      "地区规则 " + region + " 没有自带测试（tests 表），不予启用",
                      "rule script " + region + " has no tests table: refused");
  }
  if (!result.tests.ok()) {
    std::string list;
    for (const auto& f : result.tests.failures) list += "\n  " + f;
    return make_error(ErrorCode::rule_error,
                      "地区规则 " + region + " 的测试未通过（" +
                          std::to_string(result.tests.failures.size()) + " 项）：" + list,
                      "rule script " + region + " fails its tests (" +
                          std::to_string(result.tests.failures.size()) + "):" + list);
  }
  return result;
}

Result<InstallResult> RuleRegistry::test(const std::string& region, std::string script) const {
  std::shared_ptr<const LuaModule> compiled;
  return prepare(region, std::move(script), compiled);
}

Result<InstallResult> RuleRegistry::install(const std::string& region, std::string script) {
  std::shared_ptr<const LuaModule> compiled;
  auto result = prepare(region, std::move(script), compiled);
  if (!result) return result;
  std::unique_lock lock(mu_);
  scripts_[region] = std::move(compiled);
  return result;
}

Status RuleRegistry::load_dir(const std::filesystem::path& rules_dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(rules_dir, ec)) {
    if (entry.path().extension() == ".lua") files.push_back(entry.path());
  }
  if (ec) {
    return make_error(ErrorCode::not_found, "无法读取规则目录 " + rules_dir.string(),
                      "cannot read rules directory " + rules_dir.string());
  }
  // Parents first: a county's tests run with its city's script in place.
  std::sort(files.begin(), files.end(), [this](const auto& a, const auto& b) {
    const auto depth = [this](const std::filesystem::path& p) {
      auto chain = calendars_.regions().chain(p.stem().string());
      return chain ? chain->size() : 0;
    };
    return std::pair{depth(a), a.stem().string()} < std::pair{depth(b), b.stem().string()};
  });
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto installed = install(file.stem().string(), text.str());
    if (!installed) return installed.error();
  }
  return ok_status();
}

}  // namespace gongshi
