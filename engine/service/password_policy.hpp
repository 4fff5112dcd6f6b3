#pragma once
// What a password must be, wherever one is set (a user added by an administrator, by the command
// line or the demo, a password changed), and the rest of the account policy: lockout after wrong
// passwords, the idle time that ends a session. Refused with the rule named, in Chinese and
// English.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "engine/model/result.hpp"

namespace gongshi {

struct PasswordPolicy {
  std::size_t min_length = 8;    // characters (UTF-8 code points)
  std::size_t max_length = 128;  // an input bound, not advice
  // Of the four classes — lower-case letters, upper-case letters, digits, everything else — at
  // least this many must occur (等保 2.0 practice: three).
  int min_classes = 3;
};

// What an auditor expects of the accounts (each a setting of gongshi serve and the config file).
struct AccountPolicy {
  PasswordPolicy password;
  int lockout_failures = 5;          // wrong passwords in a row; 0: never lock
  std::chrono::minutes lockout{15};  // how long the account stays locked
  std::chrono::minutes idle{30};     // a session ends after this without use; 0: never
};

// Refused: shorter or longer than the policy allows, white space only or with control
// characters, fewer character classes than asked, one of the most common passwords (case
// ignored, a digit or two appended still counted), or the login itself (case ignored).
Status check_password(std::string_view password, const PasswordPolicy& policy = {},
                      std::string_view login = {});

}  // namespace gongshi
