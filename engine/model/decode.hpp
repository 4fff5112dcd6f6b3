#pragma once
// Building a record from the texts of its fields, whatever they came from (JSON, a CSV or XLSX
// row): every value that can be read is kept, every one that cannot is reported, and nothing
// throws.

#include <optional>
#include <string>
#include <vector>

#include "engine/model/issue.hpp"
#include "engine/model/record.hpp"

namespace gongshi {

struct DecodedRecord {
  Record record;
  Issues issues;  // values that could not be read; the field is left empty in `record`
};

// texts[i] is the text of fields_of(kind)[i]; nullopt or "" = not given. Texts are trimmed, codes
// upper-cased.
DecodedRecord decode_texts(RecordKind kind, const std::vector<std::optional<std::string>>& texts);

// The canonical text of every field, in fields_of(kind) order ("" = empty).
std::vector<std::string> encode_texts(const Record& record);

}  // namespace gongshi
