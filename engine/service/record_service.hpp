#pragma once
// The record use cases as a caller meets them: create (one or a batch), list, read, the events the
// caller may take now, take one, history, replay; and the public view a credit website shows.
// Each checks the caller through the AccessPolicy; a record the caller may not see is not_found.

#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/service/access.hpp"
#include "engine/service/engine.hpp"
#include "engine/service/rules_whatif.hpp"

namespace gongshi {

struct RecordInput {
  std::string region;                                          // "" = the caller's
  std::optional<std::int64_t> department_id, catalog_item_id;  // department: the caller's
  RecordKind kind = RecordKind::license;
  boost::json::object fields;
  bool backfill = false;
  std::string idempotency_key;
};

struct RecordList {
  std::string region;  // "" = every region the caller sees
  std::optional<std::int64_t> department_id;
  std::optional<RecordKind> kind;
  std::vector<std::string> states;  // checked against the lifecycle
  std::optional<Date> decided_from, decided_to;
  bool overdue = false;
  bool provisional = false;  // only records whose deadlines are provisional (a year without data)
  std::optional<std::int64_t> before_id;
  bool by_deadline = false;  // the earliest publish_by first (one page: no `before`)
  int limit = 50;
};

// The public search: by 文书号, by a legal person's code or a part of its name (a natural
// person is found by 文书号 only: the public never learns whom a name or ID number matches).
struct PublicList {
  std::string region;
  std::optional<RecordKind> kind;
  std::optional<std::int64_t> department_id;
  std::string text;  // at most 100 characters
  std::optional<Date> decided_from, decided_to;
  std::optional<std::int64_t> before_id;
  int limit = 20;
};

struct PublicPage {
  std::vector<StoredRecord> items;
  std::optional<std::int64_t> next_before;  // more may follow: pass it as before_id
};

// What a caller sends with an event beside its name and the version: the reason, a comment
// (审核意见), the corrected field values of an event that carries them (lifecycle "fields"), and
// for an event that opens an application registered by staff the channel it came by (paper,
// phone, letter, visit; paper when not said).
struct EventInput {
  std::string reason;
  std::string comment;
  boost::json::object fields;
  std::string channel;
  std::string received_on;  // the day the matter reached the office (working_day_limit.hpp), or ""
};

struct NextEvent {
  const Transition* edge = nullptr;
  std::string role;
  bool needs_reason = false;
};

// The labels of the history's entries that are no lifecycle event: create, edit, comment, remind,
// the sweeper's marks (mark:overdue_late …) and a deadline recomputation.
const std::vector<std::pair<std::string, std::string>>& history_note_labels();

class RecordService {
 public:
  RecordService(std::shared_ptr<Database> db, Engine& engine, const AccessPolicy& access,
                const Lifecycle& lifecycle, const RuleRegistry& rules)
      : db_(std::move(db)),
        engine_(engine),
        access_(access),
        lifecycle_(lifecycle),
        rules_(rules) {}

  Result<CreateOutcome> create(const Principal& who, RecordInput in, TimePoint now);
  // One answer per input, in order; an input the caller may not make is that item's error.
  Result<std::vector<Result<CreateOutcome>>> create_batch(const Principal& who,
                                                          std::vector<Result<RecordInput>> in,
                                                          TimePoint now);
  Result<std::vector<StoredRecord>> list(const Principal& who, const RecordList& q, TimePoint now);
  Result<StoredRecord> get(const Principal& who, const std::string& region, std::int64_t id);
  // Working days from today to the record's publish-by date while it waits to be published
  // (negative when late, counted on the region's calendar); nullopt once published or closed.
  std::optional<int> working_days_left(const StoredRecord& r, TimePoint now) const;
  Result<std::pair<StoredRecord, std::vector<NextEvent>>> next_events(const Principal& who,
                                                                      const std::string& region,
                                                                      std::int64_t id);
  // `version`: what the caller last saw (If-Match); required, checked after the role (a caller
  // acting on an old copy hears first that it is out of date).
  Result<StoredRecord> take(const Principal& who, const std::string& region, std::int64_t id,
                            const std::string& event, std::optional<int> version,
                            const EventInput& in, TimePoint now);
  // One event over many records (bulk review): each item in its own transaction, answered on its
  // own with what `take` would answer, in order.
  struct BulkItem {
    std::string region;
    std::int64_t id = 0;
    int version = 0;
  };
  std::vector<Result<StoredRecord>> take_many(const Principal& who, const std::string& event,
                                              const std::vector<BulkItem>& items,
                                              const EventInput& in, TimePoint now);
  // 催办 (credit office): a reminder on each overdue record of a department (past its 公示期限,
  // not yet published); at most 500 at a time. Returns the records reminded.
  Result<std::vector<StoredRecord>> remind(const Principal& who, const std::string& region,
                                           std::int64_t department_id, const std::string& text,
                                           TimePoint now);
  // A comment on the record without a change of state (an event `comment` in its history).
  Result<EventRow> comment(const Principal& who, const std::string& region, std::int64_t id,
                           const std::string& text, TimePoint now);
  // PATCH: new field values on a draft or returned record (If-Match version required).
  Result<EditOutcome> edit(const Principal& who, const std::string& region, std::int64_t id,
                           std::optional<int> version, const boost::json::object& changes,
                           const std::string& comment, TimePoint now);
  Result<std::vector<EventRow>> history(const Principal& who, const std::string& region,
                                        std::int64_t id);
  Result<ReplayReport> replay(const Principal& who, const std::string& region, std::int64_t id);

  Result<PublicPage> public_list(const PublicList& q);
  Result<StoredRecord> public_get(const std::string& region, std::int64_t id);
  bool is_public(const StoredRecord& r) const;

 private:
  Result<CreateRequest> request_for(const Principal& who, RecordInput& in) const;

  std::shared_ptr<Database> db_;
  Engine& engine_;
  const AccessPolicy& access_;
  const Lifecycle& lifecycle_;
  const RuleRegistry& rules_;
};

}  // namespace gongshi
