#pragma once
// Check characters of the three national identifier schemes.

#include <optional>
#include <string_view>

#include "engine/model/date.hpp"

namespace gongshi {

enum class CodeCheck {
  ok,
  bad_length,      // wrong number of characters
  bad_character,   // a character outside the scheme's alphabet
  bad_check,       // the check character does not match
  bad_birth_date,  // (身份证) digits 7–14 are not a real date, or a date after today
  legacy_15,       // (身份证) a first-generation 15-digit number: no check character
};

struct CheckResult {
  CodeCheck status = CodeCheck::ok;
  char expected = 0;  // for bad_check: the check character the body implies
  bool ok() const { return status == CodeCheck::ok; }
};

// 统一社会信用代码, GB 32100-2015: 18 characters of 0-9 A-H J-N P-R T U W-Y, mod-31 check.
CheckResult check_uscc(std::string_view code);

// 组织机构代码, GB 11714-1997: 8 characters 0-9 A-Z and a check character 0-9 or X.
CheckResult check_org_code(std::string_view code);

// 居民身份证号码, GB 11643-1999 (ISO 7064 MOD 11-2). `today` bounds the date of birth.
CheckResult check_id_number(std::string_view id, Date today);

}  // namespace gongshi
