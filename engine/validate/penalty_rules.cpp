// Conditional rules of 行政处罚 records.
#include "engine/validate/checker.hpp"

namespace gongshi::validation {
namespace {

void positive_amount(std::string_view code, const std::optional<Amount>& a, std::string_view why_zh,
                     std::string_view why_en, Checker& c) {
  c.require(code, a.has_value(), why_zh, why_en);
  if (a && a->millionths <= 0) {
    c.add(code, IssueCode::must_be_positive, std::string(why_zh) + "，金额应大于0",
          std::string("must be greater than 0 ") + std::string(why_en));
  }
}

}  // namespace

void check_penalty(const Penalty& r, Checker& c) {
  check_subject(r.subject, r.remarks, c);
  if (r.has_kind(PenaltyKind::fine)) {
    positive_amount("CF_NR_FK", r.fine, "处罚类别含罚款", "when the penalty includes a fine", c);
  }
  if (r.has_kind(PenaltyKind::confiscate_illegal_gains) ||
      r.has_kind(PenaltyKind::confiscate_illegal_property)) {
    positive_amount("CF_NR_WFFF", r.confiscated, "处罚类别含没收违法所得或没收非法财物",
                    "when the penalty includes a confiscation", c);
  }
  bool suspension = false;
  bool unnamed_other = false;
  for (const auto& k : r.kinds) {
    suspension = suspension || is_suspension_or_revocation(k.value);
    unnamed_other = unnamed_other || (k.value == PenaltyKind::other && k.other_text.empty());
  }
  c.require("CF_NR_ZKDX", !r.suspended_or_revoked.empty() || !suspension, "处罚类别含暂扣或吊销",
            "when the penalty suspends or revokes a permit");
  if (unnamed_other && r.remarks.empty()) {
    c.add("CF_CFLB", IssueCode::other_unspecified,
          "处罚类别为「其他」时须写明种类（「其他-…」或在备注中说明）",
          "'其他' must name the kind of penalty ('其他-…' or in BZ)");
  }
  c.not_in_future("CF_JDRQ", r.decision_date);
  c.not_before("CF_YXQ", r.valid_until, "CF_JDRQ", r.decision_date);
  c.not_before("CF_GSJZQ", r.publish_until, "CF_JDRQ", r.decision_date);
  c.uscc("CF_CFJGDM", r.authority_uscc);
  c.uscc("CF_SJLYDM", r.source_unit_uscc);
}

}  // namespace gongshi::validation
