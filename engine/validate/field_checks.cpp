// Checks every field by its spec alone: required, length, text.
#include <type_traits>

#include "engine/model/field_codec.hpp"
#include "engine/model/fields.hpp"
#include "engine/model/text.hpp"
#include "engine/validate/checker.hpp"

namespace gongshi::validation {
namespace {

void check_text(const FieldSpec& f, const std::string& value, Checker& c) {
  const auto length = utf8_length(value);
  if (!length) {
    c.add(f.code, IssueCode::invalid_text, "不是有效的 UTF-8 文本", "not valid UTF-8 text");
    return;
  }
  // Names and codes must be one line; long descriptive texts may have line breaks.
  const auto policy = (f.type == FieldType::code || f.max_len <= 200)
                          ? ControlPolicy::none_allowed
                          : ControlPolicy::line_breaks_allowed;
  if (has_control_chars(value, policy)) {
    c.add(f.code, IssueCode::invalid_text, "含有控制字符或换行", "contains control characters");
  }
  if (f.max_len > 0 && *length > static_cast<std::size_t>(f.max_len)) {
    c.add(f.code, IssueCode::too_long,
          "长度 " + std::to_string(*length) + " 超过上限 " + std::to_string(f.max_len) + " 个字符",
          "length " + std::to_string(*length) + " exceeds " + std::to_string(f.max_len) +
              " characters");
  }
}

}  // namespace

void check_fields(const Record& record, Checker& c) {
  visit_fields(record, [&](const FieldSpec& f, const auto& member) {
    using M = std::decay_t<decltype(member)>;
    const bool empty = field_text(member).empty();
    if (empty) {
      if (f.presence == Presence::required) {
        c.add(f.code, IssueCode::required, "必填项为空", "required field is empty");
      }
      return;
    }
    if constexpr (std::is_same_v<M, std::string>) check_text(f, member, c);
  });
}

}  // namespace gongshi::validation
