// Logins under attack: the account locked after wrong passwords and the client address backing
// off (429 with Retry-After, the right password refused too while blocked), and an unknown login
// that costs the same argon2 work as a wrong password, so the answer time does not tell who
// exists.
#include <algorithm>
#include <chrono>
#include <thread>

#include "server_fixture.hpp"

namespace gongshi::test {
namespace {

server::ClientResponse login(Site& site, const std::string& user, const std::string& password) {
  boost::json::object body{{"login", user}, {"password", password}};
  return site.call("POST", "/api/v1/auth/login", "", boost::json::serialize(body));
}

BOOST_AUTO_TEST_SUITE(login_throttle)

// The account policy (docs/operations.md): five wrong passwords in a row lock the account for
// 15 minutes — the right password waits too — until it runs out or an administrator unlocks it.
// The lock is kept in the database, so every server process and a restart honour it.
BOOST_AUTO_TEST_CASE(wrong_passwords_lock_the_account_until_an_administrator_unlocks_it) {
  Site site;
  for (int i = 0; i < 4; ++i)
    BOOST_TEST(login(site, "filler", "guess-" + std::to_string(i)).status == 401);
  // The fifth locks it, and says so.
  auto locking = login(site, "filler", "guess-4");
  BOOST_TEST(locking.status == 429);
  BOOST_TEST(locking.headers["retry-after"] == "900");
  BOOST_TEST(json_of(locking).at("message_zh").as_string().find("锁定") != std::string::npos);
  auto blocked = login(site, "filler", "password-1");
  BOOST_TEST(blocked.status == 429);
  BOOST_TEST(json_of(blocked).at("code").as_string() == "rate_limited");
  BOOST_TEST(std::stol(blocked.headers["retry-after"]) > 800);
  // Another account from the same address is not locked by it.
  BOOST_TEST(login(site, "reviewer", "password-1").status == 200);
  // A restart does not forget it.
  site.server = std::make_unique<ServerProcess>(Site::serve_args(site.tdb.url, "600"));
  site.token.clear();
  BOOST_TEST(login(site, "filler", "password-1").status == 429);
  // The administrator sees the lock and ends it.
  const auto users = json_of(site.call("GET", "/api/v1/users", "admin"));
  std::int64_t id = 0;
  for (const auto& u : users.at("items").as_array()) {
    if (u.at("login").as_string() == "filler") {
      id = u.at("id").as_int64();
      BOOST_TEST(!u.at("locked_until").is_null());
    }
  }
  BOOST_REQUIRE(id > 0);
  BOOST_TEST(
      site.call("PATCH", "/api/v1/users/" + std::to_string(id), "admin", R"({"unlock":true})")
          .status == 200);
  BOOST_TEST(login(site, "filler", "password-1").status == 200);
  // A success starts the count again: four more failures leave the fifth attempt free.
  for (int i = 0; i < 4; ++i)
    BOOST_TEST(login(site, "filler", "again-" + std::to_string(i)).status == 401);
  BOOST_TEST(login(site, "filler", "password-1").status == 200);
  // A disabled account is told so, but only after the right password.
  BOOST_TEST(
      site.call("PATCH", "/api/v1/users/" + std::to_string(id), "admin", R"({"active":false})")
          .status == 200);
  BOOST_TEST(login(site, "filler", "wrong-password").status == 401);
  auto disabled = login(site, "filler", "password-1");
  BOOST_TEST(disabled.status == 403);
  BOOST_TEST(json_of(disabled).at("message_zh").as_string().find("停用") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(many_logins_tried_from_one_address_block_that_address) {
  Site site;
  for (int i = 0; i < 20; ++i) {
    BOOST_TEST(login(site, "nobody-" + std::to_string(i), "x").status == 401);
  }
  // Twenty failures from one address (docs/server.md): the 21st attempt waits.
  auto blocked = login(site, "filler", "password-1");
  BOOST_TEST(blocked.status == 429);
  BOOST_TEST(!blocked.headers["retry-after"].empty());
}

BOOST_AUTO_TEST_CASE(an_unknown_login_takes_as_long_as_a_wrong_password) {
  Site site;
  // Medians of a few tries each, compared with each other in the same run: an unknown login used
  // to answer in under 1 % of a wrong password's time (no argon2 at all).
  auto median_ms = [&](const std::string& user) {
    std::vector<double> ms;
    for (int i = 0; i < 4; ++i) {
      const auto start = std::chrono::steady_clock::now();
      BOOST_TEST(login(site, user + std::to_string(i), "wrong-password").status == 401);
      ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
    }
    std::sort(ms.begin(), ms.end());
    return (ms[1] + ms[2]) / 2;
  };
  // Distinct unknown logins; the known one is the same user (under its five free failures).
  const double unknown = median_ms("nobody-");
  std::vector<double> known_ms;
  for (int i = 0; i < 4; ++i) {
    const auto start = std::chrono::steady_clock::now();
    BOOST_TEST(login(site, "reviewer", "wrong-" + std::to_string(i)).status == 401);
    known_ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::sort(known_ms.begin(), known_ms.end());
  const double known = (known_ms[1] + known_ms[2]) / 2;
  BOOST_TEST_MESSAGE("unknown " << unknown << " ms, known " << known << " ms");
  BOOST_TEST(unknown > 0.3 * known);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace gongshi::test
