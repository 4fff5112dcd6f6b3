#include "engine/store/ids.hpp"

#include <soci/soci.h>

namespace gongshi {

Result<std::int64_t> next_id(Tx& tx, const std::string& table) {
  if (tx.dialect() == Dialect::mysql) return std::int64_t{0};
  if (table != "records" && table != "departments" && table != "catalog_items" &&
      table != "users") {
    return make_error(ErrorCode::internal, "未知的表 " + table, "unknown table " + table);
  }
  try {
    long long next = 0;
    tx.sql() << "SELECT COALESCE(MAX(id), 0) + 1 FROM " + table, soci::into(next);
    return static_cast<std::int64_t>(next);
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::int64_t> last_insert_id(Tx& tx) {
  try {
    long long id = 0;
    tx.sql() << (tx.dialect() == Dialect::sqlite ? "SELECT last_insert_rowid()"
                                                 : "SELECT LAST_INSERT_ID()"),
        soci::into(id);
    return static_cast<std::int64_t>(id);
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::int64_t> inserted_id(Tx& tx, std::int64_t assigned) {
  if (tx.dialect() == Dialect::sqlite) return assigned;
  return last_insert_id(tx);
}

}  // namespace gongshi
