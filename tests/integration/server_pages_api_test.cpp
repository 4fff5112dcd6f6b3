// What the web pages ask of the API beside the record routes: the form's schema with its hints,
// the lifecycle's labels, the list's state labels, working days left and deadline order, and the
// filtered list as XLSX.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <map>

#include "engine/exchange/table_reader.hpp"
#include "server_fixture.hpp"

using namespace gongshi;
using namespace gongshi::test;

namespace {

const boost::json::object* item(const boost::json::value& list, const std::string& doc) {
  for (const auto& v : list.at("items").as_array()) {
    if (v.at("document_no").as_string() == doc) return &v.as_object();
  }
  return nullptr;
}

// The rows of an XLSX answer, read back with the project's own reader.
std::vector<std::vector<std::string>> xlsx_rows(const std::string& bytes) {
  const auto file = std::filesystem::temp_directory_path() /
                    ("gongshi-export-" + std::to_string(getpid()) + ".xlsx");
  std::ofstream(file, std::ios::binary) << bytes;
  std::vector<std::vector<std::string>> rows;
  auto reader = open_xlsx(file);
  BOOST_REQUIRE_MESSAGE(reader, "the export is not a readable XLSX");
  std::vector<std::string> cells;
  while (true) {
    auto more = (*reader)->next(cells);
    BOOST_REQUIRE(more);
    if (!*more) break;
    rows.push_back(cells);
  }
  std::filesystem::remove(file);
  return rows;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(page_api)

BOOST_AUTO_TEST_CASE(the_schema_and_the_lifecycle_describe_the_forms_without_sign_in) {
  Site site;
  auto schema = site.call("GET", "/api/v1/schemas/penalty", "");
  BOOST_REQUIRE_MESSAGE(schema.status == 200, schema.body);
  const auto props = json_of(schema).at("properties").as_object();
  const auto& category = props.at("CF_XDR_LB").at("x-gongshi").as_object();
  BOOST_TEST(category.at("type").as_string() == "enumeration");
  BOOST_TEST(category.at("presence").as_string() == "required");
  const auto& options = category.at("options").as_array();
  BOOST_TEST(std::find(options.begin(), options.end(), boost::json::value("自然人")) !=
             options.end());
  const auto& fine = props.at("CF_NR_FK").at("x-gongshi").at("shown_when").as_object();
  BOOST_TEST(fine.at("field").as_string() == "CF_CFLB");
  BOOST_TEST(fine.at("any_of").as_array() == boost::json::array{"罚款"});
  const auto& id_no = props.at("CF_XDR_ZJHM").at("x-gongshi").at("shown_when").as_object();
  BOOST_TEST(id_no.at("any_of").as_array() == boost::json::array{"自然人"});
  BOOST_TEST(props.at("CF_CFLB").at("x-gongshi").at("other").as_bool());
  BOOST_TEST(site.call("GET", "/api/v1/schemas/nothing", "").status == 400);

  auto lc = site.call("GET", "/api/v1/lifecycle", "");
  BOOST_REQUIRE_MESSAGE(lc.status == 200, lc.body);
  const auto l = json_of(lc);
  BOOST_TEST(l.at("initial").as_string() == "draft");
  BOOST_TEST(l.at("roles").at("filler").as_string() == "填报员");
  bool returned = false;
  for (const auto& s : l.at("states").as_array()) {
    if (s.at("name") == "returned") {
      returned = s.at("label") == "已退回" && !s.at("editors").as_array().empty();
    }
  }
  BOOST_TEST(returned);
  BOOST_TEST(l.at("notes").at("edit").as_string() == "修改字段");
  // The events that open an objection or a repair say so (the queues ask who may 受理).
  std::map<std::string, std::string> opens;
  for (const auto& e : l.at("events").as_array()) {
    if (e.at("opens").is_string())
      opens[std::string(e.at("name").as_string())] = e.at("opens").as_string();
  }
  BOOST_TEST(opens["object"] == "objection");
  BOOST_TEST(opens["request_repair"] == "repair");
  BOOST_TEST(opens.size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_list_has_labels_days_left_and_a_deadline_order) {
  Site site;  // now: 2024-07-05 09:00, Shanghai
  auto recent = site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕近-1号"}}));
  auto older =
      site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕早-1号"}, {"CF_JDRQ", "2024-06-20"}}));

  auto list = json_of(site.call("GET", "/api/v1/records", "filler"));
  const auto* a = item(list, "殷市监罚〔2024〕近-1号");
  const auto* b = item(list, "殷市监罚〔2024〕早-1号");
  BOOST_REQUIRE(a != nullptr);
  BOOST_REQUIRE(b != nullptr);
  BOOST_TEST(a->at("state_label").as_string() == "草稿");
  BOOST_TEST(a->at("working_days_left").as_int64() > 0);
  BOOST_TEST(b->at("working_days_left").as_int64() < 0);  // late: its publish-by date has passed
  auto overdue = json_of(site.call("GET", "/api/v1/records?overdue=true", "filler"));
  BOOST_TEST(item(overdue, "殷市监罚〔2024〕早-1号") != nullptr);
  BOOST_TEST(item(overdue, "殷市监罚〔2024〕近-1号") == nullptr);

  // Newest first by default; the earliest deadline first when asked, on one page.
  const auto& newest = list.at("items").as_array();
  BOOST_TEST(newest.at(0).at("id") == older.at("id"));
  auto by_deadline = json_of(site.call("GET", "/api/v1/records?order=deadline", "filler"));
  BOOST_TEST(by_deadline.at("items").as_array().at(0).at("id") == older.at("id"));
  BOOST_TEST(by_deadline.at("next_before").is_null());
  BOOST_TEST(site.call("GET", "/api/v1/records?order=deadline&before=9", "filler").status == 400);
  BOOST_TEST(site.call("GET", "/api/v1/records?order=oldest", "filler").status == 400);

  // Published: no days left to count.
  auto r = site.took(recent, "submit", "filler");
  r = site.took(r, "approve", "reviewer");
  r = site.took(r, "publish", "reviewer");
  BOOST_TEST(r.at("working_days_left").is_null());
  BOOST_TEST(r.at("state_label").as_string() == "已公示");
  // The page sends an event that carries fields (部门更正) to the record's form.
  auto next = json_of(site.call(
      "GET", "/api/v1/records/410505/" + std::to_string(r.at("id").as_int64()) + "/transitions",
      "admin"));
  bool amend = false;
  for (const auto& e : next.at("events").as_array()) {
    if (e.at("event") == "amend") amend = e.at("fields_required").as_bool();
    if (e.at("event") == "revoke") BOOST_TEST(!e.at("fields_required").as_bool());
  }
  BOOST_TEST(amend);
}

BOOST_AUTO_TEST_CASE(the_export_is_the_filtered_list_as_xlsx) {
  Site site;
  site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕导-1号"}}));
  site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕导-2号"}}));

  auto all = site.call("GET", "/api/v1/records/export.xlsx?kind=penalty", "filler");
  BOOST_REQUIRE_MESSAGE(all.status == 200, all.body);
  BOOST_TEST(all.headers["content-type"].find("spreadsheetml") != std::string::npos);
  auto rows = xlsx_rows(all.body);
  BOOST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(rows[0].at(3) == "文书号");
  BOOST_TEST(rows[1].at(3) == "殷市监罚〔2024〕导-2号");
  BOOST_TEST(rows[1].at(6) == "草稿");

  // The filters apply, and so does access: another department's filler gets only the headers.
  BOOST_TEST(xlsx_rows(site.call("GET", "/api/v1/records/export.xlsx?kind=license", "filler").body)
                 .size() == 1u);
  BOOST_TEST(
      xlsx_rows(site.call("GET", "/api/v1/records/export.xlsx", "other_filler").body).size() == 1u);
  BOOST_TEST(site.call("GET", "/api/v1/records/export.xlsx", "").status == 401);
  BOOST_TEST(site.call("GET", "/api/v1/records/export.xlsx?state=nonsense", "filler").status ==
             400);
}

BOOST_AUTO_TEST_SUITE_END()
