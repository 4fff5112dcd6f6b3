// gongshi upstream target add|list|disable, changes, resend, backfill, push; gongshi report
// upstream; gongshi upstream-receiver (engine/service/upstream_service, upstream_receiver).
#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <thread>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/record_checker.hpp"
#include "engine/model/json_pretty.hpp"
#include "engine/model/text.hpp"
#include "engine/service/services.hpp"
#include "engine/service/upstream_json.hpp"
#include "server/app_context.hpp"
#include "server/http_server.hpp"
#include "server/upstream_receiver_app.hpp"
#include "server/upstream_sender.hpp"

namespace gongshi::cli {
namespace {

constexpr const char* kCredentialVariable = "GONGSHI_UPSTREAM_CREDENTIAL";
constexpr const char* kReceiverTokenVariable = "GONGSHI_RECEIVER_TOKEN";

// Runs `body` over the service layer, printing its error (and setting the exit code) on failure.
template <class Body>
void with_services(const CommonOptions& common, const std::string& db, int& exit_code, Body body) {
  auto services = open_service_layer(common, db, 1);
  if (!services) {
    exit_code = report(services.error());
    return;
  }
  if (auto st = body(**services); !st) exit_code = report(st.error());
}

Result<Date> date_option(const std::string& name, const std::string& text) {
  const auto d = parse_date(text);
  if (!d) {
    return make_error(ErrorCode::invalid_input, name + " 应为 YYYY-MM-DD：" + text,
                      name + " must be YYYY-MM-DD: " + text);
  }
  return *d;
}

void add_target_commands(CLI::App& upstream, int& exit_code) {
  struct Options {
    CommonOptions common;
    std::string db, region, name, format = "json", endpoint, changes, ca_file;
    int batch = 100;
    std::int64_t id = 0;
  };
  auto o = std::make_shared<Options>();
  auto* target = upstream.add_subcommand("target", "上报目标（上级平台）/ the platforms above");
  target->require_subcommand(1);
  auto* add = target->add_subcommand("add", "添加上报目标 / add a target");
  auto* list = target->add_subcommand("list", "列出上报目标 / list the targets");
  auto* disable = target->add_subcommand("disable", "停用上报目标 / stop sending to a target");
  for (auto* cmd : {add, list, disable}) {
    add_common_options(*cmd, o->common);
    cmd->add_option("--db", o->db, "database URL")->required();
  }
  for (auto* cmd : {add, list}) cmd->add_option("--region", o->region, "地区代码")->required();
  add->add_option("--name", o->name, "名称，如 安阳市信用信息共享平台")->required();
  add->add_option("--format", o->format, "json | csv | xlsx");
  add->add_option("--endpoint", o->endpoint,
                  "http(s)://HOST:PORT/PATH (an internal address only with --upstream-allow)")
      ->required();
  add->add_option("--changes", o->changes,
                  "comma-separated change types sent (default: all): published,corrected,…");
  add->add_option("--batch", o->batch, "changes per request (1–1000)");
  add_upstream_options(*add, o->common);
  add->add_option("--ca-file", o->ca_file,
                  "an https platform's private CA certificate (PEM, an absolute path on this "
                  "server)");
  add->footer(std::string("凭据（可选）取自环境变量 ") + kCredentialVariable +
              "，以 GONGSHI_UPSTREAM_KEY 加密保存 / the credential (optional) is " +
              kCredentialVariable + ", stored sealed under GONGSHI_UPSTREAM_KEY\n");
  disable->add_option("ID", o->id, "target id")->required();

  add->callback([o, &exit_code] {
    with_services(o->common, o->db, exit_code, [&](Services& s) -> Status {
      UpstreamTargetInput in;
      in.region = o->region;
      in.name = o->name;
      in.format = o->format;
      in.endpoint = o->endpoint;
      in.ca_file = o->ca_file;
      if (const char* c = std::getenv(kCredentialVariable); c != nullptr) in.credential = c;
      in.changes = split_list(o->changes);
      in.batch_size = o->batch;
      auto t = s.upstream.create_target(operator_principal(), in, s.now());
      if (!t) return t.error();
      std::cout << boost::json::serialize(upstream_target_json(*t)) << "\n";
      return ok_status();
    });
  });
  list->callback([o, &exit_code] {
    with_services(o->common, o->db, exit_code, [&](Services& s) -> Status {
      auto rows = s.upstream.targets(operator_principal(), o->region);
      if (!rows) return rows.error();
      for (const auto& t : *rows)
        std::cout << boost::json::serialize(upstream_target_json(t)) << "\n";
      return ok_status();
    });
  });
  disable->callback([o, &exit_code] {
    with_services(o->common, o->db, exit_code, [&](Services& s) -> Status {
      if (auto st = s.upstream.deactivate_target(operator_principal(), o->id); !st) return st;
      std::cout << "target " << o->id << " disabled\n";
      return ok_status();
    });
  });
}

void add_change_commands(CLI::App& upstream, int& exit_code) {
  struct Options {
    CommonOptions common;
    std::string db, status, from, to;
    std::int64_t target = 0, id = 0;
    int limit = 100, timeout = 30;
  };
  auto o = std::make_shared<Options>();
  auto* changes = upstream.add_subcommand(
      "changes",
      "列出某目标的上报变更及上级答复 / a target's changes and the answers, newest first");
  auto* resend = upstream.add_subcommand(
      "resend", "修正后重新上报被拒收的变更 / send a refused change again, as the record stands");
  auto* backfill = upstream.add_subcommand(
      "backfill", "补报目标建立前已公示的记录 / queue records published before the target existed");
  auto* push = upstream.add_subcommand(
      "push", "立即上报一轮（gongshi serve 每秒自动进行）/ one round of sending now");
  for (auto* cmd : {changes, resend, backfill, push}) {
    add_common_options(*cmd, o->common);
    cmd->add_option("--db", o->db, "database URL")->required();
  }
  for (auto* cmd : {changes, backfill})
    cmd->add_option("--target", o->target, "target id")->required();
  add_upstream_options(*push, o->common);
  changes->add_option("--status", o->status, "pending | acknowledged | refused | resent");
  changes->add_option("--limit", o->limit, "at most this many (1–500)");
  resend->add_option("ID", o->id, "the refused change's id")->required();
  backfill->add_option("--from", o->from, "决定日期自 YYYY-MM-DD")->required();
  backfill->add_option("--to", o->to, "决定日期至 YYYY-MM-DD")->required();
  push->add_option("--timeout", o->timeout, "seconds for each request");

  changes->callback([o, &exit_code] {
    with_services(o->common, o->db, exit_code, [&](Services& s) -> Status {
      ChangeQuery q;
      q.target_id = o->target;
      q.status = o->status;
      q.limit = o->limit;
      auto rows = s.upstream.changes(operator_principal(), q);
      if (!rows) return rows.error();
      for (const auto& c : *rows)
        std::cout << boost::json::serialize(upstream_change_json(c)) << "\n";
      return ok_status();
    });
  });
  resend->callback([o, &exit_code] {
    with_services(o->common, o->db, exit_code, [&](Services& s) -> Status {
      auto c = s.upstream.resend(operator_principal(), o->id, s.now());
      if (!c) return c.error();
      std::cout << boost::json::serialize(upstream_change_json(*c)) << "\n";
      return ok_status();
    });
  });
  backfill->callback([o, &exit_code] {
    with_services(o->common, o->db, exit_code, [&](Services& s) -> Status {
      auto from = date_option("--from", o->from);
      auto to = date_option("--to", o->to);
      if (!from) return from.error();
      if (!to) return to.error();
      auto n = s.upstream.backfill(operator_principal(), o->target, *from, *to, s.now());
      if (!n) return n.error();
      std::cout << *n << " records queued\n";
      return ok_status();
    });
  });
  push->callback([o, &exit_code] {
    with_services(o->common, o->db, exit_code, [&](Services& s) -> Status {
      const auto timeout = std::chrono::seconds(std::max(1, o->timeout));
      // The server's back-off: 5 s, doubling to an hour.
      const RetryPolicy retry = server::AppSettings{}.upstream_retry;
      auto sum =
          s.upstream.push(s.clock, server::http_upstream_sender(timeout), retry, timeout * 3);
      if (!sum) return sum.error();
      for (const auto& e : sum->errors) std::cerr << e << "\n";
      std::cout << sum->requests << " requests: " << sum->acknowledged << " acknowledged, "
                << sum->refused << " refused, " << sum->retried << " to send again\n";
      if (sum->refused > 0 || sum->retried > 0) exit_code = 3;
      return ok_status();
    });
  });
}

void add_receiver_command(CLI::App& app, int& exit_code) {
  struct Options {
    CommonOptions common;
    std::string db, listen = "127.0.0.1:8090", region, units;
    std::size_t body_limit = 16u << 20;
    int threads = 2;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "upstream-receiver",
      "参考接收端：模拟上级平台接收上报 / the reference receiver: a platform above to push to");
  add_common_options(*cmd, o->common);
  cmd->add_option("--db", o->db, "its own database URL (what it received is kept there)")
      ->required();
  cmd->add_option("--listen", o->listen, "ADDRESS:PORT (port 0 picks a free one)");
  cmd->add_option("--region", o->region,
                  "validate with this region's rules too (default: the national standard only)");
  cmd->add_option("--units", o->units,
                  "file of registered 数据来源单位 codes, one per line (default: any unit)");
  cmd->add_option("--body-limit", o->body_limit, "bytes per request");
  cmd->footer(std::string("设置环境变量 ") + kReceiverTokenVariable +
              " 则要求 Authorization: Bearer 该值 / with " + kReceiverTokenVariable +
              " set, requests must carry it as a Bearer token\n");
  cmd->callback([o, &exit_code] {
    const auto listen = parse_listen(o->listen);
    if (!listen) {
      exit_code = report(listen.error());
      return;
    }
    const char* token = std::getenv(kReceiverTokenVariable);
    const std::string& address = listen->address;
    if ((token == nullptr || *token == '\0') && address != "127.0.0.1" && address != "::1" &&
        address != "localhost") {
      exit_code = report(
          make_error(ErrorCode::invalid_input,
                     std::string("在本机以外的地址上监听时必须设置 ") + kReceiverTokenVariable,
                     std::string("listening beyond loopback needs ") + kReceiverTokenVariable));
      return;
    }
    auto services = open_service_layer(o->common, o->db, 2);
    if (!services) {
      exit_code = report(services.error());
      return;
    }
    auto checker = Checker::open(o->common, o->region);
    if (!checker) {
      exit_code = report(checker.error());
      return;
    }
    ReceiverOptions ro;
    for (const auto& [name, label] : (*services)->upstream.change_types()) {
      ro.change_types.insert(name);
    }
    if (!o->units.empty()) {
      std::ifstream in(o->units);
      if (!in) {
        exit_code = report(make_error(ErrorCode::not_found, "读不到 --units 文件：" + o->units,
                                      "cannot read the --units file: " + o->units));
        return;
      }
      for (std::string line; std::getline(in, line);) {
        const std::string code = trim(line);
        if (!code.empty() && code[0] != '#') ro.units.insert(code);
      }
    }
    auto shared_checker = std::make_shared<Checker>(std::move(checker).value());
    UpstreamReceiver receiver(
        (*services)->db,
        [shared_checker](const DecodedRecord& d) { return shared_checker->check(d); },
        std::move(ro), (*services)->clock);
    server::UpstreamReceiverApp handler(receiver, token != nullptr ? token : "",
                                        (*services)->work_dir());
    server::ServerOptions so;
    so.body_limit = o->body_limit;
    so.workers = 2;
    server::HttpServer http(so,
                            [&handler](server::HttpRequest& req) { return handler.handle(req); });
    const auto port = http.listen(address, listen->port);
    if (!port) {
      exit_code = report(port.error());
      return;
    }
    std::cout << "gongshi upstream-receiver on http://" << address << ":" << *port << std::endl;
    http.run(o->threads);
    std::cout << "gongshi upstream-receiver stopped" << std::endl;
  });
}

}  // namespace

void add_upstream_commands(CLI::App& app, int& exit_code) {
  auto* upstream =
      app.add_subcommand("upstream", "向上级平台报送 / reporting to the platform above");
  upstream->require_subcommand(1);
  add_target_commands(*upstream, exit_code);
  add_change_commands(*upstream, exit_code);
  add_receiver_command(app, exit_code);
}

void add_report_upstream_command(CLI::App& report_group, int& exit_code) {
  struct Options {
    CommonOptions common;
    std::string db, region, month, format = "text";
    std::int64_t target = 0;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = report_group.add_subcommand(
      "upstream",
      "上报核对：本地已公示 vs 上级已确认/拒收/待报送 / reconciliation with the platform above");
  add_common_options(*cmd, o->common);
  cmd->add_option("--db", o->db, "database URL")->required();
  cmd->add_option("--region", o->region, "地区代码")->required();
  cmd->add_option("--month", o->month, "YYYY-MM (decision dates)")->required();
  cmd->add_option("--target", o->target, "one target (default: every active one)");
  cmd->add_option("--format", o->format, "text | json");
  cmd->callback([o, &exit_code] {
    with_services(o->common, o->db, exit_code, [&](Services& s) -> Status {
      if (o->format != "text" && o->format != "json") {
        return make_error(ErrorCode::invalid_input, "--format 应为 text 或 json",
                          "--format must be text or json");
      }
      auto reports = s.upstream.report(operator_principal(), o->region, o->month,
                                       o->target > 0 ? std::optional(o->target) : std::nullopt);
      if (!reports) return reports.error();
      if (o->format == "json") {
        boost::json::array items;
        for (const auto& r : *reports) items.push_back(upstream_report_json(r));
        std::cout << pretty_json(boost::json::object{
            {"region", o->region}, {"month", o->month}, {"targets", std::move(items)}});
      } else {
        if (reports->empty()) std::cout << "该地区没有启用的上报目标\n";
        for (const auto& r : *reports) std::cout << upstream_report_text(r) << "\n";
      }
      return ok_status();
    });
  });
}

}  // namespace gongshi::cli
