// The browser session: an HttpOnly, SameSite=Strict cookie set at login, a CSRF token required on
// every state-changing request the cookie authenticates, and a logout that ends it on the server.
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "server_fixture.hpp"

using namespace gongshi;
using namespace gongshi::test;

namespace {

struct Login {
  std::string cookie;      // "gongshi_session=…"
  std::string set_cookie;  // the header as sent
  std::string csrf;
};

Login login(Site& site, const std::string& user) {
  auto r = site.call("POST", "/api/v1/auth/login", "",
                     R"({"login":")" + user + R"(","password":"password-1"})");
  BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
  Login out;
  out.set_cookie = r.headers.at("set-cookie");
  out.cookie = out.set_cookie.substr(0, out.set_cookie.find(';'));
  out.csrf = std::string(json_of(r).at("csrf_token").as_string());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(web_session)

BOOST_AUTO_TEST_CASE(a_cookie_session_needs_its_csrf_token_to_change_anything) {
  Site site;
  const Login s = login(site, "filler");
  BOOST_TEST(s.cookie.starts_with("gongshi_session=gs_"));
  for (const char* attribute : {"HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=28800"}) {
    BOOST_TEST(s.set_cookie.find(attribute) != std::string::npos, attribute);
  }
  BOOST_TEST(s.set_cookie.find("Secure") == std::string::npos);  // plain http here

  // Reading needs only the cookie; /me hands a reloaded page its CSRF token again.
  auto me = site.call("GET", "/api/v1/auth/me", "", "", {{"Cookie", "a=b; " + s.cookie}});
  BOOST_REQUIRE_MESSAGE(me.status == 200, me.body);
  BOOST_TEST(json_of(me).at("login").as_string() == "filler");
  BOOST_TEST(json_of(me).at("csrf_token").as_string() == s.csrf);

  // Writing without the token, or with another, is refused and stores nothing.
  const std::string body = site.penalty();
  auto none = site.call("POST", "/api/v1/records", "", body, {{"Cookie", s.cookie}});
  BOOST_TEST(none.status == 403);
  BOOST_TEST(json_of(none).at("message_zh").as_string().find("CSRF") != std::string::npos);
  const Login other = login(site, "reviewer");
  auto wrong = site.call("POST", "/api/v1/records", "", body,
                         {{"Cookie", s.cookie}, {"X-CSRF-Token", other.csrf}});
  BOOST_TEST(wrong.status == 403);
  BOOST_TEST(site.count("records") == 0);
  auto made = site.call("POST", "/api/v1/records", "", body,
                        {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}});
  BOOST_TEST(made.status == 201, made.body);
  BOOST_TEST(site.count("records") == 1);

  // A Bearer client needs no CSRF token.
  BOOST_TEST(site.call("GET", "/api/v1/records", "filler").status == 200);

  // Logging out ends the session on the server and clears the cookie.
  BOOST_TEST(site.call("POST", "/api/v1/auth/logout", "", "", {{"Cookie", s.cookie}}).status ==
             403);
  auto out = site.call("POST", "/api/v1/auth/logout", "", "",
                       {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}});
  BOOST_TEST(out.status == 204);
  BOOST_TEST(out.headers.at("set-cookie").find("Max-Age=0") != std::string::npos);
  BOOST_TEST(site.call("GET", "/api/v1/auth/me", "", "", {{"Cookie", s.cookie}}).status == 401);
  // A wrong password says so without saying which part was wrong.
  auto bad = site.call("POST", "/api/v1/auth/login", "", R"({"login":"filler","password":"x"})");
  auto unknown =
      site.call("POST", "/api/v1/auth/login", "", R"({"login":"nobody","password":"x"})");
  BOOST_TEST(bad.status == 401);
  BOOST_TEST(json_of(bad).at("message_zh") == json_of(unknown).at("message_zh"));
}

BOOST_AUTO_TEST_CASE(behind_tls_the_cookie_is_secure) {
  Site site({"--secure-cookies"});
  BOOST_TEST(login(site, "filler").set_cookie.find("; Secure") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_pages_are_served_at_the_root_with_their_headers) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("gongshi-web-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "assets");
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
  };
  write(
      "index.html",
      "<!doctype html><title>双公示</title><script type=module src=/assets/app-1a2b.js></script>");
  write("assets/app-1a2b.js", "console.log('登录')");
  write("favicon.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
  Site site({"--web", dir.string()});

  auto index = site.call("GET", "/");
  BOOST_TEST(index.status == 200);
  BOOST_TEST(index.headers.at("content-type") == "text/html; charset=utf-8");
  BOOST_TEST(index.body.find("双公示") != std::string::npos);
  const std::string csp = index.headers.at("content-security-policy");
  BOOST_TEST(csp.find("script-src 'self'") != std::string::npos);
  BOOST_TEST(csp.find("script-src 'self' 'unsafe-inline'") == std::string::npos);
  BOOST_TEST(index.headers.at("cache-control") == "no-cache");
  // The application's own paths get its index page; its router shows them.
  auto page = site.call("GET", "/records/410505/7/edit");
  BOOST_TEST(page.status == 200);
  BOOST_TEST(page.body == index.body);
  auto script = site.call("GET", "/assets/app-1a2b.js");
  BOOST_TEST(script.headers.at("content-type") == "text/javascript; charset=utf-8");
  BOOST_TEST(script.headers.at("cache-control").find("immutable") != std::string::npos);
  BOOST_TEST(site.call("GET", "/favicon.svg").headers.at("content-type") == "image/svg+xml");
  // Revalidation answers 304 without the body.
  auto again = site.call("GET", "/assets/app-1a2b.js", "", "",
                         {{"If-None-Match", script.headers.at("etag")}});
  BOOST_TEST(again.status == 304);
  BOOST_TEST(again.body.empty());
  // Missing files, paths out of the directory and the API keep their own answers.
  BOOST_TEST(site.call("GET", "/assets/nope.js").status == 404);
  BOOST_TEST(site.call("GET", "/../server_fixture.hpp").status == 404);
  auto api = site.call("GET", "/api/v1/nothing");
  BOOST_TEST(api.status == 404);
  BOOST_TEST(json_of(api).at("code").as_string() == "not_found");
  BOOST_TEST(site.call("GET", "/public/records").headers.at("content-type").find("json") !=
             std::string::npos);
  // No page may be framed unless a website is named for the public ones.
  BOOST_TEST(csp.find("frame-ancestors 'none'") != std::string::npos);
  BOOST_TEST(site.call("GET", "/gongshi").headers.at("x-frame-options") == "DENY");

  // A department's website embeds the public list; the signed-in pages stay unframeable.
  Site embedding({"--web", dir.string(), "--embed-origin", "https://www.anyang.gov.cn",
                  "--embed-origin", "http://localhost:8081"});
  auto list = embedding.call("GET", "/gongshi");
  BOOST_TEST(list.headers.at("content-security-policy")
                 .find("frame-ancestors 'self' https://www.anyang.gov.cn http://localhost:8081") !=
             std::string::npos);
  BOOST_TEST(!list.headers.contains("x-frame-options"));
  BOOST_TEST(
      embedding.call("GET", "/gongshi/410505/3").headers.contains("content-security-policy"));
  auto office = embedding.call("GET", "/board");
  BOOST_TEST(office.headers.at("content-security-policy").find("frame-ancestors 'none'") !=
             std::string::npos);
  BOOST_TEST(embedding.call("GET", "/gongshiX").headers.at("x-frame-options") == "DENY");
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
