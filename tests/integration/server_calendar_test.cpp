// The calendar over HTTP: /healthz degraded when fewer than 45 days of holiday data are left,
// PUT /api/v1/calendar/{year} for the system administrator (and a region's 信用办 for its own
// days), and two server processes both using a year loaded through one of them.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <thread>

#include "server_fixture.hpp"

namespace gongshi::test {
namespace {

std::string test_2027() {
  std::ifstream in(std::filesystem::path(GONGSHI_SOURCE_DIR) /
                   "tests/data/calendar/2027-test.json");
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const char* kDecember = "2026-12-28T09:00:00+08:00";

std::string decided_1228(const Site& site, const char* doc) {
  return site.penalty({{"CF_WSH", doc}, {"CF_JDRQ", "2026-12-28"}, {"CF_YXQ", "2027-12-28"}});
}

BOOST_AUTO_TEST_SUITE(calendar_api)

BOOST_AUTO_TEST_CASE(healthz_is_degraded_then_ok_once_the_next_year_is_loaded) {
  Site site({}, "600", kDecember);
  auto h = json_of(site.call("GET", "/healthz"));
  BOOST_TEST(h.at("status").as_string() == "degraded");
  BOOST_TEST(h.at("calendar_days_ahead").as_int64() == 3);
  BOOST_TEST(std::string(h.at("reasons").at(0).at("message_zh").as_string()).find("2027") !=
             std::string::npos);
  auto m = site.call("GET", "/metrics");
  BOOST_TEST(m.body.find("gongshi_calendar_days_ahead 3\n") != std::string::npos);

  // Only the system administrator loads a national notice.
  BOOST_TEST(site.call("PUT", "/api/v1/calendar/2027", "office", test_2027()).status == 403);
  BOOST_TEST(site.call("PUT", "/api/v1/calendar/2027", "filler", test_2027()).status == 403);
  auto bad = site.call("PUT", "/api/v1/calendar/2027", "sysadmin", "{\"year\": 2027}");
  BOOST_TEST(bad.status == 400);
  auto put = site.call("PUT", "/api/v1/calendar/2027", "sysadmin", test_2027());
  BOOST_REQUIRE_MESSAGE(put.status == 201, put.body);
  BOOST_TEST(json_of(put).at("working_days").as_int64() == 244);
  auto after = json_of(site.call("GET", "/healthz"));
  BOOST_TEST(after.at("status").as_string() == "ok");
  BOOST_TEST(after.at("calendar_days_ahead").as_int64() == 368);
  auto status = json_of(site.call("GET", "/api/v1/calendar", "office"));
  BOOST_TEST(status.at("last_year").as_int64() == 2027);
  BOOST_TEST(status.at("loads").at(0).at("loaded_by").as_string() == "sysadmin");
  // A 信用办 loads its own region's days; not those of another region.
  const std::string days = R"({"region":"410505","year":2027,"holidays":[
      {"name":"测试地区假日","basis":"测试","off":["2027-03-01"],"work":[]}]})";
  BOOST_TEST(site.call("PUT", "/api/v1/calendar/2027?region=410505", "office", days).status == 201);
  BOOST_TEST(site.call("PUT", "/api/v1/calendar/2027?region=410122", "office",
                       R"({"region":"410122","year":2027,"holidays":[]})")
                 .status == 403);
}

BOOST_AUTO_TEST_CASE(a_provisional_record_over_http_and_a_year_loaded_through_another_process) {
  Site site({}, "600", kDecember);
  ServerProcess second(Site::serve_args(site.tdb.url, "600", kDecember));
  auto rec = site.create(decided_1228(site, "殷市监罚〔2026〕90号"));
  BOOST_TEST(rec.at("calendar_provisional").as_bool());
  BOOST_TEST(rec.at("deadlines").at("publish_by").as_string() == "2027-01-04");
  const auto provisional = [&] {
    return json_of(site.call("GET", "/api/v1/records?provisional=true", "office"))
        .at("items")
        .as_array()
        .size();
  };
  BOOST_TEST(provisional() == 1u);
  // The pages' default year and month come from the server's day, not the browser's.
  BOOST_TEST(json_of(site.call("GET", "/api/v1/auth/me", "office")).at("today").as_string() ==
             "2026-12-28");
  // Loaded through the second process …
  auto put = second.call("PUT", "/api/v1/calendar/2027", site.as("sysadmin"), test_2027());
  BOOST_REQUIRE_MESSAGE(put.status == 201, put.body);
  BOOST_TEST(json_of(put).at("recompute").at("changed").as_int64() == 1);
  // … the first one uses it once it synchronises (every 0.3 s here).
  boost::json::object fresh;
  for (int i = 0; i < 100; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    auto h = json_of(site.call("GET", "/healthz"));
    if (h.at("status").as_string() == "ok") break;
  }
  fresh = site.create(decided_1228(site, "殷市监罚〔2026〕91号"));
  BOOST_TEST(!fresh.at("calendar_provisional").as_bool());
  BOOST_TEST(fresh.at("deadlines").at("publish_by").as_string() == "2027-01-05");
  BOOST_TEST(provisional() == 0u);
  // The first record was recomputed: its history shows old → new.
  auto history = json_of(site.call("GET", path_of(rec) + "/history", "office"));
  const auto& events = history.at("events").as_array();
  BOOST_REQUIRE(events.size() == 2u);
  BOOST_TEST(events[1].at("event").as_string() == "recompute_deadlines");
  const auto& change = events[1].at("payload").at("changes").at("publish_by");
  BOOST_TEST(change.at("old").as_string() == "2027-01-04");
  BOOST_TEST(change.at("new").as_string() == "2027-01-05");
  BOOST_TEST(second.stop() == 0);
}

BOOST_AUTO_TEST_CASE(rules_whatif_and_replay_over_http) {
  Site site;
  auto rec = site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕92号"}}));
  std::ifstream in(std::filesystem::path(GONGSHI_SOURCE_DIR) / "rules_lua/410500.lua");
  std::string script((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  script.replace(script.find("publish_working_days = 5,"), 25, "publish_working_days = 7,");
  const std::string path = "/api/v1/rules/410500/whatif?from=2024-07-01&to=2024-07-31";
  const std::vector<std::pair<std::string, std::string>> lua{{"Content-Type", "text/x-lua"}};
  BOOST_TEST(site.call("POST", path, "filler", script, lua).status == 403);
  BOOST_TEST(site.call("POST", "/api/v1/rules/410500/whatif", "city_office", script, lua).status ==
             400);  // no period
  auto w = site.call("POST", path, "city_office", script, lua);
  BOOST_REQUIRE_MESSAGE(w.status == 200, w.body);
  auto report = json_of(w);
  BOOST_TEST(report.at("records").as_int64() == 1);
  BOOST_TEST(report.at("changed_by").at("publish_by").as_int64() == 1);
  auto replay = site.call("GET", path_of(rec) + "/replay", "handler");
  BOOST_REQUIRE_MESSAGE(replay.status == 200, replay.body);
  BOOST_TEST(json_of(replay).at("reproduced").as_bool());
  BOOST_TEST(site.call("GET", path_of(rec) + "/replay", "other_filler").status == 404);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace gongshi::test
