#include "engine/model/clock.hpp"

namespace gongshi {
namespace {

constexpr std::chrono::hours kShanghaiOffset{8};

std::optional<int> two_digits(std::string_view s, std::size_t pos) {
  if (pos + 2 > s.size() || s[pos] < '0' || s[pos] > '9' || s[pos + 1] < '0' || s[pos + 1] > '9') {
    return std::nullopt;
  }
  return (s[pos] - '0') * 10 + (s[pos + 1] - '0');
}

}  // namespace

std::optional<TimePoint> parse_now(std::string_view text) {
  const auto date = parse_date(text.substr(0, 10));
  if (!date || text.size() < 10 || text[4] != '-') return std::nullopt;
  std::chrono::seconds local{0};
  std::chrono::seconds offset = kShanghaiOffset;
  std::string_view rest = text.substr(10);
  if (!rest.empty()) {
    if (rest[0] != 'T' && rest[0] != ' ') return std::nullopt;
    const auto h = two_digits(rest, 1);
    const auto m = two_digits(rest, 4);
    if (!h || !m || rest.size() < 6 || rest[3] != ':' || *h > 23 || *m > 59) return std::nullopt;
    int s = 0;
    std::size_t pos = 6;
    if (pos < rest.size() && rest[pos] == ':') {
      const auto sec = two_digits(rest, pos + 1);
      if (!sec || *sec > 59) return std::nullopt;
      s = *sec;
      pos += 3;
    }
    local = std::chrono::hours{*h} + std::chrono::minutes{*m} + std::chrono::seconds{s};
    rest = rest.substr(pos);
    if (rest == "Z") {
      offset = std::chrono::seconds{0};
    } else if (!rest.empty()) {
      const auto oh = two_digits(rest, 1);
      const auto om = two_digits(rest, 4);
      if ((rest[0] != '+' && rest[0] != '-') || rest.size() != 6 || rest[3] != ':' || !oh || !om) {
        return std::nullopt;
      }
      offset = std::chrono::hours{*oh} + std::chrono::minutes{*om};
      if (rest[0] == '-') offset = -offset;
    }
  }
  return TimePoint{std::chrono::sys_days{*date}} + local - offset;
}

Date shanghai_date(TimePoint t) {
  return Date{std::chrono::floor<std::chrono::days>(t + kShanghaiOffset)};
}

TimePoint system_now() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

Clock Clock::starting_at(TimePoint start) {
  Clock c;
  c.start_ = start;
  c.started_ = std::chrono::steady_clock::now();
  return c;
}

TimePoint Clock::now() const {
  if (!start_) return system_now();
  const auto elapsed = std::chrono::steady_clock::now() - started_;
  return *start_ + std::chrono::duration_cast<std::chrono::seconds>(elapsed);
}

}  // namespace gongshi
