// The upstream format, both sides: what the sender writes (JSON, CSV, XLSX) is what the receiver
// reads back, change by change; malformed requests and answers are refused with a reason.
#define BOOST_TEST_MODULE upstream_format
#include <unistd.h>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "engine/exchange/upstream_format.hpp"
#include "engine/model/json_file.hpp"

using namespace gongshi;

namespace {

std::filesystem::path temp(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("gongshi-upstream-format-" + std::to_string(::getpid()) + "-" + name);
}

std::vector<OutgoingChange> two_changes() {
  auto sample =
      read_json_file(std::filesystem::path(GONGSHI_SOURCE_DIR) / "schemas/samples/penalty.json");
  BOOST_REQUIRE(sample.ok());
  std::vector<OutgoingChange> out;
  for (const char* change : {"published", "corrected"}) {
    auto record = sample->as_object();
    record["CF_WFXW"] = std::string("违法行为 ") + change;
    OutgoingChange c;
    c.idem_key = std::string("gongshi-410505-") + change;
    c.change_type = change;
    c.changed_at = "2024-07-05T01:00:00Z";
    c.kind = RecordKind::penalty;
    c.region = "410505";
    c.document_no = "殷市监罚〔2024〕15号";
    c.subject_code = "91410505MA9K3W8L7R";
    c.record_json = boost::json::serialize(record);
    out.push_back(c);
  }
  return out;
}

void same_changes(const IncomingBatch& got, const std::vector<OutgoingChange>& sent) {
  BOOST_REQUIRE_EQUAL(got.changes.size(), sent.size());
  for (std::size_t i = 0; i < sent.size(); ++i) {
    const auto& g = got.changes[i];
    BOOST_TEST(g.idem_key == sent[i].idem_key);
    BOOST_TEST(g.change_type == sent[i].change_type);
    BOOST_TEST(g.problem_zh.empty());
    BOOST_TEST(g.record.issues.empty());
    const auto fields = boost::json::parse(g.record_json).as_object();
    const auto expected = boost::json::parse(sent[i].record_json).as_object();
    BOOST_TEST(fields.at("CF_WFXW") == expected.at("CF_WFXW"));
    BOOST_TEST(fields.at("CF_WSH") == expected.at("CF_WSH"));
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(json_form_reads_back_as_sent) {
  const auto sent = two_changes();
  auto got = parse_upstream_json(upstream_json_body("410505", sent));
  BOOST_REQUIRE(got.ok());
  BOOST_TEST(got->sender == "410505");
  same_changes(*got, sent);
}

BOOST_AUTO_TEST_CASE(csv_and_xlsx_forms_read_back_as_sent) {
  const auto sent = two_changes();
  const auto csv = temp("changes.csv");
  std::ofstream(csv, std::ios::binary) << upstream_csv_body(RecordKind::penalty, sent);
  auto from_csv = parse_upstream_file(RecordKind::penalty, csv, "410505");
  BOOST_REQUIRE_MESSAGE(from_csv.ok(), (from_csv.ok() ? "" : from_csv.error().message_en));
  same_changes(*from_csv, sent);

  auto bytes =
      upstream_xlsx_body(RecordKind::penalty, sent, std::filesystem::temp_directory_path());
  BOOST_REQUIRE(bytes.ok());
  const auto xlsx = temp("changes.xlsx");
  std::ofstream(xlsx, std::ios::binary) << *bytes;
  auto from_xlsx = parse_upstream_file(RecordKind::penalty, xlsx, "410505");
  BOOST_REQUIRE_MESSAGE(from_xlsx.ok(), (from_xlsx.ok() ? "" : from_xlsx.error().message_en));
  same_changes(*from_xlsx, sent);

  // Read as the other kind, the headers do not match and the file is refused.
  BOOST_TEST(!parse_upstream_file(RecordKind::license, csv, "410505").ok());
  std::filesystem::remove(csv);
  std::filesystem::remove(xlsx);
}

BOOST_AUTO_TEST_CASE(malformed_requests_are_refused_with_a_reason) {
  BOOST_TEST(!parse_upstream_json("not json").ok());
  BOOST_TEST(!parse_upstream_json(R"({"format":"other/1","changes":[]})").ok());
  // A change without its key cannot be answered, so the whole request is refused.
  BOOST_TEST(
      !parse_upstream_json(R"({"format":"gongshi-upstream/1","changes":[{"change":"published"}]})")
           .ok());
  // A change without a record is read, and marked as unreadable for its own answer.
  auto partial = parse_upstream_json(
      R"({"format":"gongshi-upstream/1","changes":[{"idempotency_key":"k","change":"published"}]})");
  BOOST_REQUIRE(partial.ok());
  BOOST_TEST(!partial->changes.at(0).problem_zh.empty());
  // More than 1000 changes in one request: too large.
  boost::json::array many;
  for (int i = 0; i < 1001; ++i) {
    many.push_back(boost::json::object{{"idempotency_key", std::to_string(i)}});
  }
  auto big = parse_upstream_json(boost::json::serialize(
      boost::json::object{{"format", "gongshi-upstream/1"}, {"changes", many}}));
  BOOST_REQUIRE(!big.ok());
  BOOST_TEST(static_cast<int>(big.error().code) == static_cast<int>(ErrorCode::too_large));
}

BOOST_AUTO_TEST_CASE(acknowledgements_round_trip_and_unknown_statuses_are_dropped) {
  const std::string body = acknowledgements_json(
      {{"a", "accepted", "", "", {}}, {"b", "refused", "未登记", "not registered", {}}});
  auto acks = parse_acknowledgements(body);
  BOOST_REQUIRE(acks.ok());
  BOOST_TEST(acks->at("a").status == "accepted");
  BOOST_TEST(acks->at("b").status == "refused");
  BOOST_TEST(acks->at("b").reason_zh == "未登记");
  auto odd = parse_acknowledgements(
      R"({"results":[{"idempotency_key":"c","status":"maybe"},{"status":"accepted"}]})");
  BOOST_REQUIRE(odd.ok());
  BOOST_TEST(odd->empty());  // neither settles anything: both are sent again
  BOOST_TEST(!parse_acknowledgements("<html>502</html>").ok());
}
