#pragma once
// How times are stored: "YYYY-MM-DDTHH:MM:SSZ" (UTC), fixed width, ordered as text.

#include <string>

#include "engine/model/clock.hpp"

namespace gongshi {

std::string format_utc(TimePoint t);
std::optional<TimePoint> parse_utc(std::string_view text);

}  // namespace gongshi
