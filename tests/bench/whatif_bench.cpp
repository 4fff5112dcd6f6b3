// What-if over stored records: a 5 → 7 working-day change of 安阳市's script evaluated over N
// records of 殷都区 received in July 2024 (default 100 000), against reading the same records page
// by page and parsing their fields (what any what-if must at least do), in the same run. Also the
// peak memory, to show the records are streamed, not held. Prints Markdown. Not a test.
#include <sys/resource.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "engine/rules/rules_environment.hpp"
#include "engine/service/engine.hpp"
#include "engine/service/rules_whatif.hpp"
#include "engine/store/bulk_insert.hpp"
#include "engine/store/migrate.hpp"
#include "engine/store/record_bulk.hpp"
#include "engine/store/record_repo.hpp"
#include "engine/store/time_text.hpp"
#include "support/source_paths.hpp"

using namespace gongshi;
using Stopwatch = std::chrono::steady_clock;

namespace {

double seconds_since(Stopwatch::time_point t) {
  return std::chrono::duration<double>(Stopwatch::now() - t).count();
}

long peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: whatif_bench DB_URL [records]\n");
    return 2;
  }
  const int n = argc > 2 ? std::atoi(argv[2]) : 100000;
  auto db = Database::open(argv[1], 2);
  if (!db) return 1;
  const auto now = *parse_now("2024-08-05T10:00:00+08:00");
  if (!migrate(**db, std::filesystem::path(GONGSHI_SOURCE_DIR) / "schemas/sql", now)) return 1;
  const RulesPaths paths = test::source_paths();
  auto env = open_rules(paths);
  auto lc = Lifecycle::load(paths.schemas / "lifecycle.json");
  if (!env || !lc) return 1;
  Engine engine(*db, *(*env)->rules, *lc);

  // One record made by the engine, then copied N times with its own number and received time.
  CreateRequest req;
  req.region = "410505";
  req.department_id = 1;
  req.kind = RecordKind::penalty;
  req.fields = (*env)->rules->samples().penalty;
  req.fields["CF_WSH"] = "template";
  auto made =
      engine.create(req, Actor{"bench", "filler"}, "", *parse_now("2024-07-05T10:00+08:00"));
  if (!made) {
    std::fprintf(stderr, "%s\n", made.error().message_en.c_str());
    return 1;
  }
  const bool sqlite = (*db)->dialect() == Dialect::sqlite;
  const long before_fill = peak_rss_mib();
  auto filled = in_transaction<bool>(**db, [&](Tx& tx) -> Result<bool> {
    std::vector<BulkRow> chunk;
    StoredRecord r = made->record;
    for (int i = 0; i < n; ++i) {
      r.id = 1000 + i;
      r.department_id = 1 + i % 25;
      r.document_no = "殷市监罚〔2024〕" + std::to_string(i) + "号";
      // Received over July, some of them late.
      r.received_at = "2024-07-" + std::string(i % 30 < 9 ? "0" : "") + std::to_string(1 + i % 30) +
                      "T02:00:00Z";
      chunk.push_back(record_values(r, sqlite));
      if (chunk.size() == 500) {
        if (auto st = bulk_insert(tx, "records", record_columns(sqlite), chunk); !st)
          return st.error();
        chunk.clear();
      }
    }
    if (!chunk.empty()) {
      if (auto st = bulk_insert(tx, "records", record_columns(sqlite), chunk); !st)
        return st.error();
    }
    return true;
  });
  if (!filled) {
    std::fprintf(stderr, "%s\n", filled.error().message_en.c_str());
    return 1;
  }

  // Baseline: every record of the month read and its fields parsed, page by page.
  auto t = Stopwatch::now();
  std::int64_t read = 0;
  ReceivedPage p{"410505", "2024-06-30T16:00:00Z", "2024-07-31T16:00:00Z", "", 0, 500};
  for (bool more = true; more;) {
    auto page = in_read_transaction<std::vector<StoredRecord>>(
        **db, [&](Tx& tx) { return list_received(tx, p); });
    if (!page) return 1;
    for (const auto& r : *page) read += boost::json::parse(r.data).as_object().size() > 0 ? 1 : 0;
    more = static_cast<int>(page->size()) == p.limit;
    if (!page->empty()) p.after_received = page->back().received_at, p.after_id = page->back().id;
  }
  const double read_s = seconds_since(t);

  std::ifstream in(paths.rules / "410500.lua");
  std::stringstream s;
  s << in.rdbuf();
  std::string script = s.str();
  script.replace(script.find("publish_working_days = 5,"), 25, "publish_working_days = 7,");
  WhatIfRequest w;
  w.region = "410500";
  w.script = script;
  w.from = make_date(2024, 7, 1);
  w.to = make_date(2024, 7, 31);
  w.time_limit = std::chrono::minutes(30);
  t = Stopwatch::now();
  auto r = rules_whatif(**db, *(*env)->rules, (*env)->regions, *lc, w, now);
  const double whatif_s = seconds_since(t);
  if (!r) {
    std::fprintf(stderr, "%s\n", r.error().message_en.c_str());
    return 1;
  }
  std::printf("### what-if on %s (%d records of 殷都区 received in July 2024)\n\n",
              sqlite ? "SQLite" : "MariaDB", n);
  std::printf("| what | seconds | records/s | ratio to reading |\n|---|---|---|---|\n");
  std::printf(
      "| read and parse every record of the period, paged (baseline) | %.2f | %.0f | 1.00 |\n",
      read_s, read / read_s);
  std::printf(
      "| what-if 5 → 7 working days: current and candidate rules on each | %.2f | %.0f | %.2f |\n",
      whatif_s, r->records / whatif_s, read_s / whatif_s);
  std::printf(
      "\n%lld records compared, %lld changed, %lld moved between 迟报/on time; peak RSS %ld "
      "MiB after the fill, %ld MiB after the what-if.\n",
      static_cast<long long>(r->records), static_cast<long long>(r->changed),
      static_cast<long long>(r->changed_by.count("timeliness") ? r->changed_by.at("timeliness")
                                                               : 0),
      before_fill, peak_rss_mib());
  return 0;
}
