#pragma once
// 目录–台账 reconciliation (seed 000, 001): a department's 双公示目录 (catalog items) against the
// records it reported in a month — records per item, catalog items with no record, and records
// that name no item of the catalog (or one of another department's).

#include <boost/json/object.hpp>
#include <vector>

#include "engine/report/monthly_query.hpp"
#include "engine/store/directory_repo.hpp"

namespace gongshi {

struct CatalogLine {
  CatalogItem item;
  std::string department_name;
  std::int64_t records = 0;
};

struct UncataloguedLine {
  std::optional<std::int64_t> department_id;
  std::string department_name;
  std::string kind;
  std::int64_t records = 0;
};

struct Reconciliation {
  std::string region;
  ReportPeriod period;
  std::vector<CatalogLine> items;  // every catalog item, with its records in the month
  std::vector<UncataloguedLine> uncatalogued;
  std::size_t unused_items() const;
};

Result<Reconciliation> reconcile_catalog(Database& db, const RegionRegistry& regions,
                                         const Lifecycle& lifecycle, const MonthlyQuery& q);
boost::json::object reconciliation_json(const Reconciliation& r);

}  // namespace gongshi
