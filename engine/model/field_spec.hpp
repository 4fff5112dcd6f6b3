#pragma once
// What the standard says about one field: code, Chinese name, type, maximum length, presence.

#include <string_view>

namespace gongshi {

enum class FieldType {
  text,         // free text
  code,         // an identifier (USCC, ID number …): trimmed and upper-cased on input
  enumeration,  // one value of an enum
  enum_list,    // several enum values separated by ';'
  date,         // YYYY-MM-DD
  date_open,    // a date where 长期 means 9999-12-31 (有效期至)
  amount,       // 万元, decimal(18,6)
};

enum class Presence { required, conditional, optional };

struct FieldSpec {
  std::string_view code;     // JSON key, e.g. "XK_XDR_MC"
  std::string_view name_zh;  // the standard's name, also the import template's column header
  FieldType type = FieldType::text;
  int max_len = 0;  // characters, for text and code fields
  Presence presence = Presence::optional;
  std::string_view header_aliases = {};  // other column headers in use, '|'-separated
  bool extension = false;                // gongshi's own field, not one of the national standard's
};

}  // namespace gongshi
