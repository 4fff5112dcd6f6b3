#pragma once
// One field's value to and from its text form (what JSON strings and spreadsheet cells hold).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/amount.hpp"
#include "engine/model/date.hpp"
#include "engine/model/enums.hpp"
#include "engine/model/field_spec.hpp"
#include "engine/model/issue.hpp"

namespace gongshi {

// Canonical text; "" for an empty value.
std::string field_text(const std::string& v);
std::string field_text(const std::optional<Date>& v);
std::string field_text(const std::optional<Amount>& v);
std::string field_text(const std::optional<SubjectCategory>& v);
std::string field_text(const std::optional<LicenseStatus>& v);
std::string field_text(const std::optional<PublicScope>& v);
std::string field_text(const std::optional<SeverityTier>& v);
std::string field_text(const std::optional<WithOther<IdType>>& v);
std::string field_text(const std::optional<WithOther<LicenseCategory>>& v);
std::string field_text(const std::vector<WithOther<PenaltyKind>>& v);

// Sets the member from text (trimmed by the caller; "" clears it). On a value that cannot be read,
// leaves the member empty and returns the issue.
std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t, std::string& v);
std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t, std::optional<Date>& v);
std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::optional<Amount>& v);
std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::optional<SubjectCategory>& v);
std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::optional<LicenseStatus>& v);
std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::optional<PublicScope>& v);
std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::optional<SeverityTier>& v);
std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::optional<WithOther<IdType>>& v);
std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::optional<WithOther<LicenseCategory>>& v);
std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::vector<WithOther<PenaltyKind>>& v);

// An issue about field f, its message naming the field.
Issue field_issue(const FieldSpec& f, IssueCode code, std::string_view detail_zh,
                  std::string_view detail_en);

}  // namespace gongshi
