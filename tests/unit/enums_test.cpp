#include <boost/test/unit_test.hpp>

#include "engine/model/enums.hpp"

using namespace gongshi;

BOOST_AUTO_TEST_SUITE(enums)

BOOST_AUTO_TEST_CASE(labels_codes_and_aliases) {
  BOOST_TEST((enum_from_text<SubjectCategory>("自然人") == SubjectCategory::natural_person));
  BOOST_TEST(
      (enum_from_text<SubjectCategory>("法人及非法人组织") == SubjectCategory::legal_entity));
  BOOST_TEST((enum_from_text<LicenseStatus>("1") == LicenseStatus::valid));
  BOOST_TEST((enum_from_text<LicenseStatus>("无效") == LicenseStatus::invalid));
  BOOST_TEST(enum_output(LicenseStatus::invalid) == "2");
  BOOST_TEST(enum_output(SubjectCategory::individual_business) == "个体工商户");
  BOOST_TEST((enum_from_text<PublicScope>("政务公开") == PublicScope::government_shared));
  BOOST_TEST(!enum_from_text<SubjectCategory>("企业").has_value());
  BOOST_TEST(!enum_from_text<LicenseStatus>("3").has_value());
}

template <class E>
void every_value_has_one_entry(int count) {
  for (int i = 0; i < count; ++i) {
    const auto e = static_cast<E>(i);
    BOOST_TEST(static_cast<int>(enum_entry(e).value) == i);
    BOOST_TEST((enum_from_text<E>(enum_label(e)) == e));
  }
  BOOST_TEST(static_cast<int>(enum_entries<E>().size()) == count);
}

BOOST_AUTO_TEST_CASE(tables_are_complete) {
  every_value_has_one_entry<SubjectCategory>(3);
  every_value_has_one_entry<IdType>(6);
  every_value_has_one_entry<LicenseCategory>(6);
  every_value_has_one_entry<PenaltyKind>(16);
  every_value_has_one_entry<LicenseStatus>(2);
  every_value_has_one_entry<PublicScope>(3);
}

BOOST_AUTO_TEST_CASE(other_with_free_text) {
  auto v = with_other_from_text<LicenseCategory>("其他-临时占道");
  BOOST_REQUIRE(v.has_value());
  BOOST_TEST((v->value == LicenseCategory::other));
  BOOST_TEST(v->other_text == "临时占道");
  BOOST_TEST(with_other_to_text(*v) == "其他-临时占道");
  BOOST_TEST(with_other_from_text<IdType>("其他：军官证")->other_text == "军官证");
  BOOST_TEST(with_other_from_text<IdType>("其他")->other_text.empty());
  BOOST_TEST((with_other_from_text<IdType>("身份证")->value == IdType::id_card));
  BOOST_TEST(!with_other_from_text<IdType>("其他证件").has_value());
  BOOST_TEST(!with_other_from_text<IdType>("驾驶证").has_value());
}

BOOST_AUTO_TEST_CASE(penalty_kind_groups) {
  BOOST_TEST(is_suspension_or_revocation(PenaltyKind::revoke_permit));
  BOOST_TEST(is_suspension_or_revocation(PenaltyKind::legacy_suspend_or_revoke_license));
  BOOST_TEST(!is_suspension_or_revocation(PenaltyKind::fine));
  BOOST_TEST(is_confiscation(PenaltyKind::confiscate_illegal_property));
  BOOST_TEST(!is_confiscation(PenaltyKind::warning));
}

BOOST_AUTO_TEST_SUITE_END()
