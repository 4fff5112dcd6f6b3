// What the credit office's and the public's pages ask of the API: the public search (by name, code
// or 文书号, by department and date; a natural person by 文书号 only), the departments, the public
// 事项目录 and the Atom feed of a department's publications; the deadline board; a department's
// leader and contact; a rule version's script.
#include <boost/test/unit_test.hpp>
#include <set>

#include "server_fixture.hpp"

using namespace gongshi;
using namespace gongshi::test;

namespace {

std::vector<std::string> documents(const server::ClientResponse& r) {
  BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
  std::vector<std::string> out;
  const auto body = json_of(r);
  for (const auto& v : body.at("items").as_array()) {
    out.emplace_back(v.at("fields").at("CF_WSH").as_string());
  }
  return out;
}

boost::json::object published(Site& site, const std::string& body,
                              const std::string& filler = "filler",
                              const std::string& reviewer = "reviewer") {
  auto r = site.create(body, filler);
  r = site.took(r, "submit", filler);
  r = site.took(r, "approve", reviewer);
  return site.took(r, "publish", reviewer);
}

std::string encoded(const std::string& s) {
  std::string out;
  const char* hex = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(office_public_api)

BOOST_AUTO_TEST_CASE(the_public_search_the_catalog_and_the_feed) {
  Site site;
  published(site, site.penalty({{"CF_WSH", "殷市监罚〔2024〕搜-1号"},
                                {"CF_XDR_MC", "安阳市殷都区甲乙商贸有限公司"}}));
  published(site, site.penalty({{"CF_WSH", "殷市监罚〔2024〕搜-2号"},
                                {"CF_XDR_MC", "安阳市殷都区丙丁餐饮有限公司"},
                                {"CF_XDR_SHXYM", "91410505MA9K3W8L7R"}}));
  published(site,
            site.penalty({{"CF_WSH", "殷交罚〔2024〕搜-3号"},
                          {"CF_XDR_MC", "张某某"},
                          {"CF_XDR_LB", "自然人"},
                          {"CF_XDR_SHXYM", nullptr},
                          {"CF_FRDB", nullptr},
                          {"CF_XDR_ZJLX", "身份证"},
                          {"CF_XDR_ZJHM", "410505198506121232"},
                          {"CF_JDRQ", "2024-07-01"}},
                         site.transport),
            "other_filler", "other_admin");
  site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕搜-4号"},
                            {"CF_XDR_MC", "安阳市殷都区甲乙商贸有限公司"}}));  // a draft

  const auto search = [&](const std::string& query) {
    return documents(site.call("GET", "/public/records?" + query));
  };
  using V = std::vector<std::string>;
  BOOST_TEST(search("q=" + encoded("甲乙商贸")) == V{"殷市监罚〔2024〕搜-1号"});
  BOOST_TEST(search("q=" + encoded("殷市监罚〔2024〕搜-2号")) == V{"殷市监罚〔2024〕搜-2号"});
  BOOST_TEST(search("q=91410505MA9K3W8L7R").size() == 2);  // the sample's code is on both
  // A natural person: by 文书号, never by name or ID number, and masked.
  BOOST_TEST(search("q=" + encoded("张某某")).empty());
  BOOST_TEST(search("q=410505198506121232").empty());
  auto person = site.call("GET", "/public/records?q=" + encoded("殷交罚〔2024〕搜-3号"));
  BOOST_TEST(documents(person) == V{"殷交罚〔2024〕搜-3号"});
  BOOST_TEST(person.body.find("张**") != std::string::npos);
  BOOST_TEST(person.body.find("张某某") == std::string::npos);
  // The wildcards of LIKE are text.
  BOOST_TEST(search("q=%25").empty());
  BOOST_TEST(search("q=_").empty());
  // By department and by decision date.
  const auto transport = std::to_string(site.transport);
  BOOST_TEST(search("department_id=" + transport) == V{"殷交罚〔2024〕搜-3号"});
  BOOST_TEST(search("from=2024-07-02").size() == 2);
  BOOST_TEST(search("to=2024-07-01") == V{"殷交罚〔2024〕搜-3号"});
  BOOST_TEST(site.call("GET", "/public/records?from=2024-13-01").status == 400);
  BOOST_TEST(site.call("GET", "/public/records?q=" + std::string(101, 'a')).status == 400);
  auto one = json_of(site.call("GET", "/public/records?department_id=" + transport));
  BOOST_TEST(one.at("items").at(0).at("department_id").as_int64() == site.transport);

  // The departments and the catalog, without a login.
  auto departments = site.call("GET", "/public/departments?region=410505");
  BOOST_REQUIRE(departments.status == 200);
  BOOST_TEST(json_of(departments).at("items").as_array().size() == 2);
  BOOST_TEST(departments.body.find("uscc") == std::string::npos);
  BOOST_TEST(site.call("GET", "/public/departments?region=999999").status == 404);
  auto item = site.call(
      "POST", "/api/v1/catalog", "admin",
      R"({"department_id":)" + std::to_string(site.market) +
          R"(,"power_type":"行政处罚","name":"对销售过期食品的处罚",)"
          R"("basis":"《食品安全法》第一百二十四条","subject_categories":"法人及非法人组织"})");
  BOOST_REQUIRE_MESSAGE(item.status == 201, item.body);
  auto catalog = json_of(site.call("GET", "/public/catalog?region=410505"));
  BOOST_REQUIRE(catalog.at("items").as_array().size() == 1);
  const auto& entry = catalog.at("items").at(0);
  BOOST_TEST(entry.at("name").as_string() == "对销售过期食品的处罚");
  BOOST_TEST(entry.at("department").as_string() == "安阳市殷都区市场监督管理局");
  BOOST_TEST(entry.at("scope").as_string() == "社会公开");
  BOOST_TEST(json_of(site.call("GET", "/public/catalog?region=410505&department_id=" + transport))
                 .at("items")
                 .as_array()
                 .empty());

  // The Atom feed of one department: its publications, newest first, escaped, masked.
  auto feed = site.call("GET", "/public/feed.atom?department_id=" + std::to_string(site.market));
  BOOST_REQUIRE(feed.status == 200);
  BOOST_TEST(feed.headers["content-type"].find("application/atom+xml") == 0);
  BOOST_TEST(feed.body.find("<feed xmlns=\"http://www.w3.org/2005/Atom\"") != std::string::npos);
  BOOST_TEST(feed.body.find("<title>安阳市殷都区市场监督管理局 · 双公示信息</title>") !=
             std::string::npos);
  const auto second = feed.body.find("丙丁餐饮");
  const auto first = feed.body.find("甲乙商贸");
  BOOST_TEST((second != std::string::npos && first != std::string::npos && second < first));
  BOOST_TEST(feed.body.find("搜-3号") == std::string::npos);  // another department's
  BOOST_TEST(feed.body.find("搜-4号") == std::string::npos);  // a draft
  BOOST_TEST(feed.body.find("<link rel=\"alternate\" href=\"/gongshi/410505/") !=
             std::string::npos);
  BOOST_TEST(site.call("GET", "/public/feed.atom?department_id=999").status == 404);
}

