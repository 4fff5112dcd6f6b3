// gongshi calendar add | between | load | status
#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "engine/model/json_pretty.hpp"
#include "engine/service/calendar_json.hpp"

namespace gongshi::cli {
namespace {

struct CalendarOptions {
  CommonOptions common;
  std::string region = std::string(kNationalRegion);
  std::string db;  // optional for add/between: also the years loaded into that database
  std::vector<std::string> args;
  bool provisional = false;
  std::string file, by = "cli";
  int year = 0;
};

Error usage(const std::string& zh, const std::string& en) {
  return make_error(ErrorCode::invalid_input, zh, en);
}

// The region's calendar from the files, and from the database when --db is given.
struct CalendarSource {
  std::unique_ptr<Services> services;
  std::unique_ptr<RulesEnvironment> rules;
};
Result<std::shared_ptr<const Calendar>> calendar_of(const CalendarOptions& o,
                                                    CalendarSource& keep) {
  if (!o.db.empty()) {
    auto s = open_service_layer(o.common, o.db, 1);
    if (!s) return s.error();
    keep.services = std::move(s).value();
    return keep.services->rules_env->calendars->get(o.region);
  }
  auto env = open_rules(paths_of(o.common));
  if (!env) return env.error();
  keep.rules = std::move(env).value();
  return keep.rules->calendars->get(o.region);
}

Result<Date> date_arg(const std::string& text) {
  const auto d = parse_date(text);
  if (!d) return usage("不是有效日期：" + text + "（应为 YYYY-MM-DD）", "not a date: " + text);
  return *d;
}

// Prints the value, and on stderr whether it is provisional; exit 0.
int print_with_note(const std::string& value, const CalendarUse& use, const Calendar& cal) {
  std::cout << value << "\n";
  if (use.provisional) {
    std::cerr << "注意：" << cal.last_year() + 1
              << " 年起尚无节假日安排，结果为暂定（只计周末）\n"
                 "note: no holiday data after "
              << format_date(cal.complete_through()) << "; provisional (weekends only)\n";
  }
  return 0;
}

int run_add(const CalendarOptions& o) {
  if (o.args.size() != 2) return report(usage("用法：calendar add --region CODE DATE N", "usage"));
  auto d = date_arg(o.args[0]);
  if (!d) return report(d.error());
  int n = 0;
  try {
    std::size_t used = 0;
    n = std::stoi(o.args[1], &used);
    if (used != o.args[1].size() || n < 0) throw std::invalid_argument("n");
  } catch (const std::exception&) {
    return report(usage("N 应为非负整数：" + o.args[1], "N must be a non-negative integer"));
  }
  CalendarSource env;
  auto cal = calendar_of(o, env);
  if (!cal) return report(cal.error());
  CalendarUse use;
  auto r = (*cal)->add_working_days(*d, n, o.provisional ? &use : nullptr);
  if (!r) return report(r.error());
  return print_with_note(format_date(*r), use, **cal);
}

int run_between(const CalendarOptions& o) {
  if (o.args.size() != 2) {
    return report(usage("用法：calendar between --region CODE D1 D2", "usage"));
  }
  auto a = date_arg(o.args[0]);
  if (!a) return report(a.error());
  auto b = date_arg(o.args[1]);
  if (!b) return report(b.error());
  CalendarSource env;
  auto cal = calendar_of(o, env);
  if (!cal) return report(cal.error());
  CalendarUse use;
  auto r = (*cal)->working_days_between(*a, *b, o.provisional ? &use : nullptr);
  if (!r) return report(r.error());
  return print_with_note(std::to_string(*r), use, **cal);
}

int run_load(const CalendarOptions& o) {
  std::ifstream in(o.file, std::ios::binary);
  if (!in)
    return report(make_error(ErrorCode::not_found, "无法读取 " + o.file, "cannot read " + o.file));
  std::ostringstream text;
  text << in.rdbuf();
  CalendarLoad req;
  req.region = o.region;
  req.body = text.str();
  req.loaded_by = o.by;
  req.year = o.year;
  if (req.year == 0) {  // the file's own "year"
    boost::system::error_code ec;
    const auto json = boost::json::parse(req.body, ec);
    const auto* y = !ec && json.is_object() ? json.as_object().if_contains("year") : nullptr;
    if (y == nullptr || !y->is_int64()) {
      return report(usage(o.file + " 缺少 year（或用 --year 指定）", o.file + " lacks \"year\""));
    }
    req.year = static_cast<int>(y->get_int64());
  }
  auto services = open_service_layer(o.common, o.db, 2);
  if (!services) return report(services.error());
  auto r = (*services)->calendar.load(req, now_of(o.common));
  if (!r) return report(r.error());
  std::cout << pretty_json(calendar_load_json(*r));
  return 0;
}

int run_status(const CalendarOptions& o) {
  auto services = open_service_layer(o.common, o.db, 1);
  if (!services) return report(services.error());
  auto s = (*services)->calendar.status(shanghai_date(now_of(o.common)));
  if (!s) return report(s.error());
  std::cout << pretty_json(calendar_status_json(*s));
  return 0;
}

}  // namespace

void add_calendar_commands(CLI::App& app, int& exit_code) {
  auto* group = app.add_subcommand("calendar", "工作日历 / the working-day calendar");
  group->require_subcommand(1);
  const auto common = [](CLI::App* cmd, CalendarOptions& o) {
    add_common_options(*cmd, o.common);
    cmd->add_option("--region", o.region, "地区代码 (GB/T 2260)，默认 000000（全国）");
  };
  auto add_o = std::make_shared<CalendarOptions>();
  auto* add = group->add_subcommand(
      "add", "DATE 之后第 N 个工作日（决定日为第 0 天）/ the N-th working day after DATE");
  common(add, *add_o);
  add->add_option("args", add_o->args, "DATE N")->expected(2)->required();
  add->add_option("--db", add_o->db, "also the years loaded into this database");
  add->add_flag("--provisional", add_o->provisional,
                "past the loaded years count weekdays only (said on stderr) instead of failing");
  add->callback([add_o, &exit_code] { exit_code = run_add(*add_o); });

  auto between_o = std::make_shared<CalendarOptions>();
  auto* between = group->add_subcommand(
      "between", "D1 之后至 D2（含）的工作日数 / working days after D1 up to and including D2");
  common(between, *between_o);
  between->add_option("args", between_o->args, "D1 D2")->expected(2)->required();
  between->add_option("--db", between_o->db, "also the years loaded into this database");
  between->add_flag("--provisional", between_o->provisional,
                    "past the loaded years count weekdays only instead of failing");
  between->callback([between_o, &exit_code] { exit_code = run_between(*between_o); });

  auto load_o = std::make_shared<CalendarOptions>();
  auto* load = group->add_subcommand(
      "load", "载入一年的国务院办公厅节假日安排（或地区调整）/ load a year's notice");
  common(load, *load_o);
  load->add_option("file", load_o->file, "YYYY.json (schemas/calendar/national format)")
      ->required();
  load->add_option("--db", load_o->db, "database URL")->required();
  load->add_option("--year", load_o->year, "the year (default: the file's \"year\")");
  load->add_option("--by", load_o->by, "who loads it (kept with the year)");
  load->callback([load_o, &exit_code] { exit_code = run_load(*load_o); });

  auto status_o = std::make_shared<CalendarOptions>();
  auto* status = group->add_subcommand(
      "status", "已载入的年份、完整天数、暂定期限的记录 / years loaded, days ahead, provisional");
  common(status, *status_o);
  status->add_option("--db", status_o->db, "database URL")->required();
  status->callback([status_o, &exit_code] { exit_code = run_status(*status_o); });
}

}  // namespace gongshi::cli
