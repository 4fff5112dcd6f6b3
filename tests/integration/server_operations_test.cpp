// Running gongshi as a service (issue 30): the config file (precedence, refusals with the file's
// line), the schema checks at start, the account policy (an administrator's password changed at
// first sign-in, idle sessions), the security audit trail, one log line per request, and
// `gongshi doctor` failing on each broken precondition.
#include <soci/soci.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <set>
#include <thread>

#include "engine/service/audit_service.hpp"
#include "engine/store/audit_repo.hpp"
#include "engine/store/migrate.hpp"
#include "engine/store/time_text.hpp"
#include "engine/store/upstream_repo.hpp"
#include "server_fixture.hpp"

namespace gongshi::test {
namespace {

namespace fs = std::filesystem;

fs::path temp_dir(const std::string& name) {
  const auto dir =
      fs::temp_directory_path() / ("gongshi-ops-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

fs::path write(const fs::path& p, const std::string& text, int mode = 0600) {
  std::ofstream(p) << text;
  ::chmod(p.c_str(), static_cast<mode_t>(mode));
  return p;
}

std::vector<std::string> common_args() {
  return {"--schemas", std::string(GONGSHI_SOURCE_DIR) + "/schemas",
          "--rules",   std::string(GONGSHI_SOURCE_DIR) + "/rules_lua",
          "--plugins", GONGSHI_PLUGIN_DIR};
}

std::vector<std::string> with_common(std::vector<std::string> args) {
  for (auto& a : common_args()) args.push_back(a);
  return args;
}

// A SQLite database brought to schema version `version` only.
std::string partly_migrated(const fs::path& dir, int version) {
  const std::string url = "sqlite:" + (dir / "partial.db").string();
  auto db = Database::open(url, 1);
  BOOST_REQUIRE(db.ok());
  BOOST_REQUIRE(
      migrate(**db, fs::path(GONGSHI_SOURCE_DIR) / "schemas/sql", system_now(), version).ok());
  return url;
}

BOOST_AUTO_TEST_SUITE(operations)

BOOST_AUTO_TEST_CASE(a_config_file_sets_every_option_and_the_command_line_wins) {
  const auto dir = temp_dir("config");
  const auto conf = write(dir / "gongshi.conf",
                          "# 殷都区 gongshi\n"
                          "[server]\n"
                          "listen = \"127.0.0.1:0\"   ; the command line names another\n"
                          "log_format = \"json\"\n"
                          "[security]\n"
                          "session_idle_minutes = 7\n"
                          "lockout_failures = 3\n"
                          "webhook_allow = [\"127.0.0.1\", \"10.1.0.0/16\"]\n"
                          "secure_cookies = false\n");
  Site site({"--config", conf.string(), "--log-format", "text"});
  const auto me = json_of(site.call("GET", "/api/v1/auth/me", "filler"));
  BOOST_TEST(me.at("idle_minutes").as_int64() == 7);  // from the file
  // The command line's text log, not the file's json.
  const std::string log = site.server->log();
  BOOST_TEST(log.find("request_id=") != std::string::npos, log.substr(0, 300));
  BOOST_TEST(log.find("{\"time\"") == std::string::npos);
  // lockout_failures = 3 from the file: the third wrong password locks.
  for (int i = 0; i < 2; ++i) {
    BOOST_TEST(site.call("POST", "/api/v1/auth/login", "",
                         R"({"login":"reviewer","password":"nope-)" + std::to_string(i) + R"("})")
                   .status == 401);
  }
  BOOST_TEST(
      site.call("POST", "/api/v1/auth/login", "", R"({"login":"reviewer","password":"nope-3"})")
          .status == 429);
}

BOOST_AUTO_TEST_CASE(a_bad_config_file_is_refused_with_its_line_key_and_reason) {
  const auto dir = temp_dir("badconfig");
  const std::string db = "sqlite:" + (dir / "never.db").string();
  const auto refused = [&](const std::string& text, std::vector<std::string> expected) {
    const auto conf = write(dir / "bad.conf", text);
    const auto r = run_cli_full(with_common({"serve", "--config", conf.string(), "--db", db}));
    BOOST_TEST(r.code == 2, text << " → " << r.code << " " << r.err);
    for (const auto& e : expected)
      BOOST_TEST(r.err.find(e) != std::string::npos, e << " in " << r.err);
  };
  refused("listen = \"127.0.0.1:0\"\n\ncolour = \"red\"\n",
          {"bad.conf:3", "colour", "未知的配置项", "unknown key"});
  refused("workers = many\n", {"bad.conf:1", "workers", "值不被接受", "value refused"});
  refused("read_timeout = 0\n", {"bad.conf:1", "read_timeout"});
  refused("workers = 4\nworkers = 8\n", {"bad.conf:2", "workers", "set twice"});
  refused("listen \"127.0.0.1:80\"\n", {"bad.conf:1", "key = value"});
  refused("auto_migrate = yes\n", {"bad.conf:1", "auto_migrate", "true or false"});
  refused("log_format = \"xml\"\n", {"bad.conf:1", "log_format"});
  refused("listen = [\"a\", \"b\"]\n", {"bad.conf:1", "listen", "not a list"});
  refused("db = \"unterminated\n", {"bad.conf:1", "quote"});
  // A secret file others may read is refused, naming it.
  const auto key = write(dir / "upstream.key", std::string(40, 'k') + "\n", 0644);
  refused("upstream_key_file = \"" + key.string() + "\"\n", {"upstream.key", "chmod 600"});
  // Nothing was created.
  BOOST_TEST(!fs::exists(dir / "never.db"));
}

BOOST_AUTO_TEST_CASE(serve_refuses_a_newer_schema_and_asks_for_migrate_on_an_older_one) {
  const auto dir = temp_dir("schema");
  // Older: migrations pending. The server says what to run; --auto-migrate runs them.
  const std::string url = partly_migrated(dir, 10);
  auto older = run_cli_full(with_common({"serve", "--db", url, "--listen", "127.0.0.1:0"}));
  BOOST_TEST(older.code != 0);
  BOOST_TEST(older.err.find("011_operations.sql") != std::string::npos, older.err);
  BOOST_TEST(older.err.find("gongshi migrate") != std::string::npos);
  auto dry = run_cli_full(with_common({"migrate", "--db", url, "--dry-run"}));
  BOOST_TEST(dry.code == 0);
  BOOST_TEST(dry.out.find("pending 011_operations.sql") != std::string::npos, dry.out);
  BOOST_TEST(dry.out.find("schema version 10 of 11, 1 pending") != std::string::npos, dry.out);
  {
    auto args = Site::serve_args(url, "600");
    args.push_back("--auto-migrate");
    ServerProcess migrated(args);
    BOOST_TEST(migrated.call("GET", "/healthz").status == 200);
  }
  // Newer: made by a later release. Refused by serve and by migrate (no downgrades).
  {
    auto db = Database::open(url, 1);
    BOOST_REQUIRE(db.ok());
    soci::session s((*db)->pool());
    s << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, "
         "'099_future.sql', '2030-01-01T00:00:00Z')";
  }
  auto newer = run_cli_full(with_common({"serve", "--db", url, "--listen", "127.0.0.1:0"}));
  BOOST_TEST(newer.code != 0);
  BOOST_TEST(newer.err.find("newer than this program knows (11)") != std::string::npos, newer.err);
  auto downgrade = run_cli_full(with_common({"migrate", "--db", url}));
  BOOST_TEST(downgrade.code != 0);
  BOOST_TEST(downgrade.err.find("no downgrades") != std::string::npos, downgrade.err);
}

BOOST_AUTO_TEST_CASE(a_password_an_administrator_set_is_changed_at_first_sign_in) {
  Site site;
  auto made = site.call("POST", "/api/v1/users", "admin",
                        R"({"login":"newbie","password":"Chushi-mima1","department_id":)" +
                            std::to_string(site.market) + R"(,"roles":["filler"]})");
  BOOST_REQUIRE_MESSAGE(made.status == 201, made.body);
  const auto sign_in = [&](const std::string& password) {
    return site.call(
        "POST", "/api/v1/auth/login", "",
        boost::json::serialize(boost::json::object{{"login", "newbie"}, {"password", password}}));
  };
  auto first = sign_in("Chushi-mima1");
  BOOST_REQUIRE(first.status == 200);
  BOOST_TEST(json_of(first).at("must_change_password").as_bool());
  const std::string token(json_of(first).at("token").as_string());
  const std::string other(json_of(sign_in("Chushi-mima1")).at("token").as_string());
  // Until it is changed, the session may only change it and see who it is.
  auto records = site.server->call("GET", "/api/v1/records", token);
  BOOST_TEST(records.status == 403);
  BOOST_TEST(json_of(records).at("message_zh").as_string().find("修改密码") != std::string::npos);
  auto me = site.server->call("GET", "/api/v1/auth/me", token);
  BOOST_TEST(me.status == 200);
  BOOST_TEST(json_of(me).at("must_change_password").as_bool());
  const auto change = [&](const std::string& current, const std::string& next) {
    return site.server->call("POST", "/api/v1/auth/password", token,
                             boost::json::serialize(boost::json::object{
                                 {"current_password", current}, {"new_password", next}}));
  };
  BOOST_TEST(change("wrong-one-1A", "Xinmima-2024!").status == 400);
  auto weak = change("Chushi-mima1", "12345678");
  BOOST_TEST(weak.status == 400);
  BOOST_TEST(weak.body.find("密码不符合要求") != std::string::npos, weak.body);
  BOOST_TEST(change("Chushi-mima1", "Chushi-mima1").status == 400);  // the same one
  BOOST_TEST(change("Chushi-mima1", "Xinmima-2024!").status == 204);
  BOOST_TEST(site.server->call("GET", "/api/v1/records", token).status == 200);
  // The other session ended with the change; the new password works, the old one not.
  BOOST_TEST(site.server->call("GET", "/api/v1/auth/me", other).status == 401);
  BOOST_TEST(sign_in("Chushi-mima1").status == 401);
  auto again = sign_in("Xinmima-2024!");
  BOOST_TEST(again.status == 200);
  BOOST_TEST(!json_of(again).at("must_change_password").as_bool());
  // An administrator's reset: changed again at the next sign-in.
  const auto id = json_of(made).at("id").as_int64();
  BOOST_TEST(site.call("PATCH", "/api/v1/users/" + std::to_string(id), "admin",
                       R"({"password":"Chongzhi-2024"})")
                 .status == 200);
  BOOST_TEST(json_of(sign_in("Chongzhi-2024")).at("must_change_password").as_bool());
}

BOOST_AUTO_TEST_CASE(a_session_ends_after_the_idle_time) {
  Site site({"--session-idle-minutes", "10", "--token-cache", "0"});
  const std::string token = site.as("filler");
  BOOST_TEST(site.server->call("GET", "/api/v1/auth/me", token).status == 200);
  // Its last use set 11 minutes back (the server's clock starts at 2024-07-05T09:00+08:00).
  {
    soci::session s(site.tdb.db->pool());
    const std::string then = format_utc(*parse_now("2024-07-05T08:49+08:00"));
    s << "UPDATE auth_tokens SET last_used_at = :t, created_at = :c", soci::use(then),
        soci::use(then);
  }
  auto idle = site.server->call("GET", "/api/v1/auth/me", token);
  BOOST_TEST(idle.status == 401);
  BOOST_TEST(json_of(idle).at("message_zh").as_string().find("未操作") != std::string::npos);
  BOOST_TEST(site.server->call("GET", "/api/v1/auth/me", token).status == 401);  // ended for good
}

BOOST_AUTO_TEST_CASE(every_request_is_one_log_line_with_its_id) {
  {
    Site site;
    auto r = site.call("GET", "/api/v1/auth/me", "filler");
    const std::string id = r.headers["x-request-id"];
    BOOST_TEST(id.size() == 16u);
    const std::string log = site.server->log();
    const auto at = log.find("request_id=" + id);
    BOOST_REQUIRE(at != std::string::npos);
    const std::string line = log.substr(at, log.find('\n', at) - at);
    for (const std::string part : {"client=127.0.0.1", "user=filler", "method=GET",
                                   "route=/api/v1/auth/me", "status=200", "ms="}) {
      BOOST_TEST(line.find(part) != std::string::npos, part << " in " << line);
    }
    // The route template, never the path with its values (a query code could be in it).
    site.call("GET", "/api/v1/records/410505/99999", "filler");
    BOOST_TEST(site.server->log().find("route=/api/v1/records/{region}/{id}") != std::string::npos);
  }
  {
    Site site({"--log-format", "json"});
    auto r = site.call("GET", "/healthz");
    const std::string log = site.server->log();
    bool found = false;
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);) {
      boost::system::error_code ec;
      auto v = boost::json::parse(line, ec);
      if (ec || !v.is_object() || !v.as_object().contains("request_id")) continue;
      if (v.at("request_id").as_string() != r.headers["x-request-id"]) continue;
      found = true;
      BOOST_TEST(v.at("route").as_string() == "/healthz");
      BOOST_TEST(v.at("status").as_int64() == 200);
      BOOST_TEST(v.at("user").as_string() == "");
    }
    BOOST_TEST(found, log.substr(0, 400));
  }
}

BOOST_AUTO_TEST_CASE(the_audit_trail_records_each_security_event) {
  ::setenv("GONGSHI_UPSTREAM_KEY", "an-upstream-key-for-the-tests-0123456789", 1);
  Site site({"--upstream-allow", "127.0.0.1", "--webhook-allow", "127.0.0.1"});
  const auto login = [&](const std::string& who, const std::string& password) {
    return site.call(
        "POST", "/api/v1/auth/login", "",
        boost::json::serialize(boost::json::object{{"login", who}, {"password", password}}));
  };
  BOOST_TEST(login("filler", "password-1").status == 200);
  BOOST_TEST(login("filler", "not-this-one").status == 401);
  BOOST_TEST(login("nobody-at-all", "x").status == 401);
  for (int i = 0; i < 5; ++i) login("other_filler", "nope-" + std::to_string(i));  // locked
  BOOST_TEST(login("other_filler", "password-1").status == 429);
  // A refusal of a signed-in user.
  BOOST_TEST(site.call("GET", "/api/v1/audit", "filler").status == 403);
  // Users: created, roles changed, password reset, unlocked, disabled; a token issued.
  auto made = site.call("POST", "/api/v1/users", "admin",
                        R"({"login":"audited","password":"Chushi-mima1","department_id":)" +
                            std::to_string(site.market) + R"(,"roles":["filler"]})");
  BOOST_REQUIRE(made.status == 201);
  const std::string user = "/api/v1/users/" + std::to_string(json_of(made).at("id").as_int64());
  BOOST_TEST(site.call("PATCH", user, "admin", R"({"roles":["filler","reviewer"]})").status == 200);
  BOOST_TEST(site.call("PATCH", user, "admin", R"({"password":"Chongzhi-2024"})").status == 200);
  BOOST_TEST(site.call("POST", user + "/tokens", "admin", R"({"label":"部门系统"})").status == 201);
  BOOST_TEST(site.call("PATCH", user, "admin", R"({"active":false})").status == 200);
  BOOST_TEST(login("audited", "Chongzhi-2024").status == 403);  // disabled
  // The user's own password change, and a logout.
  auto newbie = site.call("POST", "/api/v1/users", "admin",
                          R"({"login":"changer","password":"Chushi-mima1","department_id":)" +
                              std::to_string(site.market) + R"(,"roles":["filler"]})");
  BOOST_REQUIRE(newbie.status == 201);
  const std::string t(json_of(login("changer", "Chushi-mima1")).at("token").as_string());
  BOOST_TEST(site.server
                 ->call("POST", "/api/v1/auth/password", t,
                        R"({"current_password":"Chushi-mima1","new_password":"Xinmima-2024!"})")
                 .status == 204);
  BOOST_TEST(site.server->call("POST", "/api/v1/auth/logout", t).status == 204);
  // Rules activated, a calendar loaded, a webhook and an upstream target added and disabled.
  {
    std::ifstream in(fs::path(GONGSHI_SOURCE_DIR) / "rules_lua/410500.lua");
    const std::string script((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
    auto up = site.call("POST", "/api/v1/rules/410500/versions", "city_office",
                        script + "\n-- v2\n", {{"Content-Type", "text/x-lua"}});
    BOOST_TEST(up.status == 201, up.body.substr(0, 300));
    std::ifstream cal(fs::path(GONGSHI_SOURCE_DIR) / "tests/data/calendar/2027-test.json");
    const std::string notice((std::istreambuf_iterator<char>(cal)),
                             std::istreambuf_iterator<char>());
    auto loaded = site.call("PUT", "/api/v1/calendar/2027", "root", notice);
    BOOST_TEST((loaded.status == 201 || loaded.status == 200), loaded.body.substr(0, 300));
  }
  auto hook = site.call("POST", "/api/v1/webhooks", "admin",
                        R"({"url":"http://127.0.0.1:9/","secret":"0123456789abcdef0123"})");
  BOOST_REQUIRE(hook.status == 201);
  BOOST_TEST(site.call("DELETE",
                       "/api/v1/webhooks/" + std::to_string(json_of(hook).at("id").as_int64()),
                       "admin")
                 .status == 204);
  auto target = site.call("POST", "/api/v1/upstream/targets", "sysadmin",
                          R"({"region":"410505","name":"上级","endpoint":"http://127.0.0.1:9/in",)"
                          R"("credential":"secret-token"})");
  BOOST_REQUIRE_MESSAGE(target.status == 201, target.body);
  BOOST_TEST(
      site.call("DELETE",
                "/api/v1/upstream/targets/" + std::to_string(json_of(target).at("id").as_int64()),
                "sysadmin")
          .status == 204);
  // A backup and a restore from the command line.
  const auto dir = temp_dir("audit");
  auto backup = run_cli_full(with_common({"backup", "--db", site.tdb.url, "--out",
                                          (dir / "b.zip").string(), "--work-dir", dir.string()}));
  BOOST_TEST(backup.code == 0, backup.err);

  // The system administrator reads them all; nothing deletes them through the API.
  std::set<std::string> events;
  std::string page = "/api/v1/audit?limit=500";
  auto all = json_of(site.call("GET", page, "root"));
  for (const auto& e : all.at("items").as_array())
    events.insert(std::string(e.at("event").as_string()));
  for (const std::string want :
       {"login.ok", "login.failed", "login.locked", "login.refused_locked", "login.disabled",
        "permission.refused", "user.created", "user.changed", "token.issued", "password.changed",
        "logout", "rules.activated", "calendar.loaded", "webhook.created", "webhook.disabled",
        "upstream.target.created", "upstream.target.disabled", "backup.made"}) {
    BOOST_TEST(events.count(want) == 1u, want);
  }
  // Details: who, from where, what changed.
  bool roles_changed = false, refusal_named = false;
  for (const auto& e : all.at("items").as_array()) {
    if (e.at("event") == "user.changed" && e.at("detail").as_object().contains("roles")) {
      roles_changed =
          e.at("actor") == "admin" && e.at("target") == "audited" && e.at("client") == "127.0.0.1";
    }
    if (e.at("event") == "permission.refused") {
      refusal_named = e.at("actor") == "filler" && e.at("target") == "/api/v1/audit";
    }
  }
  BOOST_TEST(roles_changed);
  BOOST_TEST(refusal_named);
  // Filters: a prefix, an actor.
  auto logins = json_of(site.call("GET", "/api/v1/audit?event=login.", "root"));
  for (const auto& e : logins.at("items").as_array()) {
    BOOST_TEST(std::string(e.at("event").as_string()).starts_with("login."));
  }
  auto by_admin = json_of(site.call("GET", "/api/v1/audit?actor=admin", "root"));
  BOOST_TEST(!by_admin.at("items").as_array().empty());
  for (const auto& e : by_admin.at("items").as_array()) BOOST_TEST(e.at("actor") == "admin");
  // Only the system administrator; no route deletes.
  BOOST_TEST(site.call("GET", "/api/v1/audit", "office").status == 403);
  BOOST_TEST(site.call("DELETE", "/api/v1/audit", "root").status == 405);
  // The restore writes its own entry into the database it restored.
  TestDb fresh;
  auto restore = run_cli_full(with_common({"restore", (dir / "b.zip").string(), "--db", fresh.url,
                                           "--force", "--work-dir", dir.string()}));
  BOOST_TEST(restore.code == 0, restore.err);
  {
    soci::session s(fresh.db->pool());
    int n = 0;
    s << "SELECT COUNT(*) FROM audit_events WHERE event = 'restore.done'", soci::into(n);
    BOOST_TEST(n == 1);
  }
  // Retention: the sweeper deletes what is older than the days kept, never under 180.
  BOOST_REQUIRE(in_transaction<std::monostate>(*site.tdb.db, [](Tx& tx) {
                  return insert_audit_event(
                      tx, {0, "2020-01-01T00:00:00Z", "login.ok", "x", "", "", "x", "{}"});
                }).ok());
  // The events above are dated by the server's clock (July 2024); 30 days asked, 180 kept.
  auto purged = purge_audit_trail(*site.tdb.db, *parse_now("2024-07-06T00:00+08:00"), 30);
  BOOST_REQUIRE(purged.ok());
  BOOST_TEST(*purged == 1);
  auto left = json_of(site.call("GET", "/api/v1/audit?limit=500", "root"));
  BOOST_TEST(left.at("items").as_array().size() >= all.at("items").as_array().size());
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(doctor_fails_on_each_broken_precondition) {
  const auto dir = temp_dir("doctor");
  TestDb tdb;
  const auto doctor = [&](std::vector<std::string> more, std::vector<std::string> env = {}) {
    std::vector<std::string> args{"doctor", "--now", "2024-07-05T09:00+08:00"};
    for (auto& a : more) args.push_back(a);
    return run_cli_full(with_common(args), std::move(env));
  };
  const auto has_line = [](const CliRun& r, const std::string& level, const std::string& name) {
    return r.out.find(level + "  " + name + ":") != std::string::npos;
  };
  ::unsetenv("GONGSHI_UPSTREAM_KEY");
  auto good = doctor({"--db", tdb.url});
  BOOST_TEST(good.code == 0, good.out << good.err);
  BOOST_TEST(has_line(good, "ok  ", "schema"));
  BOOST_TEST(has_line(good, "ok  ", "calendar"));
  BOOST_TEST(has_line(good, "ok  ", "upstream_key"));
  BOOST_TEST(has_line(good, "ok  ", "disk"));
  BOOST_TEST(good.out.find("ready: 0 failed") != std::string::npos, good.out);
  // The database missing, or behind.
  auto missing = doctor({"--db", "sqlite:/nonexistent-gongshi-dir/x.db"});
  BOOST_TEST(missing.code == 1);
  BOOST_TEST(has_line(missing, "FAIL", "database"), missing.out);
  auto behind = doctor({"--db", partly_migrated(dir, 10)});
  BOOST_TEST(behind.code == 1);
  BOOST_TEST(has_line(behind, "FAIL", "schema"), behind.out);
  // The calendar run out (holiday data ends years before).
  auto late =
      run_cli_full(with_common({"doctor", "--db", tdb.url, "--now", "2031-06-01T09:00+08:00"}));
  BOOST_TEST(late.code == 1);
  BOOST_TEST(has_line(late, "FAIL", "calendar"), late.out);
  // A sealed credential without its key; a short key; a key file others may read.
  BOOST_REQUIRE(in_transaction<std::int64_t>(*tdb.db, [](Tx& tx) {
                  UpstreamTarget t;
                  t.region = "410505";
                  t.name = "上级";
                  t.format = "json";
                  t.endpoint = "https://platform.example/in";
                  t.credential = "sealed-bytes";
                  t.changes = {"published"};
                  t.created_by = "op";
                  t.created_at = "2024-07-01T00:00:00Z";
                  return insert_target(tx, t);
                }).ok());
  auto keyless = doctor({"--db", tdb.url});
  BOOST_TEST(keyless.code == 1);
  BOOST_TEST(has_line(keyless, "FAIL", "upstream_key"), keyless.out);
  auto short_key = doctor({"--db", tdb.url}, {"GONGSHI_UPSTREAM_KEY=too-short"});
  BOOST_TEST(has_line(short_key, "FAIL", "upstream_key"), short_key.out);
  const auto open_key = write(dir / "key", std::string(40, 'k'), 0644);
  auto loose = doctor({"--db", tdb.url, "--upstream-key-file", open_key.string()});
  BOOST_TEST(has_line(loose, "FAIL", "upstream_key"), loose.out);
  BOOST_TEST(loose.out.find("chmod 600") != std::string::npos);
  const auto good_key = write(dir / "key2", std::string(40, 'k'), 0600);
  auto keyed = doctor({"--db", tdb.url, "--upstream-key-file", good_key.string()});
  BOOST_TEST(has_line(keyed, "ok  ", "upstream_key"), keyed.out);
  // The TLS certificate: expired (as of --now), or soon.
  const std::string openssl =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "
      "/CN=localhost "
      "-keyout " +
      (dir / "k.pem").string() + " -out " + (dir / "c.pem").string() + " -days 20 2>/dev/null";
  BOOST_REQUIRE(std::system(openssl.c_str()) == 0);
  const std::vector<std::string> tls{"--tls-cert",          (dir / "c.pem").string(),
                                     "--tls-key",           (dir / "k.pem").string(),
                                     "--upstream-key-file", good_key.string()};
  auto soon = run_cli_full(
      with_common({"doctor", "--db", tdb.url, tls[0], tls[1], tls[2], tls[3], tls[4], tls[5]}));
  BOOST_TEST(has_line(soon, "WARN", "tls_certificate"), soon.out);
  auto expired =
      run_cli_full(with_common({"doctor", "--db", tdb.url, "--now", "2031-06-01T09:00+08:00",
                                tls[0], tls[1], tls[2], tls[3], tls[4], tls[5]}));
  BOOST_TEST(expired.code == 1);
  BOOST_TEST(has_line(expired, "FAIL", "tls_certificate"), expired.out);
  // Backups: none yet (a warning), then one three days old (a failure).
  const auto backups = dir / "backups";
  fs::create_directories(backups);
  auto none = run_cli_full(with_common({"doctor", "--db", tdb.url, "--backup-dir", backups.string(),
                                        "--upstream-key-file", good_key.string()}));
  BOOST_TEST(none.code == 0, none.out);
  BOOST_TEST(has_line(none, "WARN", "backup"), none.out);
  const auto old = backups / "gongshi-20240101T000000Z.zip";
  write(old, "x");
  fs::last_write_time(old, fs::file_time_type::clock::now() - std::chrono::hours(72));
  auto stale =
      run_cli_full(with_common({"doctor", "--db", tdb.url, "--backup-dir", backups.string(),
                                "--upstream-key-file", good_key.string()}));
  BOOST_TEST(stale.code == 1);
  BOOST_TEST(has_line(stale, "FAIL", "backup"), stale.out);
  // A bad config stops it before any check.
  const auto conf = write(dir / "bad.conf", "no_such_key = 1\n");
  auto bad = run_cli_full(with_common({"doctor", "--config", conf.string(), "--db", tdb.url}));
  BOOST_TEST(bad.code == 2);
  // /healthz reports the node's own checks as reasons: here, no backup yet.
  const auto empty = dir / "no-backups";
  fs::create_directories(empty);
  Site site({"--backup-dir", empty.string()});
  auto health = json_of(site.call("GET", "/healthz"));
  BOOST_TEST(health.at("status").as_string() == "degraded");
  bool backup_reason = false;
  for (const auto& r : health.at("reasons").as_array()) backup_reason |= r.at("code") == "backup";
  BOOST_TEST(backup_reason);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace gongshi::test
