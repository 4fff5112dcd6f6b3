// What the sweeper watches in each state, and when: the watches of lifecycle.json.
#include "engine/service/engine.hpp"

namespace gongshi {

std::optional<Date> fires_on(const Watch& w, const StoredRecord& r) {
  if (!w.mark.empty() && r.has_flag(w.mark)) return std::nullopt;  // fired already
  // A judgement (迟报, 漏报, a limit missed) waits until a provisional date is computed again
  // with the year's holiday data; a reminder does not.
  if (w.decided && r.calendar_provisional) return std::nullopt;
  const auto d = r.date_named(w.deadline);
  if (!d) return std::nullopt;
  return w.on_the_day ? *d : add_days(*d, 1);
}

std::optional<Date> next_due_of(const StoredRecord& r, const Lifecycle& lifecycle) {
  const StateInfo* s = lifecycle.state(r.state);
  if (s == nullptr) return std::nullopt;
  std::optional<Date> next;
  for (const auto& w : s->watches) {
    const auto d = fires_on(w, r);
    if (d && (!next || *d < *next)) next = d;
  }
  return next;
}

std::string timeliness_of(Date received, const std::optional<Date>& late_after,
                          const std::optional<Date>& missing_after) {
  if (missing_after && received > *missing_after) return "missing";
  if (late_after && received > *late_after) return "late";
  return "on_time";
}

int SweepReport::mark(std::string_view name) const {
  const auto it = marks.find(std::string(name));
  return it == marks.end() ? 0 : it->second;
}

int SweepReport::event(std::string_view name) const {
  const auto it = events.find(std::string(name));
  return it == events.end() ? 0 : it->second;
}

void SweepReport::add(const SweepReport& other) {
  claimed += other.claimed;
  fired += other.fired;
  for (const auto& [k, n] : other.marks) marks[k] += n;
  for (const auto& [k, n] : other.events) events[k] += n;
}

}  // namespace gongshi
