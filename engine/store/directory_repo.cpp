#include "engine/store/directory_repo.hpp"

#include <soci/soci.h>

#include "engine/model/text.hpp"
#include "engine/store/ids.hpp"

namespace gongshi {
namespace {

struct OptionalId {
  long long value = 0;
  soci::indicator ind = soci::i_null;
  OptionalId() = default;
  explicit OptionalId(std::optional<std::int64_t> v)
      : value(v.value_or(0)), ind(v ? soci::i_ok : soci::i_null) {}
  std::optional<std::int64_t> get() const {
    return ind == soci::i_ok ? std::optional<std::int64_t>(value) : std::nullopt;
  }
};

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size() && !s.empty()) {
    const auto comma = s.find(',', start);
    out.push_back(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// Runs an INSERT that lists `id` first on SQLite and leaves it out on MySQL.
template <class Bind>
Result<std::int64_t> insert_with_id(Tx& tx, const std::string& table, const std::string& columns,
                                    int values, Bind bind) {
  auto id = next_id(tx, table);
  if (!id) return id.error();
  try {
    const bool sqlite = tx.dialect() == Dialect::sqlite;
    long long assigned = *id;
    soci::statement st(tx.sql());
    if (sqlite) st.exchange(soci::use(assigned));
    bind(st);
    st.alloc();
    std::string placeholders;
    for (int i = 0; i < values + (sqlite ? 1 : 0); ++i)
      placeholders += (i ? ", :p" : ":p") + std::to_string(i);
    st.prepare("INSERT INTO " + table + " (" + (sqlite ? "id, " : "") + columns + ") VALUES (" +
               placeholders + ")");
    st.define_and_bind();
    st.execute(true);
    return inserted_id(tx, assigned);
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace

Result<std::int64_t> insert_department(Tx& tx, const Department& d) {
  OptionalId parent(d.parent_id), successor(d.successor_id);
  std::string uscc = d.uscc, region = d.region, kind = d.kind, name = d.name;
  soci::indicator uscc_ind = uscc.empty() ? soci::i_null : soci::i_ok;
  std::string until = d.valid_until ? format_date(*d.valid_until) : "";
  soci::indicator until_ind = d.valid_until ? soci::i_ok : soci::i_null;
  return insert_with_id(tx, "departments",
                        "region, parent_id, kind, name, uscc, successor_id, valid_until", 7,
                        [&](soci::statement& st) {
                          st.exchange(soci::use(region));
                          st.exchange(soci::use(parent.value, parent.ind));
                          st.exchange(soci::use(kind));
                          st.exchange(soci::use(name));
                          st.exchange(soci::use(uscc, uscc_ind));
                          st.exchange(soci::use(successor.value, successor.ind));
                          st.exchange(soci::use(until, until_ind));
                        });
}

Result<std::optional<std::string>> region_of_department(Tx& tx, std::int64_t id) {
  try {
    long long i = id;
    std::string region;
    soci::indicator ind = soci::i_null;
    tx.sql() << "SELECT region FROM departments WHERE id = :i", soci::use(i),
        soci::into(region, ind);
    if (!tx.sql().got_data() || ind != soci::i_ok) return std::optional<std::string>();
    return std::optional<std::string>(region);
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::vector<Department>> departments_of(Tx& tx, const std::string& region) {
  try {
    std::vector<Department> out;
    Department d;
    long long id = 0;
    OptionalId parent, successor;
    std::string uscc, until;
    soci::indicator uscc_ind = soci::i_null, until_ind = soci::i_null;
    soci::statement st =
        (tx.sql().prepare << "SELECT id, parent_id, kind, name, uscc, successor_id, "
                             "valid_until, leader, section, contact_name, contact_phone FROM "
                             "departments WHERE region = :r ORDER BY id",
         soci::use(region), soci::into(id), soci::into(parent.value, parent.ind),
         soci::into(d.kind), soci::into(d.name), soci::into(uscc, uscc_ind),
         soci::into(successor.value, successor.ind), soci::into(until, until_ind),
         soci::into(d.leader), soci::into(d.section), soci::into(d.contact_name),
         soci::into(d.contact_phone));
    st.execute();
    while (st.fetch()) {
      d.region = region;
      d.id = id;
      d.parent_id = parent.get();
      d.uscc = uscc_ind == soci::i_ok ? uscc : "";
      d.successor_id = successor.get();
      d.valid_until = until_ind == soci::i_ok ? parse_date(until) : std::nullopt;
      out.push_back(d);
    }
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Status update_department_contacts(Tx& tx, const Department& d) {
  try {
    long long id = d.id;
    tx.sql() << "UPDATE departments SET leader = :l, section = :s, contact_name = :c, "
                "contact_phone = :p WHERE region = :r AND id = :i",
        soci::use(d.leader), soci::use(d.section), soci::use(d.contact_name),
        soci::use(d.contact_phone), soci::use(d.region), soci::use(id);
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::vector<std::string>> department_regions(Tx& tx) {
  try {
    std::vector<std::string> out;
    std::string region;
    soci::statement st =
        (tx.sql().prepare << "SELECT DISTINCT region FROM departments ORDER BY region",
         soci::into(region));
    st.execute();
    while (st.fetch()) out.push_back(region);
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::int64_t> insert_user(Tx& tx, const User& u) {
  OptionalId dept(u.department_id);
  std::string region = u.region, login = u.login, name = u.display_name, hash = u.password_hash;
  std::string roles = join_list(u.roles);
  int active = u.active ? 1 : 0;
  int must_change = u.must_change_password ? 1 : 0;
  return insert_with_id(tx, "users",
                        "region, department_id, login, display_name, password_hash, roles, active, "
                        "must_change_password",
                        8, [&](soci::statement& st) {
                          st.exchange(soci::use(region));
                          st.exchange(soci::use(dept.value, dept.ind));
                          st.exchange(soci::use(login));
                          st.exchange(soci::use(name));
                          st.exchange(soci::use(hash));
                          st.exchange(soci::use(roles));
                          st.exchange(soci::use(active));
                          st.exchange(soci::use(must_change));
                        });
}

namespace {

// SELECT the users matching `where` (binding `bind`), by id.
template <class Bind>
Result<std::vector<User>> select_users(Tx& tx, const std::string& where, Bind bind) {
  try {
    std::vector<User> out;
    User u;
    long long id = 0;
    OptionalId dept;
    std::string roles, locked, changed;
    soci::indicator locked_ind = soci::i_null, changed_ind = soci::i_null;
    int active = 0, must_change = 0, failures = 0;
    soci::statement st(tx.sql());
    st.exchange(soci::into(id));
    st.exchange(soci::into(u.region));
    st.exchange(soci::into(dept.value, dept.ind));
    st.exchange(soci::into(u.login));
    st.exchange(soci::into(u.display_name));
    st.exchange(soci::into(u.password_hash));
    st.exchange(soci::into(roles));
    st.exchange(soci::into(active));
    st.exchange(soci::into(must_change));
    st.exchange(soci::into(failures));
    st.exchange(soci::into(locked, locked_ind));
    st.exchange(soci::into(changed, changed_ind));
    bind(st);
    st.alloc();
    st.prepare(
        "SELECT id, region, department_id, login, display_name, password_hash, roles, active, "
        "must_change_password, failed_logins, locked_until, password_changed_at FROM users WHERE " +
        where + " ORDER BY id");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      u.id = id;
      u.department_id = dept.get();
      u.roles = split(roles);
      u.active = active != 0;
      u.must_change_password = must_change != 0;
      u.failed_logins = failures;
      u.locked_until = locked_ind == soci::i_ok ? locked : "";
      u.password_changed_at = changed_ind == soci::i_ok ? changed : "";
      out.push_back(u);
    }
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::optional<User>> first_of(Result<std::vector<User>> users) {
  if (!users) return users.error();
  if (users->empty()) return std::optional<User>{};
  return std::optional<User>{users->front()};
}

}  // namespace

Result<std::optional<User>> find_user(Tx& tx, const std::string& login) {
  return first_of(
      select_users(tx, "login = :l", [&](soci::statement& st) { st.exchange(soci::use(login)); }));
}

Result<std::optional<User>> find_user_by_id(Tx& tx, std::int64_t id) {
  long long i = id;
  return first_of(
      select_users(tx, "id = :i", [&](soci::statement& st) { st.exchange(soci::use(i)); }));
}

Result<std::vector<User>> users_of(Tx& tx, const std::string& region,
                                   std::optional<std::int64_t> department_id) {
  long long wanted = department_id.value_or(0);
  int all = department_id ? 0 : 1;
  return select_users(tx, "region = :r AND (:all = 1 OR department_id = :d)",
                      [&](soci::statement& st) {
                        st.exchange(soci::use(region));
                        st.exchange(soci::use(all));
                        st.exchange(soci::use(wanted));
                      });
}

Status update_user(Tx& tx, const User& u) {
  try {
    OptionalId dept(u.department_id);
    std::string roles = join_list(u.roles), name = u.display_name, hash = u.password_hash;
    int active = u.active ? 1 : 0, must_change = u.must_change_password ? 1 : 0;
    long long id = u.id;
    std::string locked = u.locked_until, changed = u.password_changed_at;
    soci::indicator locked_ind = locked.empty() ? soci::i_null : soci::i_ok;
    soci::indicator changed_ind = changed.empty() ? soci::i_null : soci::i_ok;
    tx.sql() << "UPDATE users SET department_id = :d, display_name = :n, password_hash = :h, "
                "roles = :r, active = :a, must_change_password = :m, failed_logins = :f, "
                "locked_until = :l, password_changed_at = :c WHERE id = :i",
        soci::use(dept.value, dept.ind), soci::use(name), soci::use(hash), soci::use(roles),
        soci::use(active), soci::use(must_change), soci::use(u.failed_logins),
        soci::use(locked, locked_ind), soci::use(changed, changed_ind), soci::use(id);
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<int> count_login_failure(Tx& tx, std::int64_t user_id) {
  try {
    long long id = user_id;
    tx.sql() << "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = :i", soci::use(id);
    int n = 0;
    tx.sql() << "SELECT failed_logins FROM users WHERE id = :i", soci::use(id), soci::into(n);
    return n;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Status set_user_lock(Tx& tx, std::int64_t user_id, const std::string& until) {
  try {
    long long id = user_id;
    std::string u = until;
    soci::indicator ind = u.empty() ? soci::i_null : soci::i_ok;
    tx.sql() << "UPDATE users SET failed_logins = 0, locked_until = :l WHERE id = :i",
        soci::use(u, ind), soci::use(id);
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::int64_t> merge_department(Tx& tx, const std::string& region, std::int64_t from,
                                      std::int64_t into, Date effective, const std::string& actor,
                                      const std::string& now_text) {
  try {
    long long f = from, t = into;
    std::vector<std::pair<long long, std::string>> moved;  // record id, state
    {
      long long id = 0;
      std::string state;
      soci::statement st =
          (tx.sql().prepare << "SELECT id, state FROM records WHERE region = :r AND "
                               "department_id = :f ORDER BY id",
           soci::use(region), soci::use(f), soci::into(id), soci::into(state));
      st.execute();
      while (st.fetch()) moved.emplace_back(id, state);
    }
    const std::string payload = "{\"from_department_id\":" + std::to_string(from) +
                                ",\"to_department_id\":" + std::to_string(into) + "}";
    for (const auto& [id, state] : moved) {
      long long record = id;
      tx.sql() << "INSERT INTO department_transfers (region, record_id, from_department_id, "
                  "to_department_id, at) VALUES (:r, :i, :f, :t, :a)",
          soci::use(region), soci::use(record), soci::use(f), soci::use(t), soci::use(now_text);
      int seq = 0;
      tx.sql()
          << "SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE region = :r AND record_id = :i",
          soci::use(region), soci::use(record), soci::into(seq);
      std::string event = "transfer_department", role = "credit_office", version = "";
      std::string st_copy = state;
      tx.sql() << "INSERT INTO events (region, record_id, seq, event, from_state, to_state, actor, "
                  "actor_role, at, payload, rule_version) VALUES (:r, :i, :s, :e, :fs, :ts, :a, "
                  ":ar, :at, :p, :v)",
          soci::use(region), soci::use(record), soci::use(seq), soci::use(event),
          soci::use(st_copy), soci::use(state), soci::use(actor), soci::use(role),
          soci::use(now_text), soci::use(payload), soci::use(version);
    }
    for (const char* table :
         {"records", "users", "catalog_items", "webhook_subscriptions", "applications"}) {
      tx.sql() << std::string("UPDATE ") + table +
                      " SET department_id = :t WHERE region = :r AND department_id = :f",
          soci::use(t), soci::use(region), soci::use(f);
    }
    std::string until = format_date(add_days(effective, -1));
    tx.sql() << "UPDATE departments SET successor_id = :t, valid_until = :u WHERE region = :r AND "
                "id = :f",
        soci::use(t), soci::use(until), soci::use(region), soci::use(f);
    return static_cast<std::int64_t>(moved.size());
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<DepartmentHoldings> department_holdings(Tx& tx, const std::string& region, std::int64_t id) {
  try {
    const long long d = id;
    DepartmentHoldings h;
    const auto count = [&](const std::string& table, const std::string& extra) {
      long long n = 0;
      tx.sql() << "SELECT COUNT(*) FROM " + table + " WHERE region = :r AND department_id = :d" +
                      extra,
          soci::use(region), soci::use(d), soci::into(n);
      return static_cast<std::int64_t>(n);
    };
    h.records = count("records", "");
    h.open_records = count("records", " AND published_at IS NULL AND closed_at IS NULL");
    h.users = count("users", "");
    h.catalog_items = count("catalog_items", "");
    h.webhooks = count("webhook_subscriptions", "");
    h.open_applications = count("applications", " AND state IN ('filed', 'accepted')");
    return h;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::int64_t> insert_catalog_item(Tx& tx, const CatalogItem& c) {
  std::string region = c.region, power = c.power_type, name = c.name, basis = c.basis,
              subjects = c.subject_categories, scope = c.scope;
  long long dept = c.department_id;
  int seq = c.seq;
  return insert_with_id(
      tx, "catalog_items",
      "region, department_id, seq, power_type, name, basis, subject_categories, scope", 8,
      [&](soci::statement& st) {
        st.exchange(soci::use(region));
        st.exchange(soci::use(dept));
        st.exchange(soci::use(seq));
        for (std::string* s : {&power, &name, &basis, &subjects, &scope}) {
          st.exchange(soci::use(*s));
        }
      });
}

Result<std::vector<CatalogItem>> catalog_of(Tx& tx, const std::string& region,
                                            std::optional<std::int64_t> department_id) {
  try {
    std::vector<CatalogItem> out;
    CatalogItem c;
    long long id = 0, dept = 0, wanted = department_id.value_or(0);
    int all = department_id ? 0 : 1;
    soci::statement st =
        (tx.sql().prepare << "SELECT id, department_id, seq, power_type, name, basis, "
                             "subject_categories, scope FROM catalog_items WHERE region = :r AND "
                             "(:all = 1 OR department_id = :d) ORDER BY department_id, seq",
         soci::use(region), soci::use(all), soci::use(wanted), soci::into(id), soci::into(dept),
         soci::into(c.seq), soci::into(c.power_type), soci::into(c.name), soci::into(c.basis),
         soci::into(c.subject_categories), soci::into(c.scope));
    st.execute();
    while (st.fetch()) {
      c.region = region;
      c.id = id;
      c.department_id = dept;
      out.push_back(c);
    }
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace gongshi
