#include "engine/store/database.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include <soci/connection-pool.h>
#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "engine/store/statement_cache.hpp"

namespace gongshi {

namespace {

// MariaDB's server errors that end the transaction (or never started it) with nothing written.
constexpr unsigned kDeadlock = 1213;  // ER_LOCK_DEADLOCK, also Galera's certification failure
constexpr unsigned kLockWaitTimeout = 1205;  // ER_LOCK_WAIT_TIMEOUT
constexpr unsigned kNodeNotReady = 1047;     // WSREP has not yet prepared node for application use
constexpr unsigned kShutdown = 1053;         // ER_SERVER_SHUTDOWN
constexpr int kConflictAttempts = 10;
constexpr int kConnectionAttempts = 3;

Error transient_error(Error::Transient kind, const std::string& what) {
  Error e = make_error(ErrorCode::unavailable, "数据库暂时不可用，请稍后重试：" + what,
                       "database temporarily unavailable, retry later: " + what);
  e.retry_after = 1;
  e.transient = kind;
  return e;
}

}  // namespace

Error database_error(const std::exception& e) {
  const std::string what = e.what();
  if (const auto* my = dynamic_cast<const soci::mysql_soci_error*>(&e)) {
    const unsigned n = my->err_num_;
    if (n == kDeadlock || n == kLockWaitTimeout || n == kNodeNotReady) {
      return transient_error(Error::Transient::conflict, what);
    }
    if (my->get_error_category() == soci::soci_error::connection_error || n == kShutdown) {
      return transient_error(Error::Transient::connection, what);
    }
  }
  // SOCI's own word for a session whose reconnect failed earlier (the server was still away).
  if (what.find("Session is not connected") != std::string::npos) {
    return transient_error(Error::Transient::connection, what);
  }
  const bool duplicate = what.find("Duplicate entry") != std::string::npos ||
                         what.find("UNIQUE constraint failed") != std::string::npos;
  if (duplicate) {
    return make_error(ErrorCode::conflict, "与已有数据重复：" + what,
                      "duplicate of existing data: " + what);
  }
  return make_error(ErrorCode::io_error, "数据库错误：" + what, "database error: " + what);
}

bool retry_transaction(const Error& e, int attempt) {
  const int limit = e.transient == Error::Transient::conflict     ? kConflictAttempts
                    : e.transient == Error::Transient::connection ? kConnectionAttempts
                                                                  : 0;
  if (attempt >= limit) return false;
  // Full jitter over a window that doubles each attempt (2 ms, 4 ms, … up to 256 ms), so the
  // transactions that collided do not collide again in step. The clock's low bits are noise
  // enough for that.
  const auto window = std::chrono::microseconds(2000) * (1 << std::min(attempt - 1, 7));
  const auto noise = std::chrono::steady_clock::now().time_since_epoch().count();
  std::this_thread::sleep_for(std::chrono::microseconds(noise % window.count()));
  return true;
}

Result<std::shared_ptr<Database>> Database::open(std::string_view url, std::size_t pool_size) {
  auto parsed = parse_db_url(url);
  if (!parsed) return parsed.error();
  std::shared_ptr<Database> db(new Database());
  db->dialect_ = parsed->dialect;
  db->size_ = pool_size == 0 ? 1 : pool_size;
  db->pool_ = std::make_unique<soci::connection_pool>(db->size_);
  for (std::size_t i = 0; i < db->size_; ++i)
    db->caches_.push_back(std::make_unique<StatementCache>());
  try {
    for (std::size_t i = 0; i < db->size_; ++i) {
      soci::session& s = db->pool_->at(i);
      if (db->dialect_ == Dialect::sqlite) {
        s.open(soci::sqlite3, parsed->connect);
        s << "PRAGMA journal_mode=WAL";
        s << "PRAGMA foreign_keys=ON";
        s << "PRAGMA synchronous=NORMAL";
        // Checkpoint every 8192 pages (32 MiB) instead of SQLite's 1000: a page that many commits
        // touch (an index leaf, the table's last page) is then copied back once, not every few
        // hundred commits, and the writer that happens to checkpoint stalls ten times less often.
        // The file is cut back to 64 MiB after a checkpoint. Measured in docs/benchmarks.md (#12).
        s << "PRAGMA wal_autocheckpoint=8192";
        s << "PRAGMA journal_size_limit=67108864";
      } else {
        s.open(soci::mysql, parsed->connect);
        s << "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED";
      }
    }
  } catch (const std::exception& e) {
    return make_error(ErrorCode::io_error, "无法连接数据库：" + std::string(e.what()),
                      "cannot open the database: " + std::string(e.what()));
  }
  return db;
}

Database::~Database() {
  caches_.clear();  // the statements go before their sessions
}

std::unique_lock<std::mutex> Database::writer_turn() {
  if (dialect_ != Dialect::sqlite) return {};
  return std::unique_lock<std::mutex>(writer_);
}

Tx::Tx(Database& db, TxMode mode)
    : db_(db),
      mode_(mode),
      turn_(mode == TxMode::write ? db.writer_turn() : std::unique_lock<std::mutex>()),
      pos_(db.pool().lease()),
      session_(&db.pool().at(pos_)) {}

Tx::~Tx() {
  if (open_) {
    try {
      control("tx.rollback", "ROLLBACK");
    } catch (...) {
      // The connection is gone (a killed server, a dropped socket): the server rolled back.
    }
  }
  db_.pool().give_back(pos_);
}

Status Tx::begin() {
  try {
    const bool sqlite = db_.dialect() == Dialect::sqlite;
    if (mode_ == TxMode::read) {
      control("tx.begin_read", sqlite ? "BEGIN" : "START TRANSACTION READ ONLY");
    } else {
      control("tx.begin_write", sqlite ? "BEGIN IMMEDIATE" : "START TRANSACTION");
    }
    open_ = true;
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

void Tx::reconnect() {
  open_ = false;  // the server rolled back whatever was open
  db_.statements(pos_).clear();
  try {
    session_->reconnect();
  } catch (const std::exception&) {
    // Still unreachable: the next transaction on this session tries again.
  }
}

Status Tx::commit() {
  try {
    control("tx.commit", "COMMIT");
    open_ = false;
    if (turn_.owns_lock()) turn_.unlock();
    return ok_status();
  } catch (const std::exception& e) {
    Error error = database_error(e);
    if (error.transient == Error::Transient::connection) {
      // Lost while committing: the commit may or may not have happened, so running the body
      // again could do it twice. The caller hears 503 and asks again (idempotency keys, natural
      // keys and versions make that safe); the session reconnects before its next use.
      reconnect();
      error.transient = Error::Transient::no;
    }
    return error;
  }
}

void Tx::control(std::string_view key, const char* sql) {
  // Every transaction runs two of these: prepared once per session like the hot statements.
  struct NoVars {};
  with_statement<NoVars>(
      *this, key, [&](soci::statement&, NoVars&) { return std::string(sql); },
      [](StatementCache::Entry<NoVars>& e) { e.st.execute(true); });
}

soci::session& Tx::sql() {
  return *session_;
}

}  // namespace gongshi
