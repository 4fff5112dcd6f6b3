#include "engine/model/decode.hpp"

#include "engine/model/field_codec.hpp"
#include "engine/model/fields.hpp"
#include "engine/model/text.hpp"

namespace gongshi {

DecodedRecord decode_texts(RecordKind kind, const std::vector<std::optional<std::string>>& texts) {
  DecodedRecord out{empty_record(kind), {}};
  std::size_t i = 0;
  visit_fields(out.record, [&](const FieldSpec& f, auto& member) {
    const std::optional<std::string>& text = i < texts.size() ? texts[i] : std::nullopt;
    ++i;
    if (!text) return;
    const std::string trimmed = trim(*text);
    if (auto issue = set_field_text(f, trimmed, member)) out.issues.push_back(std::move(*issue));
  });
  return out;
}

std::vector<std::string> encode_texts(const Record& record) {
  std::vector<std::string> out;
  visit_fields(record,
               [&](const FieldSpec&, const auto& member) { out.push_back(field_text(member)); });
  return out;
}

}  // namespace gongshi
