#pragma once
// Template part of database.hpp.

#include <exception>
#include <utility>

namespace gongshi {

// One attempt: BEGIN, the body, COMMIT. A connection found lost (at BEGIN, in the body) reconnects
// the session, so that the next attempt, which leases it again, finds it connected.
template <class T, class Body>
Result<T> run_transaction_once(Database& db, TxMode mode, Body& body) {
  try {
    Tx tx(db, mode);
    Result<T> result = [&]() -> Result<T> {
      if (auto st = tx.begin(); !st) return st.error();
      Result<T> r = body(tx);
      if (!r) return r;  // Tx's destructor rolls back
      if (auto st = tx.commit(); !st) return st.error();
      return r;
    }();
    if (!result && result.error().transient == Error::Transient::connection) tx.reconnect();
    return result;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

// A transaction that failed before committing (a deadlock, a Galera certification conflict, a
// connection lost mid-way) runs again as a whole, after a short randomised pause: the body must
// be re-runnable (everything it changes outside the database is its own or reset at its start).
template <class T, class Body>
Result<T> run_transaction(Database& db, TxMode mode, Body&& body) {
  for (int attempt = 1;; ++attempt) {
    Result<T> result = run_transaction_once<T>(db, mode, body);
    if (result || !retry_transaction(result.error(), attempt)) return result;
  }
}

template <class T, class Body>
Result<T> in_transaction(Database& db, Body&& body) {
  return run_transaction<T>(db, TxMode::write, std::forward<Body>(body));
}

template <class T, class Body>
Result<T> in_read_transaction(Database& db, Body&& body) {
  return run_transaction<T>(db, TxMode::read, std::forward<Body>(body));
}

}  // namespace gongshi
