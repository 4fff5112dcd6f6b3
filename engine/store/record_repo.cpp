#include "engine/store/record_repo.hpp"

#include <soci/soci.h>
#include <algorithm>
#include <deque>
#include <functional>

#include "engine/store/ids.hpp"
#include "engine/store/record_bulk.hpp"
#include "engine/store/statement_cache.hpp"

namespace gongshi {
namespace {

// The statements' column lists, built once from record_columns() (the one list of the columns).
std::string column_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

std::string value_list(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i ? ", :p" : ":p") + std::to_string(i);
  return out;
}

const std::string& select_list() {
  static const std::string list = column_list(record_columns(true));
  return list;
}

// "department_id = :p0, catalog_item_id = :p1, …": every column but the key.
const std::string& update_set() {
  static const std::string set = [] {
    const auto& names = record_columns(false);  // region first: it is part of the key
    std::string out;
    for (std::size_t i = 1; i < names.size(); ++i) {
      out += (i > 1 ? ", " : "") + names[i] + " = :p" + std::to_string(i - 1);
    }
    return out;
  }();
  return set;
}

// A text column that may be NULL ("" or no date = NULL).
struct Nullable {
  std::string value;
  soci::indicator ind = soci::i_null;
  Nullable() = default;
  explicit Nullable(const std::string& s) : value(s), ind(s.empty() ? soci::i_null : soci::i_ok) {}
  explicit Nullable(const std::optional<Date>& d)
      : value(d ? format_date(*d) : ""), ind(d ? soci::i_ok : soci::i_null) {}
  std::string text() const { return ind == soci::i_ok ? value : std::string(); }
  std::optional<Date> date() const { return ind == soci::i_ok ? parse_date(value) : std::nullopt; }
};

struct NullableId {
  long long value = 0;
  soci::indicator ind = soci::i_null;
  NullableId() = default;
  explicit NullableId(const std::optional<std::int64_t>& v)
      : value(v.value_or(0)), ind(v ? soci::i_ok : soci::i_null) {}
  std::optional<std::int64_t> get() const {
    return ind == soci::i_ok ? std::optional<std::int64_t>(value) : std::nullopt;
  }
};

// Every column of a records row, as variables SOCI can bind to, in record_columns() order.
struct Row {
  std::string region;
  long long id = 0;
  NullableId department_id, catalog_item_id;
  std::string kind, state, document_no, subject_code, decision_date, received_at, timeliness;
  int backfill = 0;
  Nullable publish_by, late_after, missing_after, publication_end, objection_due, repair_due,
      withdraw_due;
  std::string scope, flags;
  Nullable next_due, submitted_at, approved_at, published_at, closed_at;
  std::string rule_version;
  int version = 1;
  std::string data, updated_at;
  Nullable repair_from;
  int calendar_provisional = 0;
  Nullable rule_notes;

  Row() = default;
  explicit Row(const StoredRecord& r)
      : region(r.region),
        id(r.id),
        department_id(r.department_id),
        catalog_item_id(r.catalog_item_id),
        kind(to_string(r.kind)),
        state(r.state),
        document_no(r.document_no),
        subject_code(r.subject_code),
        decision_date(format_date(r.decision_date)),
        received_at(r.received_at),
        timeliness(r.timeliness),
        backfill(r.backfill ? 1 : 0),
        publish_by(r.publish_by),
        late_after(r.late_after),
        missing_after(r.missing_after),
        publication_end(r.publication_end),
        objection_due(r.objection_due),
        repair_due(r.repair_due),
        withdraw_due(r.withdraw_due),
        scope(r.scope),
        flags(r.flags),
        next_due(r.next_due),
        submitted_at(r.submitted_at),
        approved_at(r.approved_at),
        published_at(r.published_at),
        closed_at(r.closed_at),
        rule_version(r.rule_version),
        version(r.version),
        data(r.data),
        updated_at(r.updated_at),
        repair_from(r.repair_from),
        calendar_provisional(r.calendar_provisional ? 1 : 0),
        rule_notes(r.rule_notes) {}