BOOST_AUTO_TEST_CASE(the_deadline_board_counts_and_lists_by_department) {
  Site site;  // now: Friday 2024-07-05 09:00
  // Decided 2024-06-28: 公示期限 (5 working days) 2024-07-05, today.
  auto today =
      site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕板-1号"}, {"CF_JDRQ", "2024-06-28"}}));
  site.took(today, "submit", "filler");
  // Decided 2024-06-03: long past its deadline, close to or past 漏报.
  auto late =
      site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕板-2号"}, {"CF_JDRQ", "2024-06-03"}}));
  site.took(late, "submit", "filler");
  // Published: not on the board.
  published(site, site.penalty({{"CF_WSH", "殷市监罚〔2024〕板-3号"}, {"CF_JDRQ", "2024-06-03"}}));

  BOOST_TEST(site.call("GET", "/api/v1/reports/board", "filler").status == 403);
  BOOST_TEST(site.call("GET", "/api/v1/reports/board", "admin").status == 403);
  auto board = site.call("GET", "/api/v1/reports/board", "office");
  BOOST_REQUIRE_MESSAGE(board.status == 200, board.body);
  const auto b = json_of(board);
  BOOST_TEST(b.at("today").as_string() == "2024-07-05");
  const auto& departments = b.at("departments").as_array();
  BOOST_REQUIRE(departments.size() == 1);
  const auto& market = departments.at(0);
  BOOST_TEST(market.at("department_id").as_int64() == site.market);
  BOOST_TEST(market.at("open").as_int64() == 2);
  BOOST_TEST(market.at("due_today").as_int64() == 1);
  BOOST_TEST(market.at("late").as_int64() + market.at("missing").as_int64() == 1);
  const auto& records = b.at("records").as_array();
  BOOST_REQUIRE(records.size() == 2);
  BOOST_TEST(records.at(0).at("document_no").as_string() ==
             "殷市监罚〔2024〕板-2号");  // most urgent
  BOOST_TEST(records.at(0).at("working_days_left").as_int64() < 0);
  BOOST_TEST(records.at(0).at("days_to_missing").is_int64());
  BOOST_TEST(records.at(1).at("working_days_left").as_int64() == 0);
  BOOST_TEST(records.at(1).at("days_to_missing").is_null());
  BOOST_TEST(site.call("GET", "/api/v1/reports/board?region=410000", "office").status == 403);
}

