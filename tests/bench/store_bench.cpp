// Ingest and sweeper figures on a real database (the URL is the first argument; scripts/bench
// passes the private MariaDB and a SQLite file). Prints Markdown tables. Not a test.
#include <soci/soci.h>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "engine/rules/rules_environment.hpp"
#include "engine/service/engine.hpp"
#include "engine/store/bulk_insert.hpp"
#include "engine/store/migrate.hpp"
#include "engine/store/record_bulk.hpp"
#include "support/source_paths.hpp"

using namespace gongshi;
using Stopwatch = std::chrono::steady_clock;

namespace {

double seconds_since(Stopwatch::time_point t) {
  return std::chrono::duration<double>(Stopwatch::now() - t).count();
}

void reset(Database& db) {
  soci::session s(db.pool());
  for (const char* t : {"records", "events", "outbox", "idempotency_keys"})
    s << std::string("DELETE FROM ") + t;
}

CreateRequest request(const RulesEnvironment& env, int i) {
  CreateRequest req;
  req.region = "410505";
  req.department_id = 1 + i % 25;
  req.kind = RecordKind::penalty;
  req.fields = env.rules->samples().penalty;
  req.fields["CF_WSH"] = "殷市监罚〔2024〕" + std::to_string(i) + "号";
  return req;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: store_bench DB_URL [records]\n");
    return 2;
  }
  const int n = argc > 2 ? std::atoi(argv[2]) : 20000;
  auto db = Database::open(argv[1], 4);
  if (!db) {
    std::fprintf(stderr, "%s\n", db.error().message_en.c_str());
    return 1;
  }
  const auto now = *parse_now("2024-07-05T10:00:00+08:00");
  if (auto m = migrate(**db, std::filesystem::path(GONGSHI_SOURCE_DIR) / "schemas/sql", now); !m) {
    std::fprintf(stderr, "%s\n", m.error().message_en.c_str());
    return 1;
  }
  const RulesPaths paths = test::source_paths();
  auto env = open_rules(paths);
  auto lc = Lifecycle::load(paths.schemas / "lifecycle.json");
  if (!env || !lc) return 1;
  Engine engine(*db, *(*env)->rules, *lc);
  const Actor actor{"bench", "filler"};
  const bool sqlite = (*db)->dialect() == Dialect::sqlite;
  const char* backend = sqlite ? "SQLite" : "MariaDB";

  // The same rows, prepared once: what the batch path stores, without validation or events.
  reset(**db);
  std::vector<BatchItem> items;
  for (int i = 0; i < n; ++i) items.push_back({request(**env, i), ""});
  auto prepared = engine.create_batch(items, actor, now);  // also warms caches
  std::vector<BulkRow> rows;
  {
    soci::session s((*db)->pool());
    for (const auto& r : *prepared) rows.push_back(record_values(r->record, sqlite));
  }
  reset(**db);
  auto t = Stopwatch::now();
  auto raw = in_transaction<bool>(**db, [&](Tx& tx) -> Result<bool> {
    for (std::size_t start = 0; start < rows.size(); start += 500) {
      const std::vector<BulkRow> chunk(rows.begin() + start,
                                       rows.begin() + std::min(rows.size(), start + 500));
      if (auto st = bulk_insert(tx, "records", record_columns(sqlite), chunk); !st)
        return st.error();
    }
    return true;
  });
  const double raw_rate = n / seconds_since(t);
  if (!raw) std::fprintf(stderr, "%s\n", raw.error().message_en.c_str());

  const auto batches = [&] {
    reset(**db);
    const auto t = Stopwatch::now();
    for (std::size_t start = 0; start < items.size(); start += 500) {
      const std::vector<BatchItem> chunk(items.begin() + start,
                                         items.begin() + std::min(items.size(), start + 500));
      if (auto r = engine.create_batch(chunk, actor, now); !r)
        std::fprintf(stderr, "%s\n", r.error().message_en.c_str());
    }
    return n / seconds_since(t);
  };
  const double batch_rate = batches();
  const unsigned threads = engine.batch_threads;
  engine.batch_threads = 1;
  const double batch_one_rate = batches();
  engine.batch_threads = threads;

  reset(**db);
  const int singles = std::min(n, 2000);
  t = Stopwatch::now();
  for (int i = 0; i < singles; ++i) (void)engine.create(items[i].request, actor, "", now);
  const double single_rate = singles / seconds_since(t);

  std::printf(
      "### ingest on %s (%d records)\n\n| path | records/s | ratio to raw bulk INSERT "
      "|\n|---|---|---|\n",
      backend, n);
  std::printf(
      "| raw SOCI multi-row INSERT of the same rows, records table only (baseline) | %.0f | 1.00 "
      "|\n",
      raw_rate);
  std::printf(
      "| create_batch, 500 a batch: validate + rules + record + event + outbox (items decided on "
      "%u threads) | %.0f | %.2f |\n",
      threads, batch_rate, batch_rate / raw_rate);
  std::printf("| create_batch, the items validated and decided on one thread | %.0f | %.2f |\n",
              batch_one_rate, batch_one_rate / raw_rate);
  std::printf("| create, one transaction per record | %.0f | %.2f |\n\n", single_rate,
              single_rate / raw_rate);

  // Sweeper: the same 1000 due records among 100 k, then 1 M, stored records.
  std::printf("### sweeper on %s\n\n| stored records | due | sweep seconds |\n|---|---|---|\n",
              backend);
  reset(**db);
  // The records' own ids (SQLite) continue after the due records the batch path adds.
  auto filler_record = prepared->front()->record;
  const auto filler = record_values(filler_record, sqlite);
  const std::size_t doc = sqlite ? 6 : 5, next_due = sqlite ? 21 : 20, data = sqlite ? 28 : 27;
  const auto fill_to = [&](int target, int& stored) {
    auto r = in_transaction<bool>(**db, [&](Tx& tx) -> Result<bool> {
      std::vector<BulkRow> chunk;
      for (; stored < target; ++stored) {
        BulkRow row = filler;
        if (sqlite) row[1] = std::to_string(50'000'000 + stored);  // id
        row[doc] = "F-" + std::to_string(stored);
        row[next_due] = std::nullopt;   // nothing to do
        row[data] = std::string("{}");  // small data: only the index matters here
        chunk.push_back(std::move(row));
        if (chunk.size() == 1000) {
          if (auto st = bulk_insert(tx, "records", record_columns(sqlite), chunk, 1000); !st)
            return st.error();
          chunk.clear();
        }
      }
      if (!chunk.empty()) {
        if (auto st = bulk_insert(tx, "records", record_columns(sqlite), chunk, 1000); !st)
          return st.error();
      }
      return true;
    });
    if (!r) std::fprintf(stderr, "%s\n", r.error().message_en.c_str());
  };
  int stored = 0;
  const int scale_limit = argc > 3 ? std::atoi(argv[3]) : 1000000;
  for (const int total : {100000, 1000000}) {
    if (total > scale_limit) break;
    fill_to(total - 1000, stored);
    std::vector<BatchItem> due;
    for (int i = 0; i < 1000; ++i) due.push_back({request(**env, 10'000'000 + total + i), ""});
    if (auto r = engine.create_batch(due, actor, now); !r)
      std::fprintf(stderr, "%s\n", r.error().message_en.c_str());
    stored += 1000;
    t = Stopwatch::now();
    auto s = engine.sweep(*parse_now("2024-07-11T08:00+08:00"), 200);
    const double secs = seconds_since(t);
    std::printf("| %d | %d | %.3f |\n", total, s ? s->mark("overdue_late") : -1, secs);
  }
  return 0;
}
