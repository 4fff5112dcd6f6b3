#pragma once
// The working-day limits an event may set on a record — objection_due, repair_due, withdraw_due,
// each the lifecycle effect "deadline:<name>" — in one table that the transition, the
// recomputation and the check of a "received_on" all read; and the day such a limit counts from.
// Seed 004: an objection is settled "接到异议信息核查通知后三个工作日内" — from the day it reached
// the office, not the day someone got round to accepting it. An event that sets a limit may say
// that day in its payload as "received_on" (an online objection: the day it was filed; a paper
// one: the day stamped on it); without it the limit counts from the day of the event.

#include <array>
#include <boost/json/object.hpp>
#include <optional>
#include <string_view>

#include "engine/lifecycle/lifecycle.hpp"
#include "engine/model/date.hpp"
#include "engine/model/result.hpp"
#include "engine/service/engine_internal.hpp"
#include "engine/store/stored_record.hpp"

namespace gongshi {

struct WorkingDayLimit {
  std::string_view effect;  // the lifecycle effect that sets it
  std::string_view sla;     // the rules' sla (and the event whose day a recomputation counts from)
  std::optional<Date> StoredRecord::*due;
};

inline constexpr std::array<WorkingDayLimit, 3> kWorkingDayLimits{{
    {"deadline:objection_due", "object", &StoredRecord::objection_due},
    {"deadline:repair_due", "request_repair", &StoredRecord::repair_due},
    {"deadline:withdraw_due", "revoke", &StoredRecord::withdraw_due},
}};

// The rules' sla of `sla` in working days from `since`; past the loaded holiday data counted on
// weekdays only and marked in `use`.
Result<Date> working_day_limit(const service::RegionRules& rr, std::string_view sla, Date since,
                               CalendarUse& use);

// The day the limits `edge` sets on `r` count from: payload["received_on"] (YYYY-MM-DD, not after
// `today`, not before `r` was published) or else `today`. invalid_input for a received_on that is
// not such a day, or on an edge that sets no working-day limit.
Result<Date> limit_start(const boost::json::object& payload, const Transition& edge,
                         const StoredRecord& r, Date today);

// The same for a stored event: its payload's received_on, else the Shanghai day it was taken.
std::optional<Date> limit_start_of(const EventRow& event);

}  // namespace gongshi
