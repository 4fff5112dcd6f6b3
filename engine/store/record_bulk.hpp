#pragma once
// The batch path: many new records, their first events, outbox rows and idempotency keys, each as
// a few multi-row INSERTs inside the caller's transaction.

#include <map>
#include <tuple>
#include <vector>

#include "engine/store/database.hpp"
#include "engine/store/stored_record.hpp"

namespace gongshi {

// The ids of the records already stored under these natural keys (region, kind, 决定书文号,
// 相对人代码): one query per region, kind and 500 keys.
using NaturalKey = std::tuple<std::string, RecordKind, std::string, std::string>;
Result<std::map<NaturalKey, std::int64_t>> find_ids_by_natural_keys(
    Tx& tx, const std::vector<NaturalKey>& keys);

// Inserts the records and sets their ids (looked up by natural key afterwards, so it does not
// depend on how the server hands out AUTO_INCREMENT values).
Status insert_records_bulk(Tx& tx, std::vector<StoredRecord>& records);
Status insert_events_bulk(Tx& tx, const std::vector<EventRow>& events);
Status insert_outbox_bulk(Tx& tx, const std::vector<OutboxRow>& rows);
struct IdempotencyRow {
  std::string region, key, request_hash;
  std::int64_t record_id = 0;
  std::string at;
};
Status insert_idempotency_bulk(Tx& tx, const std::vector<IdempotencyRow>& rows);

// The records columns, and one record as a bulk row (for the ingest benchmark's raw baseline too).
const std::vector<std::string>& record_columns(bool with_id);
std::vector<std::optional<std::string>> record_values(const StoredRecord& r, bool with_id);

}  // namespace gongshi
