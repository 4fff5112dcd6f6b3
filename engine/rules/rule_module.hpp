#pragma once
// The interface every rule module implements: the national-standard plugin, a region's Lua script,
// any extra plugin. A region's RuleSet calls its modules in order; each receives what the earlier
// ones decided and may refine it. Plugins see only this header, engine/model and the calendar.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/calendar/calendar.hpp"
#include "engine/model/issue.hpp"
#include "engine/model/record.hpp"
#include "engine/model/result.hpp"

namespace gongshi {

// Bumped whenever this header changes in a way that breaks compiled plugins.
// 2: RuleModule::evaluate. 3: classify, provisional calendars, publication periods, repair_from.
inline constexpr int kRuleAbiVersion = 3;

#define GONGSHI_STR2(x) #x
#define GONGSHI_STR(x) GONGSHI_STR2(x)
// What a plugin must have been built for: CPU, compiler, C++ library ABI, language version.
#if defined(__x86_64__)
#define GONGSHI_ARCH "x86_64"
#elif defined(__aarch64__)
#define GONGSHI_ARCH "aarch64"
#else
#define GONGSHI_ARCH "other"
#endif
#define GONGSHI_RULE_PLATFORM                                                \
  GONGSHI_ARCH "-linux gcc-" GONGSHI_STR(__GNUC__) " cxx11abi-" GONGSHI_STR( \
      _GLIBCXX_USE_CXX11_ABI) " c++" GONGSHI_STR(__cplusplus)

// A penalty's severity tier and sector, as the rules classify it (national plugin first: the
// department's `severity`, else a derivation from 处罚类别; a region's script may reclassify).
struct Classification {
  std::optional<SeverityTier> tier;
  std::string sector;  // 特种设备 | 安全生产 | 消防 | "" (令第58号's longer minimum)
  std::string derivation;  // how it was decided, in Chinese: shown with the record's rule result
};

// The publication period a penalty's regime allows it, from the regime table
// (schemas/publication_periods.json) for its decision date and classification.
struct PublicationPeriod {
  std::string regime;        // e.g. "order-2025-36"
  std::string regime_basis;  // 国家发展改革委令2025年第36号《信用修复管理办法》
  std::string rule_basis;    // the article the minimum and maximum come from
  std::string tier;  // the tier the regime applied (轻微/一般/严重), "" if it has none
  std::string sector;
  int min_months = 0, max_months = 0;
  Date earliest_end{};  // decision + min: repair may be applied for from this day
  Date latest_end{};    // decision + max: publication stops after this day at the latest
  bool operator==(const PublicationPeriod&) const = default;
};

// What the supervision reports read from a region's rules (a region's script: its `settings`).
struct ReportSettings {
  std::optional<double> escalation_late_rate;  // 迟报率 above it: a written explanation
  std::optional<int> summons_after_repeats;    // escalated that many months in a row: 约谈
};

struct RuleContext {
  std::string region;                  // GB/T 2260 code
  const Calendar* calendar = nullptr;  // the region's working-day calendar
  Date today{};                        // Asia/Shanghai civil date of "now" (an input, never read)
  // Non-null: a deadline may reach a year without holiday data; it is counted on weekdays only
  // and `calendar_use->provisional` is set (pass it to every Calendar call). Null: refused.
  CalendarUse* calendar_use = nullptr;
  // Set by the RuleSet for a penalty while its modules decide deadlines: the regime's bounds.
  const PublicationPeriod* period = nullptr;
};

// 公开范围 and why.
struct ScopeDecision {
  PublicScope scope = PublicScope::social;
  std::string reason;              // 中文, shown to the department
  std::string basis;               // the legal basis when not 社会公开
  bool mask_personal = false;      // 自然人: mask name and ID number on public pages
  std::vector<std::string> flags;  // e.g. "concealment_risk" (瞒报风险)
};

// The dates the supervision is measured by. A record received on or before late_after is on time;
// after late_after it is 迟报; after missing_after (or never) it is 漏报.
struct Deadlines {
  std::optional<Date> publish_by;
  std::optional<Date> late_after;
  std::optional<Date> missing_after;
  std::optional<Date> publication_end;  // publication stops after this day
  std::optional<Date> repair_from;      // a penalty: credit repair may be applied for from this day
  bool operator==(const Deadlines&) const = default;
};

// What a guard of a lifecycle edge is asked about.
struct GuardInput {
  std::string event;    // the lifecycle event being taken
  std::string reason;   // the reason the actor gave, may be empty
  Deadlines deadlines;  // the record's current deadlines
};

struct GuardDecision {
  bool answered = false;  // no module answered: the guard refuses
  bool allowed = false;
  std::string reason_zh;
  std::string reason_en;
};

class RuleModule {
 public:
  virtual ~RuleModule() = default;
  virtual std::string name() const = 0;     // "national_standard", "410500"
  virtual std::string version() const = 0;  // a plugin's version, a script's hash prefix

  virtual Status validate(const Record& r, const RuleContext& ctx, Issues& issues) const = 0;
  virtual Status scope(const Record& r, const RuleContext& ctx, ScopeDecision& decision) const = 0;
  virtual Status deadlines(const Record& r, const RuleContext& ctx, Deadlines& d) const = 0;
  // Working-day limit for an event's follow-up (objection → 3); nullopt = not this module's say.
  virtual Status sla(std::string_view event, const RuleContext& ctx,
                     std::optional<int>& working_days) const = 0;
  virtual Status guard(std::string_view guard, const Record& r, const GuardInput& in,
                       const RuleContext& ctx, GuardDecision& decision) const = 0;
  // A penalty's severity tier and sector (runs for every module before any deadlines are
  // decided). By default the module has no opinion.
  virtual Status classify(const Record&, const RuleContext&, Classification&) const {
    return ok_status();
  }
  // The report settings this module sets (later modules override earlier ones).
  virtual Status report_settings(ReportSettings&) const { return ok_status(); }

  // validate, scope and deadlines in one call, as a RuleSet evaluation needs them. A module may do
  // them together (a script builds its record table once); by default it calls the three in turn.
  virtual Status evaluate(const Record& r, const RuleContext& ctx, Issues& issues,
                          ScopeDecision& decision, Deadlines& d) const {
    if (auto st = validate(r, ctx, issues); !st) return st;
    if (auto st = scope(r, ctx, decision); !st) return st;
    return deadlines(r, ctx, d);
  }
};

// The symbols a plugin exports (extern "C"):
//   int gongshi_rule_abi_version();             returns kRuleAbiVersion
//   const char* gongshi_rule_platform();         returns GONGSHI_RULE_PLATFORM
//   gongshi::RuleModule* gongshi_create_rule_module();   the host owns the result
#define GONGSHI_RULE_PLUGIN(ModuleClass)                                                  \
  extern "C" __attribute__((visibility("default"))) int gongshi_rule_abi_version() {      \
    return ::gongshi::kRuleAbiVersion;                                                    \
  }                                                                                       \
  extern "C" __attribute__((visibility("default"))) const char* gongshi_rule_platform() { \
    return GONGSHI_RULE_PLATFORM;                                                         \
  }                                                                                       \
  extern "C" __attribute__((visibility("default"))) ::gongshi::RuleModule*                \
  gongshi_create_rule_module() {                                                          \
    return new ModuleClass();                                                             \
  }

}  // namespace gongshi
