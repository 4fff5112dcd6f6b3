#include <boost/test/unit_test.hpp>
#include <vector>

#include "engine/model/fields.hpp"
#include "engine/model/header_codec.hpp"

using namespace gongshi;

BOOST_AUTO_TEST_SUITE(header_codec)

BOOST_AUTO_TEST_CASE(template_headers_map_back_to_every_field) {
  for (auto k : {RecordKind::license, RecordKind::penalty}) {
    const auto headers = template_headers(k);
    BOOST_TEST(headers.size() == fields_of(k).size());
    const auto m = map_headers(k, headers);
    BOOST_TEST(m.issues.empty());
    for (std::size_t i = 0; i < headers.size(); ++i) {
      BOOST_TEST(m.columns.field_of_column[i].value() == i);
    }
  }
}

BOOST_AUTO_TEST_CASE(variants_seen_in_real_templates) {
  const std::vector<std::string> headers{
      "*行政相对人名称", "行政相对人类别 ", "行政相对人代码_1(统一社会信用代码)",
      "罚款金额(万元)",  "处罚决定日期",    "序号"};
  const auto m = map_headers(RecordKind::penalty, headers);
  const auto& fields = fields_of(RecordKind::penalty);
  BOOST_TEST(fields[*m.columns.field_of_column[0]].code == "CF_XDR_MC");
  BOOST_TEST(fields[*m.columns.field_of_column[2]].code == "CF_XDR_SHXYM");
  BOOST_TEST(fields[*m.columns.field_of_column[3]].code == "CF_NR_FK");
  BOOST_TEST(!m.columns.field_of_column[5].has_value());
  // 序号 is unknown; and the missing required columns are each named.
  std::size_t unknown = 0, missing = 0;
  for (const auto& i : m.issues) {
    unknown += i.code == IssueCode::unknown_field;
    missing += i.code == IssueCode::required;
  }
  BOOST_TEST(unknown == 1u);
  BOOST_TEST(missing > 5u);
  BOOST_TEST(has_issue_on(m.issues, "CF_WSH"));
}

BOOST_AUTO_TEST_CASE(duplicate_column_is_reported_and_ignored) {
  const std::vector<std::string> headers{"许可内容", "许可内容"};
  const auto m = map_headers(RecordKind::license, headers);
  BOOST_TEST(m.columns.field_of_column[0].has_value());
  BOOST_TEST(!m.columns.field_of_column[1].has_value());
  BOOST_TEST(has_issue_on(m.issues, "XK_NR"));
}

BOOST_AUTO_TEST_CASE(rows_decode_like_json) {
  const std::vector<std::string> headers{"行政相对人名称", "许可决定日期", "当前状态", "有效期至"};
  const auto m = map_headers(RecordKind::license, headers);
  const std::vector<std::string> row{"殷都区某某诊所", "2024/07/01", "有效", "长期", "extra"};
  const auto d = record_from_row(m.columns, row);
  BOOST_TEST(d.issues.empty());
  const auto& l = std::get<License>(d.record);
  BOOST_TEST(l.subject.name == "殷都区某某诊所");
  BOOST_TEST(format_date(*l.decision_date) == "2024-07-01");
  BOOST_TEST((l.status == LicenseStatus::valid));
  BOOST_TEST(format_date(*l.valid_to) == "9999-12-31");
  const std::vector<std::string> bad{"x", "2024年7月1日"};
  BOOST_TEST(has_issue_on(record_from_row(m.columns, bad).issues, "XK_JDRQ"));
}

BOOST_AUTO_TEST_SUITE_END()
