#pragma once
// Civil dates (Asia/Shanghai calendar days, no time zone arithmetic needed for a date).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace gongshi {

using Date = std::chrono::year_month_day;

// Accepts YYYY-MM-DD and YYYY/MM/DD (one- or two-digit month and day); nullopt unless the text is
// exactly one real calendar date.
std::optional<Date> parse_date(std::string_view text);

// YYYY-MM-DD.
std::string format_date(Date d);

Date add_days(Date d, int days);
// Same day-of-month n months later, clamped to the month's last day (01-31 + 1 month = 02-28/29).
Date add_months(Date d, int months);
int days_between(Date from, Date to);  // to - from, in days
bool is_weekend(Date d);
Date make_date(int y, unsigned m, unsigned d);

}  // namespace gongshi
