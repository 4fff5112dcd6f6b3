#pragma once
// The working-day calendar as live data: a year's State Council notice (or a region's own days for
// a year) is checked, stored with who loaded it, installed in this process and, through sync(), in
// every other; then the deadlines that were provisional are computed again, each change a logged
// event with the old and the new dates.

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/calendar/calendar_cache.hpp"
#include "engine/lifecycle/lifecycle.hpp"
#include "engine/model/clock.hpp"
#include "engine/rules/rule_registry.hpp"
#include "engine/service/access.hpp"
#include "engine/service/audit_service.hpp"
#include "engine/store/calendar_repo.hpp"
#include "engine/store/database.hpp"

namespace gongshi {

struct CalendarLoad {
  std::string region{kNationalRegion};  // 000000: the national notice; else the region's days
  int year = 0;
  std::string body;  // JSON: schemas/calendar/national/YYYY.json, or {"region","year","holidays"}
  std::string loaded_by;
};

struct RecomputeReport {
  int examined = 0;           // provisional records looked at
  int changed = 0;            // records whose deadlines or flag moved (one event each)
  int still_provisional = 0;  // their deadlines still reach a year without data
  int failed = 0;             // could not be computed (the message is in errors)
  std::vector<std::string> errors;
};

struct CalendarLoadResult {
  std::string region;
  int year = 0;
  int version = 0;  // of this (region, year): 1 for the first load
  std::string title, number;
  int working_days = 0;  // national notices: the year's working days
  RecomputeReport recompute;
};

struct CalendarYearInfo {
  int year = 0;
  bool loaded = false;  // loaded at run time (else a file of schemas/calendar)
  std::vector<Notice> notices;
  int working_days = 0;
  std::string loaded_by, loaded_at;
  int version = 0;
};

struct CalendarStatus {
  int first_year = 0, last_year = 0;
  Date complete_through{};
  int days_ahead = 0;  // from today to complete_through
  std::int64_t provisional_records = 0;
  std::vector<CalendarYearInfo> years;  // national, oldest first
  std::vector<CalendarYearRow> loads;   // every load of any region, newest first (no bodies)
};

class CalendarService {
 public:
  static constexpr std::size_t kMaxBody = 256 * 1024;
  // Under this many days of complete data ahead, /healthz reports degraded.
  static constexpr int kWarnDaysAhead = 45;

  CalendarService(std::shared_ptr<Database> db, RuleRegistry& rules, CalendarCache& calendars,
                  const Lifecycle& lifecycle, AuditTrail& audit)
      : db_(std::move(db)),
        rules_(rules),
        calendars_(calendars),
        lifecycle_(lifecycle),
        audit_(audit) {}

  // Checks the notice whole (nothing is stored when any check fails), stores it in one
  // transaction, installs it and recomputes the provisional deadlines. No caller checks: the
  // operator's command line.
  Result<CalendarLoadResult> load(const CalendarLoad& req, TimePoint now);
  // The same for a caller: the national notice by the system administrator, a region's days by
  // it or that region's 信用办 (AccessPolicy::may_load_calendar); loaded_by is the caller.
  Result<CalendarLoadResult> load(const Principal& who, CalendarLoad req, TimePoint now,
                                  const AccessPolicy& access);
  // Installs what the database holds when it changed since this process last looked; true when
  // it did. Every process runs it on a timer; the caller then recomputes.
  Result<bool> sync();
  // Computes again the deadlines of every provisional record (pinned rule version where it can be
  // rebuilt), in transactions of `batch` records.
  Result<RecomputeReport> recompute_provisional(TimePoint now, const std::string& reason,
                                                int batch = 200);
  Result<CalendarStatus> status(Date today);

 private:
  Result<LoadedCalendar> loaded_from(const std::vector<CalendarYearRow>& rows) const;

  std::shared_ptr<Database> db_;
  RuleRegistry& rules_;
  CalendarCache& calendars_;
  const Lifecycle& lifecycle_;
  AuditTrail& audit_;
  std::mutex mu_;
  std::string installed_;  // the database fingerprint last installed
};

}  // namespace gongshi
