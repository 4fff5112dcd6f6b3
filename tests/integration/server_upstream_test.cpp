// Reporting upward, end to end: the real `gongshi serve` pushes record changes to the real
// reference receiver (`gongshi upstream-receiver`) over loopback. The receiver down for the first
// attempts, then both sides restarted: every change arrives once and in order per record. A
// change the receiver refuses is shown with its reason, fixed (in the receiver, or by correcting
// the record) and sent again; the month's reconciliation shows the gaps made on purpose.
#include <soci/soci.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "server_fixture.hpp"

using namespace gongshi;
using namespace gongshi::test;

namespace {

constexpr const char* kKey = "an-upstream-key-for-the-tests-0123456789";
constexpr const char* kToken = "receiver-token-for-the-tests";
constexpr const char* kOtherUnit = "91410505MA9K3W8L7R";  // a valid code the receiver does not know

std::filesystem::path temp_dir() {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("gongshi-upstream-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

// The reference receiver on its own SQLite database, on a port of its own.
struct Receiver {
  std::filesystem::path db;
  std::filesystem::path units;
  int port = 0;
  std::unique_ptr<ServerProcess> process;

  Receiver(const std::string& name, const std::vector<std::string>& registered) {
    db = temp_dir() / (name + ".db");
    std::filesystem::remove(db);
    units = temp_dir() / (name + "-units.txt");
    register_units(registered);
    start();  // on a free port, which it keeps across restarts
    port = process->port();
  }
  void register_units(const std::vector<std::string>& codes) {
    std::ofstream out(units, std::ios::trunc);
    out << "# 已登记的数据来源单位\n";
    for (const auto& c : codes) out << c << "\n";
  }
  void start() {
    process = std::make_unique<ServerProcess>(std::vector<std::string>{
        "upstream-receiver", "--db", "sqlite:" + db.string(), "--listen",
        "127.0.0.1:" + std::to_string(port), "--units", units.string(), "--schemas",
        std::string(GONGSHI_SOURCE_DIR) + "/schemas", "--rules",
        std::string(GONGSHI_SOURCE_DIR) + "/rules_lua", "--plugins", GONGSHI_PLUGIN_DIR});
  }
  void stop() { process.reset(); }
  std::string endpoint() const {
    return "http://127.0.0.1:" + std::to_string(port) + "/upstream/v1/changes";
  }
  boost::json::array received() const {
    auto r = process->call("GET", "/upstream/v1/received", kToken);
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.status << " " << r.body);
    return json_of(r).at("items").as_array();
  }
};

template <class Pred>
bool wait_until(Pred pred, int seconds = 60) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return pred();
}

std::string text(const boost::json::value& v, const char* key) {
  const auto* f = v.as_object().if_contains(key);
  return f != nullptr && f->is_string() ? std::string(f->as_string()) : "";
}

struct Upstream {
  Site& site;
  std::int64_t target = 0;

  Upstream(Site& s, const std::string& endpoint, const std::string& format, int batch) : site(s) {
    const boost::json::object body{{"region", "410505"},   {"name", "安阳市信用信息共享平台"},
                                   {"format", format},     {"endpoint", endpoint},
                                   {"credential", kToken}, {"batch_size", batch}};
    auto r =
        site.call("POST", "/api/v1/upstream/targets", "sysadmin", boost::json::serialize(body));
    BOOST_REQUIRE_MESSAGE(r.status == 201, r.status << " " << r.body);
    target = json_of(r).at("id").as_int64();
  }
  boost::json::array changes(const std::string& query = "") const {
    auto r = site.call(
        "GET", "/api/v1/upstream/targets/" + std::to_string(target) + "/changes" + query, "office");
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.status << " " << r.body);
    return json_of(r).at("items").as_array();
  }
  bool all(const std::string& status, std::size_t n) const {
    const auto items = changes();
    std::size_t matching = 0;
    for (const auto& c : items) matching += text(c, "status") == status;
    return items.size() == n && matching == n;
  }
  boost::json::object report(const std::string& month) const {
    auto r = site.call("GET",
                       "/api/v1/reports/upstream?region=410505&month=" + month +
                           "&target=" + std::to_string(target),
                       "office");
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.status << " " << r.body);
    return json_of(r).at("targets").as_array().at(0).as_object();
  }
};

