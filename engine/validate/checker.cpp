#include "engine/validate/checker.hpp"

#include "engine/model/fields.hpp"
#include "engine/validate/check_digits.hpp"

namespace gongshi::validation {

void Checker::add(std::string_view code, IssueCode ic, std::string_view zh, std::string_view en) {
  const FieldSpec* f = find_field(kind_, code);
  out_.push_back(make_issue(code, f != nullptr ? f->name_zh : code, ic, zh, en));
}

void Checker::require(std::string_view code, bool present, std::string_view why_zh,
                      std::string_view why_en) {
  if (present) return;
  add(code, IssueCode::required, std::string(why_zh) + "，此项必填",
      std::string("required ") + std::string(why_en));
}

void Checker::must_be_empty(std::string_view code, bool present, std::string_view why_zh,
                            std::string_view why_en) {
  if (!present) return;
  add(code, IssueCode::must_be_empty, std::string(why_zh) + "，此项应为空",
      std::string("must be empty ") + std::string(why_en));
}

void Checker::uscc(std::string_view code, const std::string& value) {
  if (value.empty()) return;
  const CheckResult r = check_uscc(value);
  if (r.ok()) return;
  if (r.status == CodeCheck::bad_check && ctx_.overrides != nullptr &&
      ctx_.overrides->find(value) != nullptr) {
    return;  // a recorded exception; applied_overrides() lists it for the audit trail
  }
  switch (r.status) {
    case CodeCheck::bad_length:
      add(code, IssueCode::invalid_uscc, "统一社会信用代码应为18位",
          "a unified social credit code has 18 characters");
      return;
    case CodeCheck::bad_character:
      add(code, IssueCode::invalid_uscc, "统一社会信用代码含无效字符（不使用 I、O、S、V、Z）",
          "invalid character in a unified social credit code (I, O, S, V, Z are not used)");
      return;
    default:
      add(code, IssueCode::invalid_uscc,
          std::string("统一社会信用代码校验位错误，按 GB 32100 应为 ") + r.expected,
          std::string("check character is wrong; GB 32100 gives ") + r.expected);
  }
}

void Checker::org_code(std::string_view code, const std::string& value) {
  if (value.empty()) return;
  const CheckResult r = check_org_code(value);
  if (r.ok()) return;
  if (r.status == CodeCheck::bad_check) {
    add(code, IssueCode::invalid_org_code,
        std::string("组织机构代码校验位错误，按 GB 11714 应为 ") + r.expected,
        std::string("organization code check character is wrong; GB 11714 gives ") + r.expected);
  } else {
    add(code, IssueCode::invalid_org_code, "组织机构代码应为8位本体代码加1位校验码（不含连字符）",
        "an organization code is 8 characters plus a check character, without a hyphen");
  }
}

void Checker::id_number(std::string_view code, const std::string& value) {
  if (value.empty()) return;
  const CheckResult r = check_id_number(value, ctx_.today);
  switch (r.status) {
    case CodeCheck::ok:
      return;
    case CodeCheck::legacy_15:
      add(code, IssueCode::legacy_id_number, "这是15位第一代身份证号码，须换算为18位号码后填报",
          "a 15-digit first-generation ID number: convert it to the 18-digit form");
      return;
    case CodeCheck::bad_check:
      add(code, IssueCode::invalid_id_number,
          std::string("身份证号码校验码错误，按 GB 11643 应为 ") + r.expected,
          std::string("ID number check character is wrong; GB 11643 gives ") + r.expected);
      return;
    case CodeCheck::bad_birth_date:
      add(code, IssueCode::invalid_id_number, "身份证号码中的出生日期无效",
          "the date of birth inside the ID number is not a real past date");
      return;
    default:
      add(code, IssueCode::invalid_id_number, "身份证号码应为18位（前17位为数字，末位为数字或X）",
          "an ID number has 18 characters: 17 digits and a digit or X");
  }
}

void Checker::not_in_future(std::string_view code, const std::optional<Date>& d) {
  if (!d || *d <= ctx_.today) return;
  add(code, IssueCode::date_in_future,
      "日期 " + format_date(*d) + " 晚于今天 " + format_date(ctx_.today),
      "date " + format_date(*d) + " is after today " + format_date(ctx_.today));
}

void Checker::not_before(std::string_view later_code, const std::optional<Date>& later,
                         std::string_view earlier_code, const std::optional<Date>& earlier) {
  if (!later || !earlier || *later >= *earlier) return;
  const FieldSpec* e = find_field(kind_, earlier_code);
  const std::string earlier_name = e != nullptr ? std::string(e->name_zh) : "";
  add(later_code, IssueCode::date_order,
      "不能早于" + earlier_name + "（" + format_date(*earlier) + "）",
      "must not be before " + std::string(earlier_code) + " (" + format_date(*earlier) + ")");
}

}  // namespace gongshi::validation
