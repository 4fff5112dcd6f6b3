#pragma once
// The aggregate queries of the supervision reports. Each is one GROUP BY in the database over an
// index on (region, received_at) or the events' (region, event, at): nothing is loaded record by
// record.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/store/database.hpp"

namespace gongshi {

// Received (UTC text) in [from, to). `uncounted_states` (the lifecycle's states a report leaves
// out, such as a discarded draft) and `upheld_events` (the events that find an objection right)
// come from the lifecycle, never spelled here.
struct ReceivedWindow {
  std::string region;
  std::string from, to;
  std::vector<std::string> uncounted_states;
  std::vector<std::string> upheld_events;
};

// Records counted by the department that held them at the end of the window, kind and one more
// column (`key`).
struct GroupCount {
  std::optional<std::int64_t> department_id;
  std::string kind;  // license | penalty
  std::string key;   // timeliness (on_time | late | missing) or state
  std::int64_t count = 0;
};
using TimelinessCount = GroupCount;
using StateCount = GroupCount;
// Records reported in the window, backfills and discarded drafts left out.
Result<std::vector<TimelinessCount>> timeliness_counts(Tx& tx, const ReceivedWindow& w);
// Backfills (补录) reported in the window: counted apart.
Result<std::int64_t> backfill_count(Tx& tx, const ReceivedWindow& w);

// Objections upheld (events correct / withdraw) in the window, per department of the record.
Result<std::map<std::int64_t, std::int64_t>> upheld_objections(Tx& tx, const ReceivedWindow& w);

struct CatalogUse {
  std::optional<std::int64_t> department_id;
  std::optional<std::int64_t> catalog_item_id;
  std::string kind;
  std::int64_t count = 0;
};
Result<std::vector<CatalogUse>> catalog_use(Tx& tx, const ReceivedWindow& w);

// Records reported in the window that were approved (审批通过), by department, kind and state.
Result<std::vector<StateCount>> approved_state_counts(Tx& tx, const ReceivedWindow& w);
// 催办: the reminders (events `event`) left on the records of each department in [from, to) of
// `w`, how many records they concerned, and when the last one was.
struct ReminderCount {
  std::int64_t department_id = 0;
  std::int64_t reminders = 0;
  std::int64_t records = 0;
  std::string last_at;
};
Result<std::vector<ReminderCount>> reminder_counts(Tx& tx, const ReceivedWindow& w,
                                                   const std::string& event);
// Active users per department of a region (department 0: users without one).
Result<std::map<std::int64_t, std::int64_t>> users_per_department(Tx& tx,
                                                                  const std::string& region);

}  // namespace gongshi
