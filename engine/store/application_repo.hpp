#pragma once
// Applications about a record from its subject (异议, 信用修复) and the files attached to them.

#include <optional>
#include <string>
#include <vector>

#include "engine/store/database.hpp"

namespace gongshi {

struct ApplicationRow {
  std::string number;
  std::string kind;  // objection | repair
  std::string region;
  std::int64_t record_id = 0;
  std::int64_t department_id = 0;
  std::string channel;  // online | paper | phone | letter | visit
  std::string type;     // an objection's type; "" for a repair
  std::string state;    // filed | accepted | refused | closed
  std::string subject_code, contact_name, contact_phone, description;
  std::string code_hash;  // SHA-256 of the query code, hex; "" when registered by staff
  std::string filed_by, filed_at;
  std::string decided_at, decided_by;  // accepted or refused: when, by whom
  std::string closed_at, outcome;      // settled by the record event `outcome`
  std::string reason;                  // of the refusal or the outcome
};

struct ApplicationQuery {
  std::string kind;
  std::vector<std::string> regions;
  std::optional<std::int64_t> department_id;
  std::vector<std::string> states;  // empty: any
  std::string before_number;        // keyset: numbers sort by filing time
  int limit = 50;
};

Status insert_application(Tx& tx, const ApplicationRow& a);
// Writes state, decided_*, closed_at, outcome and reason of `a.number`, on condition that it is
// still in `expected_state` (conflict otherwise: someone else decided it first).
Status update_application(Tx& tx, const ApplicationRow& a, const std::string& expected_state);
Result<std::optional<ApplicationRow>> find_application(Tx& tx, const std::string& number);
// The record's applications of `kind` in one of `states` (newest first).
Result<std::vector<ApplicationRow>> applications_of_record(Tx& tx, const std::string& region,
                                                           std::int64_t record_id,
                                                           const std::string& kind,
                                                           const std::vector<std::string>& states);
Result<std::vector<ApplicationRow>> list_applications(Tx& tx, const ApplicationQuery& q);

struct AttachmentRow {
  std::string id;  // 32 hex digits, random: knowing it is what lets an application claim it
  std::string application_no;  // "" while unclaimed
  std::string sha256;
  std::int64_t size = 0;
  std::string media_type, file_name, uploader, created_at;
};

// Stores the attachment and its bytes (in chunks).
Status insert_attachment(Tx& tx, const AttachmentRow& a, std::string_view bytes);
Result<std::optional<AttachmentRow>> find_attachment(Tx& tx, const std::string& id);
Result<std::vector<AttachmentRow>> attachments_of(Tx& tx, const std::string& application_no);
// Claims unclaimed attachment `id` for an application; conflict when it is already claimed.
Status claim_attachment(Tx& tx, const std::string& id, const std::string& application_no);
Result<std::string> attachment_bytes(Tx& tx, const std::string& id);
// Removes attachments never claimed that were uploaded before `before` (UTC text). Returns how
// many.
Result<int> purge_unclaimed_attachments(Tx& tx, const std::string& before);

}  // namespace gongshi
