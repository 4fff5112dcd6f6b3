#pragma once
// The calendar service's answers as JSON: what the API returns and the command line prints.

#include <boost/json/object.hpp>

#include "engine/service/calendar_service.hpp"

namespace gongshi {

boost::json::object calendar_load_json(const CalendarLoadResult& r);
boost::json::object calendar_status_json(const CalendarStatus& s);
boost::json::object recompute_json(const RecomputeReport& r);

}  // namespace gongshi
