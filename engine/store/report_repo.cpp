#include "engine/store/report_repo.hpp"

#include <soci/soci.h>

#include "engine/store/sql_lists.hpp"

namespace gongshi {
namespace {

// The department that held a record at the end of the window (:e): the one it was moved away
// from by the first 机构改革 transfer after that time, else its department now.
std::string held_then() {
  return "COALESCE((SELECT t.from_department_id FROM department_transfers t WHERE t.region = "
         "records.region AND t.record_id = records.id AND t.at >= :e ORDER BY t.at LIMIT 1), "
         "department_id)";
}

}  // namespace

namespace {

using sql::in_list;
using sql::use_all;

// SELECT dept, kind, <key>, COUNT(*) … WHERE <condition> in the window, grouped.
Result<std::vector<GroupCount>> grouped_counts(Tx& tx, const ReceivedWindow& w,
                                               const std::string& key,
                                               const std::string& condition) {
  try {
    std::vector<GroupCount> out;
    GroupCount c;
    long long dept = 0, n = 0;
    soci::indicator dept_ind = soci::i_null;
    std::string to = w.to, region = w.region, from = w.from;
    soci::statement st(tx.sql());
    st.exchange(soci::into(dept, dept_ind));
    st.exchange(soci::into(c.kind));
    st.exchange(soci::into(c.key));
    st.exchange(soci::into(n));
    st.exchange(soci::use(to));
    st.exchange(soci::use(region));
    st.exchange(soci::use(from));
    st.exchange(soci::use(to));
    use_all(st, w.uncounted_states);
    st.alloc();
    st.prepare("SELECT " + held_then() + " AS dept, kind, " + key +
               ", COUNT(*) FROM records WHERE region = :r AND received_at >= :f AND received_at "
               "< :t AND " +
               condition + in_list("state", true, w.uncounted_states, "u") +
               " GROUP BY dept, kind, " + key);
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      c.department_id = dept_ind == soci::i_ok ? std::optional<std::int64_t>(dept) : std::nullopt;
      c.count = n;
      out.push_back(c);
    }
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

// The bound values of a count over one received window, in the order of `kInWindow` and then
// the states not counted; they live as long as the statement.
struct WindowUse {
  explicit WindowUse(const ReceivedWindow& w) : region(w.region), from(w.from), to(w.to) {}
  void bind(soci::statement& st, const ReceivedWindow& w) {
    st.exchange(soci::use(region));
    st.exchange(soci::use(from));
    st.exchange(soci::use(to));
    use_all(st, w.uncounted_states);
  }
  std::string region, from, to;
};
constexpr const char* kInWindow = "region = :r AND received_at >= :f AND received_at < :t";

}  // namespace

Result<std::vector<TimelinessCount>> timeliness_counts(Tx& tx, const ReceivedWindow& w) {
  return grouped_counts(tx, w, "timeliness", "backfill = 0");
}

Result<std::int64_t> backfill_count(Tx& tx, const ReceivedWindow& w) {
  try {
    long long n = 0;
    WindowUse in(w);
    soci::statement st(tx.sql());
    st.exchange(soci::into(n));
    in.bind(st, w);
    st.alloc();
    st.prepare(std::string("SELECT COUNT(*) FROM records WHERE ") + kInWindow +
               " AND backfill = 1" + in_list("state", true, w.uncounted_states, "u"));
    st.define_and_bind();
    st.execute(true);
    return static_cast<std::int64_t>(n);
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::map<std::int64_t, std::int64_t>> upheld_objections(Tx& tx, const ReceivedWindow& w) {
  try {
    std::map<std::int64_t, std::int64_t> out;
    long long dept = 0, n = 0;
    soci::indicator dept_ind = soci::i_null;
    std::string region = w.region, from = w.from, to = w.to;
    soci::statement st(tx.sql());
    st.exchange(soci::into(dept, dept_ind));
    st.exchange(soci::into(n));
    st.exchange(soci::use(region));
    use_all(st, w.upheld_events);
    st.exchange(soci::use(from));
    st.exchange(soci::use(to));
    st.alloc();
    st.prepare(
        "SELECT r.department_id, COUNT(*) FROM events e JOIN records r ON r.region = "
        "e.region AND r.id = e.record_id WHERE e.region = :r" +
        in_list("e.event", false, w.upheld_events, "e") +
        " AND e.at >= :f AND e.at < :t GROUP BY r.department_id");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      if (dept_ind == soci::i_ok) out[dept] += n;
    }
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::vector<ReminderCount>> reminder_counts(Tx& tx, const ReceivedWindow& w,
                                                   const std::string& event) {
  try {
    std::vector<ReminderCount> out;
    ReminderCount c;
    long long dept = 0, n = 0, records = 0;
    soci::indicator dept_ind = soci::i_null;
    std::string region = w.region, from = w.from, to = w.to, name = event;
    soci::statement st =
        (tx.sql().prepare << "SELECT r.department_id, COUNT(*), COUNT(DISTINCT e.record_id), "
                             "MAX(e.at) FROM events e JOIN records r ON r.region = e.region AND "
                             "r.id = e.record_id WHERE e.region = :r AND e.event = :e AND e.at >= "
                             ":f AND e.at < :t GROUP BY r.department_id ORDER BY r.department_id",
         soci::into(dept, dept_ind), soci::into(n), soci::into(records), soci::into(c.last_at),
         soci::use(region), soci::use(name), soci::use(from), soci::use(to));
    st.execute();
    while (st.fetch()) {
      if (dept_ind != soci::i_ok) continue;
      c.department_id = dept;
      c.reminders = n;
      c.records = records;
      out.push_back(c);
    }
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::vector<CatalogUse>> catalog_use(Tx& tx, const ReceivedWindow& w) {
  try {
    std::vector<CatalogUse> out;
    CatalogUse c;
    long long dept = 0, item = 0, n = 0;
    soci::indicator dept_ind = soci::i_null, item_ind = soci::i_null;
    WindowUse in(w);
    soci::statement st(tx.sql());
    st.exchange(soci::into(dept, dept_ind));
    st.exchange(soci::into(item, item_ind));
    st.exchange(soci::into(c.kind));
    st.exchange(soci::into(n));
    in.bind(st, w);
    st.alloc();
    st.prepare(std::string("SELECT department_id, catalog_item_id, kind, COUNT(*) FROM records "
                           "WHERE ") +
               kInWindow + in_list("state", true, w.uncounted_states, "u") +
               " GROUP BY department_id, catalog_item_id, kind");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      c.department_id = dept_ind == soci::i_ok ? std::optional<std::int64_t>(dept) : std::nullopt;
      c.catalog_item_id = item_ind == soci::i_ok ? std::optional<std::int64_t>(item) : std::nullopt;
      c.count = n;
      out.push_back(c);
    }
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::vector<StateCount>> approved_state_counts(Tx& tx, const ReceivedWindow& w) {
  return grouped_counts(tx, w, "state", "approved_at IS NOT NULL");
}

Result<std::map<std::int64_t, std::int64_t>> users_per_department(Tx& tx,
                                                                  const std::string& region) {
  try {
    std::map<std::int64_t, std::int64_t> out;
    long long dept = 0, n = 0;
    soci::indicator dept_ind = soci::i_null;
    soci::statement st =
        (tx.sql().prepare << "SELECT department_id, COUNT(*) FROM users WHERE region = :r AND "
                             "active = 1 GROUP BY department_id",
         soci::use(region), soci::into(dept, dept_ind), soci::into(n));
    st.execute();
    while (st.fetch()) out[dept_ind == soci::i_ok ? dept : 0] += n;
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace gongshi
