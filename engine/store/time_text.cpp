#include "engine/store/time_text.hpp"

#include "engine/model/date.hpp"

namespace gongshi {

std::string format_utc(TimePoint t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss hms{t - day};
  // The date part as format_date writes it, then the time by hand (no printf on every request).
  std::string out = format_date(Date{day});
  const auto two = [&out](long v) {
    out += static_cast<char>('0' + v / 10);
    out += static_cast<char>('0' + v % 10);
  };
  out += 'T';
  two(hms.hours().count());
  out += ':';
  two(hms.minutes().count());
  out += ':';
  two(hms.seconds().count());
  out += 'Z';
  return out;
}

std::optional<TimePoint> parse_utc(std::string_view text) {
  if (text.size() != 20 || text.back() != 'Z') return std::nullopt;
  return parse_now(text);
}

}  // namespace gongshi
