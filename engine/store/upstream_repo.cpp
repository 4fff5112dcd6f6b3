#include "engine/store/upstream_repo.hpp"

#include <soci/soci.h>

#include <map>
#include <random>

#include "engine/model/text.hpp"
#include "engine/store/ids.hpp"
#include "engine/store/record_repo.hpp"

namespace gongshi {
namespace {

// 128 random bits as 32 hex digits: a change's idempotency key, unique across databases (a
// restored backup or a second installation never reuses one).
std::string random_key() {
  std::random_device rd;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 4; ++i) {
    std::uint32_t v = rd();
    for (int j = 0; j < 8; ++j, v >>= 4) out += kHex[v & 15];
  }
  return out;
}

std::optional<std::int64_t> optional_id(long long v, soci::indicator ind) {
  return ind == soci::i_ok ? std::optional<std::int64_t>(v) : std::nullopt;
}

template <class Bind>
Result<std::vector<UpstreamTarget>> select_targets(Tx& tx, const std::string& where, Bind bind) {
  try {
    std::vector<UpstreamTarget> out;
    UpstreamTarget t;
    long long id = 0, from = 0;
    std::string changes;
    int active = 0;
    soci::statement st(tx.sql());
    st.exchange(soci::into(id));
    for (std::string* s :
         {&t.region, &t.name, &t.format, &t.endpoint, &t.credential, &changes, &t.ca_file}) {
      st.exchange(soci::into(*s));
    }
    st.exchange(soci::into(t.batch_size));
    st.exchange(soci::into(from));
    st.exchange(soci::into(active));
    st.exchange(soci::into(t.created_by));
    st.exchange(soci::into(t.created_at));
    bind(st);
    st.alloc();
    st.prepare(
        "SELECT id, region, name, format, endpoint, credential, changes, ca_file, batch_size, "
        "outbox_from, active, created_by, created_at FROM upstream_targets WHERE " +
        where + " ORDER BY id");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      t.id = id;
      t.outbox_from = from;
      t.changes = split_list(changes);
      t.active = active != 0;
      out.push_back(t);
    }
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

constexpr const char* kChangeColumns =
    "id, target_id, outbox_id, region, record_id, department_id, kind, document_no, subject_code, "
    "change_type, idem_key, record_version, payload, status, attempts, next_attempt_at, "
    "last_error, "
    "changed_at, acknowledged_at, created_at";

template <class Bind>
Result<std::vector<UpstreamChange>> select_changes(Tx& tx, const std::string& rest, Bind bind) {
  try {
    std::vector<UpstreamChange> out;
    UpstreamChange c;
    long long id = 0, target = 0, outbox = 0, record = 0, dept = 0;
    soci::indicator outbox_ind = soci::i_null, dept_ind = soci::i_null, ack_ind = soci::i_null;
    soci::statement st(tx.sql());
    st.exchange(soci::into(id));
    st.exchange(soci::into(target));
    st.exchange(soci::into(outbox, outbox_ind));
    st.exchange(soci::into(c.region));
    st.exchange(soci::into(record));
    st.exchange(soci::into(dept, dept_ind));
    for (std::string* s : {&c.kind, &c.document_no, &c.subject_code, &c.change_type, &c.idem_key}) {
      st.exchange(soci::into(*s));
    }
    st.exchange(soci::into(c.record_version));
    st.exchange(soci::into(c.payload));
    st.exchange(soci::into(c.status));
    st.exchange(soci::into(c.attempts));
    st.exchange(soci::into(c.next_attempt_at));
    st.exchange(soci::into(c.last_error));
    st.exchange(soci::into(c.changed_at));
    st.exchange(soci::into(c.acknowledged_at, ack_ind));
    st.exchange(soci::into(c.created_at));
    bind(st);
    st.alloc();
    st.prepare(std::string("SELECT ") + kChangeColumns + " FROM upstream_changes WHERE " + rest);
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      c.id = id;
      c.target_id = target;
      c.outbox_id = optional_id(outbox, outbox_ind);
      c.record_id = record;
      c.department_id = optional_id(dept, dept_ind);
      if (ack_ind != soci::i_ok) c.acknowledged_at.clear();
      out.push_back(c);
    }
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace

bool UpstreamTarget::wants(std::string_view change) const {
  for (const auto& c : changes) {
    if (c == change) return true;
  }
  return false;
}

Result<std::int64_t> insert_target(Tx& tx, const UpstreamTarget& t) {
  try {
    const std::string changes = join_list(t.changes);
    const int active = t.active ? 1 : 0;
    long long from = 0;
    soci::indicator from_ind = soci::i_null;
    tx.sql() << "SELECT MAX(id) FROM outbox", soci::into(from, from_ind);
    if (from_ind != soci::i_ok) from = 0;
    tx.sql() << "INSERT INTO upstream_targets (region, name, format, endpoint, credential, "
                "changes, ca_file, batch_size, outbox_from, active, created_by, created_at) "
                "VALUES (:r, :n, :f, :e, :c, :g, :ca, :b, :o, :a, :u, :t)",
        soci::use(t.region), soci::use(t.name), soci::use(t.format), soci::use(t.endpoint),
        soci::use(t.credential), soci::use(changes), soci::use(t.ca_file), soci::use(t.batch_size),
        soci::use(from), soci::use(active), soci::use(t.created_by), soci::use(t.created_at);
    return last_insert_id(tx);
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::optional<UpstreamTarget>> find_target(Tx& tx, std::int64_t id) {
  long long i = id;
  auto found =
      select_targets(tx, "id = :i", [&](soci::statement& st) { st.exchange(soci::use(i)); });
  if (!found) return found.error();
  if (found->empty()) return std::optional<UpstreamTarget>{};
  return std::optional<UpstreamTarget>{found->front()};
}

Result<std::vector<UpstreamTarget>> targets_of(Tx& tx, const std::string& region) {
  if (region.empty()) return select_targets(tx, "1 = 1", [](soci::statement&) {});
  return select_targets(tx, "region = :r",
                        [&](soci::statement& st) { st.exchange(soci::use(region)); });
}

Status deactivate_target(Tx& tx, std::int64_t id) {
  try {
    long long i = id;
    tx.sql() << "UPDATE upstream_targets SET active = 0 WHERE id = :i", soci::use(i);
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<bool> target_knows(Tx& tx, std::int64_t target_id, std::int64_t record_id) {
  try {
    long long t = target_id, r = record_id, n = 0;
    tx.sql() << "SELECT COUNT(*) FROM upstream_changes WHERE target_id = :t AND record_id = :r",
        soci::use(t), soci::use(r), soci::into(n);
    return n > 0;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::int64_t> insert_change(Tx& tx, const UpstreamChange& c) {
  try {
    long long target = c.target_id, record = c.record_id;
    long long outbox = c.outbox_id.value_or(0), dept = c.department_id.value_or(0);
    soci::indicator outbox_ind = c.outbox_id ? soci::i_ok : soci::i_null;
    soci::indicator dept_ind = c.department_id ? soci::i_ok : soci::i_null;
    const std::string key = random_key();
    tx.sql() << "INSERT INTO upstream_changes (target_id, outbox_id, region, record_id, "
                "department_id, kind, document_no, subject_code, change_type, idem_key, "
                "record_version, payload, status, attempts, next_attempt_at, last_error, "
                "changed_at, created_at) VALUES (:t, :o, :r, :i, :d, :k, :n, :s, :c, :y, :v, :p, "
                "'pending', 0, :a, '', :g, :w)",
        soci::use(target), soci::use(outbox, outbox_ind), soci::use(c.region), soci::use(record),
        soci::use(dept, dept_ind), soci::use(c.kind), soci::use(c.document_no),
        soci::use(c.subject_code), soci::use(c.change_type), soci::use(key),
        soci::use(c.record_version), soci::use(c.payload), soci::use(c.next_attempt_at),
        soci::use(c.changed_at), soci::use(c.created_at);
    return last_insert_id(tx);
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<int> fan_out_upstream(Tx& tx, const std::string& now_text, int limit,
                             const std::function<std::string(std::string_view topic)>& change_of) {
  struct Row {
    long long id = 0, record_id = 0;
    std::string region, topic, created_at;
  };
  std::vector<Row> rows;
  try {
    Row r;
    // Never SKIP LOCKED (as the webhook fan-out does): a row another transaction holds would be
    // passed over and a record's later change seen before its earlier one. Waiting keeps the
    // order of ids, and a record's changes commit in that order (each waits for the record).
    const std::string lock = tx.dialect() == Dialect::mysql ? " FOR UPDATE" : "";
    soci::statement st =
        (tx.sql().prepare << "SELECT id, region, record_id, topic, created_at FROM outbox WHERE "
                             "upstream_at IS NULL ORDER BY id LIMIT :n" +
                                 lock,
         soci::use(limit), soci::into(r.id), soci::into(r.region), soci::into(r.record_id),
         soci::into(r.topic), soci::into(r.created_at));
    st.execute();
    while (st.fetch()) rows.push_back(r);
  } catch (const std::exception& e) {
    return database_error(e);
  }
  std::map<std::string, std::vector<UpstreamTarget>> targets;
  for (const auto& row : rows) {
    const std::string change = change_of(row.topic);
    if (!change.empty()) {
      if (!targets.count(row.region)) {
        auto t = targets_of(tx, row.region);
        if (!t) return t.error();
        targets[row.region] = std::move(t).value();
      }
      std::optional<StoredRecord> record;
      for (const auto& t : targets[row.region]) {
        if (!t.active || !t.wants(change) || row.id <= t.outbox_from) continue;
        if (change != "published") {
          auto knows = target_knows(tx, t.id, row.record_id);
          if (!knows) return knows.error();
          if (!*knows) continue;
        }
        if (!record) {
          auto found = find_record(tx, row.region, row.record_id);
          if (!found) return found.error();
          if (!*found) break;
          record = std::move(found).value();
        }
        UpstreamChange c;
        c.target_id = t.id;
        c.outbox_id = row.id;
        c.region = row.region;
        c.record_id = row.record_id;
        c.department_id = record->department_id;
        c.kind = std::string(to_string(record->kind));
        c.document_no = record->document_no;
        c.subject_code = record->subject_code;
        c.change_type = change;
        c.record_version = record->version;
        c.payload = record->data;
        c.next_attempt_at = now_text;
        c.changed_at = row.created_at;
        c.created_at = now_text;
        if (auto id = insert_change(tx, c); !id) return id.error();
      }
    }
    try {
      tx.sql() << "UPDATE outbox SET upstream_at = :n WHERE id = :i", soci::use(now_text),
          soci::use(row.id);
    } catch (const std::exception& e) {
      return database_error(e);
    }
  }
  return static_cast<int>(rows.size());
}

Result<std::optional<UpstreamChange>> find_change(Tx& tx, std::int64_t id) {
  long long i = id;
  auto found =
      select_changes(tx, "id = :i", [&](soci::statement& st) { st.exchange(soci::use(i)); });
  if (!found) return found.error();
  if (found->empty()) return std::optional<UpstreamChange>{};
  return std::optional<UpstreamChange>{found->front()};
}

Result<std::vector<UpstreamChange>> claim_changes(Tx& tx, std::int64_t target_id,
                                                  const std::string& now_text,
                                                  const std::string& lease_until, int limit) {
  // As the webhook claim: read without locks, then lease each by an UPDATE that checks it is still
  // due, so two senders (two server processes) never send one change at once.
  std::vector<long long> ids;
  try {
    long long target = target_id, id = 0;
    int attempts = 0;
    soci::statement st =
        (tx.sql().prepare
             << "SELECT c.id, c.attempts FROM upstream_changes c WHERE c.target_id = :t AND "
                "c.status = 'pending' AND c.next_attempt_at <= :n AND NOT EXISTS "
                "(SELECT 1 FROM upstream_changes e WHERE e.target_id = c.target_id "
                "AND e.record_id = c.record_id AND e.status = 'pending' AND e.id < "
                "c.id) ORDER BY c.id LIMIT :l",
         soci::use(target), soci::use(now_text), soci::use(limit), soci::into(id),
         soci::into(attempts));
    st.execute();
    std::vector<long long> candidates;
    int first_attempts = -1;
    while (st.fetch()) {
      if (first_attempts < 0) first_attempts = attempts;
      candidates.push_back(id);
    }
    const std::size_t room =
        static_cast<std::size_t>(std::max(1, limit >> std::min(std::max(first_attempts, 0), 16)));
    if (candidates.size() > room) candidates.resize(room);
    long long lease_id = 0;
    soci::statement lease =
        (tx.sql().prepare << "UPDATE upstream_changes SET next_attempt_at = :u WHERE id = :i AND "
                             "status = 'pending' AND next_attempt_at <= :n",
         soci::use(lease_until), soci::use(lease_id), soci::use(now_text));
    for (long long c : candidates) {
      lease_id = c;
      lease.execute(true);
      if (lease.get_affected_rows() == 1) ids.push_back(c);
    }
  } catch (const std::exception& e) {
    return database_error(e);
  }
  std::vector<UpstreamChange> out;
  for (long long i : ids) {
    auto one = find_change(tx, i);
    if (!one) return one.error();
    if (*one) out.push_back(std::move(**one));
  }
  return out;
}

Status settle_change(Tx& tx, std::int64_t id, ChangeOutcome outcome, const std::string& error,
                     const std::string& now_text, const std::string& next_attempt_at) {
  try {
    long long i = id;
    const std::string status = outcome == ChangeOutcome::acknowledged ? "acknowledged"
                               : outcome == ChangeOutcome::refused    ? "refused"
                                                                      : "pending";
    const std::string next = outcome == ChangeOutcome::retry ? next_attempt_at : now_text;
    std::string acknowledged = now_text;
    soci::indicator ack_ind = outcome == ChangeOutcome::acknowledged ? soci::i_ok : soci::i_null;
    const std::string text = utf8_prefix(error, 2000);
    tx.sql() << "UPDATE upstream_changes SET status = :s, attempts = attempts + 1, "
                "next_attempt_at = :n, last_error = :e, acknowledged_at = :a WHERE id = :i AND "
                "status = 'pending'",
        soci::use(status), soci::use(next), soci::use(text), soci::use(acknowledged, ack_ind),
        soci::use(i);
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<bool> mark_resent(Tx& tx, std::int64_t id) {
  try {
    long long i = id;
    soci::statement st = (tx.sql().prepare << "UPDATE upstream_changes SET status = 'resent' "
                                              "WHERE id = :i AND status = 'refused'",
                          soci::use(i));
    st.execute(true);
    return st.get_affected_rows() == 1;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::vector<UpstreamChange>> list_changes(Tx& tx, const ChangeQuery& q) {
  long long target = q.target_id, record = q.record_id.value_or(0),
            before = q.before_id.value_or(0);
  std::string where = "target_id = :t";
  if (!q.status.empty()) where += " AND status = :s";
  if (q.record_id) where += " AND record_id = :r";
  if (q.before_id) where += " AND id < :b";
  where += " ORDER BY id DESC LIMIT :l";
  return select_changes(tx, where, [&](soci::statement& st) {
    st.exchange(soci::use(target));
    if (!q.status.empty()) st.exchange(soci::use(q.status));
    if (q.record_id) st.exchange(soci::use(record));
    if (q.before_id) st.exchange(soci::use(before));
    st.exchange(soci::use(q.limit));
  });
}

Result<std::vector<PublishedRow>> published_records(Tx& tx, const std::string& region, Date from,
                                                    Date to) {
  try {
    std::vector<PublishedRow> out;
    PublishedRow r;
    long long id = 0, dept = 0;
    soci::indicator dept_ind = soci::i_null;
    const std::string f = format_date(from), t = format_date(to);
    soci::statement st =
        (tx.sql().prepare << "SELECT id, department_id, kind, document_no, subject_code, state, "
                             "published_at FROM records WHERE region = :r AND decision_date >= :f "
                             "AND decision_date <= :t AND published_at IS NOT NULL ORDER BY id",
         soci::use(region), soci::use(f), soci::use(t), soci::into(id), soci::into(dept, dept_ind),
         soci::into(r.kind), soci::into(r.document_no), soci::into(r.subject_code),
         soci::into(r.state), soci::into(r.published_at));
    st.execute();
    while (st.fetch()) {
      r.id = id;
      r.department_id = optional_id(dept, dept_ind);
      out.push_back(r);
    }
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::vector<UpstreamChange>> changes_for_period(Tx& tx, std::int64_t target_id,
                                                       const std::string& region, Date from,
                                                       Date to) {
  long long target = target_id;
  const std::string f = format_date(from), t = format_date(to);
  return select_changes(
      tx,
      "target_id = :t AND record_id IN (SELECT id FROM records WHERE region = :r AND "
      "decision_date >= :f AND decision_date <= :d) ORDER BY id",
      [&](soci::statement& st) {
        st.exchange(soci::use(target));
        st.exchange(soci::use(region));
        st.exchange(soci::use(f));
        st.exchange(soci::use(t));
      });
}

namespace {

template <class Bind>
Result<std::vector<ReceivedChange>> select_received(Tx& tx, const std::string& rest, Bind bind) {
  try {
    std::vector<ReceivedChange> out;
    ReceivedChange c;
    long long id = 0;
    soci::statement st(tx.sql());
    st.exchange(soci::into(id));
    for (std::string* s : {&c.idem_key, &c.sender, &c.kind, &c.document_no, &c.subject_code,
                           &c.change_type, &c.form, &c.payload, &c.received_at}) {
      st.exchange(soci::into(*s));
    }
    bind(st);
    st.alloc();
    st.prepare(
        "SELECT id, idem_key, sender, kind, document_no, subject_code, change_type, form, "
        "payload, received_at FROM upstream_received WHERE " +
        rest);
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      c.id = id;
      out.push_back(c);
    }
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace

Result<std::optional<ReceivedChange>> find_received(Tx& tx, const std::string& idem_key) {
  auto found = select_received(tx, "idem_key = :k",
                               [&](soci::statement& st) { st.exchange(soci::use(idem_key)); });
  if (!found) return found.error();
  if (found->empty()) return std::optional<ReceivedChange>{};
  return std::optional<ReceivedChange>{found->front()};
}

Result<bool> received_record(Tx& tx, const std::string& kind, const std::string& document_no,
                             const std::string& subject_code) {
  try {
    long long n = 0;
    tx.sql() << "SELECT COUNT(*) FROM upstream_received WHERE kind = :k AND document_no = :d AND "
                "subject_code = :s AND change_type IN ('published', 'corrected')",
        soci::use(kind), soci::use(document_no), soci::use(subject_code), soci::into(n);
    return n > 0;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::int64_t> insert_received(Tx& tx, const ReceivedChange& c) {
  try {
    tx.sql() << "INSERT INTO upstream_received (idem_key, sender, kind, document_no, "
                "subject_code, change_type, form, payload, received_at) VALUES (:k, :s, :i, :d, "
                ":c, :t, :f, :p, :r)",
        soci::use(c.idem_key), soci::use(c.sender), soci::use(c.kind), soci::use(c.document_no),
        soci::use(c.subject_code), soci::use(c.change_type), soci::use(c.form),
        soci::use(c.payload), soci::use(c.received_at);
    return last_insert_id(tx);
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::vector<ReceivedChange>> received_after(Tx& tx, std::int64_t after_id, int limit) {
  long long after = after_id;
  return select_received(tx, "id > :a ORDER BY id LIMIT :l", [&](soci::statement& st) {
    st.exchange(soci::use(after));
    st.exchange(soci::use(limit));
  });
}

}  // namespace gongshi
