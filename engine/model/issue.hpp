#pragma once
// A problem found in a record: which field, what kind of problem, and a message in both languages.

#include <string>
#include <string_view>
#include <vector>

namespace gongshi {

enum class IssueCode {
  required,                 // a required or conditionally required field is empty
  must_be_empty,            // a field that must stay empty for this subject category
  too_long,                 // longer than the standard's maximum (in characters)
  invalid_text,             // not UTF-8, or control characters
  wrong_type,               // JSON value of the wrong type
  unknown_field,            // a key or column the standard does not have
  duplicate_field,          // a column given twice
  invalid_enum,             // not one of the standard's values
  other_unspecified,        // 其他 without naming what
  invalid_date,             // not YYYY-MM-DD / YYYY/MM/DD, or no such day
  date_in_future,           // after today
  date_order,               // e.g. 有效期至 before 有效期自
  invalid_amount,           // not a non-negative decimal with at most 6 decimals
  must_be_positive,         // an amount that must be > 0
  invalid_uscc,             // 统一社会信用代码 fails GB 32100
  uscc_category,            // a 个体工商户's code does not start with 92
  placeholder_not_allowed,  // 00000000000000000X used outside the 个体工商户 case
  invalid_org_code,         // 组织机构代码 fails GB 11714
  invalid_id_number,        // 居民身份证号码 fails GB 11643
  legacy_id_number,         // a 15-digit first-generation number: must be converted
  out_of_period,            // 公示截止期 outside the publication period the regime allows
  rule,                     // a region rule's own finding; its name is in Issue::rule_code
};

std::string_view to_string(IssueCode code);
// The IssueCode named `name`, or IssueCode::rule when it is none of them.
IssueCode issue_code_from_string(std::string_view name);

struct Issue {
  std::string field;  // the standard's field code, e.g. "XK_XDR_SHXYM"; "" for the whole record
  IssueCode code = IssueCode::required;
  std::string message_zh;
  std::string message_en;
  std::string
      rule_code;  // for IssueCode::rule: the region rule's own code, e.g. "concealment_risk"
};

// rule_code for IssueCode::rule, else to_string(code).
std::string code_name(const Issue& issue);

using Issues = std::vector<Issue>;

// Builds an issue whose messages name the field: "<name_zh>（<field>）：<detail_zh>".
Issue make_issue(std::string_view field, std::string_view name_zh, IssueCode code,
                 std::string_view detail_zh, std::string_view detail_en);

bool has_issue_on(const Issues& issues, std::string_view field);

// `first` followed by the issues of `more` on fields `first` does not already report: a value
// that could not be read is reported once, not again by the rules as missing.
Issues merge_issues(Issues first, Issues more);

}  // namespace gongshi
