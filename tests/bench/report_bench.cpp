// The monthly report against a full scan, over many records: fills the records table with
// realistic rows (25 departments and 10 townships, two years of received times, 1 in 20 late and
// 1 in 50 missing) by multi-row INSERT, then times the month's report and a full scan of the
// table. Usage: report_bench DB_URL [records]   (scripts/bench report; docs/benchmarks.md)
#include <soci/soci.h>
#include <chrono>
#include <cstdio>

#include "engine/report/monthly_query.hpp"
#include "engine/service/engine.hpp"
#include "engine/store/bulk_insert.hpp"
#include "engine/store/directory_repo.hpp"
#include "engine/store/migrate.hpp"
#include "engine/store/record_bulk.hpp"
#include "engine/store/time_text.hpp"
#include "support/source_paths.hpp"

using namespace gongshi;
using Stopwatch = std::chrono::steady_clock;

namespace {

double seconds_since(Stopwatch::time_point t) {
  return std::chrono::duration<double>(Stopwatch::now() - t).count();
}

std::size_t column(const std::vector<std::string>& columns, const std::string& name) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return i;
  }
  std::fprintf(stderr, "no column %s\n", name.c_str());
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: report_bench DB_URL [records]\n");
    return 2;
  }
  const long n = argc > 2 ? std::atol(argv[2]) : 1000000;
  auto db = Database::open(argv[1], 2);
  if (!db) return 1;
  const auto now = *parse_now("2024-07-05T10:00:00+08:00");
  if (!migrate(**db, std::filesystem::path(GONGSHI_SOURCE_DIR) / "schemas/sql", now)) return 1;
  const RulesPaths paths = test::source_paths();
  auto env = open_rules(paths);
  auto lc = Lifecycle::load(paths.schemas / "lifecycle.json");
  if (!env || !lc) return 1;
  Engine engine(*db, *(*env)->rules, *lc);
  const bool sqlite = (*db)->dialect() == Dialect::sqlite;
  {
    soci::session s((*db)->pool());
    for (const char* t : {"records", "events", "outbox", "departments"}) {
      s << std::string("DELETE FROM ") + t;
    }
  }
  auto units = in_transaction<std::monostate>(**db, [](Tx& tx) -> Status {
    for (int i = 1; i <= 35; ++i) {
      auto id = insert_department(tx, {"410505",
                                       0,
                                       {},
                                       i <= 25 ? "department" : "township",
                                       "单位" + std::to_string(i),
                                       "",
                                       {},
                                       {}});
      if (!id) return id.error();
    }
    return ok_status();
  });
  if (!units) return 1;
  CreateRequest req;
  req.region = "410505";
  req.department_id = 1;
  req.kind = RecordKind::penalty;
  req.fields = (*env)->rules->samples().penalty;
  auto first = engine.create(req, {"bench", "filler"}, "", now);
  if (!first) return 1;
  const auto columns = record_columns(sqlite);
  const auto template_row = record_values(first->record, sqlite);
  const auto c_id = sqlite ? column(columns, "id") : columns.size();
  const auto c_dept = column(columns, "department_id"), c_doc = column(columns, "document_no"),
             c_recv = column(columns, "received_at"), c_time = column(columns, "timeliness"),
             c_kind = column(columns, "kind");
  {
    soci::session s((*db)->pool());
    s << "DELETE FROM records";
  }
  const auto start = std::chrono::sys_days(std::chrono::year_month_day{
      std::chrono::year(2023), std::chrono::month(1), std::chrono::day(1)});
  auto t = Stopwatch::now();
  const long per_tx = 20000;
  for (long base = 0; base < n; base += per_tx) {
    std::vector<BulkRow> rows;
    for (long i = base; i < std::min(n, base + per_tx); ++i) {
      BulkRow row = template_row;
      if (c_id < columns.size()) row[c_id] = std::to_string(i + 1);
      row[c_dept] = std::to_string(1 + i % 35);
      row[c_doc] = "B" + std::to_string(i);
      row[c_kind] = i % 4 == 0 ? "penalty" : "license";
      row[c_time] = i % 50 == 0 ? "missing" : i % 20 == 0 ? "late" : "on_time";
      // Two years, evenly: record i arrives (i / n) of the way through.
      const auto at = start + std::chrono::days(730 * i / n) + std::chrono::seconds(i % 86400);
      row[c_recv] = format_utc(std::chrono::floor<std::chrono::seconds>(at));
      rows.push_back(std::move(row));
    }
    auto st = in_transaction<std::monostate>(
        **db, [&](Tx& tx) { return bulk_insert(tx, "records", columns, rows, 500); });
    if (!st) {
      std::fprintf(stderr, "%s\n", st.error().message_en.c_str());
      return 1;
    }
  }
  const double fill = seconds_since(t);
  {
    soci::session s((*db)->pool());
    if (sqlite) s << "ANALYZE";
  }
  auto regions = RegionRegistry::load(paths.schemas / "regions.json");
  auto lifecycle = Lifecycle::load(paths.schemas / "lifecycle.json");
  if (!regions || !lifecycle) return 1;
  MonthlyQuery q{"410505", month_period(2024, 7), 2000, 2};
  // Best of three, warm.
  double report_s = 1e9, scan_s = 1e9;
  long long month_total = 0, scanned = 0;
  for (int run = 0; run < 3; ++run) {
    t = Stopwatch::now();
    auto r = monthly_report(**db, *regions, *lifecycle, q);
    report_s = std::min(report_s, seconds_since(t));
    if (!r) return 1;
    month_total = r->department_total.total + r->township_total.total;
    t = Stopwatch::now();
    soci::session s((*db)->pool());
    s << "SELECT COUNT(*) FROM records WHERE LENGTH(data) > 0 AND timeliness <> 'x'",
        soci::into(scanned);
    scan_s = std::min(scan_s, seconds_since(t));
  }
  std::printf(
      "### monthly report on %s (%ld records, filled in %.0f s)\n\n"
      "| query | seconds | ratio to full scan |\n|---|---:|---:|\n"
      "| full scan of records (COUNT over every row) | %.3f | 1.00 |\n"
      "| monthly 通报 of 2024-07 (%lld records in the month) | %.4f | %.4f |\n\n",
      sqlite ? "SQLite" : "MariaDB", n, fill, scan_s, month_total, report_s, report_s / scan_s);
  return scanned > 0 ? 0 : 1;
}
