#pragma once
// A database: a fixed-size SOCI connection pool and its dialect. Sessions are not thread-safe:
// a Tx holds one session for one thread at a time. SOCI itself stays inside engine/store.

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "engine/store/db_url.hpp"

namespace soci {
class connection_pool;
class session;
}  // namespace soci

namespace gongshi {

class StatementCache;

class Database {
 public:
  // Opens `pool_size` connections (SQLite: WAL journal; MySQL: utf8mb4).
  static Result<std::shared_ptr<Database>> open(std::string_view url, std::size_t pool_size = 4);
  ~Database();
  Dialect dialect() const { return dialect_; }
  soci::connection_pool& pool() { return *pool_; }
  std::size_t pool_size() const { return size_; }
  // SQLite has one writer at a time: this process's writers queue here instead of in SQLite's
  // busy handler, which sleeps in steps of milliseconds. Not locked on MySQL.
  std::unique_lock<std::mutex> writer_turn();
  // The prepared statements of the pooled session at `pos` (used by the Tx that leased it).
  StatementCache& statements(std::size_t pos) { return *caches_[pos]; }

 private:
  Database() = default;
  Dialect dialect_ = Dialect::sqlite;
  std::size_t size_ = 0;
  std::unique_ptr<soci::connection_pool> pool_;
  std::vector<std::unique_ptr<StatementCache>>
      caches_;  // one per pooled session; before pool_ goes
  std::mutex writer_;
};

// One transaction on one leased session. Rolled back unless commit() succeeded. SQLite takes the
// write lock at BEGIN (BEGIN IMMEDIATE) so two writers never deadlock on the upgrade.
// A read transaction only reads: on SQLite it does not take the write lock (plain BEGIN, so
// readers run beside the writer under WAL), on MySQL it is START TRANSACTION READ ONLY.
enum class TxMode { write, read };

class Tx {
 public:
  explicit Tx(Database& db, TxMode mode = TxMode::write);
  ~Tx();
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;

  Status begin();
  Status commit();
  // The connection was lost: forget its prepared statements and connect again (best effort; a
  // failed reconnect is tried again by the next transaction that leases the session).
  void reconnect();
  soci::session& sql();
  Dialect dialect() const { return db_.dialect(); }
  StatementCache& statements() { return db_.statements(pos_); }

 private:
  void control(std::string_view key, const char* sql);  // BEGIN, COMMIT, ROLLBACK
  Database& db_;
  TxMode mode_;
  std::unique_lock<std::mutex> turn_;  // held from before BEGIN until COMMIT or ROLLBACK
  std::size_t pos_;                    // the leased pooled session
  soci::session* session_;
  bool open_ = false;
};

// Runs `body(tx)` in one transaction and commits it; any error (returned or thrown by SOCI) rolls
// back and comes back as an Error.
template <class T, class Body>
Result<T> in_transaction(Database& db, Body&& body);
// The same for a body that only reads.
template <class T, class Body>
Result<T> in_read_transaction(Database& db, Body&& body);

// What SOCI threw, as an Error: unique-key violations as conflict; deadlocks, Galera
// certification conflicts, lock-wait timeouts and a node not ready as unavailable and
// Transient::conflict; a lost connection as unavailable and Transient::connection.
Error database_error(const std::exception& e);

// After attempt `attempt` failed with `e`: whether to run the transaction again, having waited a
// little (randomised, growing with the attempt) when so.
bool retry_transaction(const Error& e, int attempt);

}  // namespace gongshi

#include "engine/store/database_inl.hpp"
