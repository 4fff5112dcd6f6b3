#pragma once
// Validation of a record against the national standard's field rules. Returns every problem of the
// record at once; an empty list means valid. Nothing here throws on bad input.

#include <string>
#include <string_view>
#include <vector>

#include "engine/model/date.hpp"
#include "engine/model/decode.hpp"
#include "engine/model/issue.hpp"
#include "engine/model/record.hpp"
#include "engine/validate/code_overrides.hpp"

namespace gongshi {

struct ValidationContext {
  Date today{};                              // the Asia/Shanghai civil date of "now" (an input)
  const CodeOverrides* overrides = nullptr;  // recorded exceptions for legacy codes, may be null
};

Issues validate(const Record& record, const ValidationContext& ctx);

// The decode issues plus the rule issues of the fields that did decode (a field whose value could
// not be read is reported once, not again as "required").
Issues validate(const DecodedRecord& decoded, const ValidationContext& ctx);

// Parses JSON text, decodes and validates; a JSON syntax error is reported as one issue.
Issues validate_json_text(RecordKind kind, std::string_view json_text,
                          const ValidationContext& ctx);

// Which fields of the record are accepted only through an override, for the audit trail.
struct AppliedOverride {
  std::string field;
  const CodeOverride* override_entry = nullptr;
};
std::vector<AppliedOverride> applied_overrides(const Record& record,
                                               const CodeOverrides& overrides);

}  // namespace gongshi
