#pragma once
// Template part of database.hpp.

#include <exception>

namespace gongshi {

template <class T, class Body>
Result<T> in_transaction(Database& db, Body&& body) {
  try {
    Tx tx(db);
    if (auto st = tx.begin(); !st) return st.error();
    Result<T> result = body(tx);
    if (!result) return result;  // Tx's destructor rolls back
    if (auto st = tx.commit(); !st) return st.error();
    return result;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace gongshi
