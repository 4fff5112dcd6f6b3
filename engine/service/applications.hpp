#pragma once
// Applications about a record from its subject (行政相对人): an 异议 (objection) or a 信用修复
// (credit repair), with their attachments.
//
// The subject files through the public routes, without an account: the record is named by
// region and id, and the subject's 统一社会信用代码 or 证件号码 must be the record's (a mismatch is
// answered exactly as a record that does not exist). Filing answers a number and a query code
// (shown once; the database keeps its SHA-256) with which the subject follows the application.
//
// An objection waits as `filed` until a handler accepts it (受理: the record's event that opens an
// objection, lifecycle "opens", starts the three-working-day clock) or refuses it (不予受理). A
// repair is accepted when filed: the record's repair event is taken at once in the subject's role,
// so the rules' guards (penalty only, the minimum publication period) answer a premature one.
// Either is settled by the record event that leaves the state handling it (lifecycle
// "application"): dismiss, correct, withdraw; grant or refuse the repair.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/service/access.hpp"
#include "engine/service/engine.hpp"
#include "engine/service/record_service.hpp"
#include "engine/store/application_repo.hpp"

namespace gongshi {

namespace application_state {
inline constexpr const char* filed = "filed";
inline constexpr const char* accepted = "accepted";
inline constexpr const char* refused = "refused";
inline constexpr const char* closed = "closed";
}  // namespace application_state

namespace application_kind {
inline constexpr const char* objection = "objection";
inline constexpr const char* repair = "repair";
}  // namespace application_kind

// The objection types the credit portals use.
const std::vector<std::string>& objection_types();
// The ways staff receive an objection or repair outside the public routes.
const std::vector<std::string>& staff_channels();

// Settles the record's accepted application of `kind`: closed, with `event` as its outcome.
// Called inside the record change's transaction (Engine::transition).
Status settle_applications(Tx& tx, const StoredRecord& r, const std::string& kind,
                           const std::string& event, const std::string& reason,
                           const std::string& by, const std::string& at);
// An application registered by staff with the event that opens it (an objection received on
// paper, a repair applied for at the counter): accepted at once, no query code.
ApplicationRow staff_application(const std::string& kind, const StoredRecord& r,
                                 const std::string& channel, const std::string& description,
                                 const std::string& login, TimePoint now);

struct Filing {
  std::string kind;  // objection | repair
  std::string region;
  std::int64_t record_id = 0;
  std::string subject_code, contact_name, contact_phone;
  std::string type;  // objections: one of objection_types()
  std::string description;
  std::vector<std::string> attachments;  // ids of uploaded attachments, at most 5
  std::string client;                    // the filer's address
};

struct Filed {
  ApplicationRow application;
  std::string code;  // the query code, shown once
};

struct ApplicationView {
  ApplicationRow application;
  std::vector<AttachmentRow> attachments;
  StoredRecord record;
  // The time limit: while accepted, the record's (objection_due, repair_due); while an objection
  // waits for 受理, the one its acceptance will set, counted from the day it was filed (seed 004:
  // three working days from receiving it). Then the working days from today to it (negative once
  // past).
  std::optional<Date> due;
  std::optional<int> working_days_left;
};

// What a published record's public page offers its subject now.
struct PublicFilings {
  bool objection_open = false;  // an objection filed or accepted and not yet settled
  // The state the public page shows: the record's, or while an objection waits for 受理 the one
  // accepting it leads to (objected, 异议处理中) — the public sees it being handled from filing.
  std::string shown_state;
  std::vector<std::string> may_file;  // objection, repair: the record's state and rules allow it
  std::string repair_refusal;  // why a repair cannot be applied for now (the rules' words), or ""
};

struct Upload {
  std::string bytes;
  std::string file_name;
  std::string uploader;  // "public:ADDRESS" or a login
};

class ApplicationService {
 public:
  ApplicationService(std::shared_ptr<Database> db, Engine& engine, const RecordService& records,
                     const RuleRegistry& rules, const AccessPolicy& access,
                     const Lifecycle& lifecycle, std::size_t attachment_limit)
      : db_(std::move(db)),
        engine_(engine),
        records_(records),
        rules_(rules),
        access_(access),
        lifecycle_(lifecycle),
        attachment_limit_(attachment_limit) {}

  // The public side.
  Result<Filed> file(const Filing& f, TimePoint now);
  // The subject's own view: not_found unless the number and the code belong together.
  Result<ApplicationView> lookup(const std::string& kind, const std::string& number,
                                 const std::string& code, TimePoint now);
  // A PDF, JPEG or PNG (by its content), at most attachment_limit bytes; kept unclaimed until an
  // application names it (unclaimed ones are purged after a day).
  Result<AttachmentRow> upload(const Upload& u, TimePoint now);
  Result<int> purge_unclaimed(TimePoint now);
  // For a record on the public page: an open objection, and the applications the subject may
  // file now — the state's edges that open one, and their guards asked as filing would ask them
  // (a repair before the minimum publication period is not offered, and says why).
  Result<PublicFilings> public_filings(const StoredRecord& r, TimePoint now) const;

  // The handlers' side: the region's objection handlers and 信用办, and the record's department.
  Result<std::vector<ApplicationView>> list(const Principal& who, ApplicationQuery q,
                                            TimePoint now);
  // An application the caller may see (its record's, "" kind: either); not_found otherwise.
  Result<ApplicationView> get(const Principal& who, const std::string& kind,
                              const std::string& number, TimePoint now);
  // 受理: takes the record's event that opens the application (its clock starts).
  Result<ApplicationView> accept(const Principal& who, const std::string& number,
                                 const std::string& comment, TimePoint now);
  // 不予受理, with a reason; the record is unchanged.
  Result<ApplicationView> refuse(const Principal& who, const std::string& number,
                                 const std::string& reason, TimePoint now);
  // An attachment's row and bytes, for someone who may see its application.
  Result<std::pair<AttachmentRow, std::string>> attachment(const Principal& who,
                                                           const std::string& id, TimePoint now);

  std::size_t attachment_limit() const { return attachment_limit_; }

 private:
  Result<ApplicationView> view(Tx& tx, const ApplicationRow& a, Date today) const;
  // An application still waiting for 受理 or 不予受理 that `who` may decide.
  Result<ApplicationView> waiting(const Principal& who, const std::string& number, TimePoint now);
  // The edge out of the record's state that opens an application of `kind`, or nullptr.
  const Transition* opening_edge(const std::string& state, const std::string& kind) const;
  Status may_handle(const Principal& who, const ApplicationView& v) const;
  // The lifecycle's event that opens an application of `kind` (object, request_repair).
  const Transition* opening_event(const std::string& kind) const;
  // A filed application's limit, as accepting it would set it (nullopt if the rules cannot say).
  std::optional<Date> filed_due(const ApplicationRow& a, Date today) const;

  std::shared_ptr<Database> db_;
  Engine& engine_;
  const RecordService& records_;
  const RuleRegistry& rules_;
  const AccessPolicy& access_;
  const Lifecycle& lifecycle_;
  std::size_t attachment_limit_;
};

}  // namespace gongshi
