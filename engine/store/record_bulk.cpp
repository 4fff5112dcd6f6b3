#include "engine/store/record_bulk.hpp"

#include <soci/soci.h>

#include "engine/store/bulk_insert.hpp"
#include "engine/store/ids.hpp"

namespace gongshi {
namespace {

std::optional<std::string> text(const std::string& s) {
  return s;
}
std::optional<std::string> nullable(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}
std::optional<std::string> date(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(format_date(*d)) : std::nullopt;
}
std::optional<std::string> number(std::optional<std::int64_t> v) {
  return v ? std::optional<std::string>(std::to_string(*v)) : std::nullopt;
}

}  // namespace

const std::vector<std::string>& record_columns(bool with_id) {
  static const std::vector<std::string> without{"region",
                                                "department_id",
                                                "catalog_item_id",
                                                "kind",
                                                "state",
                                                "document_no",
                                                "subject_code",
                                                "decision_date",
                                                "received_at",
                                                "timeliness",
                                                "backfill",
                                                "publish_by",
                                                "late_after",
                                                "missing_after",
                                                "publication_end",
                                                "objection_due",
                                                "repair_due",
                                                "withdraw_due",
                                                "scope",
                                                "flags",
                                                "next_due",
                                                "submitted_at",
                                                "approved_at",
                                                "published_at",
                                                "closed_at",
                                                "rule_version",
                                                "version",
                                                "data",
                                                "updated_at",
                                                "repair_from",
                                                "calendar_provisional",
                                                "rule_notes"};
  static const std::vector<std::string> with = [] {
    auto v = without;
    v.insert(v.begin() + 1, "id");
    return v;
  }();
  return with_id ? with : without;
}

std::vector<std::optional<std::string>> record_values(const StoredRecord& r, bool with_id) {
  std::vector<std::optional<std::string>> v{text(r.region),
                                            number(r.department_id),
                                            number(r.catalog_item_id),
                                            text(std::string(to_string(r.kind))),
                                            text(r.state),
                                            text(r.document_no),
                                            text(r.subject_code),
                                            text(format_date(r.decision_date)),
                                            text(r.received_at),
                                            text(r.timeliness),
                                            text(r.backfill ? "1" : "0"),
                                            date(r.publish_by),
                                            date(r.late_after),
                                            date(r.missing_after),
                                            date(r.publication_end),
                                            date(r.objection_due),
                                            date(r.repair_due),
                                            date(r.withdraw_due),
                                            text(r.scope),
                                            text(r.flags),
                                            date(r.next_due),
                                            nullable(r.submitted_at),
                                            nullable(r.approved_at),
                                            nullable(r.published_at),
                                            nullable(r.closed_at),
                                            text(r.rule_version),
                                            text(std::to_string(r.version)),
                                            text(r.data),
                                            text(r.updated_at),
                                            date(r.repair_from),
                                            text(r.calendar_provisional ? "1" : "0"),
                                            nullable(r.rule_notes)};
  if (with_id) v.insert(v.begin() + 1, std::to_string(r.id));
  return v;
}

Result<std::map<NaturalKey, std::int64_t>> find_ids_by_natural_keys(
    Tx& tx, const std::vector<NaturalKey>& keys) {
  std::map<NaturalKey, std::int64_t> out;
  // One query per (region, kind) and chunk of document numbers.
  std::map<std::pair<std::string, RecordKind>, std::vector<std::string>> groups;
  for (const auto& [region, kind, doc, subject] : keys) groups[{region, kind}].push_back(doc);
  try {
    for (auto& [group, docs] : groups) {
      for (std::size_t start = 0; start < docs.size(); start += 500) {
        const std::size_t end = std::min(docs.size(), start + 500);
        std::string region = group.first, kind(to_string(group.second));
        std::string sql =
            "SELECT id, document_no, subject_code FROM records WHERE region = :r AND kind = :k AND "
            "document_no IN (";
        for (std::size_t i = start; i < end; ++i)
          sql += (i == start ? ":d" : ", :d") + std::to_string(i);
        sql += ")";
        long long id = 0;
        std::string doc, subject;
        soci::statement st(tx.sql());
        st.exchange(soci::into(id));
        st.exchange(soci::into(doc));
        st.exchange(soci::into(subject));
        st.exchange(soci::use(region));
        st.exchange(soci::use(kind));
        for (std::size_t i = start; i < end; ++i) st.exchange(soci::use(docs[i]));
        st.alloc();
        st.prepare(sql);
        st.define_and_bind();
        st.execute();
        while (st.fetch()) out.emplace(NaturalKey{group.first, group.second, doc, subject}, id);
      }
    }
  } catch (const std::exception& e) {
    return database_error(e);
  }
  return out;
}

Status insert_records_bulk(Tx& tx, std::vector<StoredRecord>& records) {
  if (records.empty()) return ok_status();
  const bool sqlite = tx.dialect() == Dialect::sqlite;
  if (sqlite) {
    auto next = next_id(tx, "records");
    if (!next) return next.error();
    std::int64_t id = *next;
    for (auto& r : records) r.id = id++;
  }
  std::vector<BulkRow> rows;
  rows.reserve(records.size());
  for (const auto& r : records) rows.push_back(record_values(r, sqlite));
  if (auto st = bulk_insert(tx, "records", record_columns(sqlite), rows); !st) return st;
  if (sqlite) return ok_status();
  std::vector<NaturalKey> keys;
  for (const auto& r : records) keys.emplace_back(r.region, r.kind, r.document_no, r.subject_code);
  auto ids = find_ids_by_natural_keys(tx, keys);
  if (!ids) return ids.error();
  for (auto& r : records) r.id = ids->at({r.region, r.kind, r.document_no, r.subject_code});
  return ok_status();
}

Status insert_events_bulk(Tx& tx, const std::vector<EventRow>& events) {
  std::vector<BulkRow> rows;
  for (const auto& e : events) {
    rows.push_back({e.region, std::to_string(e.record_id), std::to_string(e.seq), e.event,
                    e.from_state, e.to_state, e.actor, e.actor_role, e.at, e.payload,
                    e.rule_version});
  }
  return bulk_insert(tx, "events",
                     {"region", "record_id", "seq", "event", "from_state", "to_state", "actor",
                      "actor_role", "at", "payload", "rule_version"},
                     rows);
}

Status insert_outbox_bulk(Tx& tx, const std::vector<OutboxRow>& outbox) {
  std::vector<BulkRow> rows;
  for (const auto& o : outbox) {
    rows.push_back({o.region, std::to_string(o.record_id), o.topic, o.payload, o.created_at, "0",
                    o.created_at});
  }
  return bulk_insert(
      tx, "outbox",
      {"region", "record_id", "topic", "payload", "created_at", "attempts", "next_attempt_at"},
      rows);
}

Status insert_idempotency_bulk(Tx& tx, const std::vector<IdempotencyRow>& keys) {
  std::vector<BulkRow> rows;
  for (const auto& k : keys)
    rows.push_back({k.region, k.key, k.request_hash, std::to_string(k.record_id), k.at});
  return bulk_insert(tx, "idempotency_keys",
                     {"region", "idem_key", "request_hash", "record_id", "created_at"}, rows);
}

}  // namespace gongshi
