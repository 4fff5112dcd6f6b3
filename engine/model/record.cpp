#include "engine/model/record.hpp"

#include <algorithm>

namespace gongshi {

bool Penalty::has_kind(PenaltyKind k) const {
  return std::any_of(kinds.begin(), kinds.end(), [k](const auto& v) { return v.value == k; });
}

RecordKind kind_of(const Record& r) {
  return std::holds_alternative<License>(r) ? RecordKind::license : RecordKind::penalty;
}

std::string_view to_string(RecordKind k) {
  return k == RecordKind::license ? "license" : "penalty";
}

std::string_view label_zh(RecordKind k) {
  return k == RecordKind::license ? "行政许可" : "行政处罚";
}

std::optional<RecordKind> parse_record_kind(std::string_view t) {
  if (t == "license" || t == "行政许可" || t == "许可" || t == "XK") return RecordKind::license;
  if (t == "penalty" || t == "行政处罚" || t == "处罚" || t == "CF") return RecordKind::penalty;
  return std::nullopt;
}

Record empty_record(RecordKind k) {
  if (k == RecordKind::license) return License{};
  return Penalty{};
}

const Subject& subject_of(const Record& r) {
  return std::visit([](const auto& rec) -> const Subject& { return rec.subject; }, r);
}

std::optional<Date> decision_date_of(const Record& r) {
  return std::visit([](const auto& rec) { return rec.decision_date; }, r);
}

const std::string& document_no_of(const Record& r) {
  if (const auto* l = std::get_if<License>(&r)) return l->document_no;
  return std::get<Penalty>(r).decision_no;
}

}  // namespace gongshi
