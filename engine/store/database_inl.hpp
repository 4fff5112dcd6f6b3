#pragma once
// Template part of database.hpp.

#include <exception>
#include <utility>

namespace gongshi {

template <class T, class Body>
Result<T> run_transaction(Database& db, TxMode mode, Body&& body) {
  try {
    Tx tx(db, mode);
    if (auto st = tx.begin(); !st) return st.error();
    Result<T> result = body(tx);
    if (!result) return result;  // Tx's destructor rolls back
    if (auto st = tx.commit(); !st) return st.error();
    return result;
  } catch (const std::exception& e) {
    return database_error(e);
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
