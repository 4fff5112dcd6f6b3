#pragma once
// The engine service: the one façade the server and the command line call. Every write is one
// transaction: the record, its event and its outbox rows together or nothing.

#include <boost/json/object.hpp>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/lifecycle/lifecycle.hpp"
#include "engine/model/clock.hpp"
#include "engine/rules/rule_registry.hpp"
#include "engine/store/database.hpp"
#include "engine/store/stored_record.hpp"

namespace gongshi {

struct Actor {
  std::string user;
  std::string role;  // a lifecycle role
};

struct CreateRequest {
  std::string region;
  std::optional<std::int64_t> department_id;
  std::optional<std::int64_t> catalog_item_id;
  RecordKind kind = RecordKind::license;
  boost::json::object fields;  // the standard's fields keyed by code
  bool backfill = false;       // 补录: decided before go-live; its lateness is reported apart
};

struct EditOutcome {
  StoredRecord record;
  bool changed = false;
};

struct CreateOutcome {
  StoredRecord record;
  bool created = true;  // false: a repeat (same idempotency key or natural key, same content)
};

struct BatchItem {
  CreateRequest request;
  std::string idempotency_key;
};

// A record ready to store: validated, decided, with the hash of its content.
struct PreparedRecord {
  StoredRecord record;
  std::string hash;
  std::string event_payload;
};

// A further write of a use case, run inside the transaction of a record's change once the record
// is stored (at its new version): an application opened or accepted with the event, say.
using TxStep = std::function<Status(Tx& tx, const StoredRecord& changed)>;

struct SweepReport {
  int claimed = 0;
  int fired = 0;                      // records that had something fire
  std::map<std::string, int> marks;   // flag set (warned, overdue_late, …) → records
  std::map<std::string, int> events;  // event taken (expire) → records
  int mark(std::string_view name) const;
  int event(std::string_view name) const;
  void add(const SweepReport& other);
};

class Engine {
 public:
  Engine(std::shared_ptr<Database> db, RuleRegistry& rules, const Lifecycle& lifecycle);

  // Validates with the region's rules (nothing is stored when any issue is found: all issues come
  // back in Error::issues), decides scope and deadlines, and stores the record, its first event
  // and its outbox row. The same idempotency key, or the same natural key (region, kind, 决定书
  // 文号, 相对人代码) with the same content, returns the first record; different content under
  // either is a conflict.
  Result<CreateOutcome> create(const CreateRequest& req, const Actor& actor,
                               const std::string& idempotency_key, TimePoint now);

  // The batch path: each item is validated and answered on its own (a result per item, in order);
  // the new records, their events, outbox rows and keys go in with multi-row INSERTs in one
  // transaction. A database failure fails the whole batch, nothing half written.
  Result<std::vector<Result<CreateOutcome>>> create_batch(const std::vector<BatchItem>& items,
                                                          const Actor& actor, TimePoint now);

  // Takes a lifecycle event: the edge must exist, the actor's role may take it, the guards pass,
  // the record is still at expected_version. payload: {"reason", "comment"}, and for an event
  // whose fields are required (a correction) {"fields": {CODE: value | null}}: merged and
  // validated as an edit is, kept in the event as "changes" (from -> to). Leaving a state that
  // handles an application (lifecycle "application") settles the record's accepted one with
  // this event as its outcome, in the same transaction; `extra` runs there too.
  Result<StoredRecord> transition(const std::string& region, std::int64_t id,
                                  const std::string& event, const Actor& actor,
                                  int expected_version, const boost::json::object& payload,
                                  TimePoint now);
  // The same on a record the caller has just read (it is not read again; the write still checks
  // that the stored version is `expected_version`).
  Result<StoredRecord> transition(const StoredRecord& current, const std::string& event,
                                  const Actor& actor, int expected_version,
                                  const boost::json::object& payload, TimePoint now,
                                  const TxStep& extra = {});

  // New field values (a JSON merge: a value sets the field, null clears it) for `current`, still
  // at `expected_version`. The whole record is validated again (every issue back, nothing stored);
  // the deadlines follow a changed decision date; the natural key may change only on a record
  // never submitted. The `edit` event keeps each changed field (from -> to). Who may edit in
  // which state is the caller's question (lifecycle.json "editors"). Nothing changed: nothing
  // written, `changed` false.
  Result<EditOutcome> edit(const StoredRecord& current, const boost::json::object& changes,
                           const Actor& actor, int expected_version, const std::string& comment,
                           TimePoint now);

  // A comment (审核意见) on `current` without a change: an event `comment` (state unchanged, the
  // record's version too) and an outbox row `record.comment`.
  Result<EventRow> comment(const StoredRecord& current, const Actor& actor, const std::string& text,
                           TimePoint now);
  // 催办: an event `remind` on each record (state and version unchanged), with an outbox row
  // `record.reminded`; one transaction for all. Returns how many records were reminded.
  Result<int> remind(const std::vector<StoredRecord>& records, const Actor& actor,
                     const std::string& text, TimePoint now);

  // Fires what is due on the Shanghai date of `now`: deadline warnings, overdue marks, objection
  // and repair time limits, end of publication. Safe with several engines on one MySQL.
  Result<SweepReport> sweep(TimePoint now, int batch = 200);

  Result<StoredRecord> get(const std::string& region, std::int64_t id);
  Result<std::vector<EventRow>> history(const std::string& region, std::int64_t id);

  // Threads that validate and decide a batch's items before its one write transaction (rule work
  // only, no database; each item on its own). 1: on the calling thread.
  unsigned batch_threads = default_batch_threads();
  static unsigned default_batch_threads();

  // Tests only: called between the statements of a write, e.g. to kill the process there.
  std::function<void(std::string_view stage)> failpoint;

  Database& database() { return *db_; }

 private:
  Result<PreparedRecord> prepare(const CreateRequest& req, TimePoint now);
  std::vector<Result<PreparedRecord>> prepare_all(const std::vector<BatchItem>& items,
                                                  TimePoint now);
  Result<std::optional<CreateOutcome>> existing(Tx& tx, const CreateRequest& req,
                                                const StoredRecord& candidate,
                                                const std::string& key, const std::string& hash);
  Result<bool> fire(Tx& tx, StoredRecord& r, Date today, TimePoint now, SweepReport& report);
  // Stores `r` (still at `expected`, else stale_version), then its event `ev` and an outbox row
  // `topic`: the write of a transition and of an edit. Returns `r` at its new version.
  Result<StoredRecord> store_change(Tx& tx, const StoredRecord& r, int expected, const EventRow& ev,
                                    const std::string& topic);
  void reach(std::string_view stage) const {
    if (failpoint) failpoint(stage);
  }

  std::shared_ptr<Database> db_;
  RuleRegistry& rules_;
  const Lifecycle& lifecycle_;
};

// When the sweeper next has something to do for the record (nullopt: nothing ever): the earliest
// of the watches of its state (lifecycle.json) not yet fired.
std::optional<Date> next_due_of(const StoredRecord& r, const Lifecycle& lifecycle);
// The day a watch fires for the record (its date, or the day after), if it can fire at all: not
// already marked, and not a judgement on a provisional date.
std::optional<Date> fires_on(const Watch& w, const StoredRecord& r);
// on_time | late | missing: the day it reached gongshi against late_after / missing_after.
std::string timeliness_of(Date received, const std::optional<Date>& late_after,
                          const std::optional<Date>& missing_after);

}  // namespace gongshi
