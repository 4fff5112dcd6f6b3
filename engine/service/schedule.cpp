// What the sweeper watches for each state, and when.
#include <algorithm>

#include "engine/service/engine.hpp"
#include "engine/service/engine_internal.hpp"

namespace gongshi {
namespace {

bool on_publication(const std::string& state) {
  return state == "published" || state == "corrected" || state == "withheld";
}

void earliest(std::optional<Date>& best, const std::optional<Date>& d) {
  if (d && (!best || *d < *best)) best = d;
}

std::optional<Date> day_after(const std::optional<Date>& d) {
  return d ? std::optional<Date>(add_days(*d, 1)) : std::nullopt;
}

}  // namespace

std::optional<Date> next_due_of(const StoredRecord& r) {
  std::optional<Date> next;
  // Overdue is never decided on a provisional deadline: those marks wait until the year's
  // holiday data is loaded and the deadlines are computed again. The reminder still comes.
  const bool decidable = !r.calendar_provisional;
  if (service::before_publication(r.state)) {
    if (!r.has_flag("warned")) earliest(next, r.publish_by);
    if (decidable && !r.has_flag("overdue_late")) earliest(next, day_after(r.late_after));
    if (decidable && !r.has_flag("overdue_missing")) earliest(next, day_after(r.missing_after));
  } else if (r.state == "objected") {
    if (decidable && !r.has_flag("objection_overdue")) earliest(next, day_after(r.objection_due));
  } else if (r.state == "repair_requested") {
    if (decidable && !r.has_flag("repair_overdue")) earliest(next, day_after(r.repair_due));
  }
  if (on_publication(r.state)) earliest(next, day_after(r.publication_end));
  return next;
}

std::string timeliness_of(Date received, const std::optional<Date>& late_after,
                          const std::optional<Date>& missing_after) {
  if (missing_after && received > *missing_after) return "missing";
  if (late_after && received > *late_after) return "late";
  return "on_time";
}

}  // namespace gongshi
