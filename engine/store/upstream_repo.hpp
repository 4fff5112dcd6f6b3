#pragma once
// Reporting upward, as stored: the targets (the platforms above a region), the record changes
// queued for each (fanned out of the outbox, one per target that wants the change), leased in
// order per record to one sender at a time, and settled by the platform's acknowledgement. Also
// what the reference receiver took in.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/date.hpp"
#include "engine/store/database.hpp"

namespace gongshi {

struct UpstreamTarget {
  std::int64_t id = 0;
  std::string region, name;
  std::string format;                // json | csv | xlsx
  std::string endpoint;              // http://… or https://…
  std::string credential;            // sealed (see sealed_secret.hpp); "" = none
  std::string ca_file;               // a private CA (PEM) for an https endpoint; "" = the system's
  std::vector<std::string> changes;  // the change types it is sent
  int batch_size = 100;
  // The last outbox row before the target existed: the changes after it are the target's, the
  // records published before are a backfill's.
  std::int64_t outbox_from = 0;
  bool active = true;
  std::string created_by, created_at;

  bool wants(std::string_view change) const;
};

struct UpstreamChange {
  std::int64_t id = 0, target_id = 0;
  std::optional<std::int64_t> outbox_id;  // none: a resend or a backfill
  std::string region;
  std::int64_t record_id = 0;
  std::optional<std::int64_t> department_id;
  std::string kind, document_no, subject_code;
  std::string change_type;
  std::string idem_key;  // 128 random bits in hex, chosen when it is queued
  int record_version = 0;
  std::string payload;  // the record's fields (JSON) as they stood
  std::string status;   // pending | acknowledged | refused | resent
  int attempts = 0;
  std::string next_attempt_at, last_error, changed_at, acknowledged_at, created_at;
};

// Stores the target with the outbox's last row as its outbox_from.
Result<std::int64_t> insert_target(Tx& tx, const UpstreamTarget& t);
Result<std::optional<UpstreamTarget>> find_target(Tx& tx, std::int64_t id);
// A region's targets, or every region's ("" = all).
Result<std::vector<UpstreamTarget>> targets_of(Tx& tx, const std::string& region);
Status deactivate_target(Tx& tx, std::int64_t id);

// Turns up to `limit` outbox rows not yet seen by the upstream side into changes for the active
// targets of their region that want them (`change_of` maps an outbox topic to a change type, ""
// for none). A change other than "published" is queued only for a target that was told of the
// record before: a platform cannot withdraw what it never had. Returns the rows handled.
Result<int> fan_out_upstream(Tx& tx, const std::string& now_text, int limit,
                             const std::function<std::string(std::string_view topic)>& change_of);

Result<std::int64_t> insert_change(Tx& tx, const UpstreamChange& c);
Result<std::optional<UpstreamChange>> find_change(Tx& tx, std::int64_t id);
// Whether the target holds any change of the record (then the platform knows of it).
Result<bool> target_knows(Tx& tx, std::int64_t target_id, std::int64_t record_id);

// Up to `limit` pending changes of a target due at `now_text`, each the earliest unsettled one of
// its record (so a record's changes go in order and a batch holds one change per record), leased
// until `lease_until`. After failed attempts the batch halves with each (limit >> attempts of the
// oldest), so one change a platform cannot take ends up alone instead of holding others back.
Result<std::vector<UpstreamChange>> claim_changes(Tx& tx, std::int64_t target_id,
                                                  const std::string& now_text,
                                                  const std::string& lease_until, int limit);

enum class ChangeOutcome { acknowledged, refused, retry };
// Settles a leased change: acknowledged or refused (with the platform's reason) for good, or
// tried again at `next_attempt_at`.
Status settle_change(Tx& tx, std::int64_t id, ChangeOutcome outcome, const std::string& error,
                     const std::string& now_text, const std::string& next_attempt_at);
// A refused change superseded by a resend.
Result<bool> mark_resent(Tx& tx, std::int64_t id);

struct ChangeQuery {
  std::int64_t target_id = 0;
  std::string status;  // "" = any
  std::optional<std::int64_t> record_id;
  std::optional<std::int64_t> before_id;  // newest first, paged by id
  int limit = 100;
};
Result<std::vector<UpstreamChange>> list_changes(Tx& tx, const ChangeQuery& q);

// The records of a region decided in [from, to] that were ever published here (published_at set,
// withheld ones included), for reconciliation and backfills.
struct PublishedRow {
  std::int64_t id = 0;
  std::optional<std::int64_t> department_id;
  std::string kind, document_no, subject_code, state, published_at;
};
Result<std::vector<PublishedRow>> published_records(Tx& tx, const std::string& region, Date from,
                                                    Date to);
// Every change of a target for the records of a region decided in [from, to], oldest first.
Result<std::vector<UpstreamChange>> changes_for_period(Tx& tx, std::int64_t target_id,
                                                       const std::string& region, Date from,
                                                       Date to);

// The reference receiver's store.
struct ReceivedChange {
  std::int64_t id = 0;
  std::string idem_key, sender, kind, document_no, subject_code, change_type, form, payload,
      received_at;
};
// The change under that key, if it came before.
Result<std::optional<ReceivedChange>> find_received(Tx& tx, const std::string& idem_key);
// Whether a "published" (or "corrected") change of this record came before.
Result<bool> received_record(Tx& tx, const std::string& kind, const std::string& document_no,
                             const std::string& subject_code);
Result<std::int64_t> insert_received(Tx& tx, const ReceivedChange& c);
Result<std::vector<ReceivedChange>> received_after(Tx& tx, std::int64_t after_id, int limit);

}  // namespace gongshi
