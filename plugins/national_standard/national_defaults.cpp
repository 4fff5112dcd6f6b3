// Deadlines, time limits and guards of the national defaults.
#include "plugins/national_standard/national_defaults.hpp"

#include "plugins/national_standard/national_standard.hpp"

namespace gongshi {
namespace {

Status no_calendar(const RuleContext& ctx) {
  return make_error(ErrorCode::internal, "地区 " + ctx.region + " 没有工作日历",
                    "no working-day calendar for region " + ctx.region);
}

}  // namespace

Status NationalStandard::deadlines(const Record& r, const RuleContext& ctx, Deadlines& d) const {
  const auto decision = decision_date_of(r);
  if (!decision) return ok_status();  // validation reports the missing date
  if (ctx.calendar == nullptr) return no_calendar(ctx);
  auto publish_by = ctx.calendar->add_working_days(*decision, national::kPublishWorkingDays);
  if (!publish_by) return publish_by.error();
  d.publish_by = *publish_by;
  d.late_after = *publish_by;
  d.missing_after = add_days(*publish_by, national::kMissingAfterDays);
  if (const auto* l = std::get_if<License>(&r)) {
    // A license is published while it is in force; 长期 (9999-12-31 or 2099-12-31) has no end.
    d.publication_end =
        l->valid_to && *l->valid_to < make_date(2099, 12, 31) ? l->valid_to : std::nullopt;
  } else {
    const auto& p = std::get<Penalty>(r);
    d.publication_end = p.publish_until
                            ? *p.publish_until
                            : add_months(*decision, national::kPenaltyPublicationMonths);
  }
  return ok_status();
}

Status NationalStandard::sla(std::string_view event, const RuleContext&,
                             std::optional<int>& working_days) const {
  if (event == "object") working_days = national::kObjectionWorkingDays;
  if (event == "revoke") working_days = national::kWithdrawWorkingDays;
  if (event == "request_repair") working_days = national::kRepairWorkingDays;
  return ok_status();
}

Status NationalStandard::guard(std::string_view guard, const Record& r, const GuardInput& in,
                               const RuleContext& ctx, GuardDecision& d) const {
  const auto answer = [&d](bool allowed, std::string zh, std::string en) {
    d.answered = true;
    d.allowed = allowed;
    d.reason_zh = allowed ? "" : std::move(zh);
    d.reason_en = allowed ? "" : std::move(en);
  };
  if (guard == "reason_given") {
    answer(!in.reason.empty(), "须填写理由", "a reason is required");
  } else if (guard == "penalty_only") {
    answer(std::holds_alternative<Penalty>(r), "信用修复只适用于行政处罚信息",
           "credit repair applies to penalties only");
  } else if (guard == "repair_eligible") {
    const auto decision = decision_date_of(r);
    const bool ok = decision && ctx.today >= add_months(*decision, national::kRepairMinimumMonths);
    answer(ok, "公示未满最短公示期（3个月），不能申请信用修复",
           "the minimum publication period (3 months) has not passed");
  } else if (guard == "publication_over") {
    const auto& end = in.deadlines.publication_end;
    answer(end && ctx.today > *end, "公示期未满", "the publication period is not over");
  }
  return ok_status();
}

}  // namespace gongshi