  StoredRecord record() const {
    StoredRecord r;
    r.region = region;
    r.id = id;
    r.department_id = department_id.get();
    r.catalog_item_id = catalog_item_id.get();
    r.kind = parse_record_kind(kind).value_or(RecordKind::license);
    r.state = state;
    r.document_no = document_no;
    r.subject_code = subject_code;
    r.decision_date = parse_date(decision_date).value_or(Date{});
    r.received_at = received_at;
    r.timeliness = timeliness;
    r.backfill = backfill != 0;
    r.publish_by = publish_by.date();
    r.late_after = late_after.date();
    r.missing_after = missing_after.date();
    r.publication_end = publication_end.date();
    r.objection_due = objection_due.date();
    r.repair_due = repair_due.date();
    r.withdraw_due = withdraw_due.date();
    r.scope = scope;
    r.flags = flags;
    r.next_due = next_due.date();
    r.submitted_at = submitted_at.text();
    r.approved_at = approved_at.text();
    r.published_at = published_at.text();
    r.closed_at = closed_at.text();
    r.rule_version = rule_version;
    r.version = version;
    r.data = data;
    r.updated_at = updated_at;
    r.repair_from = repair_from.date();
    r.calendar_provisional = calendar_provisional != 0;
    r.rule_notes = rule_notes.text();
    return r;
  }

  // Calls f with every column but the key (region, id), in record_columns() order: f(value) or,
  // for a nullable column, f(value, indicator).
  template <class F>
  void each_value(F&& f) {
    f(department_id.value, department_id.ind);
    f(catalog_item_id.value, catalog_item_id.ind);
    for (std::string* s :
         {&kind, &state, &document_no, &subject_code, &decision_date, &received_at, &timeliness}) {
      f(*s);
    }
    f(backfill);
    for (Nullable* n : {&publish_by, &late_after, &missing_after, &publication_end, &objection_due,
                        &repair_due, &withdraw_due}) {
      f(n->value, n->ind);
    }
    f(scope);
    f(flags);
    for (Nullable* n : {&next_due, &submitted_at, &approved_at, &published_at, &closed_at}) {
      f(n->value, n->ind);
    }
    f(rule_version);
    f(version);
    f(data);
    f(updated_at);
    f(repair_from.value, repair_from.ind);
    f(calendar_provisional);
    f(rule_notes.value, rule_notes.ind);
  }

  void use_values(soci::statement& st) {
    each_value([&](auto&... v) { st.exchange(soci::use(v...)); });
  }

