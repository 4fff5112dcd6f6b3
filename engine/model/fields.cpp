#include "engine/model/fields.hpp"

namespace gongshi {
namespace {

std::vector<FieldSpec> collect(RecordKind k) {
  std::vector<FieldSpec> out;
  Record r = empty_record(k);
  visit_fields(r, [&](const FieldSpec& f, auto&) { out.push_back(f); });
  return out;
}

}  // namespace

const std::vector<FieldSpec>& fields_of(RecordKind k) {
  static const std::vector<FieldSpec> license = collect(RecordKind::license);
  static const std::vector<FieldSpec> penalty = collect(RecordKind::penalty);
  return k == RecordKind::license ? license : penalty;
}

const FieldSpec* find_field(RecordKind k, std::string_view code) {
  for (const auto& f : fields_of(k)) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

}  // namespace gongshi
