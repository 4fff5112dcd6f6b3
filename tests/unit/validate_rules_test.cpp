// Rules that need code to set up; the bulk of field-rule cases are data files (validate_cases).
#include <boost/test/unit_test.hpp>
#include <set>

#include "engine/validate/validate.hpp"
#include "sample_records.hpp"

using namespace gongshi;
using gongshi::test::kToday;

namespace {

std::multiset<std::string> summary(const Issues& issues) {
  std::multiset<std::string> out;
  for (const auto& i : issues) out.insert(i.field + ":" + std::string(to_string(i.code)));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(validate_rules)

BOOST_AUTO_TEST_CASE(samples_are_valid) {
  const ValidationContext ctx{kToday};
  BOOST_TEST(validate(Record{test::valid_license()}, ctx).empty());
  BOOST_TEST(validate(Record{test::valid_penalty()}, ctx).empty());
}

BOOST_AUTO_TEST_CASE(an_empty_record_lists_every_required_field_at_once) {
  const ValidationContext ctx{kToday};
  const Issues issues = validate(empty_record(RecordKind::penalty), ctx);
  std::set<std::string> required;
  for (const auto& i : issues) {
    if (i.code == IssueCode::required) required.insert(i.field);
  }
  // The fields marked R in the standard's penalty table.
  const std::set<std::string> want{"CF_XDR_MC", "CF_XDR_LB", "CF_WSH",  "CF_WFXW",  "CF_SY",
                                   "CF_YJ",     "CF_CFLB",   "CF_NR",   "CF_JDRQ",  "CF_YXQ",
                                   "CF_CFJG",   "CF_CFJGDM", "CF_SJLY", "CF_SJLYDM"};
  BOOST_TEST(required == want, boost::test_tools::per_element());
  BOOST_TEST(issues.size() == want.size());
  for (const auto& i : issues) {
    BOOST_TEST(i.message_zh.find(i.field) != std::string::npos);
    BOOST_TEST(i.message_en.find(i.field) != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(natural_person_license) {
  License l = test::valid_license();
  l.subject.category = SubjectCategory::natural_person;
  const ValidationContext ctx{kToday};
  // Still carries the company's code and legal representative, and has no ID: four issues.
  BOOST_TEST(summary(validate(Record{l}, ctx)) ==
                 (std::multiset<std::string>{"XK_XDR_SHXYM:must_be_empty", "XK_FRDB:must_be_empty",
                                             "XK_XDR_ZJLX:required", "XK_XDR_ZJHM:required"}),
             boost::test_tools::per_element());
  l.subject.codes.uscc.clear();
  l.subject.legal_rep.clear();
  l.subject.id_type = WithOther<IdType>{IdType::id_card, {}};
  l.subject.id_no = "410505198506121232";
  BOOST_TEST(validate(Record{l}, ctx).empty());
}

BOOST_AUTO_TEST_CASE(decision_date_not_after_today_is_an_input) {
  Penalty p = test::valid_penalty();
  p.decision_date = make_date(2024, 8, 1);
  p.valid_until = make_date(2025, 8, 1);
  BOOST_TEST(summary(validate(Record{p}, ValidationContext{kToday})) ==
                 (std::multiset<std::string>{"CF_JDRQ:date_in_future"}),
             boost::test_tools::per_element());
  BOOST_TEST(validate(Record{p}, ValidationContext{make_date(2024, 8, 1)}).empty());
}

BOOST_AUTO_TEST_CASE(overrides_accept_exactly_the_recorded_code) {
  License l = test::valid_license();
  l.subject.codes.uscc = "91350211M0000XUF46";
  BOOST_TEST(summary(validate(Record{l}, ValidationContext{kToday})) ==
                 (std::multiset<std::string>{"XK_XDR_SHXYM:invalid_uscc"}),
             boost::test_tools::per_element());
  CodeOverrides overrides;
  BOOST_REQUIRE(overrides
                    .add({"91350211M0000XUF46", "福建早期试点赋码，经登记机关书面确认",
                          "安阳市信用办", make_date(2024, 7, 1)})
                    .ok());
  const ValidationContext ctx{kToday, &overrides};
  BOOST_TEST(validate(Record{l}, ctx).empty());
  const auto applied = applied_overrides(Record{l}, overrides);
  BOOST_REQUIRE(applied.size() == 1u);
  BOOST_TEST(applied[0].field == "XK_XDR_SHXYM");
  BOOST_TEST(applied[0].override_entry->approved_by == "安阳市信用办");
  // A neighbouring wrong code is not covered.
  l.subject.codes.uscc = "91350211M0000XUF47";
  BOOST_TEST(has_issue_on(validate(Record{l}, ctx), "XK_XDR_SHXYM"));
}

BOOST_AUTO_TEST_CASE(decode_problems_are_not_reported_twice) {
  const auto issues = validate_json_text(RecordKind::license, R"({"XK_JDRQ": "2024-13-01"})",
                                         ValidationContext{kToday});
  std::size_t on_date = 0;
  for (const auto& i : issues) on_date += i.field == "XK_JDRQ";
  BOOST_TEST(on_date == 1u);
  const auto broken =
      validate_json_text(RecordKind::license, R"({"XK_JDRQ": )", ValidationContext{kToday});
  BOOST_REQUIRE(broken.size() == 1u);
  BOOST_TEST((broken[0].code == IssueCode::wrong_type));
}

BOOST_AUTO_TEST_SUITE_END()
