#include "engine/rules/rules_environment.hpp"

#include "engine/rules/plugin_loader.hpp"

namespace gongshi {

Result<std::unique_ptr<RulesEnvironment>> open_rules(const RulesPaths& paths) {
  auto regions = RegionRegistry::load(paths.schemas / "regions.json");
  if (!regions) return regions.error();
  auto samples = SampleRecords::load(paths.schemas);
  if (!samples) return samples.error();
  std::vector<std::shared_ptr<const RuleModule>> plugins;
  for (const auto& name : paths.plugin_names) {
    auto plugin = load_rule_plugin(paths.plugins, name);
    if (!plugin) return plugin.error();
    plugins.push_back(std::move(plugin).value());
  }
  auto regimes = PublicationRegimes::load(paths.schemas / "publication_periods.json");
  if (!regimes) return regimes.error();
  auto env = std::make_unique<RulesEnvironment>();
  env->regions = std::move(regions).value();
  env->calendars = std::make_unique<CalendarCache>(paths.schemas, env->regions);
  env->rules = std::make_unique<RuleRegistry>(
      std::move(plugins), *env->calendars, std::move(samples).value(),
      std::make_shared<const PublicationRegimes>(std::move(regimes).value()), paths.limits);
  if (!paths.rules.empty()) {
    if (auto st = env->rules->load_dir(paths.rules); !st) return st.error();
  }
  return env;
}

}  // namespace gongshi