  void into_all(soci::statement& st) {
    st.exchange(soci::into(region));
    st.exchange(soci::into(id));
    each_value([&](auto&... v) { st.exchange(soci::into(v...)); });
  }
};

// SELECT <columns> … WHERE <where>, binding `bind` for the where clause.
template <class Bind>
Result<std::optional<StoredRecord>> select_one(Tx& tx, const std::string& where, Bind bind) {
  try {
    Row row;
    soci::statement st(tx.sql());
    row.into_all(st);
    bind(st);
    st.alloc();
    st.prepare("SELECT " + select_list() + " FROM records WHERE " + where);
    st.define_and_bind();
    if (!st.execute(true)) return std::optional<StoredRecord>{};
    return std::optional<StoredRecord>{row.record()};
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

// SELECT <columns> FROM records <tail>, every row, binding `bind` for the tail.
template <class Bind>
Result<std::vector<StoredRecord>> select_many(Tx& tx, const std::string& tail, Bind bind) {
  try {
    std::vector<StoredRecord> out;
    Row row;
    soci::statement st(tx.sql());
    row.into_all(st);
    bind(st);
    st.alloc();
    st.prepare("SELECT " + select_list() + " FROM records " + tail);
    st.define_and_bind();
    st.execute();
    while (st.fetch()) out.push_back(row.record());
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace

Result<StoredRecord> get_record(Tx& tx, const std::string& region, std::int64_t id,
                                bool for_update) {
  auto found = find_record(tx, region, id, for_update);
  if (!found) return found.error();
  if (!*found) {
    return make_error(ErrorCode::not_found, "记录 " + region + "/" + std::to_string(id) + " 不存在",
                      "no record " + region + "/" + std::to_string(id));
  }
  return **found;
}

bool StoredRecord::has_flag(std::string_view f) const {
  std::string_view rest = flags;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    if (rest.substr(0, comma) == f) return true;
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return false;
}

std::optional<Date> StoredRecord::date_named(std::string_view name) const {
  for (auto [key, value] :
       {std::pair{"publish_by", &publish_by}, std::pair{"late_after", &late_after},
        std::pair{"missing_after", &missing_after}, std::pair{"publication_end", &publication_end},
        std::pair{"objection_due", &objection_due}, std::pair{"repair_due", &repair_due},
        std::pair{"withdraw_due", &withdraw_due}, std::pair{"repair_from", &repair_from}}) {
    if (name == key) return *value;
  }
  return std::nullopt;
}

void StoredRecord::add_flag(std::string_view f) {
  if (has_flag(f)) return;
  flags += (flags.empty() ? "" : ",") + std::string(f);
}

Result<std::int64_t> insert_record(Tx& tx, const StoredRecord& r) {
  try {
    const bool sqlite = tx.dialect() == Dialect::sqlite;
    auto id = next_id(tx, "records");
    if (!id) return id.error();
    return with_statement<Row>(
        tx, "records.insert",
        [&](soci::statement& st, Row& row) {
          st.exchange(soci::use(row.region));
          if (sqlite) st.exchange(soci::use(row.id));
          row.use_values(st);
          // MySQL assigns the id (AUTO_INCREMENT): the column list leaves it out.
          const auto& columns = record_columns(sqlite);
          return "INSERT INTO records (" + column_list(columns) + ") VALUES (" +
                 value_list(columns.size()) + ")";
        },
        [&](StatementCache::Entry<Row>& e) {
          e.vars = Row(r);
          e.vars.id = *id;
          e.run();
          return inserted_id(tx, e.vars.id);
        });
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::optional<StoredRecord>> find_record(Tx& tx, const std::string& region, std::int64_t id,
                                                bool for_update) {
  struct Vars {
    Row row;
    std::string region;
    long long id = 0;
  };
  const bool lock = for_update && tx.dialect() == Dialect::mysql;
  try {
    return with_statement<Vars>(
        tx, lock ? "records.by_key.for_update" : "records.by_key",
        [&](soci::statement& st, Vars& v) {
          v.row.into_all(st);
          st.exchange(soci::use(v.region));
          st.exchange(soci::use(v.id));
          return "SELECT " + select_list() + " FROM records WHERE region = :r AND id = :i" +
                 (lock ? " FOR UPDATE" : "");
        },
        [&](StatementCache::Entry<Vars>& e) {
          e.vars.region = region;
          e.vars.id = id;
          return e.one([&] { return e.vars.row.record(); });
        });
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::optional<std::int64_t>> find_id_by_natural_key(Tx& tx, const std::string& region,
                                                           RecordKind kind,
                                                           const std::string& document_no,
                                                           const std::string& subject_code) {
  struct Vars {
    std::string region, kind, document_no, subject_code;
    long long id = 0;
  };
  try {
    return with_statement<Vars>(
        tx, "records.by_natural_key",
        [](soci::statement& st, Vars& v) {
          st.exchange(soci::use(v.region));
          st.exchange(soci::use(v.kind));
          st.exchange(soci::use(v.document_no));
          st.exchange(soci::use(v.subject_code));
          st.exchange(soci::into(v.id));
          return "SELECT id FROM records WHERE region = :r AND kind = :k AND document_no = :d AND "
                 "subject_code = :s";
        },
        [&](StatementCache::Entry<Vars>& e) {
          e.vars.region = region;
          e.vars.kind = std::string(to_string(kind));
          e.vars.document_no = document_no;
          e.vars.subject_code = subject_code;
          return e.one([&] { return static_cast<std::int64_t>(e.vars.id); });
        });
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<bool> update_record(Tx& tx, const StoredRecord& r, int expected_version) {
  struct Vars {
    Row row;
    int expected = 0;
  };
  try {
    return with_statement<Vars>(
        tx, "records.update",
        [](soci::statement& st, Vars& v) {
          v.row.use_values(st);
          st.exchange(soci::use(v.row.region));
          st.exchange(soci::use(v.row.id));
          st.exchange(soci::use(v.expected));
          return "UPDATE records SET " + update_set() +
                 " WHERE region = :k0 AND id = :k1 AND version = :k2";
        },
        [&](StatementCache::Entry<Vars>& e) {
          e.vars.row = Row(r);
          e.vars.row.version = expected_version + 1;
          e.vars.expected = expected_version;
          return e.run() == 1;
        });
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Status append_event(Tx& tx, EventRow e) {
  struct Seq {
    std::string region;
    long long id = 0;
    int seq = 0;
  };
  struct Vars {
    EventRow e;
    long long id = 0;
  };
  try {
    if (e.seq <= 0) {
      e.seq = with_statement<Seq>(
          tx, "events.next_seq",
          [](soci::statement& st, Seq& v) {
            st.exchange(soci::use(v.region));
            st.exchange(soci::use(v.id));
            st.exchange(soci::into(v.seq));
            return "SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE region = :r AND record_id = "
                   ":i";
          },
          [&](StatementCache::Entry<Seq>& q) {
            q.vars.region = e.region;
            q.vars.id = e.record_id;
            return q.one([&] { return q.vars.seq; }).value_or(1);
          });
    }
    with_statement<Vars>(
        tx, "events.insert",
        [](soci::statement& st, Vars& v) {
          st.exchange(soci::use(v.e.region));
          st.exchange(soci::use(v.id));
          st.exchange(soci::use(v.e.seq));
          for (std::string* s : {&v.e.event, &v.e.from_state, &v.e.to_state, &v.e.actor,
                                 &v.e.actor_role, &v.e.at, &v.e.payload, &v.e.rule_version}) {
            st.exchange(soci::use(*s));
          }
          return "INSERT INTO events (region, record_id, seq, event, from_state, to_state, actor, "
                 "actor_role, at, payload, rule_version) VALUES (:r, :i, :s, :e, :f, :t, :a, :ar, "
                 ":at, :p, :v)";
        },
        [&](StatementCache::Entry<Vars>& q) {
          q.vars.e = std::move(e);
          q.vars.id = q.vars.e.record_id;
          return q.run();
        });
    return ok_status();
  } catch (const std::exception& ex) {
    return database_error(ex);
  }
}

Result<std::vector<EventRow>> events_of(Tx& tx, const std::string& region, std::int64_t record_id) {
  try {
    std::vector<EventRow> out;
    EventRow e;
    long long id = record_id;
    std::string r = region;
    soci::statement st = (tx.sql().prepare << "SELECT seq, event, from_state, to_state, actor, "
                                              "actor_role, at, payload, rule_version FROM events "
                                              "WHERE region = :r AND record_id = :i ORDER BY seq",
                          soci::use(r), soci::use(id), soci::into(e.seq), soci::into(e.event),
                          soci::into(e.from_state), soci::into(e.to_state), soci::into(e.actor),
                          soci::into(e.actor_role), soci::into(e.at), soci::into(e.payload),
                          soci::into(e.rule_version));
    st.execute();
    while (st.fetch()) {
      e.region = region;
      e.record_id = record_id;
      out.push_back(e);
    }
    return out;
  } catch (const std::exception& ex) {
    return database_error(ex);
  }
}

Status append_outbox(Tx& tx, const OutboxRow& o) {
  struct Vars {
    OutboxRow o;
    long long id = 0;
  };
  try {
    with_statement<Vars>(
        tx, "outbox.insert",
        [](soci::statement& st, Vars& v) {
          st.exchange(soci::use(v.o.region));
          st.exchange(soci::use(v.id));
          st.exchange(soci::use(v.o.topic));
          st.exchange(soci::use(v.o.payload));
          st.exchange(soci::use(v.o.created_at));
          st.exchange(soci::use(v.o.created_at));
          return "INSERT INTO outbox (region, record_id, topic, payload, created_at, attempts, "
                 "next_attempt_at) VALUES (:r, :i, :t, :p, :c, 0, :n)";
        },
        [&](StatementCache::Entry<Vars>& q) {
          q.vars.o = o;
          q.vars.id = o.record_id;
          return q.run();
        });
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::optional<IdempotencyEntry>> find_idempotency(Tx& tx, const std::string& region,
                                                         const std::string& key) {
  try {
    IdempotencyEntry e;
    long long id = 0;
    soci::indicator ind = soci::i_null;
    tx.sql() << "SELECT request_hash, record_id FROM idempotency_keys WHERE region = :r AND "
                "idem_key = :k",
        soci::use(region), soci::use(key), soci::into(e.request_hash, ind), soci::into(id);
    if (!tx.sql().got_data() || ind != soci::i_ok) return std::optional<IdempotencyEntry>{};
    e.record_id = id;
    return std::optional<IdempotencyEntry>{e};
  } catch (const std::exception& ex) {
    return database_error(ex);
  }
}

Status insert_idempotency(Tx& tx, const std::string& region, const std::string& key,
                          const IdempotencyEntry& e, const std::string& at) {
  try {
    long long id = e.record_id;
    tx.sql() << "INSERT INTO idempotency_keys (region, idem_key, request_hash, record_id, "
                "created_at) VALUES (:r, :k, :h, :i, :a)",
        soci::use(region), soci::use(key), soci::use(e.request_hash), soci::use(id), soci::use(at);
    return ok_status();
  } catch (const std::exception& ex) {
    return database_error(ex);
  }
}

Result<std::vector<std::pair<std::string, std::int64_t>>> claim_due(Tx& tx, Date today, int limit) {
  try {
    std::vector<std::pair<std::string, std::int64_t>> out;
    std::string day = format_date(today);
    std::string region;
    long long id = 0;
    const std::string lock = tx.dialect() == Dialect::mysql ? " FOR UPDATE SKIP LOCKED" : "";
    soci::statement st = (tx.sql().prepare << "SELECT region, id FROM records WHERE next_due <= :d "
                                              "ORDER BY next_due LIMIT :n" +
                                                  lock,
                          soci::use(day), soci::use(limit), soci::into(region), soci::into(id));
    st.execute();
    while (st.fetch()) out.emplace_back(region, id);
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

namespace {
// A LIKE pattern's literal text: ! escapes the wildcards and itself.
std::string like_escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '!') out += '!';
    out += c;
  }
  return out;
}
}  // namespace

Result<std::vector<StoredRecord>> list_records(Tx& tx, const RecordQuery& q) {
  try {
    std::deque<std::string> texts;  // stable addresses for the bound values
    std::deque<long long> numbers;
    std::string where = "1 = 1";
    std::vector<std::function<void(soci::statement&)>> binds;
    const auto text = [&](const std::string& condition, std::string value) {
      texts.push_back(std::move(value));
      auto* v = &texts.back();
      where += " AND " + condition;
      binds.push_back([v](soci::statement& st) { st.exchange(soci::use(*v)); });
    };
    const auto number = [&](const std::string& condition, long long value) {
      numbers.push_back(value);
      auto* v = &numbers.back();
      where += " AND " + condition;
      binds.push_back([v](soci::statement& st) { st.exchange(soci::use(*v)); });
    };
    if (q.department_id) number("department_id = :dept", *q.department_id);
    if (q.kind) text("kind = :kind", std::string(to_string(*q.kind)));
    const auto any_of = [&](const std::string& column, const std::vector<std::string>& values) {
      if (values.empty()) return;
      std::string any;
      for (std::size_t i = 0; i < values.size(); ++i) {
        any += (i ? ", :" : ":") + column + std::to_string(i);
      }
      where += " AND " + column + " IN (" + any + ")";
      for (const auto& value : values) {
        texts.push_back(value);
        auto* v = &texts.back();
        binds.push_back([v](soci::statement& st) { st.exchange(soci::use(*v)); });
      }
    };
    any_of("region", q.regions);
    any_of("state", q.states);
    if (q.scope) text("scope = :scope", *q.scope);
    if (q.decided_from) text("decision_date >= :dfrom", format_date(*q.decided_from));
    if (q.decided_to) text("decision_date <= :dto", format_date(*q.decided_to));
    if (q.overdue_on) {
      text(
          "publish_by IS NOT NULL AND publish_by < :overdue AND published_at IS NULL AND "
          "closed_at IS NULL",
          format_date(*q.overdue_on));
    }
    if (q.calendar_provisional) {
      number("calendar_provisional = :prov", *q.calendar_provisional ? 1 : 0);
    }
    if (q.open_only) where += " AND published_at IS NULL AND closed_at IS NULL";
    if (!q.text.empty()) {
      where += " AND (document_no = :tdoc OR subject_code = :tcode OR data LIKE :tlike ESCAPE '!')";
      for (std::string value : {q.text, q.text, "%" + like_escaped(q.text) + "%"}) {
        texts.push_back(std::move(value));
        auto* v = &texts.back();
        binds.push_back([v](soci::statement& st) { st.exchange(soci::use(*v)); });
      }
    }
    if (!q.received_from.empty()) text("received_at >= :rfrom", q.received_from);
    if (!q.received_to.empty()) text("received_at < :rto", q.received_to);
    if (q.before_id) number("id < :before", *q.before_id);
    numbers.push_back(std::clamp(q.limit, 1, 1000));
    auto* limit = &numbers.back();
    const char* order =
        q.by_deadline ? " ORDER BY CASE WHEN publish_by IS NULL THEN 1 ELSE 0 END, publish_by, id"
                      : " ORDER BY id DESC";
    return select_many(tx, "WHERE " + where + order + " LIMIT :lim", [&](soci::statement& st) {
      for (const auto& bind : binds) bind(st);
      st.exchange(soci::use(*limit));
    });
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::vector<StoredRecord>> list_received(Tx& tx, const ReceivedPage& p) {
  std::string region = p.region, from = p.from, to = p.to;
  std::string after = p.after_received.empty() ? p.from : p.after_received;
  long long after_id = p.after_id;
  int limit = std::clamp(p.limit, 1, 1000);
  return select_many(tx,
                     "WHERE region = :r AND received_at >= :a AND received_at < :t AND "
                     "(received_at > :a2 OR id > :i) AND received_at >= :f "
                     "ORDER BY received_at, id LIMIT :lim",
                     [&](soci::statement& st) {
                       st.exchange(soci::use(region));
                       st.exchange(soci::use(after));
                       st.exchange(soci::use(to));
                       st.exchange(soci::use(after));
                       st.exchange(soci::use(after_id));
                       st.exchange(soci::use(from));
                       st.exchange(soci::use(limit));
                     });
}

Result<std::int64_t> count_provisional(Tx& tx) {
  try {
    long long n = 0;
    tx.sql() << "SELECT COUNT(*) FROM records WHERE calendar_provisional = 1", soci::into(n);
    return static_cast<std::int64_t>(n);
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::int64_t> count_rows(Tx& tx, const std::string& table) {
  static constexpr const char* kTables[] = {
      "records",     "events",      "outbox",        "idempotency_keys",     "webhook_deliveries",
      "import_jobs", "auth_tokens", "applications",  "attachments",          "attachment_chunks",
      "users",       "departments", "catalog_items", "webhook_subscriptions"};
  bool known = false;
  for (const char* t : kTables) known = known || table == t;
  if (!known)
    return make_error(ErrorCode::invalid_input, "未知的表 " + table, "unknown table " + table);
  try {
    long long n = 0;
    tx.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return static_cast<std::int64_t>(n);
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace gongshi
