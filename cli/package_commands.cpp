// gongshi export package | import package: 方式三's offline package
// (engine/service/package_service).
#include <cstdlib>
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "engine/service/package_service.hpp"

namespace gongshi::cli {

namespace {

constexpr const char* kKeyVariable = "GONGSHI_PACKAGE_KEY";

// The key and the service layer both commands need; an error when either is missing.
struct PackageContext {
  std::string key;
  std::unique_ptr<Services> services;
  std::unique_ptr<PackageService> packages;
};

Result<PackageContext> open_package_context(const CommonOptions& common, const std::string& db) {
  auto key = package_key(std::getenv(kKeyVariable), kKeyVariable);
  if (!key) return key.error();
  auto services = open_service_layer(common, db, 2);
  if (!services) return services.error();
  PackageContext c{std::move(key).value(), std::move(services).value(), nullptr};
  Services& s = *c.services;
  c.packages = std::make_unique<PackageService>(s.db, s.engine, s.records, s.lifecycle, s.access,
                                                s.clock, s.work_dir());
  return c;
}

}  // namespace

void add_export_package_command(CLI::App& export_cmd, int& exit_code) {
  struct Options {
    CommonOptions common;
    std::string db, region, from, to, out;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = export_cmd.add_subcommand(
      "package", "导出离线报送数据包（方式三）/ the offline package for the platform above");
  add_common_options(*cmd, o->common);
  cmd->add_option("--db", o->db, "database URL")->required();
  cmd->add_option("--region", o->region, "地区代码")->required();
  cmd->add_option("--from", o->from, "决定日期自 YYYY-MM-DD")->required();
  cmd->add_option("--to", o->to, "决定日期至 YYYY-MM-DD")->required();
  cmd->add_option("--out", o->out, "the package (.zip)")->required();
  cmd->footer(std::string("签名密钥取自环境变量 ") + kKeyVariable +
              "（至少 32 字节）/ the key is " + kKeyVariable + " (32 bytes or more)\n");
  cmd->callback([o, &exit_code] {
    const auto from = parse_date(o->from), to = parse_date(o->to);
    if (!from || !to) {
      exit_code = report(make_error(ErrorCode::invalid_input, "--from/--to 应为 YYYY-MM-DD",
                                    "--from/--to must be YYYY-MM-DD"));
      return;
    }
    auto c = open_package_context(o->common, o->db);
    if (!c) {
      exit_code = report(c.error());
      return;
    }
    auto done =
        c->packages->export_package(operator_principal(), {o->region, *from, *to, o->out, c->key});
    if (!done) {
      exit_code = report(done.error());
      return;
    }
    std::cout << "package " << done->package_id << ": " << done->records << " records written to "
              << o->out << "\n";
    for (const auto& c : done->counts) {
      std::cout << "  " << (c.department.empty() ? std::to_string(c.department_id) : c.department)
                << " " << label_zh(c.kind) << " " << c.records << "\n";
    }
  });
}

void add_import_package_command(CLI::App& import_cmd, int& exit_code) {
  struct Options {
    CommonOptions common;
    std::string db, file, user = "cli";
  };
  auto o = std::make_shared<Options>();
  auto* cmd = import_cmd.add_subcommand(
      "package", "导入离线报送数据包（方式三）/ import an offline package from below");
  add_common_options(*cmd, o->common);
  cmd->add_option("--db", o->db, "database URL")->required();
  cmd->add_option("--user", o->user, "recorded as the actor of the new records");
  cmd->add_option("FILE", o->file, "the package (.zip)")->required();
  cmd->footer(std::string("签名密钥取自环境变量 ") + kKeyVariable + " / the key is " +
              kKeyVariable + "\n");
  cmd->callback([o, &exit_code] {
    auto c = open_package_context(o->common, o->db);
    if (!c) {
      exit_code = report(c.error());
      return;
    }
    auto done = c->packages->import_package(operator_principal(o->user), o->file, c->key);
    if (!done) {
      exit_code = report(done.error());
      return;
    }
    if (done->already_imported) {
      std::cout << "package " << done->package_id << " was imported at " << done->first_imported_at
                << ": nothing created now\n";
      return;
    }
    std::cout << "package " << done->package_id << " (" << done->region << ", " << done->period_from
              << " – " << done->period_to << "): " << done->created << " created, "
              << done->repeated << " already here, " << done->refused << " refused\n";
    for (const auto& job : done->jobs) {
      std::cout << "  import " << job.id << " " << job.file_name << ": " << job.rows_ok
                << " stored, " << job.rows_failed << " refused\n";
    }
    if (done->refused > 0) exit_code = 3;
  });
}

}  // namespace gongshi::cli
