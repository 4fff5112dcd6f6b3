#include "engine/store/snapshot.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <boost/json.hpp>
#include <chrono>
#include <ctime>
#include <thread>

#include "engine/store/bulk_insert.hpp"

namespace gongshi {
namespace {

constexpr std::size_t kPage = 5000;  // rows per query: bounded memory for tables of millions

// Table and column names come from the database's own catalogue, never from input; they are
// still checked to be plain identifiers before they go into SQL text.
// An integer column whatever width the backend reports it in (SQLite's PRAGMA answers BIGINT).
long long integer_at(const soci::row& r, std::size_t i) {
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return r.get<int>(i);
    case soci::dt_long_long:
      return r.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(r.get<unsigned long long>(i));
    case soci::dt_string:
      return std::stoll(r.get<std::string>(i));
    default:
      return 0;
  }
}

bool identifier(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (const char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

Error bad_name(const std::string& s) {
  return make_error(ErrorCode::internal, "数据库中的表名或列名不合规：" + s,
                    "a table or column name is not a plain identifier: " + s);
}

Result<std::vector<std::string>> tables_in(soci::session& s, Dialect d) {
  std::vector<std::string> out;
  const std::string sql =
      d == Dialect::sqlite
          ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name <> 'schema_migrations' ORDER BY name"
          : "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
            "AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY "
            "table_name";
  soci::rowset<std::string> rs = (s.prepare << sql);
  for (const auto& name : rs) {
    if (!identifier(name)) return bad_name(name);
    out.push_back(name);
  }
  return out;
}

// Columns in their order, and which of them make the primary key (in key order).
struct Columns {
  std::vector<std::string> all;
  std::vector<std::string> key;
};

Result<Columns> columns_of(soci::session& s, Dialect d, const std::string& table) {
  Columns c;
  if (d == Dialect::sqlite) {
    std::vector<std::pair<long long, std::string>> key;
    soci::rowset<soci::row> rs = (s.prepare << "PRAGMA table_info(" + table + ")");
    for (const auto& r : rs) {
      const std::string name = r.get<std::string>(1);
      c.all.push_back(name);
      const auto pk = integer_at(r, 5);
      if (pk > 0) key.emplace_back(pk, name);
    }
    std::sort(key.begin(), key.end());
    for (auto& [pos, name] : key) c.key.push_back(name);
  } else {
    soci::rowset<std::string> rs =
        (s.prepare << "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                      "DATABASE() AND table_name = :t ORDER BY ordinal_position",
         soci::use(table));
    for (const auto& name : rs) c.all.push_back(name);
    soci::rowset<std::string> ks =
        (s.prepare << "SELECT column_name FROM information_schema.key_column_usage WHERE "
                      "table_schema = DATABASE() AND table_name = :t AND constraint_name = "
                      "'PRIMARY' ORDER BY ordinal_position",
         soci::use(table));
    for (const auto& name : ks) c.key.push_back(name);
  }
  for (const auto& n : c.all) {
    if (!identifier(n)) return bad_name(table + "." + n);
  }
  return c;
}

boost::json::value value_of(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return nullptr;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return r.get<int>(i);
    case soci::dt_long_long:
      return static_cast<std::int64_t>(r.get<long long>(i));
    case soci::dt_unsigned_long_long:
      return static_cast<std::int64_t>(r.get<unsigned long long>(i));
    case soci::dt_double:
      return r.get<double>(i);
    case soci::dt_date: {
      std::tm t = r.get<std::tm>(i);
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &t);
      return boost::json::string(buf);
    }
    default:
      return boost::json::string(r.get<std::string>(i));
  }
}

std::string text_of(const boost::json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_int64()) return std::to_string(v.get_int64());
  if (v.is_uint64()) return std::to_string(v.get_uint64());
  if (v.is_bool()) return v.get_bool() ? "1" : "0";
  return boost::json::serialize(v);
}

// Reads one table page by page in key order (or by position, for a table without a key).
Status read_table(soci::session& s, const std::string& table, const Columns& c,
                  const RowSink& row) {
  std::string select = "SELECT ";
  for (std::size_t i = 0; i < c.all.size(); ++i) select += (i ? ", " : "") + c.all[i];
  select += " FROM " + table;
  std::string order;
  for (std::size_t i = 0; i < c.key.size(); ++i) order += (i ? ", " : "") + c.key[i];
  std::vector<std::size_t> key_at;
  for (const auto& k : c.key) {
    key_at.push_back(
        static_cast<std::size_t>(std::find(c.all.begin(), c.all.end(), k) - c.all.begin()));
  }
  std::vector<std::string> last;  // the last row's key values, as text
  std::size_t offset = 0;
  while (true) {
    std::string sql = select;
    if (!c.key.empty() && !last.empty()) {
      sql += " WHERE (" + order + ") > (";
      for (std::size_t i = 0; i < last.size(); ++i)
        sql += (i ? ", " : "") + std::string(":k") + std::to_string(i);
      sql += ")";
    }
    if (!order.empty()) sql += " ORDER BY " + order;
    sql += " LIMIT " + std::to_string(kPage);
    if (c.key.empty()) sql += " OFFSET " + std::to_string(offset);
    soci::statement st(s);
    soci::row r;
    st.exchange(soci::into(r));
    if (!c.key.empty()) {
      for (auto& v : last) st.exchange(soci::use(v));
    }
    st.alloc();
    st.prepare(sql);
    st.define_and_bind();
    std::size_t n = 0;
    std::vector<std::string> next_last;
    if (st.execute(true)) {
      do {
        boost::json::array values;
        values.reserve(c.all.size());
        for (std::size_t i = 0; i < c.all.size(); ++i) values.push_back(value_of(r, i));
        if (auto done = row(values); !done) return done;
        ++n;
        next_last.clear();
        for (auto at : key_at) next_last.push_back(text_of(values[at]));
      } while (st.fetch());
    }
    if (n < kPage) return ok_status();
    last = std::move(next_last);
    offset += n;
  }
}

}  // namespace

