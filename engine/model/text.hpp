#pragma once
// UTF-8 text helpers for field values.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongshi {

// Number of code points, or nullopt when the bytes are not valid UTF-8.
std::optional<std::size_t> utf8_length(std::string_view s);
// At most `max_bytes` of `s`, never cutting a UTF-8 sequence; bytes that are not UTF-8 become '?'
// (for messages from outside, such as another server's answer, stored in a utf8mb4 column).
std::string utf8_prefix(std::string_view s, std::size_t max_bytes);

// Strips ASCII whitespace and the ideographic space U+3000 from both ends.
std::string trim(std::string_view s);

// ASCII letters to upper case; other bytes unchanged.
std::string ascii_upper(std::string_view s);

// "a,b,,c" → {"a", "b", "c"}: the non-empty parts between separators.
std::vector<std::string> split_list(std::string_view s, char separator = ',');
// {"a", "b"} → "a,b".
std::string join_list(const std::vector<std::string>& parts, char separator = ',');

enum class ControlPolicy { none_allowed, line_breaks_allowed };

// One pass over a text: whether it is valid UTF-8 (no overlong forms, surrogates or code points
// past U+10FFFF), how many code points it has, and whether it contains a control character the
// policy forbids (C0, DEL, or C1 U+0080..U+009F). Runs of plain ASCII go 8 bytes at a time.
struct TextScan {
  bool utf8 = true;
  bool control = false;
  std::size_t chars = 0;  // meaningful when utf8
};
TextScan scan_text(std::string_view s, ControlPolicy policy);

// True when `pred` holds for one of the '|'-separated items of `list` ("法人|法人及其他组织").
template <class Pred>
bool any_listed(std::string_view list, Pred pred) {
  while (!list.empty()) {
    const auto bar = list.find('|');
    if (pred(list.substr(0, bar))) return true;
    if (bar == std::string_view::npos) break;
    list.remove_prefix(bar + 1);
  }
  return false;
}

// For header matching: removes spaces and '*' markers, full-width parentheses to ASCII.
std::string normalize_header(std::string_view s);

}  // namespace gongshi
