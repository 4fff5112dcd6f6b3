// The durable-write limit of `scripts/bench flow`: on the very database the server uses, one
// records row per transaction (BEGIN, INSERT, COMMIT), the INSERT prepared once, for SECONDS.
// The row is a copy of a stored record with a new 决定书文号 (and, on SQLite, a new id); the copies
// are deleted afterwards. Prints one parsable line. Not a test.
// Usage: commit_bench DB_URL SECONDS
#include <soci/soci.h>

#include <chrono>
#include <cstdio>

#include "engine/store/record_bulk.hpp"
#include "engine/store/record_repo.hpp"

using namespace gongshi;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: commit_bench DB_URL SECONDS\n");
    return 2;
  }
  auto db = Database::open(argv[1], 1);
  if (!db) {
    std::fprintf(stderr, "%s\n", db.error().message_en.c_str());
    return 1;
  }
  const bool sqlite = (*db)->dialect() == Dialect::sqlite;
  RecordQuery q;
  q.limit = 1;
  auto some = in_read_transaction<std::vector<StoredRecord>>(
      **db, [&](Tx& tx) { return list_records(tx, q); });
  if (!some || some->empty()) {
    std::fprintf(stderr, "commit_bench: the database has no record to copy\n");
    return 1;
  }
  const StoredRecord& model = some->front();
  const auto& columns = record_columns(sqlite);
  std::vector<std::optional<std::string>> values = record_values(model, sqlite);
  std::size_t doc = 0, id = columns.size();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == "document_no") doc = i;
    if (columns[i] == "id") id = i;
  }
  std::string sql = "INSERT INTO records (";
  std::string marks;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    sql += (i ? ", " : "") + columns[i];
    marks += (i ? ", :v" : ":v") + std::to_string(i);
  }
  sql += ") VALUES (" + marks + ")";

  soci::session s((*db)->pool());
  std::int64_t first_id = 0;
  if (sqlite) s << "SELECT COALESCE(MAX(id), 0) + 1000000 FROM records", soci::into(first_id);
  std::vector<std::string> text(columns.size());
  std::vector<soci::indicator> nulls(columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    text[i] = values[i].value_or("");
    nulls[i] = values[i] ? soci::i_ok : soci::i_null;
  }
  soci::statement insert(s);
  for (std::size_t i = 0; i < columns.size(); ++i) insert.exchange(soci::use(text[i], nulls[i]));
  insert.alloc();
  insert.prepare(sql);
  insert.define_and_bind();

  const char* begin = sqlite ? "BEGIN IMMEDIATE" : "START TRANSACTION";
  const auto start = Clock::now();
  const auto until =
      start + std::chrono::milliseconds(static_cast<long>(std::atof(argv[2]) * 1000));
  long n = 0;
  try {
    while (Clock::now() < until) {
      ++n;
      text[doc] = "commit-bench-" + std::to_string(n);
      if (id < columns.size()) text[id] = std::to_string(first_id + n);
      s << begin;
      insert.execute(true);
      s << "COMMIT";
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "commit_bench: %s\n", e.what());
    return 1;
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  s << "DELETE FROM records WHERE document_no LIKE 'commit-bench-%'";
  std::printf("RESULT commits_per_s=%.0f commits=%ld\n", static_cast<double>(n) / elapsed, n);
  return 0;
}
