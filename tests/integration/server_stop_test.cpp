// SIGTERM while the server is busy: during an import, a webhook burst to a slow subscriber, a
// what-if and a push to a platform that never answers. Each time `gongshi serve` exits 0 (no
// sanitizer report in the sanitizer build: the stop order joins every thread before anything it
// uses is destroyed), soon, and leaves its work resumable or failed cleanly: nothing in the work
// directory, deliveries and changes still pending for the next start.
#include <soci/soci.h>

#include <chrono>
#include <fstream>
#include <optional>
#include <thread>

#include "engine/model/header_codec.hpp"
#include "engine/store/import_repo.hpp"
#include "import_rows.hpp"
#include "server/http_server.hpp"
#include "server_fixture.hpp"
#include "silent_receiver.hpp"

namespace gongshi::test {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

std::int64_t count_where(Site& site, const std::string& sql) {
  soci::session s(site.tdb.db->pool());
  long long n = 0;
  s << sql, soci::into(n);
  return n;
}

// SIGTERM now; the exit status and how long the stop took.
std::pair<int, Clock::duration> terminate(Site& site) {
  const auto started = Clock::now();
  site.server->signal_term();
  const int status = site.server->stop(false);
  return {status, Clock::now() - started};
}

std::string import_csv(int rows, const std::string& series) {
  std::string csv = "\xEF\xBB\xBF" + csv_line(template_headers(RecordKind::penalty));
  for (int i = 1; i <= rows; ++i) {
    csv += csv_line(penalty_row("殷市监罚〔2024〕" + series + std::to_string(i) + "号"));
  }
  return csv;
}

BOOST_AUTO_TEST_SUITE(stop)

BOOST_AUTO_TEST_CASE(sigterm_during_an_import_fails_the_job_cleanly_and_leaves_nothing) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("gongshi-stop-import-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  Site site({"--work-dir", dir.string()});
  const std::string csv = import_csv(20000, "S");
  auto up = site.call("POST", "/api/v1/imports?kind=penalty", "filler", csv,
                      {{"Content-Type", "text/csv"}});
  BOOST_REQUIRE_MESSAGE(up.status == 202, up.body);
  const auto id = json_of(up).at("id").as_int64();
  const std::string job_path = "/api/v1/imports/" + std::to_string(id);
  // Stop once about 2 000 rows are done.
  std::int64_t done = 0;
  for (int i = 0; i < 1200 && done < 2000; ++i) {
    done = json_of(site.call("GET", job_path, "filler")).at("rows_done").as_int64();
    std::this_thread::sleep_for(25ms);
  }
  BOOST_REQUIRE(done >= 2000);
  const auto [status, took] = terminate(site);
  BOOST_TEST(status == 0);
  BOOST_TEST(took < 10s);
  // The job ended "failed", saying how far it came and what to do; what it stored stays.
  auto job = in_read_transaction<std::optional<ImportJob>>(
      *site.tdb.db, [&](Tx& tx) { return find_import_job(tx, id); });
  BOOST_REQUIRE(job.ok());
  BOOST_REQUIRE(job->has_value());
  const ImportJob& j = **job;
  BOOST_TEST(j.status == "failed");
  BOOST_TEST(j.message.find("重新上传同一文件") != std::string::npos, j.message);
  BOOST_TEST(j.rows_done >= 2000);
  BOOST_TEST(j.rows_done < 20000);
  BOOST_TEST(j.rows_ok == j.rows_done);
  BOOST_TEST(site.count("records") == j.rows_ok);
  BOOST_TEST(!j.finished_at.empty());
  // Nothing is left in the work directory: neither the job's copy nor the upload.
  BOOST_TEST(std::filesystem::is_empty(dir));
  // After a restart the same file goes on: its first rows come back as repeats, not twice.
  auto args = Site::serve_args(site.tdb.url, "600");
  args.insert(args.end(), {"--work-dir", dir.string()});
  site.server = std::make_unique<ServerProcess>(args);
  site.token.clear();
  const std::int64_t before = site.count("records");
  auto again = site.call("POST", "/api/v1/imports?kind=penalty", "filler", import_csv(600, "S"),
                         {{"Content-Type", "text/csv"}});
  BOOST_REQUIRE_MESSAGE(again.status == 202, again.body);
  const std::string again_path =
      "/api/v1/imports/" + std::to_string(json_of(again).at("id").as_int64());
  boost::json::value second;
  for (int i = 0; i < 600; ++i) {
    second = json_of(site.call("GET", again_path, "filler"));
    if (second.at("status").as_string() != "running") break;
    std::this_thread::sleep_for(50ms);
  }
  BOOST_TEST(second.at("status").as_string() == "done");
  BOOST_TEST(second.at("rows_ok").as_int64() == 600);
  BOOST_TEST(site.count("records") == before);
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(sigterm_during_a_webhook_burst_to_a_slow_subscriber) {
  Site site({"--webhook-allow", "127.0.0.1", "--webhook-concurrency", "8"});
  // A subscriber that takes two seconds over each delivery.
  std::atomic<int> arrived{0};
  server::ServerOptions so;
  so.workers = 16;
  server::HttpServer slow(so, [&](server::HttpRequest&) {
    ++arrived;
    std::this_thread::sleep_for(2s);
    return server::HttpResponse{};
  });
  const auto port = slow.listen("127.0.0.1", 0).value();
  std::thread slow_thread([&] { slow.run(2); });
  auto sub = site.call("POST", "/api/v1/webhooks", "office",
                       boost::json::serialize(boost::json::object{
                           {"url", "http://127.0.0.1:" + std::to_string(port) + "/"},
                           {"secret", "0123456789abcdef0123"}}));
  BOOST_REQUIRE_MESSAGE(sub.status == 201, sub.body);
  for (int i = 1; i <= 30; ++i) {
    site.create(site.penalty(
        {{"CF_WSH", boost::json::value("殷市监罚〔2024〕W" + std::to_string(i) + "号")}}));
  }
  for (int i = 0; i < 200 && arrived < 4; ++i) std::this_thread::sleep_for(25ms);
  BOOST_REQUIRE(arrived >= 4);
  const auto [status, took] = terminate(site);
  BOOST_TEST(status == 0);
  // The deliveries in flight finish (two seconds); no new ones are claimed while stopping.
  BOOST_TEST(took < 10s);
  BOOST_TEST(arrived <= 16);
  // What was not delivered waits for the next start.
  BOOST_TEST(count_where(site, "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending'") >
             0);
  slow.stop();
  slow_thread.join();
}

BOOST_AUTO_TEST_CASE(sigterm_during_a_whatif_answers_it_and_exits) {
  Site site;
  for (int i = 1; i <= 30; ++i) {
    site.create(site.penalty(
        {{"CF_WSH", boost::json::value("殷市监罚〔2024〕F" + std::to_string(i) + "号")}}));
  }
  // The city's script, slowed down: each validate() counts to a million first.
  std::ifstream in(std::filesystem::path(GONGSHI_SOURCE_DIR) / "rules_lua/410500.lua");
  std::string script((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  script +=
      "\nlocal inner = validate\n"
      "function validate(r, ctx)\n"
      "  local x = 0\n"
      "  for i = 1, 1000000 do x = x + i end\n"
      "  if inner then return inner(r, ctx) end\n"
      "  return {}\n"
      "end\n";
  site.as("city_office");  // signed in first: the only other request in flight is the what-if
  std::optional<server::ClientResponse> answer;
  std::thread client([&] {
    answer = site.call("POST", "/api/v1/rules/410500/whatif?from=2024-07-01&to=2024-07-31",
                       "city_office", script, {{"Content-Type", "text/x-lua"}});
  });
  bool in_flight = false;
  for (int i = 0; i < 400 && !in_flight; ++i) {
    in_flight =
        site.call("GET", "/metrics").body.find("gongshi_http_in_flight 2") != std::string::npos;
  }
  BOOST_REQUIRE(in_flight);
  const auto [status, took] = terminate(site);
  client.join();
  BOOST_TEST(status == 0);
  BOOST_REQUIRE(answer.has_value());
  BOOST_TEST(answer->status == 200, answer->body.substr(0, 300));
  BOOST_TEST(took < 60s);
}

BOOST_AUTO_TEST_CASE(sigterm_during_a_push_to_a_platform_that_never_answers) {
  ::setenv("GONGSHI_UPSTREAM_KEY", "an-upstream-key-for-the-tests-0123456789", 1);
  SilentReceiver platform;
  Site site({"--upstream-allow", "127.0.0.1", "--upstream-timeout", "4", "--upstream-retry", "1"});
  auto target =
      site.call("POST", "/api/v1/upstream/targets", "sysadmin",
                boost::json::serialize(boost::json::object{
                    {"region", "410505"},
                    {"name", "不答复的上级平台"},
                    {"format", "json"},
                    {"endpoint", "http://127.0.0.1:" + std::to_string(platform.port) + "/in"}}));
  BOOST_REQUIRE_MESSAGE(target.status == 201, target.body);
  site.published(site.penalty({{"CF_WSH", "殷市监罚〔2024〕P1号"}}));
  for (int i = 0; i < 200 && platform.accepted == 0; ++i) std::this_thread::sleep_for(25ms);
  BOOST_REQUIRE(platform.accepted > 0);
  const auto [status, took] = terminate(site);
  BOOST_TEST(status == 0);
  BOOST_TEST(took < 10s);  // the request in flight runs out (4 s); no further batch is sent
  // The change is still there, to be sent after the next start.
  BOOST_TEST(count_where(site, "SELECT COUNT(*) FROM upstream_changes WHERE status = 'pending'") ==
             1);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace gongshi::test
