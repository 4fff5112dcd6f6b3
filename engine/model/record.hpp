#pragma once
// A 双公示 record: a license or a penalty.

#include <optional>
#include <string_view>
#include <variant>

#include "engine/model/license.hpp"
#include "engine/model/penalty.hpp"

namespace gongshi {

enum class RecordKind { license, penalty };

using Record = std::variant<License, Penalty>;

RecordKind kind_of(const Record& r);
std::string_view to_string(RecordKind k);  // "license" / "penalty"
std::string_view label_zh(RecordKind k);   // 行政许可 / 行政处罚
// Accepts license/penalty, 行政许可/行政处罚, 许可/处罚, XK/CF.
std::optional<RecordKind> parse_record_kind(std::string_view text);

Record empty_record(RecordKind k);
const Subject& subject_of(const Record& r);
std::optional<Date> decision_date_of(const Record& r);
const std::string& document_no_of(const Record& r);  // 决定书文号: part of the natural key

}  // namespace gongshi
