// Imports (CSV and XLSX with bad rows, as jobs with progress and an XLSX of the refused rows), the
// templates, webhook delivery with retries to a receiver that fails at first, and a graceful stop.
#include <unistd.h>

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <fstream>
#include <mutex>
#include <thread>

#include "engine/exchange/table_reader.hpp"
#include "engine/exchange/xlsx_writer.hpp"
#include "engine/model/fields.hpp"
#include "engine/model/header_codec.hpp"
#include "engine/service/webhook_service.hpp"
#include "engine/store/import_repo.hpp"
#include "import_rows.hpp"
#include "server/http_server.hpp"
#include "server_fixture.hpp"
#include "silent_receiver.hpp"
#include "webhook_receiver.hpp"

namespace gongshi::test {
namespace {

using boost::json::object;

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

object wait_for_job(Site& site, std::int64_t id) {
  for (int i = 0; i < 600; ++i) {
    auto job = json_of(site.call("GET", "/api/v1/imports/" + std::to_string(id), "filler"));
    if (job.at("status").as_string() != "running") return job.as_object();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  BOOST_FAIL("the import job did not finish");
  return {};
}

BOOST_AUTO_TEST_SUITE(exchange)

BOOST_AUTO_TEST_CASE(csv_import_with_bad_rows) {
  Site site;
  std::string csv = "\xEF\xBB\xBF" + csv_line(template_headers(RecordKind::penalty));
  for (int i = 1; i <= 12; ++i) {
    std::map<std::string, std::string> changes;
    if (i == 4) changes["CF_XDR_SHXYM"] = "91410505MA9K3W8L7A";  // wrong check character
    if (i == 9) changes["CF_JDRQ"] = "2024-02-30";
    if (i == 11) changes["CF_SY"] = "经查，当事人\n多次销售\"过期\"食品。";  // quoted, multi-line
    csv += csv_line(penalty_row("殷市监罚〔2024〕10" + std::to_string(i) + "号", changes));
  }
  auto up = site.call("POST", "/api/v1/imports?kind=penalty&filename=%E4%B8%89%E6%9C%88.csv",
                      "filler", csv, {{"Content-Type", "text/csv"}});
  BOOST_TEST(up.status == 202, up.body);
  BOOST_TEST(up.headers["location"].find("/api/v1/imports/") == 0);
  auto job = wait_for_job(site, json_of(up).at("id").as_int64());
  BOOST_TEST(job.at("status").as_string() == "done");
  BOOST_TEST(job.at("file_name").as_string() == "三月.csv");
  BOOST_TEST(job.at("rows_total").as_int64() == 12);
  BOOST_TEST(job.at("rows_done").as_int64() == 12);
  BOOST_TEST(job.at("rows_ok").as_int64() == 10);
  BOOST_TEST(job.at("rows_failed").as_int64() == 2);
  // The message counts the last batch too (it once said 成功 0 行 beside rows_ok 10).
  BOOST_TEST(job.at("message").as_string() == "导入完成：成功 10 行，失败 2 行");
  BOOST_TEST(site.count("records") == 10);
  auto errors = json_of(site.call(
      "GET", "/api/v1/imports/" + std::to_string(job.at("id").as_int64()) + "/errors", "filler"));
  std::set<std::string> where;
  for (const auto& e : errors.at("items").as_array()) {
    where.insert(std::to_string(e.at("row").as_int64()) + ":" +
                 std::string(e.at("field").as_string()));
  }
  // Rows count from the header (1); row 11 spans two lines but is one row.
  BOOST_TEST(where.count("5:CF_XDR_SHXYM") == 1u);
  BOOST_TEST(where.count("10:CF_JDRQ") == 1u);
  // The same refused rows as XLSX, readable by the project's own reader.
  auto x = site.call("GET", std::string(job.at("errors_xlsx").as_string()), "filler");
  BOOST_TEST(x.status == 200);
  BOOST_TEST(x.headers["content-disposition"].find("attachment") == 0);
  const auto file = std::filesystem::temp_directory_path() / "gongshi-errors-test.xlsx";
  std::ofstream(file, std::ios::binary) << x.body;
  auto reader = open_xlsx(file);
  BOOST_REQUIRE(reader.ok());
  std::vector<std::string> cells;
  BOOST_REQUIRE((*reader)->next(cells).value());
  BOOST_TEST(cells.at(0) == "行号");
  int rows = 0;
  while ((*reader)->next(cells).value()) {
    ++rows;
    BOOST_TEST(!cells.at(3).empty());
  }
  BOOST_TEST(rows == static_cast<int>(errors.at("items").as_array().size()));
  std::filesystem::remove(file);
  // Importing the same file again stores nothing new: every row is a repeat.
  auto again = site.call("POST", "/api/v1/imports?kind=penalty", "filler", csv);
  auto job2 = wait_for_job(site, json_of(again).at("id").as_int64());
  BOOST_TEST(job2.at("rows_ok").as_int64() == 10);
  BOOST_TEST(site.count("records") == 10);
}

BOOST_AUTO_TEST_CASE(xlsx_import_with_bad_rows_and_wrong_headers) {
  Site site;
  const auto dir = std::filesystem::temp_directory_path();
  const auto file = dir / ("gongshi-import-test-" + std::to_string(::getpid()) + ".xlsx");
  {
    auto w = XlsxWriter::create(file);
    BOOST_REQUIRE(w.ok());
    BOOST_REQUIRE((*w)->add_sheet("行政处罚", template_headers(RecordKind::penalty)).ok());
    for (int i = 1; i <= 6; ++i) {
      std::map<std::string, std::string> changes;
      if (i == 2) changes["CF_CFJGDM"] = "123";
      if (i == 6) changes["CF_JDRQ"] = "45476";  // an Excel date serial: 2024-07-03
      BOOST_REQUIRE(
          (*w)->write_row(penalty_row("殷市监罚〔2024〕20" + std::to_string(i) + "号", changes))
              .ok());
    }
    BOOST_REQUIRE((*w)->close().ok());
  }
  auto up = site.call("POST", "/api/v1/imports?kind=penalty&filename=t.xlsx", "filler",
                      read_file(file), {{"Content-Type", "application/octet-stream"}});
  BOOST_TEST(up.status == 202, up.body);
  auto job = wait_for_job(site, json_of(up).at("id").as_int64());
  BOOST_TEST(job.at("status").as_string() == "done");
  BOOST_TEST(job.at("rows_total").as_int64() == 6);
  BOOST_TEST(job.at("rows_ok").as_int64() == 5);
  BOOST_TEST(job.at("rows_failed").as_int64() == 1);
  BOOST_TEST(job.at("message").as_string() == "导入完成：成功 5 行，失败 1 行");
  auto list = json_of(site.call("GET", "/api/v1/records?limit=100", "filler"));
  bool serial_read = false;
  for (const auto& r : list.at("items").as_array()) {
    if (r.at("document_no").as_string() == "殷市监罚〔2024〕206号") {
      serial_read = r.at("decision_date").as_string() == "2024-07-03";
    }
  }
  BOOST_TEST(serial_read);
  // A license file uploaded as penalties: the headers do not match, the job fails with why.
  const auto wrong = dir / ("gongshi-import-wrong-" + std::to_string(::getpid()) + ".csv");
  std::ofstream(wrong) << csv_line(template_headers(RecordKind::license));
  auto bad = site.call("POST", "/api/v1/imports?kind=penalty", "filler", read_file(wrong));
  auto failed = wait_for_job(site, json_of(bad).at("id").as_int64());
  BOOST_TEST(failed.at("status").as_string() == "failed");
  BOOST_TEST(!failed.at("message").as_string().empty());
  BOOST_TEST(site.count("records") == 5);
  BOOST_TEST(site.call("POST", "/api/v1/imports?kind=penalty", "filler", "").status == 400);
  BOOST_TEST(site.call("POST", "/api/v1/imports?kind=other", "filler", "a").status == 400);
  std::filesystem::remove(file);
  std::filesystem::remove(wrong);
}

BOOST_AUTO_TEST_CASE(templates_have_the_standard_headers) {
  Site site;
  for (auto kind : {RecordKind::license, RecordKind::penalty}) {
    auto r = site.call("GET", "/api/v1/templates/" + std::string(to_string(kind)) + ".xlsx");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.headers["content-type"].find("spreadsheetml") != std::string::npos);
    const auto file = std::filesystem::temp_directory_path() / "gongshi-template-test.xlsx";
    std::ofstream(file, std::ios::binary) << r.body;
    auto reader = open_xlsx(file);
    BOOST_REQUIRE(reader.ok());
    std::vector<std::string> header;
    BOOST_REQUIRE((*reader)->next(header).value());
    BOOST_TEST(header == template_headers(kind), boost::test_tools::per_element());
    std::filesystem::remove(file);
  }
  BOOST_TEST(site.call("GET", "/api/v1/templates/other.xlsx").status == 400);
}

BOOST_AUTO_TEST_CASE(webhooks_retry_until_delivered) {
  Site site({"--webhook-allow", "127.0.0.1"});  // the receiver is on loopback
  Receiver receiver;
  const std::string secret = "a-secret-of-32-characters-000000";
  auto sub = site.call("POST", "/api/v1/webhooks", "admin",
                       boost::json::serialize(object{
                           {"url", "http://127.0.0.1:" + std::to_string(receiver.port) + "/hook"},
                           {"events", {"record.submit"}},
                           {"secret", secret}}));
  BOOST_TEST(sub.status == 201, sub.body);
  BOOST_TEST(sub.body.find(secret) == std::string::npos);  // the secret is never shown again
  auto rec = site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕91号"}}));
  rec = site.took(rec, "submit", "filler");
  // Attempts at once, then after 1 s and 2 s: three in all, the third delivered.
  for (int i = 0; i < 200 && receiver.count() < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  BOOST_REQUIRE(receiver.count() == 3u);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  BOOST_TEST(receiver.count() == 3u);  // nothing more after success; `create` not subscribed
  const auto& first = receiver.seen.front();
  for (const auto& s : receiver.seen) {
    BOOST_TEST(s.idempotency_key == first.idempotency_key);  // the same key on every retry
    BOOST_TEST(s.event == "record.submit");
    BOOST_TEST(s.signature == gongshi::webhook_signature(secret, s.timestamp, s.body));
  }
  BOOST_TEST(first.body.find("\"state\":\"submitted\"") != std::string::npos);
  const std::string deliveries_path =
      "/api/v1/webhooks/" + std::to_string(json_of(sub).at("id").as_int64()) + "/deliveries";
  const auto latest = [&] {
    return json_of(site.call("GET", deliveries_path, "admin")).at("items").at(0).as_object();
  };
  auto done = latest();
  for (int i = 0; i < 40 && done.at("status").as_string() != "delivered"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    done = latest();
  }
  BOOST_TEST(done.at("status").as_string() == "delivered");
  BOOST_TEST(done.at("attempts").as_int64() == 3);
  BOOST_TEST(done.at("last_status").as_int64() == 200);
  BOOST_TEST(done.at("idempotency_key").as_string() == first.idempotency_key);
  // Another department's admin does not see the subscription.
  BOOST_TEST(site.call("GET", deliveries_path, "other_admin").status == 404);
}

BOOST_AUTO_TEST_CASE(a_receiver_that_never_answers_holds_only_its_share_of_the_slots) {
  // Four slots, two per subscription: the silent receiver's deliveries wait for its 10 s
  // timeouts in two slots while the healthy receiver gets every one of its deliveries at once.
  Site site({"--webhook-concurrency", "4", "--webhook-per-subscription", "2", "--webhook-allow",
             "127.0.0.1"});
  SilentReceiver silent;
  Receiver healthy;
  healthy.failures = 0;
  for (const auto& [url, secret] :
       {std::pair{"http://127.0.0.1:" + std::to_string(silent.port) + "/",
                  "silent-secret-0123456789"},
        std::pair{"http://127.0.0.1:" + std::to_string(healthy.port) + "/",
                  "healthy-secret-0123456789"}}) {
    auto sub = site.call("POST", "/api/v1/webhooks", "admin",
                         boost::json::serialize(object{{"url", url}, {"secret", secret}}));
    BOOST_REQUIRE_MESSAGE(sub.status == 201, sub.body);
  }
  constexpr std::size_t kRecords = 8;
  for (std::size_t i = 0; i < kRecords; ++i) {
    site.create(
        site.penalty({{"CF_WSH", ("殷市监罚〔2024〕7" + std::to_string(i) + "号").c_str()}}));
  }
  const auto started = std::chrono::steady_clock::now();
  // Waits at most 8 s, inside the silent receiver's 10 s timeout: only a slot that silent
  // receiver never took can have carried the healthy deliveries.
  while (healthy.count() < kRecords &&
         std::chrono::steady_clock::now() - started < std::chrono::seconds(8)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  BOOST_TEST(healthy.count() == kRecords);
  BOOST_TEST(silent.accepted <= 2u);
}

BOOST_AUTO_TEST_CASE(two_servers_on_one_database_deliver_each_webhook_once) {
  Site site({"--webhook-allow", "127.0.0.1"});
  Receiver receiver;
  receiver.failures = 0;
  // A second process on the same database, with its own sweeper and dispatcher.
  auto args = Site::serve_args(site.tdb.url, "600");
  args.insert(args.end(), {"--webhook-allow", "127.0.0.1"});
  ServerProcess second(args);
  auto sub = site.call("POST", "/api/v1/webhooks", "office",
                       boost::json::serialize(object{
                           {"url", "http://127.0.0.1:" + std::to_string(receiver.port) + "/"},
                           {"secret", "0123456789abcdef0123"}}));
  BOOST_REQUIRE(sub.status == 201);
  const std::string token = site.as("filler");
  for (int i = 1; i <= 15; ++i) {
    const auto body = site.penalty(
        {{"CF_WSH", boost::json::value("殷市监罚〔2024〕3" + std::to_string(i) + "0号")}});
    // Alternate the servers: both write, both dispatch.
    auto r = (i % 2 ? *site.server : second).call("POST", "/api/v1/records", token, body);
    BOOST_REQUIRE(r.status == 201);
  }
  for (int i = 0; i < 200 && receiver.count() < 15; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  std::lock_guard lock(receiver.mu);
  std::set<std::string> keys;
  for (const auto& s : receiver.seen) keys.insert(s.idempotency_key);
  BOOST_TEST(receiver.seen.size() == 15u);
  BOOST_TEST(keys.size() == 15u);
  BOOST_TEST(second.stop() == 0);
}

BOOST_AUTO_TEST_CASE(stop_lets_requests_in_flight_finish) {
  Site site;
  // Adding a user hashes its password (argon2id, tens of milliseconds): stop the server while
  // it is being answered; the answer still arrives whole.
  site.as("admin");
  std::optional<server::ClientResponse> answer;
  std::thread client([&] {
    answer = site.call("POST", "/api/v1/users", "admin",
                       R"({"login":"late","password":"password-9","department_id":)" +
                           std::to_string(site.market) + R"(,"roles":["filler"]})");
  });
  bool in_flight = false;
  for (int i = 0; i < 400 && !in_flight; ++i) {
    auto m = site.call("GET", "/metrics");
    in_flight = m.body.find("gongshi_http_in_flight 2") != std::string::npos;
  }
  site.server->signal_term();
  client.join();
  BOOST_TEST(in_flight);
  BOOST_REQUIRE(answer.has_value());
  BOOST_TEST(answer->status == 201);
  BOOST_TEST(site.server->stop(false) == 0);
}

BOOST_AUTO_TEST_CASE(a_restart_fails_the_jobs_a_crash_left_running_and_clears_the_work_dir) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("gongshi-workdir-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  Site site({"--work-dir", dir.string()});
  site.server.reset();  // as if it had crashed during the jobs below
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  const auto touch = [&](const std::string& name) {
    std::ofstream(dir / name) << "名称,代码\n";
    return (dir / name).string();
  };
  const std::string dead_file = touch("gongshi-import-dead");
  const std::string old_upload = touch("gongshi-upload-old");
  const std::string new_upload = touch("gongshi-upload-new");
  std::filesystem::last_write_time(
      old_upload, std::filesystem::file_time_type::clock::now() - std::chrono::hours(2));
  std::int64_t dead = 0, elsewhere = 0;
  auto made = in_transaction<std::monostate>(*site.tdb.db, [&](Tx& tx) -> Status {
    ImportJob j;
    j.region = "410505";
    j.department_id = site.market;
    j.user_login = "filler";
    j.kind = "penalty";
    j.file_name = "处罚.csv";
    j.status = "running";
    j.message = "";
    j.created_at = "2024-07-05T01:00:00Z";
    j.worker = std::string(host) + ":999999999";  // no such process
    j.work_file = dead_file;
    auto a = insert_import_job(tx, j);
    if (!a) return a.error();
    dead = *a;
    j.worker = "another-host:1";  // another server's: it recovers its own
    j.work_file.clear();
    auto b = insert_import_job(tx, j);
    if (!b) return b.error();
    elsewhere = *b;
    return ok_status();
  });
  BOOST_REQUIRE(made.ok());
  auto args = Site::serve_args(site.tdb.url, "600");
  args.push_back("--work-dir");
  args.push_back(dir.string());
  site.server = std::make_unique<ServerProcess>(args);
  site.token.clear();
  auto job = json_of(site.call("GET", "/api/v1/imports/" + std::to_string(dead), "filler"));
  BOOST_TEST(job.at("status").as_string() == "failed");
  BOOST_TEST(job.at("message").as_string().find("重新上传") != std::string::npos);
  BOOST_TEST(json_of(site.call("GET", "/api/v1/imports/" + std::to_string(elsewhere), "filler"))
                 .at("status")
                 .as_string() == "running");
  BOOST_TEST(!std::filesystem::exists(dead_file));
  BOOST_TEST(!std::filesystem::exists(old_upload));
  BOOST_TEST(std::filesystem::exists(new_upload));  // it may still be arriving
  site.server.reset();
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(an_upload_is_refused_before_its_body_and_a_cut_off_one_leaves_nothing) {
  namespace asio = boost::asio;
  const auto dir =
      std::filesystem::temp_directory_path() / ("gongshi-uploads-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  Site site({"--work-dir", dir.string()});
  const std::string base = site.server->base();
  const auto port = static_cast<unsigned short>(std::stoi(base.substr(base.rfind(':') + 1)));
  const auto uploads = [&] {
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      n += e.path().filename().string().starts_with("gongshi-upload-") ? 1 : 0;
    }
    return n;
  };
  asio::io_context io;
  const auto connect = [&] {
    asio::ip::tcp::socket s(io);
    s.connect({asio::ip::address_v4::loopback(), port});
    return s;
  };
  const auto head = [](const std::string& auth) {
    return "POST /api/v1/imports?kind=penalty HTTP/1.1\r\nHost: x\r\nContent-Length: 20971520\r\n" +
           auth + "Expect: 100-continue\r\n\r\n";
  };
  // Anonymous: answered 401 at once, without 100 Continue and without reading the 20 MiB.
  {
    auto s = connect();
    asio::write(s, asio::buffer(head("")));
    std::string answer(256, '\0');
    const auto n = s.read_some(asio::buffer(answer));
    answer.resize(n);
    BOOST_TEST(answer.starts_with("HTTP/1.1 401"), answer);
    BOOST_TEST(uploads() == 0);
  }
  // Signed in, cut off after 1 MiB of 20: nothing stays in the work directory.
  {
    auto s = connect();
    asio::write(s, asio::buffer(head("Authorization: Bearer " + site.as("filler") + "\r\n")));
    std::string answer(256, '\0');
    answer.resize(s.read_some(asio::buffer(answer)));
    BOOST_TEST(answer.starts_with("HTTP/1.1 100"), answer);
    const std::string part(1u << 20, 'a');
    asio::write(s, asio::buffer(part));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    BOOST_TEST(uploads() == 1);  // being received
    s.close();
  }
  for (int i = 0; i < 50 && uploads() != 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  BOOST_TEST(uploads() == 0);
  site.server.reset();
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace gongshi::test
