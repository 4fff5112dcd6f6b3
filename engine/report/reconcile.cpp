#include "engine/report/reconcile.hpp"

#include <boost/json.hpp>
#include <map>

namespace gongshi {

std::size_t Reconciliation::unused_items() const {
  std::size_t n = 0;
  for (const auto& line : items) n += line.records == 0 ? 1 : 0;
  return n;
}

Result<Reconciliation> reconcile_catalog(Database& db, const RegionRegistry& regions,
                                         const Lifecycle& lifecycle, const MonthlyQuery& q) {
  if (regions.find(q.region) == nullptr) {
    return make_error(ErrorCode::not_found, "未登记的地区代码：" + q.region,
                      "unknown region code: " + q.region);
  }
  const auto window = window_of(q.region, q.period, lifecycle);
  return in_read_transaction<Reconciliation>(db, [&](Tx& tx) -> Result<Reconciliation> {
    auto departments = departments_of(tx, q.region);
    if (!departments) return departments.error();
    auto catalog = catalog_of(tx, q.region);
    if (!catalog) return catalog.error();
    auto use = catalog_use(tx, window);
    if (!use) return use.error();
    std::map<std::int64_t, std::string> names;
    for (const auto& d : *departments) names[d.id] = d.name;
    std::map<std::int64_t, const CatalogItem*> items;
    for (const auto& c : *catalog) items[c.id] = &c;
    Reconciliation r{q.region, q.period, {}, {}};
    std::map<std::int64_t, std::int64_t> per_item;
    std::map<std::pair<std::int64_t, std::string>, std::int64_t> uncatalogued;
    for (const auto& u : *use) {
      const auto it = u.catalog_item_id ? items.find(*u.catalog_item_id) : items.end();
      // An item counts only for the department it belongs to.
      if (it != items.end() && u.department_id == it->second->department_id) {
        per_item[it->first] += u.count;
      } else {
        uncatalogued[{u.department_id.value_or(0), u.kind}] += u.count;
      }
    }
    for (const auto& c : *catalog) {
      r.items.push_back({c, names[c.department_id], per_item[c.id]});
    }
    for (const auto& [key, n] : uncatalogued) {
      const auto& [dept, kind] = key;
      r.uncatalogued.push_back({dept ? std::optional<std::int64_t>(dept) : std::nullopt,
                                dept ? names[dept] : "未指定部门", kind, n});
    }
    return r;
  });
}

boost::json::object reconciliation_json(const Reconciliation& r) {
  boost::json::array items, unused, uncatalogued;
  for (const auto& line : r.items) {
    boost::json::object o{
        {"catalog_item_id", line.item.id},    {"department_id", line.item.department_id},
        {"department", line.department_name}, {"seq", line.item.seq},
        {"power_type", line.item.power_type}, {"name", line.item.name},
        {"basis", line.item.basis},           {"subject_categories", line.item.subject_categories},
        {"scope", line.item.scope},           {"records", line.records}};
    if (line.records == 0) unused.push_back(o);
    items.push_back(std::move(o));
  }
  for (const auto& u : r.uncatalogued) {
    uncatalogued.push_back(
        {{"department_id", u.department_id ? boost::json::value(*u.department_id) : nullptr},
         {"department", u.department_name},
         {"kind", u.kind},
         {"records", u.records}});
  }
  return {{"region", r.region},
          {"month", r.period.name},
          {"items", std::move(items)},
          {"unused_items", std::move(unused)},
          {"records_outside_catalog", std::move(uncatalogued)}};
}

}  // namespace gongshi