// For failure messages: what the upstream side has not yet seen of the outbox, and has queued.
std::string queue_state(Site& site) {
  soci::session s(site.tdb.db->pool());
  long long unseen = 0, queued = 0;
  s << "SELECT COUNT(*) FROM outbox WHERE upstream_at IS NULL", soci::into(unseen);
  s << "SELECT COUNT(*) FROM upstream_changes", soci::into(queued);
  return "outbox unseen " + std::to_string(unseen) + ", changes " + std::to_string(queued);
}

std::string penalty_no(const boost::json::value& received) {
  return std::string(received.at("record").at("CF_WSH").as_string());
}

}  // namespace

BOOST_AUTO_TEST_CASE(upstream_gets_each_change_once_in_order_through_outage_and_restarts) {
  ::setenv("GONGSHI_UPSTREAM_KEY", kKey, 1);
  ::setenv("GONGSHI_RECEIVER_TOKEN", kToken, 1);
  // The receiver is on loopback, which a target may name only when the operator allows it.
  const std::vector<std::string> extra{"--upstream-retry", "1", "--upstream-allow", "127.0.0.1"};
  Site site(extra);
  Receiver receiver("in-order", {"11230500001755309F"});
  receiver.stop();  // down for the first attempts
  Upstream up(site, receiver.endpoint(), "json", 2);

  // The credential is sealed in the database and never shown.
  auto listed = site.call("GET", "/api/v1/upstream/targets?region=410505", "office");
  BOOST_TEST(listed.body.find(kToken) == std::string::npos);
  BOOST_TEST(json_of(listed).at("items").at(0).at("has_credential").as_bool());
  {
    soci::session s(site.tdb.db->pool());
    std::string sealed;
    s << "SELECT credential FROM upstream_targets", soci::into(sealed);
    BOOST_TEST(!sealed.empty());
    BOOST_TEST(sealed.find(kToken) == std::string::npos);
  }
  // Only the sysadmin configures targets.
  BOOST_TEST(site.call("POST", "/api/v1/upstream/targets", "office",
                       R"({"name":"x","endpoint":"http://127.0.0.1:1/"})")
                 .status == 403);

  // A: published, then corrected after an objection. B: published, then withdrawn. C: only
  // published. D: a draft, never reported.
  auto a = site.published(site.penalty({{"CF_WSH", "殷市监罚〔2024〕U1号"}}));
  auto b = site.published(site.penalty({{"CF_WSH", "殷市监罚〔2024〕U2号"}}));
  a = site.took(a, "object", "handler", "当事人称违法行为表述有误");
  a = site.took(a, "correct", "handler", "核实后更正", {{"fields", {{"CF_WFXW", "销售过期饮料"}}}});
  b = site.took(b, "object", "handler", "当事人称并非本企业");
  b = site.took(b, "withdraw", "handler", "核实后撤下");
  site.published(site.penalty({{"CF_WSH", "殷市监罚〔2024〕U3号"}}));
  site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕U4号"}}));

  // Five changes queued. The first of each record is tried and fails while the receiver is
  // down, with the reason; a record's later change waits behind it (in order per record).
  const auto first_of_record = [](const boost::json::array& items, const boost::json::value& c) {
    for (const auto& o : items) {
      if (o.at("record_id") == c.at("record_id") && o.at("id").as_int64() < c.at("id").as_int64())
        return false;
    }
    return true;
  };
  BOOST_REQUIRE_MESSAGE(wait_until([&] {
                          const auto items = up.changes();
                          if (items.size() != 5) return false;
                          for (const auto& c : items) {
                            if (first_of_record(items, c) && c.at("attempts").as_int64() < 1)
                              return false;
                          }
                          return true;
                        }),
                        boost::json::serialize(up.changes()));
  std::this_thread::sleep_for(std::chrono::seconds(2));
  const auto waiting = up.changes();
  for (const auto& c : waiting) {
    BOOST_TEST(text(c, "status") == "pending");
    if (first_of_record(waiting, c)) {
      BOOST_TEST(text(c, "last_error").find("Connection refused") != std::string::npos);
    } else {
      BOOST_TEST(c.at("attempts").as_int64() == 0);
    }
  }
  // The sender restarted while it still has them, and the receiver comes up.
  site.server.reset();
  site.server = std::make_unique<ServerProcess>([&] {
    auto args = Site::serve_args(site.tdb.url, "600");
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }());
  site.token.clear();
  receiver.start();
  BOOST_REQUIRE_MESSAGE(wait_until([&] { return up.all("acknowledged", 5); }),
                        "not all acknowledged: " << boost::json::serialize(up.changes()));

  // Exactly those changes, each once, in order per record.
  auto got = receiver.received();
  BOOST_REQUIRE_EQUAL(got.size(), 5u);
  std::map<std::string, std::vector<std::string>> trail;
  std::set<std::string> keys;
  for (const auto& r : got) {
    trail[penalty_no(r)].push_back(text(r, "change"));
    keys.insert(text(r, "idempotency_key"));
    BOOST_TEST(text(r, "form") == "json");
    BOOST_TEST(text(r, "sender") == "410505");
  }
  BOOST_TEST(keys.size() == 5u);
  BOOST_TEST((trail["殷市监罚〔2024〕U1号"] == std::vector<std::string>{"published", "corrected"}));
  BOOST_TEST((trail["殷市监罚〔2024〕U2号"] == std::vector<std::string>{"published", "withdrawn"}));
  BOOST_TEST((trail["殷市监罚〔2024〕U3号"] == std::vector<std::string>{"published"}));
  BOOST_TEST(trail.count("殷市监罚〔2024〕U4号") == 0u);
  // The correction carries the corrected value.
  for (const auto& r : got) {
    if (penalty_no(r) == "殷市监罚〔2024〕U1号" && text(r, "change") == "corrected") {
      BOOST_TEST(std::string(r.at("record").at("CF_WFXW").as_string()) == "销售过期饮料");
    }
  }

  // A sender that never heard the answer sends the same batch again: the receiver knows the keys
  // and takes nothing twice.
  boost::json::array again;
  for (const auto& r : got) {
    again.push_back(boost::json::object{{"idempotency_key", text(r, "idempotency_key")},
                                        {"change", text(r, "change")},
                                        {"kind", "penalty"},
                                        {"record", r.at("record")}});
  }
  auto replay = receiver.process->call(
      "POST", "/upstream/v1/changes", kToken,
      boost::json::serialize(boost::json::object{
          {"format", "gongshi-upstream/1"}, {"sender", "410505"}, {"changes", again}}));
  BOOST_REQUIRE_EQUAL(replay.status, 200);
  const auto answers = json_of(replay);
  BOOST_TEST(answers.at("results").as_array().size() == 5u);
  for (const auto& r : answers.at("results").as_array()) {
    BOOST_TEST(text(r, "status") == "duplicate");
  }
  BOOST_TEST(receiver.received().size() == 5u);
  // Without the token the receiver answers nothing.
  BOOST_TEST(receiver.process->call("GET", "/upstream/v1/received").status == 401);

  // The receiver restarted: what it kept is still there, and a new change goes in after it.
  receiver.stop();
  receiver.start();
  BOOST_TEST(receiver.received().size() == 5u);
  site.published(site.penalty({{"CF_WSH", "殷市监罚〔2024〕U5号"}}));
  BOOST_REQUIRE(wait_until([&] { return receiver.received().size() == 6u; }));
  BOOST_TEST(penalty_no(receiver.received().at(5)) == "殷市监罚〔2024〕U5号");

  // Reconciled: every record published in July is acknowledged above.
  const auto rep = up.report("2024-07");
  BOOST_TEST(rep.at("total").at("published").as_int64() == 4);
  BOOST_TEST(rep.at("total").at("acknowledged").as_int64() == 4);
  BOOST_TEST(rep.at("gaps").as_array().empty());
  // Nor is the credential in the changes or the report.
  BOOST_TEST(boost::json::serialize(up.changes()).find(kToken) == std::string::npos);
  BOOST_TEST(boost::json::serialize(rep).find(kToken) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(refused_changes_are_shown_fixed_resent_and_reconciled) {
  ::setenv("GONGSHI_UPSTREAM_KEY", kKey, 1);
  ::setenv("GONGSHI_RECEIVER_TOKEN", kToken, 1);
  Site site({"--upstream-retry", "1", "--upstream-allow", "127.0.0.1"});
  Receiver receiver("refusals", {"11230500001755309F"});

  // Published before the target existed: a gap the reconciliation must show (未报送).
  auto early = site.published(site.penalty({{"CF_WSH", "殷市监罚〔2024〕R0号"}}));
  Upstream up(site, receiver.endpoint(), "csv", 50);  // the file form

  auto ok = site.published(site.penalty({{"CF_WSH", "殷市监罚〔2024〕R1号"}}));
  // Two records from a 数据来源单位 the platform has not registered: refused.
  auto unit_later =
      site.published(site.penalty({{"CF_WSH", "殷市监罚〔2024〕R2号"}, {"CF_SJLYDM", kOtherUnit}}));
  auto wrong_unit =
      site.published(site.penalty({{"CF_WSH", "殷市监罚〔2024〕R3号"}, {"CF_SJLYDM", kOtherUnit}}));
  BOOST_REQUIRE_MESSAGE(wait_until([&] {
                          const auto items = up.changes();
                          std::size_t settled = 0;
                          for (const auto& c : items) settled += text(c, "status") != "pending";
                          return items.size() == 3 && settled == 3;
                        }),
                        boost::json::serialize(up.changes()) << " " << queue_state(site));
  const auto refused = up.changes("?status=refused");
  BOOST_REQUIRE_EQUAL(refused.size(), 2u);
  for (const auto& c : refused) {
    BOOST_TEST(text(c, "last_error").find("未在本平台登记") != std::string::npos);
  }
  BOOST_TEST(receiver.received().size() == 1u);
  BOOST_TEST(text(receiver.received().at(0), "form") == "csv");

  // The reconciliation shows each gap with the records behind it.
  auto rep = up.report("2024-07");
  BOOST_TEST(rep.at("total").at("published").as_int64() == 4);
  BOOST_TEST(rep.at("total").at("acknowledged").as_int64() == 1);
  BOOST_TEST(rep.at("total").at("refused").as_int64() == 2);
  BOOST_TEST(rep.at("total").at("not_sent").as_int64() == 1);
  std::map<std::int64_t, std::string> gap_of;
  for (const auto& g : rep.at("gaps").as_array()) {
    gap_of[g.at("record_id").as_int64()] = text(g, "status");
  }
  BOOST_TEST(gap_of[early.at("id").as_int64()] == "not_sent");
  BOOST_TEST(gap_of[unit_later.at("id").as_int64()] == "refused");
  BOOST_TEST(gap_of[wrong_unit.at("id").as_int64()] == "refused");
  BOOST_TEST(gap_of.count(ok.at("id").as_int64()) == 0u);
  // The command line prints the same reconciliation.
  const auto [code, printed] = run_cli_output(
      {"report", "upstream", "--db", site.tdb.url, "--region", "410505", "--month", "2024-07",
       "--schemas", std::string(GONGSHI_SOURCE_DIR) + "/schemas", "--rules",
       std::string(GONGSHI_SOURCE_DIR) + "/rules_lua", "--plugins", GONGSHI_PLUGIN_DIR});
  BOOST_TEST(code == 0);
  BOOST_TEST(printed.find("被拒收") != std::string::npos);
  BOOST_TEST(printed.find("殷市监罚〔2024〕R3号") != std::string::npos);
  BOOST_TEST(printed.find("未报送") != std::string::npos);

  // Fixed on the receiving side (the unit registered there), then resent by the 信用办.
  std::int64_t unit_later_change = 0, wrong_unit_change = 0;
  std::string unit_later_key;
  for (const auto& c : refused) {
    if (c.at("record_id").as_int64() == unit_later.at("id").as_int64()) {
      unit_later_change = c.at("id").as_int64();
      unit_later_key = text(c, "idempotency_key");
    } else {
      wrong_unit_change = c.at("id").as_int64();
    }
  }
  BOOST_REQUIRE(unit_later_change != 0 && wrong_unit_change != 0);
  receiver.stop();
  receiver.register_units({"11230500001755309F", kOtherUnit});
  receiver.start();
  auto resent =
      site.call("POST", "/api/v1/upstream/changes/" + std::to_string(unit_later_change) + "/resend",
                "office");
  BOOST_REQUIRE_MESSAGE(resent.status == 201, resent.body);
  BOOST_TEST(text(json_of(resent), "idempotency_key") != unit_later_key);
  BOOST_TEST(text(json_of(resent), "idempotency_key").size() ==
             std::string("gongshi-410505-").size() + 32);
  // A department cannot, and a change not refused is not resent.
  BOOST_TEST(site.call("POST",
                       "/api/v1/upstream/changes/" + std::to_string(wrong_unit_change) + "/resend",
                       "admin")
                 .status == 403);
  BOOST_TEST(site.call("POST",
                       "/api/v1/upstream/changes/" + std::to_string(unit_later_change) + "/resend",
                       "office")
                 .status == 409);

  // Fixed in the record: the department corrects its 数据来源单位, and the correction goes up.
  site.took(wrong_unit, "amend", "admin", "数据来源单位代码填错",
            {{"fields", {{"CF_SJLYDM", "11230500001755309F"}}}});
  // And the record published before the target: backfilled.
  auto queued =
      site.call("POST", "/api/v1/upstream/targets/" + std::to_string(up.target) + "/backfill",
                "office", R"({"from":"2024-07-01","to":"2024-07-31"})");
  BOOST_REQUIRE_EQUAL(queued.status, 200);
  BOOST_TEST(json_of(queued).at("queued").as_int64() == 1);

  BOOST_REQUIRE_MESSAGE(wait_until([&] {
                          const auto r = up.report("2024-07");
                          return r.at("total").at("acknowledged").as_int64() == 4;
                        }),
                        boost::json::serialize(up.report("2024-07")));
  rep = up.report("2024-07");
  BOOST_TEST(rep.at("gaps").as_array().empty());
  std::map<std::string, std::vector<std::string>> trail;
  for (const auto& r : receiver.received()) {
    trail[penalty_no(r)].push_back(text(r, "change"));
  }
  BOOST_TEST((trail["殷市监罚〔2024〕R0号"] == std::vector<std::string>{"published"}));
  BOOST_TEST((trail["殷市监罚〔2024〕R2号"] == std::vector<std::string>{"published"}));
  BOOST_TEST((trail["殷市监罚〔2024〕R3号"] == std::vector<std::string>{"corrected"}));
  BOOST_TEST(up.changes("?status=resent").size() == 1u);
}

// A target on an internal network is refused unless the operator allows its range: the server
// must not be made to push records to its own host, the cloud metadata address or the LAN.
BOOST_AUTO_TEST_CASE(internal_upstream_endpoints_are_refused_unless_allowed) {
  ::setenv("GONGSHI_UPSTREAM_KEY", kKey, 1);
  const auto add = [](Site& site, const std::string& endpoint) {
    return site.call("POST", "/api/v1/upstream/targets", "sysadmin",
                     boost::json::serialize(boost::json::object{{"region", "410505"},
                                                                {"name", "上级平台"},
                                                                {"format", "json"},
                                                                {"endpoint", endpoint}}));
  };
  {
    Site site;
    for (const std::string endpoint :
         {"http://127.0.0.1:9/", "http://localhost:8090/in", "http://169.254.169.254/latest",
          "http://0.0.0.0:80/", "http://10.1.2.3/in", "http://192.168.1.20:8090/",
          "http://172.16.0.5/", "http://[::1]:8090/", "http://[::ffff:127.0.0.1]/",
          "http://2130706433/", "http://100.64.0.1/"}) {
      const auto r = add(site, endpoint);
      BOOST_TEST(r.status == 400, endpoint << " → " << r.status << " " << r.body);
      BOOST_TEST(r.body.find("--upstream-allow") != std::string::npos, r.body);
      BOOST_TEST(r.body.find("endpoint") != std::string::npos, r.body);
    }
    auto listed = site.call("GET", "/api/v1/upstream/targets?region=410505", "sysadmin");
    BOOST_TEST(json_of(listed).at("items").as_array().empty());
  }
  {
    // docs/upstream.md's example: a province's platform on 10.1.0.0/16.
    Site site({"--upstream-allow", "10.1.0.0/16"});
    BOOST_TEST(add(site, "http://10.1.2.3:8090/upstream/v1/changes").status == 201);
    BOOST_TEST(add(site, "http://10.2.0.1/").status == 400);
    BOOST_TEST(add(site, "http://127.0.0.1:9/").status == 400);
  }
}
