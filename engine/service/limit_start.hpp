#pragma once
// The day a working-day limit (objection_due, repair_due, withdraw_due) counts from. Seed 004:
// an objection is settled "接到异议信息核查通知后三个工作日内" — from the day it reached the
// office, not the day someone got round to accepting it. An event that opens such a limit may say
// that day in its payload as "received_on" (an online objection: the day it was filed; a paper one:
// the day stamped on it); without it the limit counts from the day of the event.

#include <boost/json/object.hpp>
#include <optional>

#include "engine/model/date.hpp"
#include "engine/model/result.hpp"
#include "engine/store/stored_record.hpp"

namespace gongshi {

// payload["received_on"] (YYYY-MM-DD, not after `today`), else `today`; invalid_input for a
// received_on that is not such a date.
Result<Date> limit_start(const boost::json::object& payload, Date today);

// The same for a stored event: its payload's received_on, else the Shanghai day it was taken.
std::optional<Date> limit_start_of(const EventRow& event);

}  // namespace gongshi
