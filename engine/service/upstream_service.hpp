#pragma once
// Reporting upward (seed 002's 数据库对接/API; seed 003's 全量推送至市平台) as use cases: the
// targets a sysadmin configures per region, the push that sends each record change to each target
// that wants it — from the outbox, in batches, in order per record, retried with back-off, settled
// per record by the platform's acknowledgement — the resend of a refused change once fixed, the
// backfill of records published before a target existed, and the reconciliation the 信用办 makes
// before the province's spot-check: published here vs acknowledged, refused, pending above.
//
// Each change carries its own idempotency key (gongshi-<region>-<32 random hex digits>), the same
// on every attempt, so a platform that keeps the keys takes each change once however often it is
// sent.

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

#include "engine/lifecycle/lifecycle.hpp"
#include "engine/model/clock.hpp"
#include "engine/service/access.hpp"
#include "engine/service/address_policy.hpp"
#include "engine/service/audit_service.hpp"
#include "engine/service/webhook_service.hpp"
#include "engine/store/database.hpp"
#include "engine/store/upstream_repo.hpp"

namespace gongshi {

struct UpstreamTargetInput {
  std::string region, name;
  std::string format = "json";       // json | csv | xlsx
  std::string endpoint;              // http(s)://host:port/path
  std::string credential;            // sent as Authorization: Bearer …; "" = none
  std::string ca_file;               // https: a private CA's certificate (PEM file on the server)
  std::vector<std::string> changes;  // empty: every change type
  int batch_size = 100;
};

struct UpstreamRequest {
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // The addresses the sender may connect to (checked again after DNS); nullptr: any.
  const AddressPolicy* targets = nullptr;
  std::string ca_file;  // the target's own CA file for https ("" = the sender's default)
};
struct UpstreamReply {
  int status = 0;
  std::string body;
};
// Sends one request (the server's or the command line's HTTP client); an error when no answer
// came.
using UpstreamSender = std::function<Result<UpstreamReply>(const UpstreamRequest&)>;

struct PushSummary {
  int requests = 0, acknowledged = 0, refused = 0, retried = 0;
  std::vector<std::string> errors;  // one line per failed request (target name: why)
};

// Reconciliation, per department of the region, for one target and the records decided in a
// month that were published here.
struct UpstreamReportRow {
  std::int64_t department_id = 0;  // 0: no department
  std::string department;
  int published = 0, acknowledged = 0, refused = 0, pending = 0, not_sent = 0;
};
struct UpstreamGap {
  std::int64_t record_id = 0, department_id = 0;
  std::string department, kind, document_no, subject_code, state;
  std::string status;  // refused | pending | not_sent
  std::string change_type, reason;
  std::int64_t change_id = 0;  // the change behind the status (0 for not_sent)
  int attempts = 0;
};
struct UpstreamReport {
  std::string region, month;
  UpstreamTarget target;  // its credential cleared
  std::vector<UpstreamReportRow> rows;
  UpstreamReportRow total;
  std::vector<UpstreamGap> gaps;
};

class UpstreamService {
 public:
  // `key`: GONGSHI_UPSTREAM_KEY, which seals and opens the targets' credentials ("" = none given:
  // targets with a credential can then be neither created nor sent to).
  // `targets`: the internal addresses an endpoint may have (--upstream-allow); a target is
  // checked when it is added and every request again when it is sent.
  UpstreamService(std::shared_ptr<Database> db, const Lifecycle& lifecycle,
                  const AccessPolicy& access, AuditTrail& audit, std::string key,
                  std::filesystem::path work_dir, AddressPolicy targets = {});

  // The sysadmin's. The credential is sealed before it is stored and never returned.
  Result<UpstreamTarget> create_target(const Principal& who, const UpstreamTargetInput& in,
                                       TimePoint now);
  Result<std::vector<UpstreamTarget>> targets(const Principal& who, const std::string& region);
  Status deactivate_target(const Principal& who, std::int64_t id);

  // The 信用办's (and the sysadmin's): a target's changes, newest first.
  Result<std::vector<UpstreamChange>> changes(const Principal& who, const ChangeQuery& q);
  // A refused change sent again with the record as it stands now (after its fix), under a new
  // key; the refused one is marked resent.
  Result<UpstreamChange> resend(const Principal& who, std::int64_t change_id, TimePoint now);
  // Queues "published" for the records decided in [from, to] that stand published here and the
  // target was never told of. Returns how many.
  Result<int> backfill(const Principal& who, std::int64_t target_id, Date from, Date to,
                       TimePoint now);
  // For every active target of the region, or the one named.
  Result<std::vector<UpstreamReport>> report(const Principal& who, const std::string& region,
                                             const std::string& month,
                                             std::optional<std::int64_t> target_id);

  // One round of the sender: the outbox fanned out, then for each active target its due changes
  // in batches, each batch's answer settled per change. `lease`: how long a batch stays taken.
  // The clock is read for each batch (a round can take longer than a lease). `stop` (the server
  // stopping) ends the round before its next batch; claimed batches not sent wait out their lease.
  Result<PushSummary> push(const Clock& clock, const UpstreamSender& send, const RetryPolicy& retry,
                           std::chrono::seconds lease, std::stop_token stop = {});

  // The change types (lifecycle.json's upstream_changes), by name, with their labels.
  const std::map<std::string, std::string>& change_types() const { return change_labels_; }
  static std::string idempotency_key(const UpstreamChange& c);

 private:
  Result<UpstreamTarget> visible_target(const Principal& who, std::int64_t id);
  Status fan_out(const std::string& now_text);
  Result<int> push_target(const UpstreamTarget& t, const Clock& clock, const UpstreamSender& send,
                          const RetryPolicy& retry, std::chrono::seconds lease, PushSummary& sum,
                          std::stop_token stop);

  std::shared_ptr<Database> db_;
  const Lifecycle& lifecycle_;
  const AccessPolicy& access_;
  AuditTrail& audit_;
  std::string key_;
  std::filesystem::path work_dir_;
  AddressPolicy targets_;
  std::map<std::string, std::string> change_of_topic_;  // "record.publish" -> "published"
  std::map<std::string, std::string> change_labels_;
};

}  // namespace gongshi
