#pragma once
// The security audit trail as a use case: what the other services append (sign-ins and their
// failures, lockouts, permission refusals, user and role changes, rule activations, calendar
// loads, key and target changes, backups and restores) and what the system administrator reads
// (GET /api/v1/audit, the 安全审计 page). Nothing in the API deletes an event; the sweeper purges
// those older than the retention (at least 180 days, 等保 2.0's six months).

#include <boost/json/object.hpp>
#include <memory>
#include <string>
#include <vector>

#include "engine/model/clock.hpp"
#include "engine/service/access.hpp"
#include "engine/store/audit_repo.hpp"

namespace gongshi {

inline constexpr int kMinAuditDays = 180;

// Deletes events older than `keep_days` (never fewer than 180) before `now`; how many.
Result<std::int64_t> purge_audit_trail(Database& db, TimePoint now, int keep_days);

class AuditTrail {
 public:
  AuditTrail(std::shared_ptr<Database> db, const AccessPolicy& access, Clock clock)
      : db_(std::move(db)), access_(access), clock_(clock) {}

  // Appends one event in a transaction of its own (after the action it records committed). A
  // failure to write it is returned; callers that must not fail because of it ignore it.
  Status record(const std::string& event, const Principal* who, const std::string& region,
                const std::string& target, boost::json::object detail = {},
                const std::string& client = "");

  // The system administrator's view: the regions it covers (the root administrator: every
  // event), newest first, filtered and paged.
  Result<std::vector<AuditEvent>> list(const Principal& who, AuditQuery q);

  // purge_audit_trail() on this trail's database.
  Result<std::int64_t> purge(TimePoint now, int keep_days) {
    return purge_audit_trail(*db_, now, keep_days);
  }

 private:
  std::shared_ptr<Database> db_;
  const AccessPolicy& access_;
  Clock clock_;
};

}  // namespace gongshi
