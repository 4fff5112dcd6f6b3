// A credit-office account sending rule scripts that would run for minutes: each is refused at the
// Lua budget, at most --rule-jobs of them run at once (the rest get 503 with Retry-After), and
// /healthz keeps answering while they run. An upload with too many test cases is refused unrun.
#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>

#include "server_fixture.hpp"

namespace gongshi::test {
namespace {

std::string region_script() {
  std::ifstream in(std::filesystem::path(GONGSHI_SOURCE_DIR) / "rules_lua/410505.lua");
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const std::vector<std::pair<std::string, std::string>> kLua{{"Content-Type", "text/x-lua"}};

BOOST_AUTO_TEST_SUITE(rules_limits)

// Issue 29: a tests table nested 200 deep wrote past the Lua stack while the host converted it,
// and a few such uploads killed the server. Each is now a rule_error naming the nesting.
BOOST_AUTO_TEST_CASE(a_deeply_nested_table_is_refused_fifty_times_and_the_server_goes_on) {
  Site site;
  const std::string nested =
      region_script() + "\nlocal t = {}\nfor i = 1, 200 do t = {t} end\ntests = {t}\n";
  const std::string frozen = region_script() +
                             "\ndeep = {}\nlocal d = deep\n"
                             "for i = 1, 200 do d.x = {} d = d.x end\n";
  for (int i = 0; i < 50; ++i) {
    const auto r =
        site.call("POST", "/api/v1/rules/410505/test", "office", i % 2 ? frozen : nested, kLua);
    BOOST_TEST(r.status == 422, i << ": " << r.status << " " << r.body.substr(0, 200));
    BOOST_TEST(json_of(r).at("code").as_string() == "rule_error");
    if (i % 2 == 0) BOOST_TEST(r.body.find("嵌套过深") != std::string::npos, r.body);
  }
  BOOST_TEST(site.call("GET", "/healthz").status == 200);
  // The region's own script still tests and runs.
  BOOST_TEST(
      site.call("POST", "/api/v1/rules/410505/test", "office", region_script(), kLua).status ==
      200);
}

BOOST_AUTO_TEST_CASE(a_runaway_pattern_is_refused_and_healthz_keeps_answering) {
  Site site({"--rule-jobs", "1"});
  const std::string token = site.as("office");
  const auto before = json_of(site.call("GET", "/api/v1/rules/410505/versions", "office"));
  // 15.6 s inside one call of Lua's own matcher; and (a*)*b, which would run for tens of minutes.
  const std::vector<std::string> hostile = {
      region_script() + "\nlocal _ = (\"a\"):rep(2000):find(\".-.-b\")\n",
      region_script() + "\nlocal _ = (\"a\"):rep(500000):find(\"(a*)*b\")\n",
  };
  constexpr int kClients = 4;
  std::vector<server::ClientResponse> answers(kClients);
  std::atomic<int> running{kClients};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      answers[c] =
          site.server->call("POST",
                            c % 2 ? "/api/v1/rules/410505/whatif?from=2024-07-01&to=2024-07-31"
                                  : "/api/v1/rules/410505/test",
                            token, hostile[c % 2], kLua);
      --running;
    });
  }
  // While they run, /healthz is asked again and again; each answer must come back promptly (it
  // waited ~30 s behind four such requests before).
  std::chrono::steady_clock::duration slowest{};
  int asked = 0;
  while (running > 0) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto health = site.call("GET", "/healthz");
    slowest = std::max(slowest, std::chrono::steady_clock::now() - t0);
    BOOST_TEST(health.status == 200);
    ++asked;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  for (auto& t : clients) t.join();
  BOOST_TEST(asked > 0);
  BOOST_TEST(slowest < std::chrono::seconds(2));
  int stopped = 0;
  for (const auto& a : answers) {
    BOOST_TEST_CONTEXT(a.body) {
      BOOST_TEST((a.status == 422 || a.status == 503));
      if (a.status == 422) {
        ++stopped;
        BOOST_TEST(a.body.find("instruction budget") != std::string::npos);
      } else {
        BOOST_TEST(a.headers.count("retry-after") == 1u);
      }
    }
  }
  BOOST_TEST(stopped >= 1);
  // Nothing was activated.
  BOOST_TEST(json_of(site.call("GET", "/api/v1/rules/410505/versions", "office")) == before);
}

BOOST_AUTO_TEST_CASE(too_many_test_cases_are_refused_unrun) {
  Site site;
  const std::string script =
      region_script() + "\nfor i = 1, 600 do tests[#tests + 1] = tests[1] end\n";
  auto r = site.call("POST", "/api/v1/rules/410505/test", "office", script, kLua);
  BOOST_TEST(r.status == 422);
  BOOST_TEST(r.body.find("more than the 500 allowed") != std::string::npos, r.body);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace gongshi::test
