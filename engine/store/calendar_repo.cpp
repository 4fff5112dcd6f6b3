#include "engine/store/calendar_repo.hpp"

#include <soci/soci.h>

namespace gongshi {
namespace {

const char* kColumns =
    "region, year, version, body, body_hash, title, number, published, loaded_by, loaded_at";

// Runs `sql` (selecting kColumns, or with an empty body) and passes each row to `each`.
template <class Bind, class Each>
Status select_rows(Tx& tx, const std::string& sql, Bind bind, Each each) {
  try {
    CalendarYearRow r;
    soci::indicator published_ind = soci::i_ok;
    soci::statement st(tx.sql());
    st.exchange(soci::into(r.region));
    st.exchange(soci::into(r.year));
    st.exchange(soci::into(r.version));
    st.exchange(soci::into(r.body));
    st.exchange(soci::into(r.body_hash));
    st.exchange(soci::into(r.title));
    st.exchange(soci::into(r.number));
    st.exchange(soci::into(r.published, published_ind));
    st.exchange(soci::into(r.loaded_by));
    st.exchange(soci::into(r.loaded_at));
    bind(st);
    st.alloc();
    st.prepare(sql);
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      if (published_ind != soci::i_ok) r.published.clear();
      each(r);
    }
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace

Result<int> insert_calendar_year(Tx& tx, const CalendarYearRow& row) {
  try {
    soci::session& sql = tx.sql();
    int version = 0;
    sql << "SELECT COALESCE(MAX(version), 0) + 1 FROM calendar_years WHERE region = :r AND "
           "year = :y",
        soci::use(row.region), soci::use(row.year), soci::into(version);
    soci::indicator published = row.published.empty() ? soci::i_null : soci::i_ok;
    sql << "INSERT INTO calendar_years (" << kColumns
        << ") VALUES (:r, :y, :v, :b, :h, :t, :n, :p, :by, :at)",
        soci::use(row.region), soci::use(row.year), soci::use(version), soci::use(row.body),
        soci::use(row.body_hash), soci::use(row.title), soci::use(row.number),
        soci::use(row.published, published), soci::use(row.loaded_by), soci::use(row.loaded_at);
    return version;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::vector<CalendarYearRow>> calendar_years_in_force(Tx& tx) {
  std::vector<CalendarYearRow> out;
  auto st = select_rows(
      tx,
      std::string("SELECT ") + kColumns +
          " FROM calendar_years c WHERE version = (SELECT MAX(version) FROM calendar_years m "
          "WHERE m.region = c.region AND m.year = c.year) ORDER BY region, year",
      [](soci::statement&) {}, [&](const CalendarYearRow& r) { out.push_back(r); });
  if (!st) return st.error();
  return out;
}

Result<std::vector<CalendarYearRow>> calendar_loads(Tx& tx, const std::string& region) {
  std::vector<CalendarYearRow> out;
  std::string bound = region;
  const std::string where = region.empty() ? "" : " WHERE region = :r";
  auto st = select_rows(
      tx,
      "SELECT region, year, version, '' AS body, body_hash, title, number, published, "
      "loaded_by, loaded_at FROM calendar_years" +
          where + " ORDER BY loaded_at DESC, year DESC, version DESC",
      [&](soci::statement& s) {
        if (!region.empty()) s.exchange(soci::use(bound));
      },
      [&](const CalendarYearRow& r) { out.push_back(r); });
  if (!st) return st.error();
  return out;
}

Result<std::string> calendar_fingerprint(Tx& tx) {
  try {
    // Loads only ever add rows: their count and the last time change with every load.
    long long n = 0;
    std::string last;
    soci::indicator last_ind = soci::i_ok;
    tx.sql() << "SELECT COUNT(*), MAX(loaded_at) FROM calendar_years", soci::into(n),
        soci::into(last, last_ind);
    return std::to_string(n) + "/" + (last_ind == soci::i_ok ? last : std::string());
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace gongshi
