#include "engine/service/ops_service.hpp"

#include "engine/store/record_repo.hpp"

namespace gongshi {

Health OpsService::health(Date today) {
  Health h;
  auto q = in_read_transaction<QueueDepths>(*db_, [](Tx& tx) { return queue_depths(tx); });
  if (!q) {
    h.database_error = q.error();
    h.database_error.code = ErrorCode::unavailable;
    return h;
  }
  h.database = true;
  h.queues = *q;
  if (auto n =
          in_read_transaction<std::int64_t>(*db_, [](Tx& tx) { return count_provisional(tx); })) {
    h.provisional_records = *n;
  }
  auto national = calendars_.national();
  if (!national) {
    h.reasons.push_back({"calendar", national.error().message_zh, national.error().message_en});
    return h;
  }
  const int ahead = (*national)->days_ahead(today);
  h.calendar_days_ahead = ahead;
  if (ahead < kWarnDaysAhead) {
    const std::string next = std::to_string((*national)->last_year() + 1);
    const std::string through = format_date((*national)->complete_through());
    h.reasons.push_back(
        {"calendar_days_ahead",
         "工作日历只完整到 " + through + "（还有 " + std::to_string(ahead) + " 天，少于 " +
             std::to_string(kWarnDaysAhead) + " 天）：请载入国务院办公厅关于" + next +
             "年部分节假日安排的通知；在此之前，期限跨入" + next +
             "年的记录按暂定期限（只计周末）保存",
         "the working-day calendar is complete only through " + through + " (" +
             std::to_string(ahead) + " days, under " + std::to_string(kWarnDaysAhead) +
             "): load the State Council notice for " + next +
             "; until then deadlines reaching it are provisional"});
  }
  return h;
}

}  // namespace gongshi
