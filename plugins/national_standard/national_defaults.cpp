// Deadlines, classification, time limits and guards of the national defaults.
#include "plugins/national_standard/national_defaults.hpp"

#include <array>
#include <utility>

#include "plugins/national_standard/national_standard.hpp"

namespace gongshi {
namespace {

Status no_calendar(const RuleContext& ctx) {
  return make_error(ErrorCode::internal, "地区 " + ctx.region + " 没有工作日历",
                    "no working-day calendar for region " + ctx.region);
}

// 处罚类别 that make a penalty 严重 by themselves (the and 国办发〔2025〕22号's reading of
// 严重失信: the heaviest kinds of 《行政处罚法》 art. 9), and those that alone make it a 轻微
// candidate. Everything else is 一般. A department's `severity` wins; a region may reclassify.
bool serious_kind(PenaltyKind k) {
  return k == PenaltyKind::revoke_permit || k == PenaltyKind::order_closure ||
         k == PenaltyKind::restrict_employment;
}
bool minor_kind(PenaltyKind k) {
  return k == PenaltyKind::warning || k == PenaltyKind::public_criticism;
}

// 令第58号's sectors with a one-year minimum, recognised by the legal basis, the kind of
// violation or the deciding authority.
constexpr std::array<std::pair<const char*, const char*>, 7> kSectorWords{{
    {"特种设备", "特种设备"},
    {"安全生产", "安全生产"},
    {"应急管理", "安全生产"},
    {"消防", "消防"},
    {"药品", "药品"},
    {"食品", "食品"},
    {"疫苗", "药品"},
}};

}  // namespace

Status NationalStandard::classify(const Record& r, const RuleContext&, Classification& c) const {
  const auto* p = std::get_if<Penalty>(&r);
  if (p == nullptr) return ok_status();
  if (p->severity) {
    c.tier = *p->severity;
    c.derivation = "部门填报失信程度：" + std::string(enum_label(*p->severity));
  } else {
    const PenaltyKind* serious = nullptr;
    bool all_minor = !p->kinds.empty();
    for (const auto& k : p->kinds) {
      if (serious_kind(k.value) && serious == nullptr) serious = &k.value;
      all_minor = all_minor && minor_kind(k.value);
    }
    if (serious != nullptr) {
      c.tier = SeverityTier::serious;
      c.derivation = "处罚类别含" + std::string(enum_label(*serious)) + "：严重";
    } else if (all_minor) {
      c.tier = SeverityTier::minor;
      c.derivation = "处罚类别仅为警告或通报批评：轻微（候选，部门可填报失信程度改定）";
    } else {
      c.tier = SeverityTier::general;
      c.derivation = "处罚类别不含吊销许可证件、责令关闭、限制从业：一般";
    }
  }
  const std::string text = p->legal_basis + "|" + p->violation_type + "|" + p->authority;
  for (const auto& [word, sector] : kSectorWords) {
    if (text.find(word) != std::string::npos) {
      c.sector = sector;
      c.derivation +=
          "；处罚依据、违法行为类型或处罚机关含「" + std::string(word) + "」：" + sector + "领域";
      break;
    }
  }
  return ok_status();
}

Status NationalStandard::deadlines(const Record& r, const RuleContext& ctx, Deadlines& d) const {
  const auto decision = decision_date_of(r);
  if (!decision) return ok_status();  // validation reports the missing date
  if (ctx.calendar == nullptr) return no_calendar(ctx);
  auto publish_by =
      ctx.calendar->add_working_days(*decision, national::kPublishWorkingDays, ctx.calendar_use);
  if (!publish_by) return publish_by.error();
  d.publish_by = *publish_by;
  d.late_after = *publish_by;
  d.missing_after = add_days(*publish_by, national::kMissingAfterDays);
  if (const auto* l = std::get_if<License>(&r)) {
    // A license is published while it is in force; 长期 (9999-12-31 or 2099-12-31) has no end.
    d.publication_end =
        l->valid_to && *l->valid_to < make_date(2099, 12, 31) ? l->valid_to : std::nullopt;
  }
  // A penalty's publication_end and repair_from come from its regime (the RuleSet sets them).
  return ok_status();
}

Status NationalStandard::report_settings(ReportSettings& s) const {
  s.escalation_late_rate = national::kEscalationLateRate;
  s.summons_after_repeats = national::kSummonsAfterRepeats;
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
    const auto& from = in.deadlines.repair_from;
    if (!from) {
      answer(false, "该记录没有可申请信用修复的日期", "the record has no repair date");
    } else {
      answer(ctx.today >= *from,
             "最短公示期至 " + format_date(add_days(*from, -1)) + " 届满，" + format_date(*from) +
                 " 起方可申请信用修复",
             "the minimum publication period has not passed: repair from " + format_date(*from));
    }
  } else if (guard == "publication_over") {
    const auto& end = in.deadlines.publication_end;
    answer(end && ctx.today > *end, "公示期未满", "the publication period is not over");
  }
  return ok_status();
}

}  // namespace gongshi
