// The server under more than it takes, and its token cache: a flood beyond the worker queue is
// answered 503 with Retry-After while every accepted request is answered in full; a cached token
// stops working the moment its user logs out, is disabled or gets a new password (which also end
// the user's API tokens).
#include <atomic>
#include <optional>
#include <thread>

#include "server_fixture.hpp"

namespace gongshi::test {
namespace {

using boost::json::object;

BOOST_AUTO_TEST_SUITE(limits)

// One worker and room for one waiting request: of 24 batches sent at once most must be refused.
BOOST_AUTO_TEST_CASE(a_flood_beyond_the_queue_gets_503_and_accepted_requests_are_answered) {
  Site site({"--workers", "1", "--queue", "1"});
  constexpr int kClients = 24, kPerBatch = 100;
  std::vector<std::string> bodies;
  for (int c = 0; c < kClients; ++c) {
    boost::json::array records;
    for (int i = 0; i < kPerBatch; ++i) {
      const std::string number =
          "殷市监罚〔2024〕" + std::to_string(1000 + c * kPerBatch + i) + "号";
      records.push_back(
          boost::json::parse(site.penalty({{"CF_WSH", boost::json::string(number)}})));
    }
    object body;
    body["records"] = std::move(records);
    bodies.push_back(boost::json::serialize(body));
  }
  const std::string token = site.as("filler");

  std::vector<server::ClientResponse> answers(kClients);
  std::atomic<int> ready{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      ++ready;
      while (ready.load() < kClients) std::this_thread::yield();
      auto r = server::http_call(
          "POST", site.server->base() + "/api/v1/records/batch",
          {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}}, bodies[c],
          std::chrono::seconds(60));
      if (r.ok()) answers[c] = std::move(r).value();
    });
  }
  for (auto& t : clients) t.join();

  int refused = 0, accepted = 0;
  std::int64_t created = 0;
  for (const auto& a : answers) {
    BOOST_TEST_REQUIRE(a.status != 0);  // every request got an answer
    if (a.status == 503) {
      ++refused;
      BOOST_TEST(a.headers.at("retry-after") == "1");
      BOOST_TEST(json_of(a).at("code").as_string() == "unavailable");
      BOOST_TEST(json_of(a).at("message_zh").as_string().size() > 0);
      continue;
    }
    BOOST_TEST_REQUIRE(a.status == 200, a.status << " " << a.body);
    ++accepted;
    const auto doc = json_of(a);
    const auto& out = doc.as_object();
    BOOST_TEST(out.at("failed").as_int64() == 0);
    BOOST_TEST(out.at("results").as_array().size() == std::size_t(kPerBatch));
    created += out.at("created").as_int64();
  }
  BOOST_TEST(refused > 0);
  BOOST_TEST(accepted > 0);
  // What was accepted is stored in full, what was refused not at all.
  BOOST_TEST(created == std::int64_t(accepted) * kPerBatch);
  BOOST_TEST(site.count("records") == created);
  // The refusals were counted, and the server takes requests again once the flood is over: the
  // workers may still be busy with the background ticks queued meanwhile (a slow build, the
  // sanitizers' one), so the probes wait for them — and a probe refused is counted too.
  int probes_refused = 0;
  std::optional<server::ClientResponse> metrics;
  for (int i = 0; i < 100 && !metrics; ++i) {
    auto m = site.call("GET", "/metrics");
    if (m.status == 503) {
      ++probes_refused;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    } else {
      metrics = std::move(m);
    }
  }
  BOOST_REQUIRE(metrics.has_value());
  const std::string counted =
      "\ngongshi_requests_refused_total " + std::to_string(refused + probes_refused) + "\n";
  BOOST_TEST(metrics->body.find(counted) != std::string::npos);
  int me = 0;
  for (int i = 0; i < 100 && me != 200; ++i) {
    me = site.call("GET", "/api/v1/auth/me", "filler").status;
    if (me == 503) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  BOOST_TEST(me == 200);
}

