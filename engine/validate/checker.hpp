#pragma once
// Internal to engine/validate: collects issues for one record, naming fields by code.

#include <optional>
#include <string>
#include <string_view>

#include "engine/model/issue.hpp"
#include "engine/model/record.hpp"
#include "engine/validate/validate.hpp"

namespace gongshi::validation {

class Checker {
 public:
  Checker(RecordKind kind, const ValidationContext& ctx, Issues& out)
      : kind_(kind), ctx_(ctx), out_(out) {}

  RecordKind kind() const { return kind_; }
  const ValidationContext& ctx() const { return ctx_; }
  // The code of this record's kind: field("XK_XDR_MC", "CF_XDR_MC").
  std::string_view field(std::string_view license_code, std::string_view penalty_code) const {
    return kind_ == RecordKind::license ? license_code : penalty_code;
  }

  void add(std::string_view code, IssueCode ic, std::string_view zh, std::string_view en);
  // Reports `code` as required when it is empty, with the reason the condition holds.
  void require(std::string_view code, bool present, std::string_view why_zh,
               std::string_view why_en);
  void must_be_empty(std::string_view code, bool present, std::string_view why_zh,
                     std::string_view why_en);
  // A 统一社会信用代码 field (non-empty value).
  void uscc(std::string_view code, const std::string& value);
  void org_code(std::string_view code, const std::string& value);
  void id_number(std::string_view code, const std::string& value);
  void not_in_future(std::string_view code, const std::optional<Date>& d);
  // `later` must not be before `earlier` (both given).
  void not_before(std::string_view later_code, const std::optional<Date>& later,
                  std::string_view earlier_code, const std::optional<Date>& earlier);

 private:
  RecordKind kind_;
  const ValidationContext& ctx_;
  Issues& out_;
};

// The parts of the validation, one file each.
void check_fields(const Record& record, Checker& c);  // presence, length, text, for every field
void check_subject(const Subject& s, const std::string& remarks, Checker& c);
void check_license(const License& r, Checker& c);
void check_penalty(const Penalty& r, Checker& c);

}  // namespace gongshi::validation