BOOST_AUTO_TEST_CASE(a_departments_contacts_and_a_rule_versions_script) {
  Site site;
  const std::string market = "/api/v1/departments/" + std::to_string(site.market);
  const std::string contacts =
      R"({"leader":"王副局长","section":"法规科","contact_name":"李四","contact_phone":"0372-5551234"})";
  BOOST_TEST(site.call("PATCH", market, "filler", contacts).status == 403);
  BOOST_TEST(site.call("PATCH", market, "other_admin", contacts).status == 403);
  auto own = site.call("PATCH", market, "admin", contacts);  // the department's own admin
  BOOST_REQUIRE_MESSAGE(own.status == 200, own.body);
  BOOST_TEST(json_of(own).at("leader").as_string() == "王副局长");
  // What is not sent stays; the 信用办 may change any of its region's.
  auto office = site.call("PATCH", market, "office", R"({"contact_phone":"0372-5550000"})");
  BOOST_REQUIRE_MESSAGE(office.status == 200, office.body);
  BOOST_TEST(json_of(office).at("section").as_string() == "法规科");
  BOOST_TEST(json_of(office).at("contact_phone").as_string() == "0372-5550000");
  BOOST_TEST(site.call("PATCH", market, "office", R"({"leader":")" + std::string(101, 'x') + "\"}")
                 .status == 400);
  auto listed = json_of(site.call("GET", "/api/v1/departments", "office"));
  bool found = false;
  for (const auto& d : listed.at("items").as_array()) {
    if (d.at("id").as_int64() != site.market) continue;
    found = true;
    BOOST_TEST(d.at("contact_name").as_string() == "李四");
  }
  BOOST_TEST(found);

  // Before 机构改革 the 信用办 sees what a merge would move; a department's admin may not merge.
  const auto holdings = [&](const char* login) {
    return site.call("GET", market + "/holdings", login);
  };
  site.create(site.penalty());
  BOOST_TEST(holdings("admin").status == 403);
  auto before_merge = holdings("office");
  BOOST_REQUIRE_MESSAGE(before_merge.status == 200, before_merge.body);
  BOOST_TEST(json_of(before_merge).at("records").as_int64() == 1);
  BOOST_TEST(json_of(before_merge).at("open_records").as_int64() == 1);
  BOOST_TEST(json_of(before_merge).at("users").as_int64() == 3);  // filler, reviewer, admin
  BOOST_TEST(holdings("neighbour_office").status == 404);         // another region's department

  // Who may give which roles, as the access policy says: a department's admin only its own.
  const auto grantable = [&](const char* login) {
    std::set<std::string> out;
    auto me = json_of(site.call("GET", "/api/v1/auth/me", login));
    for (const auto& r : me.at("grantable_roles").as_array()) out.emplace(r.as_string());
    return out;
  };
  BOOST_TEST(grantable("admin") == (std::set<std::string>{"filler", "reviewer", "dept_admin"}),
             boost::test_tools::per_element());
  BOOST_TEST(grantable("filler").empty());
  BOOST_TEST(grantable("office").count("objection_handler") == 1u);
  BOOST_TEST(grantable("office").count("sysadmin") == 0u);
  BOOST_TEST(!json_of(site.call("GET", "/api/v1/auth/me", "admin")).at("region_wide").as_bool());

  auto versions = json_of(site.call("GET", "/api/v1/rules/410505/versions", "office"));
  const std::string hash(versions.at("script_hash").as_string());
  auto script = site.call("GET", "/api/v1/rules/410505/versions/" + hash, "office");
  BOOST_REQUIRE_MESSAGE(script.status == 200, script.body);
  BOOST_TEST(json_of(script).at("script").as_string().size() > 0);
  BOOST_TEST(json_of(script).at("active").as_bool());
  BOOST_TEST(site.call("GET", "/api/v1/rules/410505/versions/" + hash, "filler").status == 403);
  BOOST_TEST(site.call("GET", "/api/v1/rules/410505/versions/abc", "office").status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
