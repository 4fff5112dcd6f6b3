#include "engine/service/deadline_board.hpp"

#include <algorithm>
#include <map>

#include "engine/service/services.hpp"
#include "engine/store/record_repo.hpp"

namespace gongshi {
namespace {

constexpr int kPage = 1000;
constexpr int kMaxRecords = 20000;  // open records one board reads
constexpr std::size_t kMaxListed = 500;

void count(BoardCounts& c, const BoardRecord& b) {
  ++c.open;
  if (b.record.calendar_provisional) ++c.provisional;
  if (!b.working_days_left) return;
  const int left = *b.working_days_left;
  if (left == 0) ++c.due_today;
  if (left == 1) ++c.due_soon;
  if (left >= 0) return;
  if (b.days_to_missing && *b.days_to_missing < 0) {
    ++c.missing;
    return;
  }
  ++c.late;
  if (b.days_to_missing && *b.days_to_missing <= kMissingRiskDays) ++c.missing_risk;
}

bool urgent(const BoardRecord& b) {
  return b.record.calendar_provisional || (b.working_days_left && *b.working_days_left <= 1);
}

}  // namespace

Result<DeadlineBoard> deadline_board(Services& s, const Principal& who, const std::string& asked,
                                     TimePoint now) {
  const std::string region = asked.empty() ? who.region : asked;
  if (auto st = s.access.may_read_reports(who, region); !st) return st.error();
  auto calendar = s.rules_env->rules->calendar_for(region);
  if (!calendar) return calendar.error();
  DeadlineBoard board{region, shanghai_date(now), {}, {}, false};
  std::map<std::optional<std::int64_t>, BoardCounts> counts;
  RecordQuery q;
  q.regions = {region};
  q.open_only = true;
  q.limit = kPage;
  for (int read = 0; read < kMaxRecords;) {
    auto rows = in_read_transaction<std::vector<StoredRecord>>(
        *s.db, [&](Tx& tx) { return list_records(tx, q); });
    if (!rows) return rows.error();
    if (rows->empty()) break;
    const auto last_id = rows->back().id;
    const auto got = static_cast<int>(rows->size());
    for (auto& r : *rows) {
      BoardRecord b{std::move(r), std::nullopt, std::nullopt};
      b.working_days_left = s.records.working_days_left(b.record, now);
      if (b.working_days_left && *b.working_days_left < 0 && b.record.missing_after) {
        auto n = (*calendar)->working_days_between(board.today, *b.record.missing_after);
        if (n) b.days_to_missing = *n;
      }
      auto& c = counts[b.record.department_id];
      c.department_id = b.record.department_id;
      count(c, b);
      if (urgent(b)) board.records.push_back(std::move(b));
    }
    read += got;
    if (got < q.limit) break;
    if (read >= kMaxRecords) board.truncated = true;
    q.before_id = last_id;
  }
  for (auto& [id, c] : counts) board.departments.push_back(c);
  std::stable_sort(
      board.records.begin(), board.records.end(), [](const BoardRecord& a, const BoardRecord& b) {
        return a.working_days_left.value_or(1 << 20) < b.working_days_left.value_or(1 << 20);
      });
  if (board.records.size() > kMaxListed) {
    board.records.resize(kMaxListed);
    board.truncated = true;
  }
  return board;
}

}  // namespace gongshi
