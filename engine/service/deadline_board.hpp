#pragma once
// The 信用办's deadline board: the region's records not yet published, counted per department
// by how close their deadlines are — due today, due the next working day, late (past 公示期限),
// close to 漏报 (at most two working days before missing_after), already past it — and those
// whose deadline is provisional (a year without holiday data); beside the counts, the urgent
// records themselves, most urgent first.
#include <optional>
#include <vector>

#include "engine/model/clock.hpp"
#include "engine/model/result.hpp"
#include "engine/service/principal.hpp"
#include "engine/store/stored_record.hpp"

namespace gongshi {

class Services;

struct BoardCounts {
  std::optional<std::int64_t> department_id;  // nullopt: records without a department
  int open = 0, due_today = 0, due_soon = 0, late = 0, missing_risk = 0, missing = 0,
      provisional = 0;
};

struct BoardRecord {
  StoredRecord record;
  std::optional<int> working_days_left;  // to publish_by; negative when late
  std::optional<int> days_to_missing;    // working days to missing_after; negative past it
};

struct DeadlineBoard {
  std::string region;
  Date today{};
  std::vector<BoardCounts> departments;  // by department id
  std::vector<BoardRecord> records;      // due within a working day, late or provisional
  bool truncated = false;                // more open records than one board reads
};

// Working days within which a late record counts as close to 漏报.
inline constexpr int kMissingRiskDays = 2;

Result<DeadlineBoard> deadline_board(Services& s, const Principal& who, const std::string& region,
                                     TimePoint now);

}  // namespace gongshi
