#pragma once
// The one error-code enum of gongshi. The server maps each code to an HTTP status in one place.

#include <string>
#include <string_view>

#include "engine/model/issue.hpp"

namespace gongshi {

enum class ErrorCode {
  invalid_input,    // the caller sent something malformed or breaking a rule
  not_found,        // a named thing (region, file, record) does not exist
  conflict,         // a stale version or a duplicate under an idempotency key
  out_of_range,     // outside the data we have, e.g. a year with no holiday notice loaded
  forbidden,        // the actor's role may not do this
  unauthenticated,  // no valid login session or API token
  too_large,        // a request or file over its size limit
  rate_limited,     // too many requests from one client in a while: retry later
  unavailable,      // shutting down or overloaded: retry later
  io_error,         // a file or socket failed
  rule_error,       // a rule module (plugin or Lua script) failed, refused or ran out of budget
  internal,         // a bug: an invariant did not hold
};

std::string_view to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message_zh;
  std::string message_en;
  Issues issues;         // for invalid_input: every problem of the record, field by field
  long retry_after = 0;  // rate_limited / unavailable: seconds to wait (Retry-After); 0 = unsaid
  // Set by the store when a transaction failed before it could commit and may run again as a
  // whole: a deadlock or a Galera certification conflict, or a connection lost (then the session
  // reconnects first). A body that meets such an error must return it, never carry on.
  enum class Transient { no, conflict, connection };
  Transient transient = Transient::no;
};

inline bool is_transient(const Error& e) {
  return e.transient != Error::Transient::no;
}

}  // namespace gongshi
