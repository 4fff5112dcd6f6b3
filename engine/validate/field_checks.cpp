// Checks every field by its spec alone: required, length, text.
#include <type_traits>

#include "engine/model/field_codec.hpp"
#include "engine/model/fields.hpp"
#include "engine/model/text.hpp"
#include "engine/validate/checker.hpp"

namespace gongshi::validation {
namespace {

void check_text(const FieldSpec& f, const std::string& value, Checker& c) {
  // Names and codes must be one line; long descriptive texts may have line breaks.
  const auto policy = (f.type == FieldType::code || f.max_len <= 200)
                          ? ControlPolicy::none_allowed
                          : ControlPolicy::line_breaks_allowed;
  const TextScan scan = scan_text(value, policy);  // one pass: UTF-8, length, control characters
  if (!scan.utf8) {
    c.add(f.code, IssueCode::invalid_text, "不是有效的 UTF-8 文本", "not valid UTF-8 text");
    return;
  }
  if (scan.control) {
    c.add(f.code, IssueCode::invalid_text, "含有控制字符或换行", "contains control characters");
  }
  if (f.max_len > 0 && scan.chars > static_cast<std::size_t>(f.max_len)) {
    c.add(
        f.code, IssueCode::too_long,
        "长度 " + std::to_string(scan.chars) + " 超过上限 " + std::to_string(f.max_len) + " 个字符",
        "length " + std::to_string(scan.chars) + " exceeds " + std::to_string(f.max_len) +
            " characters");
  }
}

// Whether a member holds no value, without building its text.
bool is_empty(const std::string& v) {
  return v.empty();
}
template <class T>
bool is_empty(const std::optional<T>& v) {
  return !v.has_value();
}
template <class T>
bool is_empty(const std::vector<T>& v) {
  return v.empty();
}

}  // namespace

void check_fields(const Record& record, Checker& c) {
  visit_fields(record, [&](const FieldSpec& f, const auto& member) {
    using M = std::decay_t<decltype(member)>;
    const bool empty = is_empty(member);
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
