#pragma once
// Opens the real rules: schemas/, rules_lua/ and the built national_standard plugin.

#include <boost/test/unit_test.hpp>

#include "engine/model/json_codec.hpp"
#include "engine/rules/rules_environment.hpp"
#include "support/source_paths.hpp"

namespace gongshi::test {

inline std::unique_ptr<RulesEnvironment> open_source_rules(RulesPaths p = source_paths()) {
  auto env = open_rules(p);
  BOOST_REQUIRE_MESSAGE(env.ok(), (env.ok() ? "" : env.error().message_en));
  return std::move(env).value();
}

inline Record sample(const RulesEnvironment& env, RecordKind kind,
                     std::initializer_list<std::pair<const char*, const char*>> changes = {}) {
  boost::json::object o =
      kind == RecordKind::license ? env.rules->samples().license : env.rules->samples().penalty;
  for (const auto& [k, v] : changes) o[k] = v;
  auto d = record_from_json(kind, o);
  BOOST_REQUIRE(d.issues.empty());
  return d.record;
}

}  // namespace gongshi::test
