#include "engine/service/rules_service.hpp"

#include "engine/store/time_text.hpp"

namespace gongshi {

Status RulesService::check_script(const std::string& script) const {
  if (script.empty())
    return bad_request("请求体应为 Lua 脚本全文", "the body must be the Lua script");
  if (script.size() > kMaxScript) {
    return make_error(ErrorCode::too_large, "脚本超过 512 KiB", "the script exceeds 512 KiB");
  }
  return ok_status();
}

Result<JobGate::Pass> RulesService::enter() {
  if (auto pass = gate_.try_enter()) return std::move(*pass);
  Error e = make_error(ErrorCode::unavailable, "正在运行其他规则测试或影响评估，请稍后再试",
                       "other rule tests or what-ifs are running: retry later");
  e.retry_after = 5;
  return e;
}

Result<RuleVersions> RulesService::versions(const Principal& who, const std::string& region) {
  if (auto st = access_.may_manage_rules(who, region); !st) return st.error();
  auto rows = in_read_transaction<std::vector<RuleVersionRow>>(
      *db_, [&](Tx& tx) { return rule_versions_of(tx, region); });
  if (!rows) return rows.error();
  RuleVersions out{region, "", "", std::move(rows).value()};
  if (auto set = rules_.rules_for(region)) out.rule_version = (*set)->version();
  if (auto script = rules_.script_of(region)) out.script_hash = script->hash();
  return out;
}

Result<InstallResult> RulesService::test(const Principal& who, const std::string& region,
                                         const std::string& script) {
  if (auto st = access_.may_manage_rules(who, region); !st) return st.error();
  if (auto st = check_script(script); !st) return st.error();
  auto pass = enter();
  if (!pass) return pass.error();
  return rules_.test(region, script);
}

Result<InstallResult> RulesService::upload(const Principal& who, const std::string& region,
                                           const std::string& script, TimePoint now) {
  if (auto st = access_.may_manage_rules(who, region); !st) return st.error();
  if (auto st = check_script(script); !st) return st.error();
  auto pass = enter();
  if (!pass) return pass.error();
  // Tested first without touching the live rules, then recorded, then swapped in: a failed
  // database write leaves the old rules running.
  auto tested = rules_.test(region, script);
  if (!tested) return tested.error();
  const RuleVersionRow row{region, tested->script_hash, script, who.login, format_utc(now), true};
  auto stored =
      in_transaction<std::monostate>(*db_, [&](Tx& tx) { return activate_rule_version(tx, row); });
  if (!stored) return stored.error();
  auto installed = rules_.install(region, script);
  if (installed) {
    (void)audit_.record(
        "rules.activated", &who, region, region,
        {{"script_hash", installed->script_hash}, {"rule_version", installed->rule_version}});
  }
  return installed;
}

Result<WhatIfReport> RulesService::whatif(const Principal& who, WhatIfRequest req, TimePoint now) {
  if (auto st = access_.may_manage_rules(who, req.region); !st) return st.error();
  if (auto st = check_script(req.script); !st) return st.error();
  auto pass = enter();
  if (!pass) return pass.error();
  return rules_whatif(*db_, rules_, access_.regions(), lifecycle_, req, now);
}

Result<RulesService::SyncReport> RulesService::sync() {
  auto active = in_read_transaction<std::map<std::string, RuleVersionRow>>(
      *db_, [](Tx& tx) { return active_rule_versions(tx); });
  if (!active) return active.error();
  SyncReport out;
  for (const auto& [region, row] : *active) {
    auto current = rules_.script_of(region);
    if (current && current->hash() == row.script_hash) continue;
    if (auto r = rules_.install(region, row.script); !r) {
      out.errors.push_back(region + ": " + r.error().message_en);
    } else {
      ++out.changed;
    }
  }
  return out;
}

}  // namespace gongshi
