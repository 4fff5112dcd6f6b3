#pragma once
// A site for the HTTP tests: a fresh database with two departments of 殷都区 and a user for every
// role, and the real `gongshi serve` on it, its clock starting at 2024-07-05 09:00 Shanghai time.

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "engine/service/auth_service.hpp"
#include "engine/store/directory_repo.hpp"
#include "engine/store/record_repo.hpp"
#include "support/server_process.hpp"
#include "test_db.hpp"

namespace gongshi::test {

inline const std::string& test_password_hash() {
  static const std::string hash = hash_password("password-1");
  return hash;
}

struct Site {
  TestDb tdb;
  std::int64_t market = 0, transport = 0;  // departments of 410505
  std::unique_ptr<ServerProcess> server;
  std::map<std::string, std::string> token;  // login -> session token

  // The sweeper is slow unless asked: its marks bump a record's version, which would race with
  // the steps a test takes.
  explicit Site(std::vector<std::string> extra_args = {}, std::string sweep_interval = "600",
                std::string now = "2024-07-05T09:00:00+08:00") {
    auto seeded = in_transaction<std::monostate>(*tdb.db, [&](Tx& tx) -> Status {
      auto a = insert_department(tx, {"410505",
                                      0,
                                      {},
                                      "department",
                                      "安阳市殷都区市场监督管理局",
                                      "11230500001755309F",
                                      {},
                                      {}});
      if (!a) return a.error();
      market = *a;
      auto b = insert_department(
          tx, {"410505", 0, {}, "department", "安阳市殷都区交通运输局", "", {}, {}});
      if (!b) return b.error();
      transport = *b;
      struct U {
        const char* login;
        const char* region;
        std::optional<std::int64_t> dept;
        std::vector<std::string> roles;
      };
      for (const U& u :
           {U{"filler", "410505", market, {"filler"}},
            U{"reviewer", "410505", market, {"reviewer"}},
            U{"admin", "410505", market, {"dept_admin"}},
            U{"other_filler", "410505", transport, {"filler"}},
            U{"other_admin", "410505", transport, {"dept_admin"}},
            U{"handler", "410505", {}, {"objection_handler"}},
            U{"office", "410505", {}, {"credit_office"}},
            U{"city_office", "410500", {}, {"credit_office"}},
            U{"sysadmin", "410500", {}, {"sysadmin"}}, U{"root", "000000", {}, {"sysadmin"}},
            U{"neighbour_office", "410122", {}, {"credit_office"}}}) {
        User user;
        user.login = u.login;
        user.display_name = u.login;
        user.region = u.region;
        user.department_id = u.dept;
        user.roles = u.roles;
        user.password_hash = test_password_hash();
        if (auto id = insert_user(tx, user); !id) return id.error();
      }
      return ok_status();
    });
    BOOST_REQUIRE_MESSAGE(seeded.ok(), (seeded.ok() ? "" : seeded.error().message_en));
    auto args = serve_args(tdb.url, sweep_interval, now);
    for (auto& a : extra_args) args.push_back(a);
    server = std::make_unique<ServerProcess>(args);
  }

  // The `gongshi serve` arguments of a site's server on the database at `url`.
  static std::vector<std::string> serve_args(const std::string& url,
                                             const std::string& sweep_interval,
                                             const std::string& now = "2024-07-05T09:00:00+08:00") {
    return {"serve",
            "--db",
            url,
            "--listen",
            "127.0.0.1:0",
            "--threads",
            "4",
            "--now",
            now,
            "--sync-interval",
            "0.3",
            "--sweep-interval",
            sweep_interval,
            "--dispatch-interval",
            "0.2",
            "--webhook-retry",
            "1",
            "--body-limit",
            "262144",
            "--schemas",
            std::string(GONGSHI_SOURCE_DIR) + "/schemas",
            "--rules",
            std::string(GONGSHI_SOURCE_DIR) + "/rules_lua",
            "--plugins",
            GONGSHI_PLUGIN_DIR};
  }

  const std::string& as(const std::string& login) {
    auto it = token.find(login);
    if (it != token.end()) return it->second;
    auto r = server->call(
        "POST", "/api/v1/auth/login", "",
        boost::json::serialize(boost::json::object{{"login", login}, {"password", "password-1"}}));
    BOOST_REQUIRE_MESSAGE(r.status == 200, "login " << login << ": " << r.body);
    return token[login] = std::string(json_of(r).at("token").as_string());
  }

  server::ClientResponse call(const std::string& method, const std::string& path,
                              const std::string& login = "", const std::string& body = "",
                              std::vector<std::pair<std::string, std::string>> headers = {}) {
    return server->call(method, path, login.empty() ? "" : as(login), body, std::move(headers));
  }

  // A penalty of the market department, from the sample with `changes` laid over it.
  std::string penalty(
      std::initializer_list<std::pair<const char*, boost::json::value>> changes = {},
      std::optional<std::int64_t> dept = {}) const {
    auto fields = json_file("schemas/samples/penalty.json");
    for (const auto& [k, v] : changes) {
      if (v.is_null()) {
        fields.as_object().erase(k);
      } else {
        fields.as_object()[k] = v;
      }
    }
    return boost::json::serialize(boost::json::object{
        {"kind", "penalty"}, {"department_id", dept.value_or(market)}, {"fields", fields}});
  }

  static boost::json::value json_file(const std::string& relative) {
    std::ifstream in(std::filesystem::path(GONGSHI_SOURCE_DIR) / relative);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return boost::json::parse(text);
  }

  // Creates and returns the record JSON (asserting 201).
  boost::json::object create(const std::string& body, const std::string& login = "filler") {
    auto r = call("POST", "/api/v1/records", login, body);
    BOOST_REQUIRE_MESSAGE(r.status == 201, "create: " << r.status << " " << r.body);
    return json_of(r).as_object();
  }

  // Takes `event` on the record at its version; returns the response.
  server::ClientResponse take(const boost::json::object& rec, const std::string& event,
                              const std::string& login, const std::string& reason = "",
                              boost::json::object body = {}) {
    const std::string path = "/api/v1/records/" + std::string(rec.at("region").as_string()) + "/" +
                             std::to_string(rec.at("id").as_int64()) + "/transitions/" + event;
    if (!reason.empty()) body["reason"] = reason;
    return call("POST", path, login, boost::json::serialize(body),
                {{"If-Match", "\"" + std::to_string(rec.at("version").as_int64()) + "\""}});
  }

  // `body`: more of the event's body (a comment, the fields of a correction).
  boost::json::object took(const boost::json::object& rec, const std::string& event,
                           const std::string& login, const std::string& reason = "",
                           boost::json::object body = {}) {
    auto r = take(rec, event, login, reason, std::move(body));
    BOOST_REQUIRE_MESSAGE(r.status == 200,
                          event << " as " << login << ": " << r.status << " " << r.body);
    return json_of(r).as_object();
  }

  // Creates the record as the filler, submits, approves and publishes it; returns it published.
  boost::json::object published(const std::string& body) {
    auto r = create(body);
    r = took(r, "submit", "filler");
    r = took(r, "approve", "reviewer");
    return took(r, "publish", "reviewer");
  }

  std::int64_t count(const std::string& table) {
    auto n = in_transaction<std::int64_t>(*tdb.db, [&](Tx& tx) { return count_rows(tx, table); });
    BOOST_REQUIRE(n.ok());
    return *n;
  }
};

inline std::string path_of(const boost::json::object& rec) {
  return "/api/v1/records/" + std::string(rec.at("region").as_string()) + "/" +
         std::to_string(rec.at("id").as_int64());
}

}  // namespace gongshi::test
