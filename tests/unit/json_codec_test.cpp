#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>
#include <set>

#include "engine/model/json_codec.hpp"

using namespace gongshi;
namespace json = boost::json;

BOOST_AUTO_TEST_SUITE(json_codec)

const char* const kPenalty = R"({
  "CF_XDR_MC": "安阳市某某商贸有限公司", "CF_XDR_LB": "法人及非法人组织",
  "CF_XDR_SHXYM": "91350100M000100Y43", "CF_FRDB": "张三",
  "CF_WSH": "殷市监罚〔2024〕15号", "CF_WFXW": "销售过期食品", "CF_SY": "经查……",
  "CF_YJ": "《中华人民共和国食品安全法》第一百二十四条", "CF_CFLB": "警告；罚款;没收违法所得",
  "CF_NR": "警告并处罚款2000元", "CF_NR_FK": 0.2, "CF_NR_WFFF": "0.035",
  "CF_JDRQ": "2024/7/3", "CF_YXQ": "2025-07-03", "CF_CFJG": "安阳市殷都区市场监督管理局",
  "CF_CFJGDM": "11230500001755309F", "CF_SJLY": "安阳市殷都区市场监督管理局",
  "CF_SJLYDM": "11230500001755309F", "BZ": null
})";

BOOST_AUTO_TEST_CASE(decodes_and_round_trips) {
  const auto decoded = record_from_json(RecordKind::penalty, json::parse(kPenalty));
  BOOST_TEST(decoded.issues.empty());
  const auto& p = std::get<Penalty>(decoded.record);
  BOOST_TEST(p.kinds.size() == 3u);
  BOOST_TEST(p.has_kind(PenaltyKind::fine));
  BOOST_TEST(p.fine->millionths == 200000);
  BOOST_TEST(p.confiscated->millionths == 35000);
  BOOST_TEST(format_date(*p.decision_date) == "2024-07-03");

  const json::object out = to_json(decoded.record);
  BOOST_TEST(out.at("CF_JDRQ").as_string() == "2024-07-03");
  BOOST_TEST(out.at("CF_CFLB").as_string() == "警告;罚款;没收违法所得");
  BOOST_TEST(out.at("CF_NR_FK").as_string() == "0.2");
  BOOST_TEST(!out.contains("BZ"));
  const auto again = record_from_json(RecordKind::penalty, out);
  BOOST_TEST(again.issues.empty());
  BOOST_TEST((again.record == decoded.record));
}

BOOST_AUTO_TEST_CASE(license_status_is_written_as_its_code) {
  const auto d =
      record_from_json(RecordKind::license, json::parse(R"({"XK_ZT": 1, "XK_YXQZI": "长期"})"));
  BOOST_TEST(d.issues.empty());
  const json::object out = to_json(d.record);
  BOOST_TEST(out.at("XK_ZT").as_string() == "1");
  BOOST_TEST(out.at("XK_YXQZI").as_string() == "9999-12-31");
}

BOOST_AUTO_TEST_CASE(trims_and_uppercases_codes) {
  const auto d = record_from_json(
      RecordKind::license,
      json::parse(R"({"XK_XDR_SHXYM": " 91350100m000100y43\u3000", "XK_XDR_MC": "  某公司 "})"));
  const auto& l = std::get<License>(d.record);
  BOOST_TEST(l.subject.codes.uscc == "91350100M000100Y43");
  BOOST_TEST(l.subject.name == "某公司");
}

BOOST_AUTO_TEST_CASE(reports_every_unreadable_value_without_throwing) {
  const auto d = record_from_json(RecordKind::license, json::parse(R"({
    "XK_XDR_LB": "企业", "XK_JDRQ": "2024-02-30", "XK_ZT": true, "XK_NR": 5,
    "XK_UNKNOWN": "x", "XK_XKLB": "普通许可"})"));
  std::multiset<std::string> got;
  for (const auto& i : d.issues) got.insert(i.field + ":" + std::string(to_string(i.code)));
  const std::multiset<std::string> want{"XK_XDR_LB:invalid_enum",   "XK_JDRQ:invalid_date",
                                        "XK_ZT:wrong_type",         "XK_NR:wrong_type",
                                        "XK_UNKNOWN:unknown_field", "XK_XKLB:invalid_enum"};
  BOOST_TEST(got == want, boost::test_tools::per_element());
  for (const auto& i : d.issues) {
    BOOST_TEST(!i.message_zh.empty());
    BOOST_TEST(!i.message_en.empty());
  }
  const auto not_object = record_from_json(RecordKind::license, json::parse("[1,2]"));
  BOOST_TEST(not_object.issues.size() == 1u);
}

BOOST_AUTO_TEST_CASE(bad_penalty_kind_names_the_bad_item) {
  const auto d = record_from_json(RecordKind::penalty,
                                  json::parse(R"({"CF_CFLB": "罚款;拘役;其他-责令改正"})"));
  BOOST_REQUIRE(d.issues.size() == 1u);
  BOOST_TEST(d.issues[0].message_zh.find("拘役") != std::string::npos);
  BOOST_TEST(std::get<Penalty>(d.record).kinds.empty());
  const auto ok =
      record_from_json(RecordKind::penalty, json::parse(R"({"CF_CFLB": "罚款;其他-责令改正"})"));
  BOOST_TEST(ok.issues.empty());
  BOOST_TEST(std::get<Penalty>(ok.record).kinds.at(1).other_text == "责令改正");
}

BOOST_AUTO_TEST_SUITE_END()
