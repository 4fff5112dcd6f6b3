#include "engine/rules/rule_registry.hpp"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>

namespace gongshi {

RuleRegistry::RuleRegistry(std::vector<std::shared_ptr<const RuleModule>> plugins,
                           CalendarCache& calendars, SampleRecords samples,
                           std::shared_ptr<const PublicationRegimes> regimes, LuaLimits limits)
    : plugins_(std::move(plugins)),
      calendars_(calendars),
      samples_(std::move(samples)),
      regimes_(std::move(regimes)),
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
  return std::make_shared<const RuleSet>(region, std::move(modules), regimes_);
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

std::map<std::string, std::shared_ptr<const LuaModule>> RuleRegistry::scripts() const {
  std::shared_lock lock(mu_);
  return scripts_;
}

Result<std::shared_ptr<const LuaModule>> RuleRegistry::compile(const std::string& region,
                                                               std::string script) const {
  if (calendars_.regions().find(region) == nullptr) {
    return make_error(ErrorCode::not_found, "未登记的地区代码：" + region,
                      "unknown region code: " + region);
  }
  return LuaModule::compile(region, std::move(script), limits_);
}

Result<std::shared_ptr<const RuleSet>> RuleRegistry::rules_with(
    const std::string& target, const std::shared_ptr<const LuaModule>& candidate) const {
  std::map<std::string, std::shared_ptr<const LuaModule>> scripts;
  {
    std::shared_lock lock(mu_);
    scripts = scripts_;
  }
  scripts[candidate->name()] = candidate;
  return build(target, scripts);
}

Result<std::shared_ptr<const LuaModule>> RuleRegistry::compiled(const std::string& region,
                                                                const std::string& hash_prefix,
                                                                const ScriptLookup& lookup) const {
  const auto matches = [&](const std::shared_ptr<const LuaModule>& m) {
    return m && m->name() == region && m->hash().starts_with(hash_prefix);
  };
  if (auto active = script_of(region); matches(active)) return active;
  {
    std::lock_guard lock(compiled_mu_);
    for (const auto& [hash, m] : compiled_) {
      if (matches(m)) return m;
    }
  }
  if (!lookup) return std::shared_ptr<const LuaModule>();
  auto text = lookup(region, hash_prefix);
  if (!text) return text.error();
  if (!*text) return std::shared_ptr<const LuaModule>();
  auto module = LuaModule::compile(region, std::move(**text), limits_);
  if (!module) return module.error();
  if (!matches(*module)) return std::shared_ptr<const LuaModule>();
  std::lock_guard lock(compiled_mu_);
  if (compiled_.size() >= 64) compiled_.erase(compiled_.begin());
  compiled_[(*module)->hash()] = *module;
  return *module;
}

Result<std::shared_ptr<const RuleSet>> RuleRegistry::rules_at(const std::string& version,
                                                              const ScriptLookup& lookup) const {
  const auto slash = version.find('/');
  if (slash == std::string::npos) {
    return make_error(ErrorCode::invalid_input, "规则版本格式无效：" + version,
                      "not a rule version: " + version);
  }
  const std::string region = version.substr(0, slash);
  std::vector<std::shared_ptr<const RuleModule>> modules;
  std::vector<std::string> missing;
  bool has_periods = false;
  std::string rest = version.substr(slash + 1);
  while (!rest.empty()) {
    const auto plus = rest.find('+');
    const std::string part = rest.substr(0, plus);
    rest = plus == std::string::npos ? "" : rest.substr(plus + 1);
    const auto at = part.find('@');
    const std::string name = part.substr(0, at),
                      ver = at == std::string::npos ? "" : part.substr(at + 1);
    if (name == "periods") {
      has_periods = true;
      if (!regimes_ || regimes_->version() != ver) {
        missing.push_back("公示期制度表 periods@" + ver + "（现为 periods@" +
                          (regimes_ ? regimes_->version() : std::string("无")) + "）");
      }
      continue;
    }
    const auto plugin = std::find_if(plugins_.begin(), plugins_.end(),
                                     [&](const auto& p) { return p->name() == name; });
    if (plugin != plugins_.end()) {
      if ((*plugin)->version() == ver) {
        modules.push_back(*plugin);
      } else {
        missing.push_back("插件 " + name + "@" + ver + "（现为 " + (*plugin)->version() + "）");
      }
      continue;
    }
    auto script = compiled(name, ver, lookup);
    if (!script) return script.error();
    if (*script) {
      modules.push_back(*script);
    } else {
      missing.push_back("地区规则 " + name + "@" + ver);
    }
  }
  if (!has_periods && regimes_) missing.push_back("公示期制度表（该版本未使用）");
  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : "；") + m;
    return make_error(ErrorCode::not_found, "无法重建规则版本 " + version + "：" + list,
                      "cannot rebuild rule version " + version + ": " + list);
  }
  return std::make_shared<const RuleSet>(region, std::move(modules),
                                         has_periods ? regimes_ : nullptr);
}

}  // namespace gongshi
