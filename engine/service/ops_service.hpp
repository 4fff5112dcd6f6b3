#pragma once
// What an operator asks of a node: is the database there, how deep are the queues, how far ahead
// is the working-day calendar complete — and whether that makes the node degraded.

#include <memory>
#include <string>
#include <vector>

#include "engine/calendar/calendar_cache.hpp"
#include "engine/model/clock.hpp"
#include "engine/service/calendar_service.hpp"
#include "engine/store/database.hpp"
#include "engine/store/webhook_repo.hpp"

namespace gongshi {

struct HealthReason {
  std::string code, message_zh, message_en;
};

struct Health {
  bool database = false;  // false: unavailable
  Error database_error;   // when not
  QueueDepths queues;
  std::optional<int> calendar_days_ahead;
  std::int64_t provisional_records = 0;
  std::vector<HealthReason> reasons;  // non-empty: degraded
};

class OpsService {
 public:
  static constexpr int kWarnDaysAhead = CalendarService::kWarnDaysAhead;

  OpsService(std::shared_ptr<Database> db, CalendarCache& calendars)
      : db_(std::move(db)), calendars_(calendars) {}

  Health health(Date today);

 private:
  std::shared_ptr<Database> db_;
  CalendarCache& calendars_;
};

}  // namespace gongshi
