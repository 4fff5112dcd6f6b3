#pragma once
// Seed 000's 《“双公示”情况明细表》: per department, its users and, of the records approved
// (审批通过) in a period, how many are published and how many are not — and why not: 届满到期
// (expired), 不予公示 (withheld: 政务共享/授权查询), or other (awaiting publication, revoked,
// withdrawn, repaired) — for licensing and penalties.

#include <boost/json/object.hpp>

#include "engine/calendar/region.hpp"
#include "engine/lifecycle/lifecycle.hpp"
#include "engine/model/date.hpp"
#include "engine/store/database.hpp"

namespace gongshi {

struct PublicationCounts {
  std::int64_t published = 0, unpublished = 0;
  std::int64_t expired = 0, withheld = 0, other = 0;  // the unpublished, by reason
};

struct DepartmentStatsRow {
  std::optional<std::int64_t> department_id;
  std::string name;
  std::int64_t users = 0;
  PublicationCounts licenses, penalties, all;
};

struct DepartmentStats {
  std::string region, region_name, from, to;  // dates, inclusive
  std::vector<DepartmentStatsRow> rows;
  DepartmentStatsRow total;
};

Result<DepartmentStats> department_statistics(Database& db, const RegionRegistry& regions,
                                              const Lifecycle& lifecycle, const std::string& region,
                                              Date from, Date to);
boost::json::object department_stats_json(const DepartmentStats& s);

}  // namespace gongshi
