#pragma once
// Time is an input. A command's --now and a server's clock both end up as a point in time; the
// dates the rules work with are civil dates in Asia/Shanghai (UTC+8 all year since 1991).

#include <chrono>
#include <optional>
#include <string_view>

#include "engine/model/date.hpp"

namespace gongshi {

using TimePoint = std::chrono::sys_seconds;

// "2024-07-31", "2024-07-31T10:00", "2024-07-31T10:00:00", with an optional "Z" or "+08:00"-style
// offset; without an offset the time is Shanghai local time. nullopt for anything else.
std::optional<TimePoint> parse_now(std::string_view text);

Date shanghai_date(TimePoint t);
TimePoint system_now();

// What a long-running process asks for the time: the system clock, or one that starts at a given
// --now and runs on at real speed from there (replays, demos, tests).
class Clock {
 public:
  static Clock system() { return Clock(); }
  static Clock starting_at(TimePoint start);
  TimePoint now() const;

 private:
  std::optional<TimePoint> start_;
  std::chrono::steady_clock::time_point started_{};
};

}  // namespace gongshi
