// gongshi rules test|eval
#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "engine/model/json_codec.hpp"
#include "engine/model/json_file.hpp"
#include "engine/model/json_pretty.hpp"
#include "engine/rules/evaluation_notes.hpp"
#include "engine/service/rules_whatif.hpp"

namespace gongshi::cli {
namespace {

struct RulesOptions {
  CommonOptions common;
  std::string region;
  std::string file;
  std::string kind;
  std::string db, from, to, record;
  double seconds = 600;
};

std::optional<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int run_test(const RulesOptions& o) {
  auto paths = paths_of(o.common);
  auto env = open_rules(paths);
  if (!env) return report(env.error());
  std::string script;
  if (!o.file.empty()) {
    auto text = read_text(o.file);
    if (!text)
      return report(
          make_error(ErrorCode::not_found, "无法读取 " + o.file, "cannot read " + o.file));
    script = *text;
  } else {
    auto current = (*env)->rules->script_of(o.region);
    if (!current) {
      return report(make_error(ErrorCode::not_found, "地区 " + o.region + " 没有规则脚本",
                               "region " + o.region + " has no rule script"));
    }
    script = current->script();
  }
  auto result = (*env)->rules->test(o.region, script);
  if (!result) return report(result.error());
  std::cout << "规则版本 / rule version: " << result->rule_version << "\n"
            << "测试全部通过 / all tests pass: " << result->tests.cases << " cases\n";
  return 0;
}

int run_eval(const RulesOptions& o) {
  const auto kind = parse_record_kind(o.kind);
  if (!kind) {
    return report(make_error(ErrorCode::invalid_input, "--kind 应为 license 或 penalty",
                             "--kind must be license or penalty"));
  }
  auto json = read_json_file(o.file);
  if (!json) return report(json.error());
  auto env = open_rules(paths_of(o.common));
  if (!env) return report(env.error());
  auto rules = (*env)->rules->rules_for(o.region);
  if (!rules) return report(rules.error());
  auto calendar = (*env)->rules->calendar_for(o.region);
  if (!calendar) return report(calendar.error());
  const DecodedRecord decoded = record_from_json(*kind, *json);
  CalendarUse use;  // as the engine stores records: past the loaded years, provisional
  const RuleContext ctx{o.region, calendar->get(), today_of(o.common), &use};
  auto eval = (*rules)->evaluate(decoded.record, ctx);
  if (!eval) return report(eval.error());
  const boost::json::array issues = issues_json(merge_issues(decoded.issues, eval->issues));
  boost::json::object deadlines;
  const auto put = [&](const char* key, const std::optional<Date>& d) {
    deadlines[key] = d ? boost::json::value(format_date(*d)) : boost::json::value(nullptr);
  };
  put("publish_by", eval->deadlines.publish_by);
  put("late_after", eval->deadlines.late_after);
  put("missing_after", eval->deadlines.missing_after);
  put("publication_end", eval->deadlines.publication_end);
  put("repair_from", eval->deadlines.repair_from);
  boost::json::array flags;
  for (const auto& f : eval->scope.flags) flags.push_back(boost::json::string(f));
  const boost::json::object out{{"region", o.region},
                                {"today", format_date(ctx.today)},
                                {"rule_version", eval->rule_version},
                                {"valid", issues.empty()},
                                {"issues", issues},
                                {"scope",
                                 {{"scope", enum_label(eval->scope.scope)},
                                  {"reason", eval->scope.reason},
                                  {"basis", eval->scope.basis},
                                  {"mask_personal", eval->scope.mask_personal},
                                  {"flags", flags}}},
                                {"deadlines", deadlines},
                                {"calendar_provisional", eval->calendar_provisional},
                                {"rules", evaluation_notes(*eval)}};
  std::cout << boost::json::serialize(out) << "\n";
  return 0;
}

int run_whatif(const RulesOptions& o) {
  auto text = read_text(o.file);
  if (!text) {
    return report(make_error(ErrorCode::not_found, "无法读取 " + o.file, "cannot read " + o.file));
  }
  const auto from = parse_date(o.from), to = parse_date(o.to);
  if (!from || !to) {
    return report(make_error(ErrorCode::invalid_input, "--from/--to 应为 YYYY-MM-DD",
                             "--from/--to must be YYYY-MM-DD"));
  }
  auto services = open_service_layer(o.common, o.db, 1);
  if (!services) return report(services.error());
  WhatIfRequest req;
  req.region = o.region;
  req.script = *text;
  req.from = *from;
  req.to = *to;
  req.time_limit = std::chrono::milliseconds(static_cast<long>(o.seconds * 1000));
  auto r = (*services)->rules.whatif(operator_principal(), std::move(req), now_of(o.common));
  if (!r) return report(r.error());
  std::cout << pretty_json(whatif_json(*r));
  return 0;
}

int run_replay(const RulesOptions& o) {
  const auto slash = o.record.find('/');
  std::int64_t id = 0;
  try {
    if (slash == std::string::npos) throw std::invalid_argument("record");
    id = std::stoll(o.record.substr(slash + 1));
  } catch (const std::exception&) {
    return report(make_error(ErrorCode::invalid_input, "--record 应为 地区代码/编号，如 410505/12",
                             "--record must be REGION/ID, e.g. 410505/12"));
  }
  auto services = open_service_layer(o.common, o.db, 1);
  if (!services) return report(services.error());
  auto r = (*services)->records.replay(operator_principal(), o.record.substr(0, slash), id);
  if (!r) return report(r.error());
  std::cout << pretty_json(replay_json(*r));
  return r->reproduced() ? 0 : 1;
}

}  // namespace

void add_rules_commands(CLI::App& app, int& exit_code) {
  auto* group = app.add_subcommand("rules", "地区规则 / region rules");
  group->require_subcommand(1);
  // Owned by the callbacks, which the app keeps as long as it lives.
  auto test_options = std::make_shared<RulesOptions>();
  auto eval_options = std::make_shared<RulesOptions>();

  auto* test =
      group->add_subcommand("test", "运行地区规则脚本自带的测试 / run a region script's own tests");
  add_common_options(*test, test_options->common);
  test->add_option("--region", test_options->region, "GB/T 2260 region code")->required();
  test->add_option("file", test_options->file, "a script to test instead of the installed one");
  test->callback([test_options, &exit_code] { exit_code = run_test(*test_options); });

  auto* eval =
      group->add_subcommand("eval", "对一条记录求公开范围、期限和问题 / evaluate one record");
  add_common_options(*eval, eval_options->common);
  eval->add_option("--region", eval_options->region, "GB/T 2260 region code")->required();
  eval->add_option("--kind", eval_options->kind, "license | penalty")->required();
  eval->add_option("record", eval_options->file, "the record as JSON keyed by field codes")
      ->required();
  eval->callback([eval_options, &exit_code] { exit_code = run_eval(*eval_options); });

  auto whatif_options = std::make_shared<RulesOptions>();
  auto* whatif = group->add_subcommand(
      "whatif", "候选脚本对某期间已存记录的影响（不写入）/ what a candidate script would change");
  add_common_options(*whatif, whatif_options->common);
  whatif->add_option("--db", whatif_options->db, "database URL")->required();
  whatif->add_option("--region", whatif_options->region, "the region whose script it replaces")
      ->required();
  whatif->add_option("--script", whatif_options->file, "the candidate script")->required();
  whatif->add_option("--from", whatif_options->from, "received on or after, YYYY-MM-DD")
      ->required();
  whatif->add_option("--to", whatif_options->to, "received on or before, YYYY-MM-DD")->required();
  whatif->add_option("--max-seconds", whatif_options->seconds,
                     "stop after this long (default 600)");
  whatif->callback([whatif_options, &exit_code] { exit_code = run_whatif(*whatif_options); });

  auto replay_options = std::make_shared<RulesOptions>();
  auto* replay = group->add_subcommand(
      "replay", "按记录锁定的规则版本重算并核对 / re-evaluate a record under its pinned rules");
  add_common_options(*replay, replay_options->common);
  replay->add_option("--db", replay_options->db, "database URL")->required();
  replay->add_option("--record", replay_options->record, "REGION/ID")->required();
  replay->callback([replay_options, &exit_code] { exit_code = run_replay(*replay_options); });
}

}  // namespace gongshi::cli
