// The server's parts that need no network: routes and their patterns, the OpenAPI spec against the
// route table, masking, webhook signatures and backoff, spreadsheet reading and writing, and the
// published JSON Schemas against the code.
#define BOOST_TEST_MODULE server_unit
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/exchange/table_reader.hpp"
#include "engine/exchange/xlsx_writer.hpp"
#include "engine/model/json_pretty.hpp"
#include "engine/model/json_schema.hpp"
#include "engine/service/import.hpp"
#include "engine/service/webhook_service.hpp"
#include "server/app.hpp"
#include "server/record_view.hpp"

namespace gongshi::server {
namespace {

const std::filesystem::path kSource = GONGSHI_SOURCE_DIR;

std::filesystem::path temp_file(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("gongshi-unit-" + std::to_string(::getpid()) + "-" + name);
}

std::vector<std::vector<std::string>> read_all(const std::filesystem::path& file) {
  auto reader = open_table(file);
  BOOST_REQUIRE_MESSAGE(reader.ok(), (reader.ok() ? "" : reader.error().message_en));
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> cells;
  while (true) {
    auto more = (*reader)->next(cells);
    BOOST_REQUIRE_MESSAGE(more.ok(), (more.ok() ? "" : more.error().message_en));
    if (!*more) break;
    rows.push_back(cells);
  }
  return rows;
}

BOOST_AUTO_TEST_CASE(patterns_match_segments_and_suffixes) {
  std::map<std::string, std::string> p;
  BOOST_TEST(match_pattern("/api/v1/records/{region}/{id}", "/api/v1/records/410505/7", p));
  BOOST_TEST(p["region"] == "410505");
  BOOST_TEST(p["id"] == "7");
  BOOST_TEST(!match_pattern("/api/v1/records/{region}/{id}", "/api/v1/records/410505", p));
  BOOST_TEST(!match_pattern("/api/v1/records/{region}/{id}", "/api/v1/records/410505/7/x", p));
  BOOST_TEST(!match_pattern("/api/v1/records/{region}/{id}", "/api/v1/records//7", p));
  BOOST_TEST(match_pattern("/api/v1/templates/{kind}.xlsx", "/api/v1/templates/penalty.xlsx", p));
  BOOST_TEST(p["kind"] == "penalty");
  BOOST_TEST(!match_pattern("/api/v1/templates/{kind}.xlsx", "/api/v1/templates/.xlsx", p));
  BOOST_TEST(!match_pattern("/api/v1/templates/{kind}.xlsx", "/api/v1/templates/penalty.csv", p));

  Router r;
  r.add("GET", "/a/{id}", Access::user, [](RouteContext&) { return HttpResponse{}; });
  r.add("DELETE", "/a/{id}", Access::user, [](RouteContext&) { return HttpResponse{}; });
  BOOST_TEST(r.match("GET", "/a/1").route != nullptr);
  auto m = r.match("POST", "/a/1");
  BOOST_TEST(m.route == nullptr);
  BOOST_TEST(m.allowed_methods == (std::vector<std::string>{"GET", "DELETE"}),
             boost::test_tools::per_element());
  BOOST_TEST(r.match("GET", "/b").allowed_methods.empty());
}

// Paths and methods of schemas/openapi.yaml: "  /path:" then "    get:" lines.
std::set<std::string> spec_routes() {
  std::ifstream in(kSource / "schemas/openapi.yaml");
  std::set<std::string> out;
  std::string line, path;
  bool in_paths = false;
  while (std::getline(in, line)) {
    if (line == "paths:") {
      in_paths = true;
      continue;
    }
    if (!in_paths) continue;
    if (line.rfind("  /", 0) == 0 && line.back() == ':') {
      path = line.substr(2, line.size() - 3);
    } else if (line.size() > 5 && line.rfind("    ", 0) == 0 && line[4] != ' ' &&
               line.back() == ':') {
      const std::string method = line.substr(4, line.size() - 5);
      if (method != "parameters") {
        std::string upper = method;
        for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        out.insert(upper + " " + path);
      }
    }
  }
  return out;
}

BOOST_AUTO_TEST_CASE(openapi_spec_matches_the_route_table) {
  const auto db = temp_file("openapi.db");
  std::filesystem::remove(db);
  AppOptions o;
  o.services.db_url = "sqlite:" + db.string();
  o.services.schemas = kSource / "schemas";
  o.services.rules.schemas = kSource / "schemas";
  o.services.rules.rules = kSource / "rules_lua";
  o.services.rules.plugins = GONGSHI_PLUGIN_DIR;
  o.services.pool_size = 1;
  auto app = App::open(o);
  BOOST_REQUIRE_MESSAGE(app.ok(), (app.ok() ? "" : app.error().message_en));
  const auto spec = spec_routes();
  BOOST_TEST(spec.size() > 30u);
  std::set<std::string> code;
  for (const auto& route : (*app)->router().routes()) {
    const std::string key = route.method + " " + route.pattern;
    code.insert(key);
    BOOST_TEST(spec.count(key) == 1u, key << " is not in schemas/openapi.yaml");
  }
  for (const auto& key : spec) BOOST_TEST(code.count(key) == 1u, key << " has no route");
  app = make_error(ErrorCode::internal, "", "");
  std::filesystem::remove(db);
}

BOOST_AUTO_TEST_CASE(an_embedding_origin_is_only_an_origin) {
  server::WebAssets web;
  for (const char* bad : {"https://a.gov.cn/path", "https://a.gov.cn; script-src *", "*",
                          "ftp://a.gov.cn", "https://a.gov.cn:port", "https://", "https://-a.cn",
                          "https://a.gov.cn:123456", "https://a b.cn"}) {
    auto st = web.allow_embedding({"https://ok.gov.cn", bad});
    BOOST_TEST(!st.ok(), bad);
    if (!st.ok()) BOOST_TEST(st.error().message_zh.find(bad) != std::string::npos, bad);
  }
  for (const char* good :
       {"https://www.anyang.gov.cn", "http://localhost:8081", "https://a-b.cn"}) {
    BOOST_TEST(web.allow_embedding({good}).ok(), good);
  }
}

BOOST_AUTO_TEST_CASE(published_json_schemas_match_the_fields) {
  for (auto kind : {RecordKind::license, RecordKind::penalty}) {
    std::ifstream in(kSource / "schemas/json" / (std::string(to_string(kind)) + ".schema.json"));
    std::stringstream text;
    text << in.rdbuf();
    BOOST_TEST(text.str() == pretty_json(record_json_schema(kind)),
               "regenerate with: gongshi schema json --kind " << to_string(kind));
  }
}

BOOST_AUTO_TEST_CASE(webhook_signature_is_hmac_sha256_of_timestamp_and_body) {
  // Expected value from Python's hmac module, an independent implementation.
  BOOST_TEST(
      webhook_signature("whsec-0123456789abcdef", "1720141200", R"({"topic":"record.publish"})") ==
      "sha256=54bf71b24202460bfd13fb03b48338eb20d3e8c453575e5ad724aa9476dcf995");
  BOOST_TEST(webhook_signature("another-secret-123", "1720141200", "{}") !=
             webhook_signature("whsec-0123456789abcdef", "1720141200", "{}"));
}

BOOST_AUTO_TEST_CASE(retries_back_off_exponentially_up_to_a_cap) {
  using std::chrono::seconds;
  std::vector<long> waits;
  for (int attempt = 1; attempt <= 8; ++attempt) {
    waits.push_back(retry_delay(attempt, seconds(2), seconds(60)).count());
  }
  BOOST_TEST(waits == (std::vector<long>{2, 4, 8, 16, 32, 60, 60, 60}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(excel_serials_become_dates) {
  BOOST_TEST(excel_serial_to_date("45476") == "2024-07-03");
  BOOST_TEST(excel_serial_to_date("45476.0") == "2024-07-03");
  BOOST_TEST(excel_serial_to_date("1") == "1899-12-31");
  BOOST_TEST(excel_serial_to_date("2024-07-03") == "2024-07-03");
  BOOST_TEST(excel_serial_to_date("45476.5") == "45476.5");
  BOOST_TEST(excel_serial_to_date("0") == "0");
}

BOOST_AUTO_TEST_CASE(csv_quotes_line_breaks_bom_and_gb18030) {
  const auto utf8 = temp_file("utf8.csv");
  std::ofstream(utf8, std::ios::binary)
      << "\xEF\xBB\xBF"
         "名称,内容\r\n\"甲,乙\",\"第一行\n第二行\"\r\n\"说\"\"好\"\"\",\r\n";
  auto rows = read_all(utf8);
  BOOST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(rows[0].at(0) == "名称");
  BOOST_TEST(rows[1].at(0) == "甲,乙");
  BOOST_TEST(rows[1].at(1) == "第一行\n第二行");
  BOOST_TEST(rows[2].at(0) == "说\"好\"");
  BOOST_TEST(rows[2].at(1) == "");
  // What Excel saves on a Chinese Windows: GB18030 without a BOM.
  const auto gb = temp_file("gb.csv");
  std::ofstream(gb, std::ios::binary) << "\xb2\xe2\xca\xd4,\"\xd2\xfd\xba\xc5\"\n";
  rows = read_all(gb);
  BOOST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(rows[0].at(0) == "测试");
  BOOST_TEST(rows[0].at(1) == "引号");
  const auto open_quote = temp_file("open.csv");
  std::ofstream(open_quote) << "a,\"b\n";
  auto reader = open_table(open_quote);
  std::vector<std::string> cells;
  auto more = (*reader)->next(cells);
  BOOST_TEST(!more.ok());
  for (const auto& f : {utf8, gb, open_quote}) std::filesystem::remove(f);
}

BOOST_AUTO_TEST_CASE(xlsx_written_then_read_back) {
  const auto file = temp_file("round.xlsx");
  {
    auto w = XlsxWriter::create(file);
    BOOST_REQUIRE(w.ok());
    BOOST_REQUIRE((*w)->add_sheet("第一页", {"甲", "乙", "丙"}).ok());
    BOOST_REQUIRE((*w)->write_row({"1", "", "三 & <四>"}).ok());  // an empty cell in between
    BOOST_REQUIRE((*w)->write_row({"", "", ""}).ok());            // a row with nothing in it
    BOOST_REQUIRE((*w)->write_row({"末行"}).ok());
    BOOST_REQUIRE((*w)->close().ok());
  }
  auto rows = read_all(file);
  BOOST_REQUIRE(rows.size() == 3u);  // the empty row is not in the sheet at all
  BOOST_TEST(rows[0] == (std::vector<std::string>{"甲", "乙", "丙"}),
             boost::test_tools::per_element());
  BOOST_TEST(rows[1] == (std::vector<std::string>{"1", "", "三 & <四>"}),
             boost::test_tools::per_element());
  BOOST_TEST(rows[2].at(0) == "末行");
  auto reader = open_table(file);
  std::vector<std::string> cells;
  for (int i = 0; i < 3; ++i) BOOST_REQUIRE((*reader)->next(cells).value());
  BOOST_TEST((*reader)->row_number() == 4);  // its row number in the sheet
  // Not an XLSX at all, though it starts like a ZIP.
  const auto fake = temp_file("fake.xlsx");
  std::ofstream(fake, std::ios::binary) << "PK\x03\x04garbage";
  BOOST_TEST(!open_table(fake).ok());
  std::filesystem::remove(file);
  std::filesystem::remove(fake);
}

}  // namespace
}  // namespace gongshi::server
