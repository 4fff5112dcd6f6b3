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

// Who may see a field (publication.hpp applies it). The standard's 公示 fields go to the public
// website; its 共享 fields only to other government systems (the platform above, packages).
enum class Publicity {
  published,    // 公示, free text scrubbed of ID and phone numbers
  identifier,   // 公示 exactly as stored: a document's own number (文书号, 许可编号)
  person_name,  // 公示, masked when the subject is a natural person ("张**")
  id_number,    // 公示 only masked ("41**************34"), whoever the subject is
  shared_only,  // 共享: never in a public answer
};

struct FieldSpec {
  std::string_view code;     // JSON key, e.g. "XK_XDR_MC"
  std::string_view name_zh;  // the standard's name, also the import template's column header
  FieldType type = FieldType::text;
  int max_len = 0;  // characters, for text and code fields
  Presence presence = Presence::optional;
  std::string_view header_aliases = {};  // other column headers in use, '|'-separated
  bool extension = false;                // gongshi's own field, not one of the national standard's
  Publicity publicity = Publicity::published;
};

}  // namespace gongshi
