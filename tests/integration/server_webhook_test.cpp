// Webhooks as an attacker with an admin account would use them: subscriptions to the server itself
// or the networks behind it are refused unless the operator allow-lists them, and checked again at
// delivery; the deliveries list never echoes the socket's error; a deactivated subscription
// receives nothing more.
#include <chrono>
#include <thread>

#include "server_fixture.hpp"
#include "webhook_receiver.hpp"

namespace gongshi::test {
namespace {

using boost::json::object;

std::string hook(const std::string& url) {
  return boost::json::serialize(object{{"url", url}, {"secret", "0123456789abcdef0123"}});
}

std::string deliveries_of(const server::ClientResponse& sub) {
  return "/api/v1/webhooks/" + std::to_string(json_of(sub).at("id").as_int64()) + "/deliveries";
}

// Waits until the subscription has `n` deliveries with at least one attempt; returns them.
boost::json::array attempted(Site& site, const std::string& path, std::size_t n) {
  boost::json::array items;
  for (int i = 0; i < 100; ++i) {
    items = json_of(site.call("GET", path, "admin")).at("items").as_array();
    std::size_t tried = 0;
    for (const auto& d : items) tried += d.at("attempts").as_int64() > 0 ? 1 : 0;
    if (tried >= n) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return items;
}

BOOST_AUTO_TEST_SUITE(webhook_targets)

BOOST_AUTO_TEST_CASE(internal_addresses_are_refused_unless_allowed) {
  Site site;
  // Each of these reached the server's own loopback or a private network before.
  for (const std::string url :
       {"http://127.0.0.1:9/hook", "http://localhost:9/", "http://LocalHost./",
        "http://a.b.localhost/", "http://127.1:9/", "http://2130706433:9/", "http://0x7f.1/",
        "http://0.0.0.0:9/", "http://[::1]:9/", "http://[::ffff:127.0.0.1]/", "http://10.0.0.1/",
        "http://192.168.1.10:8080/", "http://172.20.0.5/",
        "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/", "http://[fe80::1]/",
        "http://[fd00::1]/", "http://224.0.0.1/"}) {
    BOOST_TEST_CONTEXT(url) {
      auto r = site.call("POST", "/api/v1/webhooks", "admin", hook(url));
      BOOST_TEST(r.status == 400);
      BOOST_TEST(r.body.find("internal network") != std::string::npos, r.body);
      BOOST_TEST(r.body.find("内部网络") != std::string::npos);
    }
  }
  auto userinfo =
      site.call("POST", "/api/v1/webhooks", "admin", hook("http://user:pass@93.184.216.34/"));
  BOOST_TEST(userinfo.status == 400);
  BOOST_TEST(userinfo.body.find("user name or password") != std::string::npos, userinfo.body);
  auto unresolvable =
      site.call("POST", "/api/v1/webhooks", "admin", hook("http://no-such-host.invalid/"));
  BOOST_TEST(unresolvable.status == 400);
  BOOST_TEST(unresolvable.body.find("cannot resolve") != std::string::npos, unresolvable.body);
  BOOST_TEST(json_of(site.call("GET", "/api/v1/webhooks", "admin")).at("items").as_array().empty());
  // A public address is accepted.
  BOOST_TEST(
      site.call("POST", "/api/v1/webhooks", "admin", hook("http://93.184.216.34/hook")).status ==
      201);

  // The operator's allow-list lets exactly its ranges through; a password in the URL never.
  Site allowed({"--webhook-allow", "127.0.0.1,10.1.0.0/16"});
  BOOST_TEST(
      allowed.call("POST", "/api/v1/webhooks", "admin", hook("http://127.0.0.1:9/")).status == 201);
  BOOST_TEST(allowed.call("POST", "/api/v1/webhooks", "admin", hook("http://10.1.2.3/")).status ==
             201);
  BOOST_TEST(allowed.call("POST", "/api/v1/webhooks", "admin", hook("http://10.2.0.1/")).status ==
             400);
  BOOST_TEST(allowed.call("POST", "/api/v1/webhooks", "admin", hook("http://[::1]:9/")).status ==
             400);
  BOOST_TEST(
      allowed.call("POST", "/api/v1/webhooks", "admin", hook("http://u:p@127.0.0.1:9/")).status ==
      400);
}

BOOST_AUTO_TEST_CASE(a_bad_allow_list_stops_the_server_from_starting) {
  TestDb tdb;
  auto args = Site::serve_args(tdb.url, "600");
  args.insert(args.end(), {"--webhook-allow", "10.0.0.0/99"});
  BOOST_TEST(run_cli(args) != 0);
}

BOOST_AUTO_TEST_CASE(the_address_is_checked_again_when_delivering) {
  Site site({"--webhook-allow", "127.0.0.1"});
  Receiver receiver;
  receiver.failures = 0;
  auto sub = site.call("POST", "/api/v1/webhooks", "admin",
                       hook("http://127.0.0.1:" + std::to_string(receiver.port) + "/"));
  BOOST_REQUIRE_MESSAGE(sub.status == 201, sub.body);
  site.as("filler");
  // The operator takes loopback off the list (or the name now resolves inside): the same
  // subscription's deliveries are not sent.
  site.server = std::make_unique<ServerProcess>(Site::serve_args(site.tdb.url, "600"));
  site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕801号"}}));
  const auto items = attempted(site, deliveries_of(sub), 1);
  BOOST_REQUIRE(items.size() == 1u);
  BOOST_TEST(items[0].at("status").as_string() == "pending");  // tried again later, still refused
  BOOST_TEST(std::string(items[0].at("last_error").as_string()).find("internal network") !=
             std::string::npos);
  BOOST_TEST(receiver.count() == 0u);
}

// The administrator (region 000000) and a city's staff subscribe for a department of a region
// below theirs by naming it; the `region` field used to be ignored (400: no such department).
BOOST_AUTO_TEST_CASE(an_administrator_subscribes_for_a_region_below) {
  Site site({"--webhook-allow", "127.0.0.1"});
  auto body = object{{"url", "http://127.0.0.1:9/"},
                     {"secret", "0123456789abcdef0123"},
                     {"region", "410505"},
                     {"department_id", site.market}};
  for (const std::string who : {"root", "sysadmin"}) {
    auto sub = site.call("POST", "/api/v1/webhooks", who, boost::json::serialize(body));
    BOOST_REQUIRE_MESSAGE(sub.status == 201, who << ": " << sub.body);
    BOOST_TEST(json_of(sub).at("region").as_string() == "410505");
    BOOST_TEST(json_of(sub).at("department_id").as_int64() == site.market);
    // Each lists what it made; the department's admin sees it too, as its department's.
    const auto id = json_of(sub).at("id").as_int64();
    for (const std::string& viewer : {who, std::string("admin")}) {
      bool listed = false;
      const auto list = json_of(site.call("GET", "/api/v1/webhooks", viewer));
      for (const auto& s : list.at("items").as_array())
        listed = listed || s.at("id").as_int64() == id;
      BOOST_TEST(listed, viewer);
    }
  }
  // A region the caller does not cover is refused; so is the department in the wrong region.
  body["region"] = "410122";
  BOOST_TEST(
      site.call("POST", "/api/v1/webhooks", "sysadmin", boost::json::serialize(body)).status ==
      403);
  body["region"] = "410500";
  BOOST_TEST(site.call("POST", "/api/v1/webhooks", "root", boost::json::serialize(body)).status ==
             400);
}

BOOST_AUTO_TEST_CASE(connection_errors_are_not_echoed) {
  Site site({"--webhook-allow", "127.0.0.1"});
  // Port 9 (discard) is closed here: the socket says "Connection refused"; the list must not.
  auto sub = site.call("POST", "/api/v1/webhooks", "admin", hook("http://127.0.0.1:9/"));
  BOOST_REQUIRE(sub.status == 201);
  site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕802号"}}));
  const auto items = attempted(site, deliveries_of(sub), 1);
  BOOST_REQUIRE(items.size() == 1u);
  const std::string error(items[0].at("last_error").as_string());
  BOOST_TEST(error == "未送达：连接失败或超时 / not delivered: connection failed or timed out");
  BOOST_TEST(items[0].at("last_status").as_int64() == 0);
}

BOOST_AUTO_TEST_CASE(deactivation_cancels_pending_deliveries) {
  Site site({"--webhook-allow", "127.0.0.1"});
  Receiver receiver;
  receiver.failures =
      1'000'000;  // always 503: every delivery stays pending, retried after 1 s, 2 s
  auto sub = site.call("POST", "/api/v1/webhooks", "admin",
                       hook("http://127.0.0.1:" + std::to_string(receiver.port) + "/"));
  BOOST_REQUIRE(sub.status == 201);
  for (int i = 0; i < 3; ++i) {
    site.create(site.penalty(
        {{"CF_WSH", boost::json::value("殷市监罚〔2024〕81" + std::to_string(i) + "号")}}));
  }
  attempted(site, deliveries_of(sub), 3);
  BOOST_REQUIRE(receiver.count() >= 3u);
  const std::string path = "/api/v1/webhooks/" + std::to_string(json_of(sub).at("id").as_int64());
  BOOST_TEST(site.call("DELETE", path, "admin").status == 204);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // an attempt already on its way
  const auto after = receiver.count();
  // Retries were due after 1 s and 2 s: none comes, and a new record is not fanned out to it.
  site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕819号"}}));
  std::this_thread::sleep_for(std::chrono::milliseconds(3000));
  BOOST_TEST(receiver.count() == after);
  const auto items =
      json_of(site.call("GET", path + "/deliveries", "admin")).at("items").as_array();
  BOOST_TEST(items.size() == 3u);
  for (const auto& d : items) BOOST_TEST(d.at("status").as_string() == "cancelled");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace gongshi::test
