// Conditional rules on the 行政相对人 block, the same for licenses and penalties.
#include "engine/validate/checker.hpp"

namespace gongshi::validation {
namespace {

void check_id(const std::optional<WithOther<IdType>>& type, const std::string& number,
              std::string_view type_code, std::string_view number_code, const std::string& remarks,
              Checker& c) {
  if (!type) return;
  c.require(number_code, !number.empty(), "已填写证件类型", "when the ID type is given");
  if (type->value == IdType::id_card) c.id_number(number_code, number);
  if (type->value == IdType::other && type->other_text.empty() && remarks.empty()) {
    c.add(type_code, IssueCode::other_unspecified,
          "选择「其他」时须写明证件名称，如「其他-军官证」",
          "'其他' must name the document, e.g. '其他-军官证'");
  }
}

}  // namespace

void check_subject(const Subject& s, const std::string& remarks, Checker& c) {
  const std::string_view uscc = c.field("XK_XDR_SHXYM", "CF_XDR_SHXYM");
  const std::string_view reg_no = c.field("XK_XDR_GSZC", "CF_XDR_GSZC");
  const std::string_view legal_rep = c.field("XK_FRDB", "CF_FRDB");
  const bool placeholder = s.codes.uscc == kIndividualBusinessPlaceholder;

  if (s.category) {
    switch (*s.category) {
      case SubjectCategory::legal_entity:
        c.require(uscc, !s.codes.uscc.empty(), "法人及非法人组织", "for a legal entity");
        c.require(legal_rep, !s.legal_rep.empty(), "法人及非法人组织", "for a legal entity");
        break;
      case SubjectCategory::natural_person:
        c.must_be_empty(uscc, !s.codes.uscc.empty(), "行政相对人为自然人", "for a natural person");
        c.must_be_empty(legal_rep, !s.legal_rep.empty(), "行政相对人为自然人",
                        "for a natural person");
        c.require(c.field("XK_XDR_ZJLX", "CF_XDR_ZJLX"), s.id_type.has_value(),
                  "行政相对人为自然人", "for a natural person");
        c.require(c.field("XK_XDR_ZJHM", "CF_XDR_ZJHM"), !s.id_no.empty(), "行政相对人为自然人",
                  "for a natural person");
        break;
      case SubjectCategory::individual_business:
        c.require(uscc, !s.codes.uscc.empty(), "个体工商户（无代码时填 00000000000000000X）",
                  "for an individual business (00000000000000000X when it has none)");
        if (placeholder) {
          c.require(reg_no, !s.codes.business_reg_no.empty(),
                    "个体工商户统一社会信用代码填 00000000000000000X 时",
                    "when an individual business uses the 00000000000000000X placeholder");
        } else if (!s.codes.uscc.empty() && !s.codes.uscc.starts_with("92")) {
          c.add(uscc, IssueCode::uscc_category, "个体工商户的统一社会信用代码应以 92 开头",
                "an individual business's code starts with 92");
        }
        break;
    }
  }

  if (placeholder) {
    if (s.category != SubjectCategory::individual_business) {
      c.add(uscc, IssueCode::placeholder_not_allowed,
            "00000000000000000X 只允许无代码的个体工商户使用",
            "00000000000000000X is allowed only for an individual business without a code");
    }
  } else if (s.category != SubjectCategory::natural_person) {
    c.uscc(uscc, s.codes.uscc);
  }
  c.org_code(c.field("XK_XDR_ZZJG", "CF_XDR_ZZJG"), s.codes.org_code);

  check_id(s.legal_rep_id_type, s.legal_rep_id_no, c.field("XK_FR_ZJLX", "CF_FR_ZJLX"),
           c.field("XK_FR_ZJHM", "CF_FR_ZJHM"), remarks, c);
  check_id(s.id_type, s.id_no, c.field("XK_XDR_ZJLX", "CF_XDR_ZJLX"),
           c.field("XK_XDR_ZJHM", "CF_XDR_ZJHM"), remarks, c);
}

}  // namespace gongshi::validation
