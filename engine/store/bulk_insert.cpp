#include "engine/store/bulk_insert.hpp"

#include <soci/soci.h>

namespace gongshi {

Status bulk_insert(Tx& tx, const std::string& table, const std::vector<std::string>& columns,
                   const std::vector<BulkRow>& rows, std::size_t rows_per_statement) {
  try {
    const bool sqlite = tx.dialect() == Dialect::sqlite;
    std::string head = "INSERT INTO " + table + " (";
    for (std::size_t c = 0; c < columns.size(); ++c) head += (c ? ", " : "") + columns[c];
    head += ") VALUES ";
    for (std::size_t start = 0; start < rows.size(); start += rows_per_statement) {
      const std::size_t end = std::min(rows.size(), start + rows_per_statement);
      std::vector<std::string> values;
      std::vector<soci::indicator> indicators;
      values.reserve((end - start) * columns.size());
      indicators.reserve(values.capacity());
      std::string text = head;
      int n = 0;
      for (std::size_t r = start; r < end; ++r) {
        text += r == start ? "(" : ", (";
        for (std::size_t c = 0; c < columns.size(); ++c) {
          const auto& v = rows[r][c];
          values.push_back(v.value_or(""));
          indicators.push_back(v ? soci::i_ok : soci::i_null);
          // SQLite resolves each :name linearly while parsing (quadratic for thousands of them)
          // and binds by position anyway; SOCI's MySQL backend needs names.
          if (c) text += ", ";
          text += sqlite ? std::string("?") : ":v" + std::to_string(n++);
        }
        text += ")";
      }
      soci::statement st(tx.sql());
      for (std::size_t i = 0; i < values.size(); ++i)
        st.exchange(soci::use(values[i], indicators[i]));
      st.alloc();
      st.prepare(text);
      st.define_and_bind();
      st.execute(true);
    }
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace gongshi
