// gongshi user add | import | export
#include <unistd.h>

#include <fstream>
#include <iostream>

#include <boost/json.hpp>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "engine/exchange/csv_writer.hpp"
#include "engine/exchange/xlsx_writer.hpp"
#include "engine/model/header_codec.hpp"
#include "engine/model/json_codec.hpp"
#include "engine/model/text.hpp"
#include "engine/service/services.hpp"

namespace gongshi::cli {

namespace {

void add_user_command(CLI::App& app, int& exit_code) {
  struct Options {
    CommonOptions common;
    AccountOptions account;
    std::string config, db, login, name, password, region, roles;
    std::int64_t department = 0;
    bool no_change = false;
  };
  auto o = std::make_shared<Options>();
  auto* user = app.add_subcommand("user", "用户管理 / users");
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", "新建用户 / add a user");
  add_common_options(*add, o->common);
  add_config_option(*add, o->config);
  add_account_options(*add, o->account);
  add->add_option("--db", o->db, "database URL")->required();
  add->add_flag("--no-password-change", o->no_change,
                "the user need not change this password at the first sign-in (default: must, "
                "as for any password an administrator sets)");
  add->add_option("--login", o->login, "登录名")->required();
  add->add_option("--name", o->name, "显示名");
  add->add_option("--password", o->password, "密码（也可用环境变量 GONGSHI_PASSWORD）");
  add->add_option("--region", o->region, "地区代码 (GB/T 2260)")->required();
  add->add_option("--department", o->department, "部门 id（信用办、系统管理员不填）");
  add->add_option("--roles", o->roles,
                  "filler,reviewer,dept_admin,objection_handler,credit_office,sysadmin")
      ->required();
  add->callback([o, &exit_code] {
    std::string password = o->password;
    if (password.empty() && std::getenv("GONGSHI_PASSWORD") != nullptr) {
      password = std::getenv("GONGSHI_PASSWORD");
    }
    auto services = open_service_layer(o->common, o->db, 1, account_policy(o->account));
    if (!services) {
      exit_code = report(services.error());
      return;
    }
    UserInput in;
    in.must_change_password = !o->no_change;
    in.region = o->region;
    if (o->department > 0) in.department_id = o->department;
    in.login = o->login;
    in.display_name = o->name;
    in.password = password;
    in.roles = split_list(o->roles);
    auto u = (*services)->directory.add_user_unchecked(std::move(in));
    if (!u) {
      exit_code = report(u.error());
      return;
    }
    std::cout << "user " << u->login << " added (id " << u->id << ")\n";
  });
}

void print_progress(const ImportJob& job, bool tty) {
  if (!tty) return;
  const int total = std::max(job.rows_total, 1);
  const int width = 40;
  const int filled = width * job.rows_done / total;
  std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, ' ') << "] "
            << job.rows_done << "/" << job.rows_total << "  失败 " << job.rows_failed << std::flush;
}

void add_import_command(CLI::App& app, int& exit_code) {
  struct Options {
    CommonOptions common;
    std::string db, region, kind, file, user = "cli";
    std::int64_t department = 0;
    bool backfill = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("import", "导入 CSV/XLSX 文件 / import a CSV or XLSX file");
  add_common_options(*cmd, o->common);
  // Checked in the callback rather than marked required: `import package` has options of its own.
  cmd->add_option("--db", o->db, "database URL (required)");
  cmd->add_option("--region", o->region, "地区代码 (required)");
  cmd->add_option("--department", o->department, "部门 id (required)");
  cmd->add_option("--kind", o->kind, "license | penalty (required)");
  cmd->add_option("--user", o->user, "recorded as the actor of the new records");
  cmd->add_flag("--backfill", o->backfill, "补录（上线前的决定）");
  cmd->add_option("FILE", o->file, "the file (required)");
  add_import_package_command(*cmd, exit_code);
  cmd->callback([o, cmd, &exit_code] {
    if (!cmd->get_subcommands().empty()) return;
    if (auto st = require_options({{"--db", o->db},
                                   {"--region", o->region},
                                   {"--department", o->department > 0 ? "set" : ""},
                                   {"--kind", o->kind},
                                   {"FILE", o->file}});
        !st) {
      exit_code = report(st.error());
      return;
    }
    auto kind = parse_record_kind(o->kind);
    if (!kind) {
      exit_code = report(make_error(ErrorCode::invalid_input, "--kind 应为 license 或 penalty",
                                    "--kind must be license or penalty"));
      return;
    }
    auto services = open_service_layer(o->common, o->db, 2);
    if (!services) {
      exit_code = report(services.error());
      return;
    }
    Services& ctx = **services;
    ImportInput in;
    in.region = o->region;
    in.department_id = o->department;
    in.kind = *kind;
    in.file = o->file;
    in.file_name = std::filesystem::path(o->file).filename().string();
    in.backfill = o->backfill;
    Principal who = operator_principal(o->user);
    who.roles = {"filler"};  // records are created as the department's 填报员 would
    who.region = o->region;
    who.department_id = o->department;
    const bool tty = isatty(STDERR_FILENO) != 0;
    auto job = ctx.imports.run_now(who, std::move(in), ctx.now(),
                                   [tty](const ImportJob& j) { print_progress(j, tty); });
    if (!job) {
      exit_code = report(job.error());
      return;
    }
    const ImportJob& done = *job;
    if (tty) std::cerr << "\n";
    std::cout << "import " << done.id << " " << done.status << ": " << done.rows_total << " rows, "
              << done.rows_ok << " stored, " << done.rows_failed << " refused";
    if (!done.message.empty()) std::cout << " — " << done.message;
    std::cout << "\n";
    if (done.status != "done") exit_code = 1;
    if (done.rows_failed > 0) {
      auto errors = ctx.imports.errors(who, done.id);
      if (errors) {
        for (const auto& e : errors->second) {
          std::cout << "  row " << e.row_no << " " << e.field << ": " << e.message_zh << "\n";
        }
      }
      exit_code = std::max(exit_code, 3);
    }
  });
}

void add_export_command(CLI::App& app, int& exit_code) {
  struct Options {
    CommonOptions common;
    std::string db, region, kind, state, format = "csv", out;
    std::int64_t department = 0;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("export",
                                 "导出记录（模板表头）/ export records under the template headers");
  add_common_options(*cmd, o->common);
  // Checked in the callback rather than marked required: `export package` has options of its own.
  cmd->add_option("--db", o->db, "database URL (required)");
  cmd->add_option("--region", o->region, "地区代码 (required)");
  cmd->add_option("--kind", o->kind, "license | penalty (required)");
  cmd->add_option("--department", o->department, "部门 id");
  cmd->add_option("--state", o->state, "状态（逗号分隔）");
  cmd->add_option("--format", o->format, "csv | xlsx");
  cmd->add_option("--out", o->out, "output file (required)");
  add_export_package_command(*cmd, exit_code);
  cmd->callback([o, cmd, &exit_code] {
    if (!cmd->get_subcommands().empty()) return;
    if (auto st = require_options(
            {{"--db", o->db}, {"--region", o->region}, {"--kind", o->kind}, {"--out", o->out}});
        !st) {
      exit_code = report(st.error());
      return;
    }
    auto kind = parse_record_kind(o->kind);
    if (!kind || (o->format != "csv" && o->format != "xlsx")) {
      exit_code = report(make_error(ErrorCode::invalid_input,
                                    "--kind 应为 license/penalty，--format 应为 csv/xlsx",
                                    "--kind must be license/penalty, --format csv/xlsx"));
      return;
    }
    auto services = open_service_layer(o->common, o->db, 1);
    if (!services) {
      exit_code = report(services.error());
      return;
    }
    const Lifecycle* lifecycle = &(*services)->lifecycle;
    // The standard's columns, then what gongshi knows of each record (ignored on import).
    auto headers = template_headers(*kind);
    const std::string prefix(kStatusColumnPrefix);
    for (const char* extra :
         {"记录编号", "状态", "公示期限", "迟报时点", "漏报时点", "公示截止日期",
          "可申请信用修复日期", "期限暂定（节假日安排未公布）", "报送及时性"}) {
      headers.push_back(prefix + extra);
    }
    std::unique_ptr<XlsxWriter> xlsx;
    std::ofstream csv;
    if (o->format == "xlsx") {
      auto w = XlsxWriter::create(o->out);
      if (!w) {
        exit_code = report(w.error());
        return;
      }
      xlsx = std::move(w).value();
      (void)xlsx->add_sheet(std::string(label_zh(*kind)), headers);
    } else {
      csv.open(o->out, std::ios::binary);
      csv << kUtf8Bom;
      for (std::size_t i = 0; i < headers.size(); ++i)
        csv << (i ? "," : "") << csv_cell(headers[i]);
      csv << "\r\n";
    }
    RecordList q;
    q.region = o->region;
    q.kind = *kind;
    if (o->department > 0) q.department_id = o->department;
    q.states = split_list(o->state);
    q.limit = 500;
    std::size_t n = 0;
    const Principal op = operator_principal();
    while (true) {
      auto page = (*services)->records.list(op, q, (*services)->now());
      if (!page) {
        exit_code = report(page.error());
        return;
      }
      for (const auto& r : *page) {
        boost::system::error_code ec;
        const auto json = boost::json::parse(r.data, ec);
        auto texts = encode_texts(record_from_json(r.kind, json).record);
        const auto day = [](const std::optional<Date>& d) { return d ? format_date(*d) : ""; };
        for (std::string extra :
             {r.region + "/" + std::to_string(r.id), lifecycle->state_label(r.state),
              day(r.publish_by), day(r.late_after), day(r.missing_after), day(r.publication_end),
              day(r.repair_from), std::string(r.calendar_provisional ? "是" : "否"),
              r.timeliness}) {
          texts.push_back(std::move(extra));
        }
        if (xlsx) {
          (void)xlsx->write_row(texts);
        } else {
          for (std::size_t i = 0; i < texts.size(); ++i)
            csv << (i ? "," : "") << csv_cell(texts[i]);
          csv << "\r\n";
        }
        ++n;
      }
      if (static_cast<int>(page->size()) < q.limit) break;
      q.before_id = page->back().id;
    }
    if (xlsx) {
      if (auto st = xlsx->close(); !st) {
        exit_code = report(st.error());
        return;
      }
    }
    std::cout << n << " records written to " << o->out << "\n";
  });
}

}  // namespace

void add_data_commands(CLI::App& app, int& exit_code) {
  add_user_command(app, exit_code);
  add_import_command(app, exit_code);
  add_export_command(app, exit_code);
}

}  // namespace gongshi::cli
