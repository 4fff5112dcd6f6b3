#pragma once
// A record as the store keeps it: the indexed columns beside the standard's fields as JSON.

#include <cstdint>
#include <optional>
#include <string>

#include "engine/model/date.hpp"
#include "engine/model/record.hpp"

namespace gongshi {

struct StoredRecord {
  std::string region;
  std::int64_t id = 0;
  std::optional<std::int64_t> department_id;
  std::optional<std::int64_t> catalog_item_id;
  RecordKind kind = RecordKind::license;
  std::string state;
  std::string document_no;
  std::string subject_code;  // 统一社会信用代码 or 证件号码; "" when neither
  Date decision_date{};
  std::string received_at;  // UTC text
  std::string timeliness;   // on_time | late | missing
  bool backfill = false;
  std::optional<Date> publish_by, late_after, missing_after, publication_end;
  std::optional<Date> objection_due, repair_due, withdraw_due;
  std::string scope;  // 社会公开 …
  std::string flags;  // comma-separated sweeper marks
  std::optional<Date> next_due;
  std::string submitted_at, approved_at, published_at, closed_at;  // "" = not yet
  std::string rule_version;
  int version = 1;
  std::string data;  // JSON of the standard's fields
  std::string updated_at;
  std::optional<Date> repair_from;    // a penalty: credit repair may be applied for from this day
  bool calendar_provisional = false;  // a deadline reaches a year without holiday data
  std::string rule_notes;             // JSON: how the rules decided (severity tier, regime, period)

  bool has_flag(std::string_view f) const;
  // The date column of that name (publish_by, late_after, missing_after, publication_end,
  // objection_due, repair_due, withdraw_due, repair_from); nullopt for another name or no date.
  std::optional<Date> date_named(std::string_view name) const;
  void add_flag(std::string_view f);
};

struct EventRow {
  std::string region;
  std::int64_t record_id = 0;
  int seq = 0;
  std::string event, from_state, to_state, actor, actor_role, at, payload, rule_version;
};

struct OutboxRow {
  std::string region;
  std::int64_t record_id = 0;
  std::string topic, payload, created_at;
};

}  // namespace gongshi
