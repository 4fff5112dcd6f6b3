// Conditional rules of 行政许可 records.
#include "engine/validate/checker.hpp"

namespace gongshi::validation {

void check_license(const License& r, Checker& c) {
  check_subject(r.subject, r.remarks, c);
  if (r.category && r.category->value == LicenseCategory::other && r.category->other_text.empty() &&
      r.remarks.empty()) {
    c.add("XK_XKLB", IssueCode::other_unspecified,
          "许可类别为「其他」时须写明类别（「其他-…」或在备注中说明）",
          "'其他' must name the category ('其他-…' or in BZ)");
  }
  c.not_in_future("XK_JDRQ", r.decision_date);
  c.not_before("XK_YXQZI", r.valid_to, "XK_YXQZ", r.valid_from);
  c.uscc("XK_XKJGDM", r.authority_uscc);
  c.uscc("XK_LYDWDM", r.source_unit_uscc);
}

}  // namespace gongshi::validation
