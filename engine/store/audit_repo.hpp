#pragma once
// The security audit trail (audit_events): appended, read by the system administrator, and
// purged only by age (the sweeper, past the retention the operator set; at least 180 days).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/store/database.hpp"

namespace gongshi {

struct AuditEvent {
  std::int64_t id = 0;
  std::string at;      // UTC text
  std::string event;   // login.ok, login.failed, user.changed … (docs/operations.md)
  std::string actor;   // a login, or "" (an unknown name's failed sign-in names it in target)
  std::string region;  // the region it concerns, "" for none
  std::string client;  // the client's address, "" from the command line
  std::string target;  // what it was done to
  std::string detail;  // a JSON object
};

Status insert_audit_event(Tx& tx, const AuditEvent& e);

struct AuditQuery {
  std::string from, to;  // UTC text, inclusive / exclusive; "" = open
  std::string event;     // an exact name, or a prefix ending in '.' ("login.")
  std::string actor;
  std::vector<std::string> regions;  // empty: any
  std::optional<std::int64_t> before_id;
  int limit = 50;
};

// Newest first.
Result<std::vector<AuditEvent>> audit_events(Tx& tx, const AuditQuery& q);

// Deletes the events before `before` (UTC text); how many.
Result<std::int64_t> purge_audit_events(Tx& tx, const std::string& before);

}  // namespace gongshi
