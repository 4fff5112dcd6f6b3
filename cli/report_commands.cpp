// gongshi report monthly | quarterly | catalog | departments
#include <boost/json.hpp>
#include <fstream>
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "engine/model/json_pretty.hpp"
#include "engine/report/monthly_format.hpp"
#include "engine/service/services.hpp"

namespace gongshi::cli {

void add_report_commands(CLI::App& app, int& exit_code) {
  struct Options {
    CommonOptions common;
    std::string db, region, month, quarter, format = "json", out, from, to;
    double threshold = -1;  // percent; below 0: the region's rules
  };
  auto o = std::make_shared<Options>();
  auto* group = app.add_subcommand("report", "监管报表 / supervision reports");
  group->require_subcommand(1);
  add_report_upstream_command(*group, exit_code);
  auto* monthly = group->add_subcommand("monthly", "月度通报 / the monthly 通报 (seed 003)");
  auto* quarterly =
      group->add_subcommand("quarterly", "季度通报 / the quarterly 通报 (seed 003's 季通报)");
  auto* catalog = group->add_subcommand("catalog", "目录–台账核对 / catalog–ledger reconciliation");
  auto* departments = group->add_subcommand(
      "departments",
      "部门统计（用户数、已公示/未公示）/ per-department users and publication (seed 000)");
  for (auto* cmd : {monthly, quarterly, catalog, departments}) {
    add_common_options(*cmd, o->common);
    cmd->add_option("--db", o->db, "database URL")->required();
    cmd->add_option("--region", o->region, "地区代码")->required();
  }
  for (auto* cmd : {monthly, quarterly, catalog}) {
    cmd->add_option("--out", o->out, "output file (default: standard output; required for xlsx)");
  }
  monthly->add_option("--month", o->month, "YYYY-MM");
  monthly->add_option("--quarter", o->quarter, "YYYYQn: the quarter's 通报 instead of a month's");
  quarterly->add_option("--quarter", o->quarter, "YYYYQn, e.g. 2024Q3")->required();
  catalog->add_option("--month", o->month, "YYYY-MM")->required();
  for (auto* cmd : {monthly, quarterly}) {
    cmd->add_option("--format", o->format, "json | csv | xlsx");
    cmd->add_option("--late-threshold", o->threshold,
                    "迟报率 above which to escalate, percent (default: the region's rules)")
        ->check(CLI::Validator(
            [](std::string& v) -> std::string {
              // Refuses -1, nan, inf and anything outside 0..100 (a NaN passes CLI::Range).
              try {
                std::size_t used = 0;
                const double d = std::stod(v, &used);
                if (used == v.size() && d >= 0 && d <= 100) return "";
              } catch (const std::exception&) {
              }
              return "应为 0 到 100 的百分数 / must be a percent from 0 to 100: " + v;
            },
            "PERCENT 0..100"));
  }
  departments->add_option("--from", o->from, "YYYY-MM-DD (reported on or after)")->required();
  departments->add_option("--to", o->to, "YYYY-MM-DD (reported on or before)")->required();

  const auto emit = [o](const std::string& text) {
    if (o->out.empty()) {
      std::cout << text;
    } else {
      std::ofstream(o->out, std::ios::binary) << text;
    }
  };
  const auto run_report = [o, emit]() -> Status {
    if (o->month.empty() == o->quarter.empty()) {
      return make_error(ErrorCode::invalid_input, "请给出 --month 或 --quarter 之一",
                        "give one of --month or --quarter");
    }
    auto q = o->quarter.empty() ? parse_month(o->region, o->month)
                                : parse_quarter(o->region, o->quarter);
    if (!q) return q.error();
    auto services = open_service_layer(o->common, o->db, 1);
    if (!services) return services.error();
    std::optional<int> threshold;
    if (o->threshold >= 0) threshold = static_cast<int>(o->threshold * 100 + 0.5);
    auto r = (*services)->reports.monthly(operator_principal(), *q, threshold);
    if (!r) return r.error();
    if (o->format == "json") {
      emit(pretty_json(monthly_json(*r)));
    } else if (o->format == "csv") {
      emit(monthly_csv(*r));
    } else if (o->format == "xlsx" && !o->out.empty()) {
      return write_monthly_xlsx(*r, o->out);
    } else {
      return make_error(ErrorCode::invalid_input,
                        "--format 应为 json、csv 或 xlsx（xlsx 需要 --out）",
                        "--format must be json, csv or xlsx (xlsx needs --out)");
    }
    return ok_status();
  };
  for (auto* cmd : {monthly, quarterly}) {
    cmd->callback([run_report, &exit_code] {
      if (auto st = run_report(); !st) exit_code = report(st.error());
    });
  }
  catalog->callback([o, emit, &exit_code] {
    auto q = parse_month(o->region, o->month);
    if (!q) {
      exit_code = report(q.error());
      return;
    }
    auto services = open_service_layer(o->common, o->db, 1);
    if (!services) {
      exit_code = report(services.error());
      return;
    }
    auto r = (*services)->reports.catalog(operator_principal(), *q);
    if (!r) {
      exit_code = report(r.error());
      return;
    }
    emit(pretty_json(reconciliation_json(*r)));
  });
  departments->callback([o, &exit_code] {
    const auto from = parse_date(o->from), to = parse_date(o->to);
    if (!from || !to) {
      exit_code = report(make_error(ErrorCode::invalid_input, "--from/--to 应为 YYYY-MM-DD",
                                    "--from/--to must be YYYY-MM-DD"));
      return;
    }
    auto services = open_service_layer(o->common, o->db, 1);
    if (!services) {
      exit_code = report(services.error());
      return;
    }
    auto s = (*services)->reports.departments(operator_principal(), o->region, *from, *to);
    if (!s) {
      exit_code = report(s.error());
      return;
    }
    std::cout << pretty_json(department_stats_json(*s));
  });
}

}  // namespace gongshi::cli