BOOST_AUTO_TEST_CASE(a_cached_token_is_dropped_at_once) {
  // An hour of caching: only the invalidation can explain a refusal below.
  Site site({"--token-cache", "3600"});
  auto me = [&](const std::string& token) {
    return site.server->call("GET", "/api/v1/auth/me", token).status;
  };
  auto login = [&](const std::string& user, const std::string& password) {
    object body;
    body["login"] = user;
    body["password"] = password;
    auto r = site.call("POST", "/api/v1/auth/login", "", boost::json::serialize(body));
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    return std::string(json_of(r).at("token").as_string());
  };
  auto user_id = [&](const std::string& token) {
    auto r = site.server->call("GET", "/api/v1/auth/me", token);
    return json_of(r).at("id").as_int64();
  };

  // Logout: the same token, cached by the calls before, is refused on the next request.
  const std::string filler = login("filler", "password-1");
  BOOST_TEST(me(filler) == 200);
  BOOST_TEST(me(filler) == 200);
  BOOST_TEST(site.server->call("POST", "/api/v1/auth/logout", filler).status == 204);
  BOOST_TEST(me(filler) == 401);
  // A second session of the same user is not touched by the first one's logout.
  const std::string again = login("filler", "password-1");
  BOOST_TEST(me(again) == 200);

  // Disabled by the department admin: refused at once, and enabling the user again revives none
  // of its sessions or API tokens (they were deleted); a new login works.
  const std::string disabled = login("reviewer", "password-1");
  BOOST_TEST(me(disabled) == 200);
  const std::string reviewer_path = "/api/v1/users/" + std::to_string(user_id(disabled));
  auto issued = site.call("POST", reviewer_path + "/tokens", "admin", R"({"label":"系统"})");
  BOOST_REQUIRE(issued.status == 201);
  const std::string api(json_of(issued).at("token").as_string());
  BOOST_TEST(me(api) == 200);
  BOOST_TEST(site.call("PATCH", reviewer_path, "admin", R"({"active":false})").status == 200);
  BOOST_TEST(me(disabled) == 401);
  BOOST_TEST(me(api) == 401);
  BOOST_TEST(site.call("PATCH", reviewer_path, "admin", R"({"active":true})").status == 200);
  BOOST_TEST(me(disabled) == 401);
  BOOST_TEST(me(api) == 401);
  const std::string other = login("reviewer", "password-1");
  BOOST_TEST(me(other) == 200);

  // New roles show at once, not after the cache time.
  auto roles = [&](const std::string& token) {
    return boost::json::serialize(
        json_of(site.server->call("GET", "/api/v1/auth/me", token)).at("roles"));
  };
  BOOST_TEST(roles(other) == R"(["reviewer"])");
  BOOST_TEST(
      site.call("PATCH", reviewer_path, "admin", R"({"roles":["reviewer","filler"]})").status ==
      200);
  BOOST_TEST(roles(other).find("filler") != std::string::npos);

  // A new password ends the user's sessions and API tokens, cached or not; the new password
  // logs in.
  auto second = site.call("POST", reviewer_path + "/tokens", "admin", R"({"label":"系统"})");
  const std::string api2(json_of(second).at("token").as_string());
  BOOST_TEST(me(api2) == 200);
  BOOST_TEST(site.call("PATCH", reviewer_path, "admin", R"({"password":"password-2"})").status ==
             200);
  BOOST_TEST(me(other) == 401);
  BOOST_TEST(me(api2) == 401);
  const std::string fresh = login("reviewer", "password-2");
  BOOST_TEST(me(fresh) == 200);
}

// 200 000 unknown keys once gave a 34 MB 400: the answer lists the first 200, each name cut.
BOOST_AUTO_TEST_CASE(an_error_answer_is_bounded_whatever_the_input) {
  Site site;
  auto record = boost::json::parse(site.penalty()).as_object();
  auto& fields = record["fields"].as_object();
  const std::string long_key(2000, 'K');
  fields[long_key] = "x";
  for (int i = 0; i < 15000; ++i) fields["U" + std::to_string(i)] = "";
  const std::string body = boost::json::serialize(record);
  BOOST_REQUIRE(body.size() < 262144);
  auto r = site.call("POST", "/api/v1/records", "filler", body);
  BOOST_TEST(r.status == 400);
  BOOST_TEST(r.body.size() < 100'000u, r.body.size());
  const auto answer = json_of(r).as_object();
  BOOST_TEST(answer.at("fields").as_array().size() == 200u);
  BOOST_TEST(answer.at("fields_total").as_int64() >= 15001);
  for (const auto& f : answer.at("fields").as_array()) {
    BOOST_TEST(f.at("field").as_string().size() <= 259u);  // 256 bytes and "…"
  }
  BOOST_TEST(site.count("records") == 0);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace gongshi::test
