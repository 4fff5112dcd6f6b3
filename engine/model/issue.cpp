#include "engine/model/issue.hpp"

#include <algorithm>

namespace gongshi {

std::string_view to_string(IssueCode code) {
  switch (code) {
    case IssueCode::required:
      return "required";
    case IssueCode::must_be_empty:
      return "must_be_empty";
    case IssueCode::too_long:
      return "too_long";
    case IssueCode::invalid_text:
      return "invalid_text";
    case IssueCode::wrong_type:
      return "wrong_type";
    case IssueCode::unknown_field:
      return "unknown_field";
    case IssueCode::duplicate_field:
      return "duplicate_field";
    case IssueCode::invalid_enum:
      return "invalid_enum";
    case IssueCode::other_unspecified:
      return "other_unspecified";
    case IssueCode::invalid_date:
      return "invalid_date";
    case IssueCode::date_in_future:
      return "date_in_future";
    case IssueCode::date_order:
      return "date_order";
    case IssueCode::invalid_amount:
      return "invalid_amount";
    case IssueCode::must_be_positive:
      return "must_be_positive";
    case IssueCode::invalid_uscc:
      return "invalid_uscc";
    case IssueCode::uscc_category:
      return "uscc_category";
    case IssueCode::placeholder_not_allowed:
      return "placeholder_not_allowed";
    case IssueCode::invalid_org_code:
      return "invalid_org_code";
    case IssueCode::invalid_id_number:
      return "invalid_id_number";
    case IssueCode::legacy_id_number:
      return "legacy_id_number";
    case IssueCode::out_of_period:
      return "out_of_period";
    case IssueCode::rule:
      return "rule";
  }
  return "unknown";
}

IssueCode issue_code_from_string(std::string_view name) {
  for (int i = 0; i < static_cast<int>(IssueCode::rule); ++i) {
    if (to_string(static_cast<IssueCode>(i)) == name) return static_cast<IssueCode>(i);
  }
  return IssueCode::rule;
}

std::string code_name(const Issue& issue) {
  return issue.code == IssueCode::rule ? issue.rule_code : std::string(to_string(issue.code));
}

Issue make_issue(std::string_view field, std::string_view name_zh, IssueCode code,
                 std::string_view detail_zh, std::string_view detail_en) {
  Issue issue;
  issue.field = std::string(field);
  issue.code = code;
  if (field.empty()) {
    issue.message_zh = std::string(detail_zh);
    issue.message_en = std::string(detail_en);
  } else {
    issue.message_zh =
        std::string(name_zh) + "（" + std::string(field) + "）：" + std::string(detail_zh);
    issue.message_en = std::string(field) + ": " + std::string(detail_en);
  }
  return issue;
}

bool has_issue_on(const Issues& issues, std::string_view field) {
  return std::any_of(issues.begin(), issues.end(),
                     [&](const Issue& i) { return i.field == field; });
}

Issues merge_issues(Issues first, Issues more) {
  const std::size_t reported = first.size();
  for (auto& issue : more) {
    const bool known =
        std::any_of(first.begin(), first.begin() + static_cast<std::ptrdiff_t>(reported),
                    [&](const Issue& i) { return i.field == issue.field; });
    if (!known) first.push_back(std::move(issue));
  }
  return first;
}

}  // namespace gongshi
