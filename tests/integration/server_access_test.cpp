// Who may do what, route by route: every combination that must be refused is refused (401 without
// a token, 403 or 404 with the wrong role or scope), and the admin and rules routes work for the
// roles that own them.
#include <fstream>

#include "server_fixture.hpp"

namespace gongshi::test {
namespace {

using boost::json::object;

struct Refusal {
  const char* method;
  std::string path;
  const char* login;  // "" = no token
  int status;
  std::string body = "{}";
};

BOOST_AUTO_TEST_SUITE(access)

BOOST_AUTO_TEST_CASE(route_role_refusals) {
  Site site;
  auto rec = site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕61号"}}));
  const std::string r = path_of(rec);
  const std::string dept = std::to_string(site.market);
  const std::string other_dept = std::to_string(site.transport);
  const std::string new_user = R"({"login":"x1","password":"password-1","region":"410505",)"
                               R"("department_id":)" +
                               dept + R"(,"roles":["filler"]})";
  const std::string new_office = R"({"login":"x2","password":"password-1","region":"410505",)"
                                 R"("roles":["credit_office"]})";
  const std::string new_dept = R"({"region":"410505","name":"新部门"})";
  const std::string item = R"({"department_id":)" + dept +
                           R"(,"seq":1,"power_type":"行政处罚","name":"对销售过期食品的处罚"})";
  const std::string hook =
      R"({"url":"http://127.0.0.1:9/hook","events":["*"],"secret":"0123456789abcdef"})";
  const std::vector<Refusal> refusals{
      // No token: every non-public route.
      {"GET", "/api/v1/records", "", 401},
      {"POST", "/api/v1/records", "", 401, site.penalty()},
      {"POST", "/api/v1/records/batch", "", 401},
      {"GET", r, "", 401},
      {"GET", r + "/transitions", "", 401},
      {"POST", r + "/transitions/submit", "", 401},
      {"GET", r + "/history", "", 401},
      {"POST", "/api/v1/imports?kind=penalty", "", 401, "a,b"},
      {"GET", "/api/v1/imports/1", "", 401},
      {"GET", "/api/v1/departments", "", 401},
      {"POST", "/api/v1/departments", "", 401, new_dept},
      {"GET", "/api/v1/users", "", 401},
      {"POST", "/api/v1/users", "", 401, new_user},
      {"PATCH", "/api/v1/users/1", "", 401},
      {"POST", "/api/v1/users/1/tokens", "", 401},
      {"GET", "/api/v1/catalog", "", 401},
      {"POST", "/api/v1/catalog", "", 401, item},
      {"GET", "/api/v1/rules/410505/versions", "", 401},
      {"POST", "/api/v1/rules/410505/versions", "", 401, "return {}"},
      {"POST", "/api/v1/rules/410505/test", "", 401, "return {}"},
      {"GET", "/api/v1/webhooks", "", 401},
      {"POST", "/api/v1/webhooks", "", 401, hook},
      {"DELETE", "/api/v1/webhooks/1", "", 401},
      {"GET", "/api/v1/webhooks/1/deliveries", "", 401},
      {"GET", "/api/v1/auth/me", "", 401},
      // Creating records: department users only, for their own department.
      {"POST", "/api/v1/records", "reviewer", 403, site.penalty()},
      {"POST", "/api/v1/records", "office", 403, site.penalty()},
      {"POST", "/api/v1/records", "handler", 403, site.penalty()},
      {"POST", "/api/v1/records", "sysadmin", 403, site.penalty()},
      // Without a department named: still the role is what refuses them.
      {"POST", "/api/v1/records", "office", 403,
       R"({"kind":"penalty","fields":{"CF_WSH":"殷市监罚〔2024〕1号"}})"},
      {"POST", "/api/v1/records", "other_filler", 403, site.penalty()},
      {"POST", "/api/v1/records/batch", "reviewer", 403, R"({"records":[]})"},
      {"POST", "/api/v1/imports?kind=penalty", "reviewer", 403, "a,b"},
      {"POST", "/api/v1/imports?kind=penalty", "office", 403, "a,b"},
      // Another department's or region's record does not exist for them.
      {"GET", r, "other_filler", 404},
      {"GET", r, "other_admin", 404},
      {"GET", r + "/history", "other_filler", 404},
      {"GET", r + "/transitions", "other_admin", 404},
      {"POST", r + "/transitions/submit", "other_filler", 404},
      {"GET", r, "neighbour_office", 404},
      {"GET", "/api/v1/records?region=410505", "neighbour_office", 403},
      // Lifecycle roles.
      {"POST", r + "/transitions/submit", "reviewer", 403},
      {"POST", r + "/transitions/submit", "office", 403},
      {"POST", r + "/transitions/submit", "handler", 403},
      {"POST", r + "/transitions/approve", "filler", 404},  // no such edge from draft
      // Directory administration.
      {"POST", "/api/v1/departments", "admin", 403, new_dept},
      {"POST", "/api/v1/departments", "filler", 403, new_dept},
      {"POST", "/api/v1/departments", "neighbour_office", 403, new_dept},
      {"GET", "/api/v1/users", "filler", 403},
      {"GET", "/api/v1/users", "reviewer", 403},
      {"POST", "/api/v1/users", "filler", 403, new_user},
      {"POST", "/api/v1/users", "other_admin", 403, new_user},
      {"POST", "/api/v1/users", "admin", 403, new_office},
      {"POST", "/api/v1/users", "neighbour_office", 403, new_user},
      {"POST", "/api/v1/users", "office", 403,
       R"({"login":"x3","password":"password-1","roles":["sysadmin"]})"},
      {"POST", "/api/v1/catalog", "filler", 403, item},
      {"POST", "/api/v1/catalog", "other_admin", 403, item},
      {"GET", "/api/v1/catalog?region=410122", "filler", 403},
      // Rules: the 信用办 and the system administrator of the region or above.
      {"GET", "/api/v1/rules/410505/versions", "admin", 403},
      {"GET", "/api/v1/rules/410505/versions", "filler", 403},
      {"POST", "/api/v1/rules/410505/versions", "admin", 403, "return {}"},
      {"POST", "/api/v1/rules/410505/versions", "neighbour_office", 403, "return {}"},
      {"POST", "/api/v1/rules/410500/versions", "office", 403, "return {}"},
      {"POST", "/api/v1/rules/410505/test", "reviewer", 403, "return {}"},
      // Reports: the 信用办 and the system administrator.
      {"GET", "/api/v1/reports/monthly?month=2024-07", "", 401},
      {"GET", "/api/v1/reports/monthly?month=2024-07", "filler", 403},
      {"GET", "/api/v1/reports/monthly?month=2024-07", "admin", 403},
      {"GET", "/api/v1/reports/monthly?month=2024-07&region=410505", "neighbour_office", 403},
      {"GET", "/api/v1/reports/catalog?month=2024-07", "reviewer", 403},
      // Webhooks: admins only.
      {"GET", "/api/v1/webhooks", "filler", 403},
      {"POST", "/api/v1/webhooks", "filler", 403, hook},
      {"POST", "/api/v1/webhooks", "reviewer", 403, hook},
  };
  for (const auto& x : refusals) {
    auto res = site.call(x.method, x.path, x.login, x.body);
    BOOST_TEST(res.status == x.status, x.method << " " << x.path << " as '" << x.login
                                                << "': " << res.status << " " << res.body);
    if (res.status >= 400) BOOST_TEST(json_of(res).at("message_zh").is_string());
  }
  // Nothing above changed anything.
  BOOST_TEST(site.count("records") == 1);
  BOOST_TEST(site.count("events") == 1);
  auto still = json_of(site.call("GET", r, "filler"));
  BOOST_TEST(still.at("state").as_string() == "draft");
}

BOOST_AUTO_TEST_CASE(admins_manage_their_own_scope) {
  Site site;
  // The office adds a township; the department admin adds a filler and a catalog item.
  auto d = site.call("POST", "/api/v1/departments", "office",
                     R"({"name":"曲沟镇人民政府","kind":"township"})");
  BOOST_TEST(d.status == 201);
  BOOST_TEST(json_of(d).at("region").as_string() == "410505");
  auto u = site.call("POST", "/api/v1/users", "admin",
                     R"({"login":"new_filler","password":"password-9","region":"410505",)"
                     R"("department_id":)" +
                         std::to_string(site.market) + R"(,"roles":["filler"]})");
  BOOST_TEST(u.status == 201);
  // Neither the password nor its hash comes back (the flags about it do).
  BOOST_TEST(u.body.find("password-9") == std::string::npos);
  BOOST_TEST(u.body.find("argon2") == std::string::npos);
  BOOST_TEST(u.body.find("password_hash") == std::string::npos);
  BOOST_TEST(json_of(u).at("must_change_password").as_bool());  // an administrator set it
  auto dup = site.call("POST", "/api/v1/users", "admin",
                       R"({"login":"new_filler","password":"password-9","department_id":)" +
                           std::to_string(site.market) + R"(,"roles":["filler"]})");
  BOOST_TEST(dup.status == 409);
  BOOST_TEST(site.call("POST", "/api/v1/users", "admin",
                       R"({"login":"short","password":"abc","department_id":)" +
                           std::to_string(site.market) + R"(,"roles":["filler"]})")
                 .status == 400);
  // Weak passwords are refused with the rule named, on creation and on change (issue 29).
  for (const std::string weak : {"password", "12345678", "aaaaaaaa", "        ", "Password1",
                                 "qwertyuiop", "New_Filler-1"}) {
    const auto body = boost::json::serialize(boost::json::object{{"login", "new_filler"},
                                                                 {"password", weak},
                                                                 {"department_id", site.market},
                                                                 {"roles", {"filler"}}});
    const auto refused = site.call("POST", "/api/v1/users", "admin", body);
    BOOST_TEST(refused.status == 400, weak << " → " << refused.body);
    BOOST_TEST(refused.body.find("密码不符合要求") != std::string::npos, refused.body);
    const auto changed =
        site.call("PATCH", "/api/v1/users/" + std::to_string(json_of(u).at("id").as_int64()),
                  "admin", boost::json::serialize(boost::json::object{{"password", weak}}));
    BOOST_TEST(changed.status == 400, weak << " → " << changed.body);
  }
  auto login = site.call("POST", "/api/v1/auth/login", "",
                         R"({"login":"new_filler","password":"password-9"})");
  BOOST_TEST(login.status == 200);
  // The admin's list holds its own department only; the office's the whole region.
  auto mine = json_of(site.call("GET", "/api/v1/users", "admin"));
  for (const auto& x : mine.at("items").as_array()) {
    BOOST_TEST(x.at("department_id").as_int64() == site.market);
  }
  auto region = json_of(site.call("GET", "/api/v1/users", "office"));
  BOOST_TEST(region.at("items").as_array().size() > mine.at("items").as_array().size());
  // Disable the new user: its session stops working.
  const auto id = json_of(u).at("id").as_int64();
  const std::string token(json_of(login).at("token").as_string());
  BOOST_TEST(site.server->call("GET", "/api/v1/auth/me", token).status == 200);
  BOOST_TEST(
      site.call("PATCH", "/api/v1/users/" + std::to_string(id), "admin", R"({"active":false})")
          .status == 200);
  BOOST_TEST(site.server->call("GET", "/api/v1/auth/me", token).status == 401);
  // An API token for a department system acts as its user.
  auto t = site.call("POST", "/api/v1/users/" + std::to_string(id) + "/tokens", "admin",
                     R"({"label":"执法办案系统"})");
  BOOST_TEST(t.status == 201);
  BOOST_TEST(
      site.call("PATCH", "/api/v1/users/" + std::to_string(id), "admin", R"({"active":true})")
          .status == 200);
  const std::string api(json_of(t).at("token").as_string());
  auto created = site.server->call("POST", "/api/v1/records", api,
                                   site.penalty({{"CF_WSH", "殷市监罚〔2024〕71号"}}));
  BOOST_TEST(created.status == 201);

  auto item = site.call(
      "POST", "/api/v1/catalog", "admin",
      R"({"department_id":)" + std::to_string(site.market) +
          R"(,"seq":1,"power_type":"行政处罚","name":"对销售过期食品的处罚",)"
          R"("basis":"《食品安全法》第一百二十四条","subject_categories":"法人及非法人组织、个体工商户"})");
  BOOST_TEST(item.status == 201);
  BOOST_TEST(site.call("POST", "/api/v1/catalog", "admin",
                       R"({"department_id":)" + std::to_string(site.market) +
                           R"(,"seq":2,"power_type":"行政检查","name":"x"})")
                 .status == 400);
  auto catalog = json_of(site.call("GET", "/api/v1/catalog", "filler"));
  BOOST_TEST(catalog.at("items").as_array().size() == 1u);
  BOOST_TEST(catalog.at("items").at(0).at("scope").as_string() == "社会公开");
  auto departments = json_of(site.call("GET", "/api/v1/departments", "filler"));
  BOOST_TEST(departments.at("items").as_array().size() == 3u);

  // The monthly report of July: the record the API token created, counted for its department.
  auto report = site.call("GET", "/api/v1/reports/monthly?month=2024-07", "office");
  BOOST_TEST(report.status == 200, report.body);
  const auto r = json_of(report);
  BOOST_TEST(r.at("department_total").at("total").as_int64() == 1);
  BOOST_TEST(r.at("departments").at(0).at("name").as_string() == "安阳市殷都区市场监督管理局");
  auto csv = site.call("GET", "/api/v1/reports/monthly?month=2024-07&format=csv", "city_office");
  BOOST_TEST(csv.status == 200);
  BOOST_TEST(csv.body.find("序号,部门,迟报数量") != std::string::npos);
  auto xlsx = site.call("GET", "/api/v1/reports/monthly?month=2024-07&format=xlsx", "office");
  BOOST_TEST(xlsx.status == 200);
  BOOST_TEST(xlsx.body.substr(0, 2) == "PK");
  BOOST_TEST(site.call("GET", "/api/v1/reports/monthly?month=July", "office").status == 400);
  auto catalog_report = site.call("GET", "/api/v1/reports/catalog?month=2024-07", "office");
  BOOST_TEST(catalog_report.status == 200);
  BOOST_TEST(json_of(catalog_report).at("unused_items").as_array().size() == 1u);
}

// A credit office is region-wide, but only in its region: an id of another region's department
// attaches nothing to it (before, users, webhooks and catalog items were made there).
BOOST_AUTO_TEST_CASE(a_credit_office_cannot_attach_to_another_regions_department) {
  Site site({"--webhook-allow", "127.0.0.1"});
  auto far = in_transaction<std::int64_t>(*site.tdb.db, [](Tx& tx) {
    return insert_department(tx,
                             {"410122", 0, {}, "department", "中牟县市场监督管理局", "", {}, {}});
  });
  BOOST_REQUIRE(far.ok());
  const std::string dept = std::to_string(*far);
  const std::vector<std::pair<std::string, std::string>> attempts = {
      {"/api/v1/users", R"({"login":"spy","password":"password-1","department_id":)" + dept +
                            R"(,"roles":["filler"]})"},
      {"/api/v1/webhooks", R"({"url":"http://127.0.0.1:9/","secret":"0123456789abcdef",)"
                           R"("department_id":)" +
                               dept + "}"},
      {"/api/v1/catalog", R"({"department_id":)" + dept +
                              R"(,"seq":1,"power_type":"行政处罚","name":"对销售过期食品的处罚"})"},
      {"/api/v1/departments", R"({"name":"某乡镇","kind":"township","parent_id":)" + dept + "}"},
      // An id that exists nowhere gets the same answer.
      {"/api/v1/users", R"({"login":"spy2","password":"password-1","department_id":999999,)"
                        R"("roles":["filler"]})"},
  };
  const auto users = site.count("users"), hooks = site.count("webhook_subscriptions"),
             catalog = site.count("catalog_items"), depts = site.count("departments");
  for (const auto& [path, body] : attempts) {
    BOOST_TEST_CONTEXT(path << " " << body) {
      auto r = site.call("POST", path, "office", body);
      BOOST_TEST(r.status == 400);
      BOOST_TEST(r.body.find("has no department") != std::string::npos, r.body);
    }
  }
  BOOST_TEST(site.count("users") == users);
  BOOST_TEST(site.count("webhook_subscriptions") == hooks);
  BOOST_TEST(site.count("catalog_items") == catalog);
  BOOST_TEST(site.count("departments") == depts);
  // Its own region's department is fine.
  auto own = site.call("POST", "/api/v1/users", "office",
                       R"({"login":"new_filler","password":"password-1","department_id":)" +
                           std::to_string(site.market) + R"(,"roles":["filler"]})");
  BOOST_TEST(own.status == 201, own.body);
}

BOOST_AUTO_TEST_CASE(rules_upload_test_and_refusal) {
  Site site;
  std::ifstream in(std::filesystem::path(GONGSHI_SOURCE_DIR) / "rules_lua/410505.lua");
  const std::string script((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto before = json_of(site.call("GET", "/api/v1/rules/410505/versions", "office"));
  const std::string old_version(before.at("rule_version").as_string());

  // A script whose own test fails is refused with the failure, and nothing changes.
  std::string broken = script;
  const auto pos = broken.find("publish_by = \"2024-07-10\"");
  BOOST_REQUIRE(pos != std::string::npos);
  broken.replace(pos, 25, "publish_by = \"2024-07-11\"");
  auto refused = site.call("POST", "/api/v1/rules/410505/versions", "office", broken,
                           {{"Content-Type", "text/x-lua"}});
  BOOST_TEST(refused.status == 422);
  BOOST_TEST(std::string(json_of(refused).at("message_en").as_string()).find("2024-07-11") !=
             std::string::npos);
  auto syntax = site.call("POST", "/api/v1/rules/410505/test", "office", "return {",
                          {{"Content-Type", "text/x-lua"}});
  BOOST_TEST(syntax.status == 422);
  auto same = json_of(site.call("GET", "/api/v1/rules/410505/versions", "office"));
  BOOST_TEST(same.at("rule_version").as_string() == old_version);

  // Testing without activating reports the cases; uploading swaps it in and records it.
  const std::string changed = script + "\n-- 2024-07 revision\n";
  auto tested = site.call("POST", "/api/v1/rules/410505/test", "office", changed,
                          {{"Content-Type", "text/x-lua"}});
  BOOST_TEST(tested.status == 200);
  BOOST_TEST(json_of(tested).at("tests").at("cases").as_int64() > 0);
  BOOST_TEST(json_of(site.call("GET", "/api/v1/rules/410505/versions", "office"))
                 .at("rule_version")
                 .as_string() == old_version);
  auto up = site.call("POST", "/api/v1/rules/410505/versions", "office", changed,
                      {{"Content-Type", "text/x-lua"}});
  BOOST_TEST(up.status == 201);
  auto after = json_of(site.call("GET", "/api/v1/rules/410505/versions", "city_office"));
  BOOST_TEST(after.at("rule_version").as_string() != old_version);
  // The upload, and the script from rules_lua the server archived at start (kept, not active).
  BOOST_TEST(after.at("versions").as_array().size() == 2u);
  int active = 0;
  for (const auto& v : after.at("versions").as_array()) {
    if (v.at("active").as_bool()) {
      ++active;
      BOOST_TEST(v.at("author").as_string() == "office");
    } else {
      BOOST_TEST(v.at("author").as_string() == "rules_lua");
    }
  }
  BOOST_TEST(active == 1);
  // A record created now carries the new version.
  auto rec = site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕81号"}}));
  BOOST_TEST(rec.at("rule_version").as_string() == after.at("rule_version").as_string());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace gongshi::test
