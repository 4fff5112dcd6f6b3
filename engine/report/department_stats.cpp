#include "engine/report/department_stats.hpp"

#include <boost/json.hpp>
#include <map>

#include "engine/report/monthly.hpp"
#include "engine/store/directory_repo.hpp"
#include "engine/store/report_repo.hpp"

namespace gongshi {
namespace {

// How the lifecycle says a state counts (its `publication` attribute).
void count(PublicationCounts& c, const Lifecycle& lifecycle, const std::string& state,
           std::int64_t n) {
  const StateInfo* s = lifecycle.state(state);
  const Publication p = s != nullptr ? s->publication : Publication::other;
  if (p == Publication::published) {
    c.published += n;
    return;
  }
  c.unpublished += n;
  (p == Publication::expired ? c.expired : p == Publication::withheld ? c.withheld : c.other) += n;
}

void add(PublicationCounts& to, const PublicationCounts& from) {
  to.published += from.published;
  to.unpublished += from.unpublished;
  to.expired += from.expired;
  to.withheld += from.withheld;
  to.other += from.other;
}

boost::json::object counts_json(const PublicationCounts& c) {
  return {{"published", c.published},
          {"unpublished", c.unpublished},
          {"unpublished_expired", c.expired},
          {"unpublished_withheld", c.withheld},
          {"unpublished_other", c.other}};
}

}  // namespace

Result<DepartmentStats> department_statistics(Database& db, const RegionRegistry& regions,
                                              const Lifecycle& lifecycle, const std::string& region,
                                              Date from, Date to) {
  const auto* r = regions.find(region);
  if (r == nullptr) {
    return make_error(ErrorCode::not_found, "未登记的地区代码：" + region,
                      "unknown region code: " + region);
  }
  const ReceivedWindow window = window_of(region, day_period(from, to), lifecycle);
  return in_read_transaction<DepartmentStats>(db, [&](Tx& tx) -> Result<DepartmentStats> {
    auto departments = departments_of(tx, region);
    if (!departments) return departments.error();
    auto users = users_per_department(tx, region);
    if (!users) return users.error();
    auto states = approved_state_counts(tx, window);
    if (!states) return states.error();
    DepartmentStats s{region, r->name, format_date(from), format_date(to), {}, {}};
    s.total.name = r->name;
    std::map<std::int64_t, std::size_t> index;
    for (const auto& d : *departments) {
      if (d.kind == "county") continue;
      index[d.id] = s.rows.size();
      DepartmentStatsRow row;
      row.department_id = d.id;
      row.name = d.name;
      row.users = users->count(d.id) ? users->at(d.id) : 0;
      s.rows.push_back(row);
    }
    for (const auto& c : *states) {
      if (!c.department_id || !index.count(*c.department_id)) continue;
      auto& row = s.rows[index[*c.department_id]];
      count(c.kind == "license" ? row.licenses : row.penalties, lifecycle, c.key, c.count);
    }
    for (auto& row : s.rows) {
      add(row.all, row.licenses);
      add(row.all, row.penalties);
      s.total.users += row.users;
      add(s.total.licenses, row.licenses);
      add(s.total.penalties, row.penalties);
      add(s.total.all, row.all);
    }
    return s;
  });
}

boost::json::object department_stats_json(const DepartmentStats& s) {
  const auto row_json = [](const DepartmentStatsRow& r) {
    return boost::json::object{
        {"department_id", r.department_id ? boost::json::value(*r.department_id) : nullptr},
        {"name", r.name},
        {"users", r.users},
        {"all", counts_json(r.all)},
        {"licenses", counts_json(r.licenses)},
        {"penalties", counts_json(r.penalties)}};
  };
  boost::json::array rows;
  for (const auto& r : s.rows) rows.push_back(row_json(r));
  return {{"region", s.region},
          {"region_name", s.region_name},
          {"from", s.from},
          {"to", s.to},
          {"departments", s.rows.size()},
          {"total", row_json(s.total)},
          {"rows", std::move(rows)}};
}

}  // namespace gongshi
