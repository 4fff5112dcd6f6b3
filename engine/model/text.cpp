#include "engine/model/text.hpp"

namespace gongshi {

std::optional<std::size_t> utf8_length(std::string_view s) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    unsigned min_cp = 0;
    unsigned cp = 0;
    if (c < 0x80) {
      len = 1;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2, min_cp = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, min_cp = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, min_cp = 0x10000, cp = c & 0x07;
    } else {
      return std::nullopt;
    }
    if (i + len > s.size()) return std::nullopt;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (len > 1 && (cp < min_cp || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) {
      return std::nullopt;
    }
    i += len;
    ++count;
  }
  return count;
}

std::string trim(std::string_view s) {
  constexpr std::string_view ideographic_space = "\xE3\x80\x80";
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    if (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n') {
      s.remove_prefix(1), changed = true;
    } else if (s.starts_with(ideographic_space)) {
      s.remove_prefix(ideographic_space.size()), changed = true;
    }
    if (s.empty()) break;
    if (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n') {
      s.remove_suffix(1), changed = true;
    } else if (s.ends_with(ideographic_space)) {
      s.remove_suffix(ideographic_space.size()), changed = true;
    }
  }
  return std::string(s);
}

std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool has_control_chars(std::string_view s, ControlPolicy policy) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n' || c == '\r' || c == '\t') {
      if (policy == ControlPolicy::none_allowed) return true;
      continue;
    }
    if (c < 0x20 || c == 0x7F) return true;
    // C1 controls are encoded as C2 80..C2 9F.
    if (c == 0xC2 && i + 1 < s.size()) {
      const auto next = static_cast<unsigned char>(s[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return true;
    }
  }
  return false;
}

std::string normalize_header(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '*' || c == '\r' || c == '\n') continue;
    // Full-width （ ） are EF BC 88 / EF BC 89; the ideographic space is E3 80 80.
    if (s.substr(i, 3) == "\xEF\xBC\x88") {
      out += '(';
      i += 2;
      continue;
    }
    if (s.substr(i, 3) == "\xEF\xBC\x89") {
      out += ')';
      i += 2;
      continue;
    }
    if (s.substr(i, 3) == "\xE3\x80\x80") {
      i += 2;
      continue;
    }
    if (s.substr(i, 3) == "\xEF\xBC\x8A") {
      i += 2;
      continue;
    }  // full-width asterisk
    out += c;
  }
  return out;
}

std::vector<std::string> split_list(std::string_view s, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    auto end = s.find(separator, start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string join_list(const std::vector<std::string>& parts, char separator) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

}  // namespace gongshi