Result<std::vector<std::string>> data_tables(Tx& tx) {
  try {
    return tables_in(tx.sql(), tx.dialect());
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Status read_snapshot(Database& db, const TableStart& start, const RowSink& row) {
  try {
    soci::session s(db.pool());
    if (db.dialect() == Dialect::sqlite) {
      s << "BEGIN";
    } else {
      // For this transaction only (the pool's sessions read committed): one snapshot for every
      // table, without locking writers out.
      s << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";
      s << "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY";
    }
    Status st = ok_status();
    auto tables = tables_in(s, db.dialect());
    if (!tables) st = tables.error();
    for (std::size_t i = 0; st && i < tables->size(); ++i) {
      const std::string& name = (*tables)[i];
      auto columns = columns_of(s, db.dialect(), name);
      if (!columns) {
        st = columns.error();
        break;
      }
      st = start(SnapshotTable{name, columns->all});
      if (st) st = read_table(s, name, *columns, row);
    }
    s << (db.dialect() == Dialect::sqlite ? "ROLLBACK" : "COMMIT");
    return st;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Status sqlite_online_copy(Database& db, const std::filesystem::path& to) {
  using namespace sqlite_api;
  if (db.dialect() != Dialect::sqlite) {
    return make_error(ErrorCode::internal, "不是 SQLite 数据库", "not a SQLite database");
  }
  std::error_code ec;
  if (std::filesystem::exists(to, ec)) {
    return make_error(ErrorCode::conflict, "目标文件已存在：" + to.string(),
                      "the copy's file exists already: " + to.string());
  }
  try {
    soci::session s(db.pool());
    auto* backend = static_cast<soci::sqlite3_session_backend*>(s.get_backend());
    sqlite3* dest = nullptr;
    if (sqlite3_open(to.c_str(), &dest) != SQLITE_OK) {
      const std::string why = dest != nullptr ? sqlite3_errmsg(dest) : "out of memory";
      sqlite3_close(dest);
      return make_error(ErrorCode::io_error, "无法建立备份副本：" + why,
                        "cannot create the copy: " + why);
    }
    sqlite3_backup* b = sqlite3_backup_init(dest, "main", backend->conn_, "main");
    int rc = b == nullptr ? sqlite3_errcode(dest) : SQLITE_OK;
    // All pages in one step: one read of the source, so writers under WAL go on meanwhile and the
    // copy is the database as of that read.
    while (b != nullptr) {
      rc = sqlite3_backup_step(b, -1);
      if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (b != nullptr) sqlite3_backup_finish(b);
    const bool ok = rc == SQLITE_DONE || rc == SQLITE_OK;
    const std::string why = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    if (!ok) {
      std::filesystem::remove(to, ec);
      return make_error(ErrorCode::io_error, "SQLite 在线备份失败：" + why,
                        "the SQLite online backup failed: " + why);
    }
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::int64_t> data_rows(Database& db) {
  try {
    soci::session s(db.pool());
    auto tables = tables_in(s, db.dialect());
    if (!tables) return tables.error();
    std::int64_t total = 0;
    for (const auto& t : *tables) {
      long long n = 0;
      s << "SELECT COUNT(*) FROM " + t, soci::into(n);
      total += n;
    }
    return total;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::string> integrity_check(Database& db, bool quick) {
  if (db.dialect() != Dialect::sqlite) return std::string("ok");
  try {
    soci::session s(db.pool());
    std::string out;
    soci::rowset<std::string> rs =
        (s.prepare << (quick ? "PRAGMA quick_check(20)" : "PRAGMA integrity_check(20)"));
    for (const auto& line : rs) out += (out.empty() ? "" : "; ") + line;
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Status clear_data_tables(Tx& tx) {
  try {
    auto tables = tables_in(tx.sql(), tx.dialect());
    if (!tables) return tables.error();
    for (const auto& t : *tables) tx.sql() << "DELETE FROM " + t;
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Status insert_snapshot_rows(Tx& tx, const SnapshotTable& table,
                            const std::vector<boost::json::array>& rows) {
  if (!identifier(table.name)) return bad_name(table.name);
  for (const auto& c : table.columns) {
    if (!identifier(c)) return bad_name(table.name + "." + c);
  }
  std::vector<BulkRow> bulk;
  bulk.reserve(rows.size());
  for (const auto& r : rows) {
    if (r.size() != table.columns.size()) {
      return make_error(ErrorCode::invalid_input,
                        "表 " + table.name + " 的一行有 " + std::to_string(r.size()) +
                            " 个值，应为 " + std::to_string(table.columns.size()),
                        "a row of " + table.name + " has " + std::to_string(r.size()) +
                            " values, not " + std::to_string(table.columns.size()));
    }
    BulkRow b;
    b.reserve(r.size());
    for (const auto& v : r) {
      if (v.is_null()) {
        b.emplace_back(std::nullopt);
      } else {
        b.emplace_back(text_of(v));
      }
    }
    bulk.push_back(std::move(b));
  }
  return bulk_insert(tx, table.name, table.columns, bulk);
}

}  // namespace gongshi
