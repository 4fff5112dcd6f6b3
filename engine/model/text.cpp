#include "engine/model/text.hpp"

#include <cstdint>
#include <cstring>

namespace gongshi {

std::optional<std::size_t> utf8_length(std::string_view s) {
  const TextScan scan = scan_text(s, ControlPolicy::line_breaks_allowed);
  if (!scan.utf8) return std::nullopt;
  return scan.chars;
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

namespace {

constexpr std::uint64_t kOnes = ~std::uint64_t{0} / 255;  // 0x0101…01
constexpr std::uint64_t kHighBits = kOnes * 0x80;

// A byte of x (all bytes < 0x80) is below n (n <= 0x80).
bool any_below(std::uint64_t x, unsigned n) {
  return ((x - kOnes * n) & ~x & kHighBits) != 0;
}

bool continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

}  // namespace

TextScan scan_text(std::string_view s, ControlPolicy policy) {
  TextScan out;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Plain printable ASCII, eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t x;
      std::memcpy(&x, p + i, 8);
      if ((x & kHighBits) != 0 || any_below(x, 0x20) || any_below(x ^ (kOnes * 0x7F), 1)) break;
      i += 8;
      out.chars += 8;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    std::size_t len = 1;
    if (c < 0x80) {
      if (c == '\n' || c == '\r' || c == '\t') {
        out.control = out.control || policy == ControlPolicy::none_allowed;
      } else if (c < 0x20 || c == 0x7F) {
        out.control = true;
      }
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      if (i + 1 >= n || !continuation(p[i + 1])) return {false, out.control, 0};
      if (c == 0xC2 && p[i + 1] <= 0x9F) out.control = true;  // C1: U+0080..U+009F
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (i + 2 >= n || !continuation(p[i + 1]) || !continuation(p[i + 2]) ||
          (c == 0xE0 && p[i + 1] < 0xA0) ||   // overlong
          (c == 0xED && p[i + 1] >= 0xA0)) {  // UTF-16 surrogates
        return {false, out.control, 0};
      }
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (i + 3 >= n || !continuation(p[i + 1]) || !continuation(p[i + 2]) ||
          !continuation(p[i + 3]) || (c == 0xF0 && p[i + 1] < 0x90) ||  // overlong
          (c == 0xF4 && p[i + 1] >= 0x90)) {                            // past U+10FFFF
        return {false, out.control, 0};
      }
    } else {
      return {false, out.control, 0};  // a continuation byte, C0/C1 (overlong) or F5..FF
    }
    i += len;
    ++out.chars;
  }
  return out;
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

std::string utf8_prefix(std::string_view s, std::size_t max_bytes) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80         ? 1
                          : (c >> 5) == 6  ? 2
                          : (c >> 4) == 14 ? 3
                          : (c >> 3) == 30 ? 4
                                           : 0;
    bool ok = n > 0 && i + n <= s.size();
    for (std::size_t k = 1; ok && k < n; ++k) {
      ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 2;
    }
    const std::size_t take = ok ? n : 1;
    if (out.size() + (ok ? n : 1) > max_bytes) break;
    if (ok) {
      out.append(s.substr(i, n));
    } else {
      out += '?';
    }
    i += take;
  }
  return out;
}

}  // namespace gongshi
