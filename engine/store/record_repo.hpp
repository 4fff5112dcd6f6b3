#pragma once
// Records, their events, outbox rows and idempotency keys. Every statement binds its parameters.

#include <optional>
#include <vector>

#include "engine/store/database.hpp"
#include "engine/store/stored_record.hpp"

namespace gongshi {

// Inserts and returns the new id.
Result<std::int64_t> insert_record(Tx& tx, const StoredRecord& r);
// for_update locks the row (MySQL FOR UPDATE; SQLite holds the write lock already).
Result<std::optional<StoredRecord>> find_record(Tx& tx, const std::string& region, std::int64_t id,
                                                bool for_update = false);
// The record, or not_found naming it.
Result<StoredRecord> get_record(Tx& tx, const std::string& region, std::int64_t id,
                                bool for_update = false);
// The id of the record under this natural key, if any (one indexed column: cheap to ask).
Result<std::optional<std::int64_t>> find_id_by_natural_key(Tx& tx, const std::string& region,
                                                           RecordKind kind,
                                                           const std::string& document_no,
                                                           const std::string& subject_code);
// Writes every column and version + 1 when the stored version is `expected_version`; false (and
// nothing written) when another writer got there first.
Result<bool> update_record(Tx& tx, const StoredRecord& r, int expected_version);

Status append_event(Tx& tx, EventRow e);  // seq 0 = the record's next; a given seq is used as is
Result<std::vector<EventRow>> events_of(Tx& tx, const std::string& region, std::int64_t record_id);
Status append_outbox(Tx& tx, const OutboxRow& o);

struct IdempotencyEntry {
  std::string request_hash;
  std::int64_t record_id = 0;
};
Result<std::optional<IdempotencyEntry>> find_idempotency(Tx& tx, const std::string& region,
                                                         const std::string& key);
Status insert_idempotency(Tx& tx, const std::string& region, const std::string& key,
                          const IdempotencyEntry& e, const std::string& at);

// Claims up to `limit` records whose next_due is on or before `today`, oldest first. On MySQL the
// rows are locked with FOR UPDATE SKIP LOCKED, so concurrent sweepers never claim the same one.
Result<std::vector<std::pair<std::string, std::int64_t>>> claim_due(Tx& tx, Date today, int limit);

// What a record list asks for; every filter is optional. Newest first (id descending), paged by
// keyset: pass the last id of a page as before_id for the next.
struct RecordQuery {
  std::vector<std::string> regions;  // any of these; empty = every region
  std::optional<std::int64_t> department_id;
  std::optional<RecordKind> kind;
  std::vector<std::string> states;  // any of these
  std::optional<std::string> scope;
  std::optional<Date> decided_from, decided_to;
  std::optional<Date> overdue_on;  // not yet published, closed or withheld and publish_by before it
  std::optional<bool> calendar_provisional;
  bool open_only = false;  // not yet published or closed
  // A coarse text match for the public search: the document number or the subject's code equal
  // to it, or the stored fields containing it (the caller checks which field matched).
  std::string text;
  std::string received_from, received_to;  // UTC text window [from, to); "" = open
  std::optional<std::int64_t> before_id;
  bool by_deadline = false;  // publish_by first (none last), then id; else newest id first
  int limit = 50;
};
Result<std::vector<StoredRecord>> list_records(Tx& tx, const RecordQuery& q);

// One region's records received in [from, to) (UTC text), in the order received (then id), the
// page after (after_received, after_id) — "" and 0 for the first. A range scan of one index.
struct ReceivedPage {
  std::string region, from, to;
  std::string after_received;
  std::int64_t after_id = 0;
  int limit = 500;
};
Result<std::vector<StoredRecord>> list_received(Tx& tx, const ReceivedPage& p);

// Records whose deadlines are provisional (a year without holiday data), in all regions.
Result<std::int64_t> count_provisional(Tx& tx);

// Counts for tests and reports: rows in a table (records, events, outbox, idempotency_keys).
Result<std::int64_t> count_rows(Tx& tx, const std::string& table);

}  // namespace gongshi
