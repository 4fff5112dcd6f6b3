#include "sample_records.hpp"

namespace gongshi::test {

namespace {
void fill_legal_entity(Subject& s) {
  s.name = "安阳市殷都区某某商贸有限公司";
  s.category = SubjectCategory::legal_entity;
  s.codes.uscc = "91410505MA9K3W8L7R";
  s.legal_rep = "王某";
}
}  // namespace

License valid_license() {
  License l;
  fill_legal_entity(l.subject);
  l.document_name = "食品经营许可决定书";
  l.document_no = "殷市监食许〔2024〕88号";
  l.category = WithOther<LicenseCategory>{LicenseCategory::ordinary, {}};
  l.certificate_name = "食品经营许可证";
  l.license_no = "JY14105050012345";
  l.content = "预包装食品销售（含冷藏冷冻食品）";
  l.decision_date = make_date(2024, 7, 3);
  l.valid_from = make_date(2024, 7, 3);
  l.valid_to = make_date(2029, 7, 2);
  l.authority = "安阳市殷都区市场监督管理局";
  l.authority_uscc = "11230500001755309F";
  l.status = LicenseStatus::valid;
  l.source_unit = "安阳市殷都区市场监督管理局";
  l.source_unit_uscc = "11230500001755309F";
  return l;
}

Penalty valid_penalty() {
  Penalty p;
  fill_legal_entity(p.subject);
  p.decision_no = "殷市监罚〔2024〕15号";
  p.violation_type = "销售超过保质期的食品";
  p.facts = "经查，当事人于2024年6月销售超过保质期的饮料12瓶。";
  p.legal_basis = "《中华人民共和国食品安全法》第一百二十四条第一款";
  p.kinds = {{PenaltyKind::warning, {}}, {PenaltyKind::fine, {}}};
  p.content = "警告，并处罚款2000元";
  p.fine = Amount{200000};
  p.decision_date = make_date(2024, 7, 3);
  p.valid_until = make_date(2025, 7, 3);
  p.authority = "安阳市殷都区市场监督管理局";
  p.authority_uscc = "11230500001755309F";
  p.source_unit = "安阳市殷都区市场监督管理局";
  p.source_unit_uscc = "11230500001755309F";
  return p;
}

}  // namespace gongshi::test
