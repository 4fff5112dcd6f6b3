#include "engine/model/date.hpp"

#include <algorithm>
#include <cstdio>

namespace gongshi {
namespace {

// Reads 1..max_digits decimal digits from text[pos]; advances pos.
std::optional<int> read_number(std::string_view text, std::size_t& pos, std::size_t min_digits,
                               std::size_t max_digits) {
  int value = 0;
  std::size_t n = 0;
  while (pos < text.size() && n < max_digits && text[pos] >= '0' && text[pos] <= '9') {
    value = value * 10 + (text[pos] - '0');
    ++pos;
    ++n;
  }
  if (n < min_digits) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  std::size_t pos = 0;
  auto y = read_number(text, pos, 4, 4);
  if (!y || pos >= text.size()) return std::nullopt;
  const char sep = text[pos];
  if (sep != '-' && sep != '/') return std::nullopt;
  ++pos;
  auto m = read_number(text, pos, 1, 2);
  if (!m || pos >= text.size() || text[pos] != sep) return std::nullopt;
  ++pos;
  auto d = read_number(text, pos, 1, 2);
  if (!d || pos != text.size()) return std::nullopt;
  Date date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
            std::chrono::day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format_date(Date d) {
  const int y = static_cast<int>(d.year());
  if (y < 0 || y > 9999 || !d.ok()) {  // never for a stored date; kept exact anyway
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
  }
  // Every record answer formats a dozen dates: digits by hand, not through printf's parser.
  const unsigned m = static_cast<unsigned>(d.month()), day = static_cast<unsigned>(d.day());
  std::string out(10, '-');
  out[0] = static_cast<char>('0' + y / 1000);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

Date add_days(Date d, int days) {
  return Date{std::chrono::sys_days{d} + std::chrono::days{days}};
}

Date add_months(Date d, int months) {
  const auto ym = std::chrono::year_month{d.year(), d.month()} + std::chrono::months{months};
  const std::chrono::year_month_day_last last{ym.year(), std::chrono::month_day_last{ym.month()}};
  return Date{ym.year(), ym.month(), std::min(d.day(), last.day())};
}

int days_between(Date from, Date to) {
  return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

bool is_weekend(Date d) {
  const std::chrono::weekday wd{std::chrono::sys_days{d}};
  return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

Date make_date(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

}  // namespace gongshi
