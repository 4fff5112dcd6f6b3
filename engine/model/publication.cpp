#include "engine/model/publication.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "engine/model/fields.hpp"

namespace gongshi {
namespace {

// Byte lengths of the UTF-8 characters of `s`.
std::vector<std::size_t> char_sizes(std::string_view s) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    n = std::min(n, s.size() - i);
    out.push_back(n);
    i += n;
  }
  return out;
}

// Keeps the first `head` and last `tail` characters, stars in between (at least one star).
std::string keep_ends(std::string_view s, std::size_t head, std::size_t tail) {
  const auto sizes = char_sizes(s);
  if (sizes.empty()) return std::string(s);
  if (head + tail >= sizes.size()) {
    head = std::min<std::size_t>(head, sizes.size() - 1);
    tail = 0;
  }
  std::string out;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    if (i < head || i >= sizes.size() - tail) {
      out += s.substr(pos, sizes[i]);
    } else {
      out += '*';
    }
    pos += sizes[i];
  }
  return out;
}

// One character of a text as the number scanner sees it: a digit ('0'–'9', full-width too), the
// check character 'X', a separator ('-', ' ', '(', ')', '+') or anything else (0).
struct Unit {
  std::size_t at = 0, len = 0;
  char c = 0;
};

char classify(char32_t cp) {
  if (cp >= U'0' && cp <= U'9') return static_cast<char>('0' + (cp - U'0'));
  if (cp >= U'\uFF10' && cp <= U'\uFF19') return static_cast<char>('0' + (cp - U'\uFF10'));
  switch (cp) {
    case U'X':
    case U'x':
    case U'\uFF38':
    case U'\uFF58':
      return 'X';
    case U'-':
    case U'\uFF0D':
    case U'\u2010':
    case U'\u2013':
    case U'\u2014':
      return '-';
    case U' ':
    case U'\u3000':
      return ' ';
    case U'(':
    case U'\uFF08':
      return '(';
    case U')':
    case U'\uFF09':
      return ')';
    case U'+':
    case U'\uFF0B':
      return '+';
    default:
      return 0;
  }
}

std::vector<Unit> units_of(std::string_view s) {
  std::vector<Unit> out;
  std::size_t at = 0;
  for (std::size_t n : char_sizes(s)) {
    char32_t cp = 0;
    const auto b0 = static_cast<unsigned char>(s[at]);
    if (n == 1) {
      cp = b0;
    } else {
      cp = b0 & (0xFF >> (n + 1));
      for (std::size_t k = 1; k < n; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[at + k]) & 0x3F);
    }
    out.push_back({at, n, classify(cp)});
    at += n;
  }
  return out;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int number(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool plausible_date(int year, int month, int day) {
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool id18(std::string_view d) {
  if (d.size() != 18) return false;
  if (!std::all_of(d.begin(), d.begin() + 17, is_digit)) return false;
  if (!is_digit(d[17]) && d[17] != 'X') return false;
  return plausible_date(number(d.substr(6, 4)), number(d.substr(10, 2)), number(d.substr(12, 2)));
}

bool id15(std::string_view d) {
  if (d.size() != 15 || !std::all_of(d.begin(), d.end(), is_digit)) return false;
  return plausible_date(1900 + number(d.substr(6, 2)), number(d.substr(8, 2)),
                        number(d.substr(10, 2)));
}

bool mobile(std::string_view d) {
  return d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9' &&
         std::all_of(d.begin(), d.end(), is_digit);
}

// A digit run, and the runs after it that the text joins by one separator.
struct Run {
  std::size_t begin = 0, end = 0;  // unit indices, [begin, end)
};

// What a group of runs is, and how many of its digits to keep at each end.
struct Match {
  std::size_t head = 0, tail = 0;
};

std::optional<Match> match_number(const std::vector<Run>& runs, std::size_t first,
                                  std::size_t count, const std::string& digits,
                                  bool after_phone_word) {
  if (id18(digits) || id15(digits)) return Match{2, 2};
  if (mobile(digits)) return Match{3, 4};
  if (digits.size() == 13 && digits.starts_with("86") && mobile(digits.substr(2))) {
    return Match{5, 4};
  }
  const bool all_digits = std::all_of(digits.begin(), digits.end(), is_digit);
  if (!all_digits) return std::nullopt;
  // A fixed line with its area code: 0 and a non-zero digit, 10 to 12 digits in all; written as
  // two groups, the area code is 3 or 4 digits and the number 7 or 8.
  if (digits.size() >= 10 && digits.size() <= 12 && digits[0] == '0' && digits[1] != '0') {
    if (count == 1) return Match{4, 2};
    const std::size_t area = runs[first].end - runs[first].begin;
    const std::size_t rest = digits.size() - area;
    if (count == 2 && area >= 3 && area <= 4 && rest >= 7 && rest <= 8) return Match{area, 2};
  }
  if (count == 1 && after_phone_word && digits.size() >= 7 && digits.size() <= 8) {
    return Match{0, 2};
  }
  return std::nullopt;
}

// Does the text right before `at` name a phone (电话, 手机, Tel), ignoring a colon and spaces?
bool after_phone_word(std::string_view text, std::size_t at) {
  std::string_view before = text.substr(0, at);
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (std::string_view sep : {" ", ":", "：", "\u3000"}) {
      if (before.ends_with(sep)) {
        before.remove_suffix(sep.size());
        trimmed = true;
      }
    }
  }
  for (std::string_view word : {"电话", "手机", "Tel", "tel", "TEL", "号码"}) {
    if (before.ends_with(word)) return true;
  }
  return false;
}

}  // namespace

std::string mask_name(std::string_view name) {
  return keep_ends(name, 1, 0);
}

std::string mask_id_number(std::string_view id) {
  return keep_ends(id, 2, 2);
}

std::string mask_personal_numbers(std::string_view text) {
  const auto units = units_of(text);
  // The digit runs (an X right after one may be an ID number's check character).
  std::vector<Run> runs;
  for (std::size_t i = 0; i < units.size();) {
    if (!is_digit(units[i].c)) {
      ++i;
      continue;
    }
    Run r{i, i};
    while (r.end < units.size() && is_digit(units[r.end].c)) ++r.end;
    runs.push_back(r);
    i = r.end;
  }
  // Runs joined by one separator ("0372-1234567", "138 1234 5678", "(0372)1234567").
  const auto joined = [&](std::size_t k) {
    const std::size_t gap = runs[k + 1].begin - runs[k].end;
    const char c = units[runs[k].end].c;
    return (gap == 1 && (c == '-' || c == ' ' || c == ')')) ||
           (gap == 2 && c == ')' && units[runs[k].end + 1].c == ' ');
  };
  std::vector<bool> masked(units.size(), false);
  for (std::size_t k = 0; k < runs.size();) {
    std::size_t best_count = 0;
    bool best_x = false;  // the match takes the X after its last run
    Match best;
    std::string digits;
    for (std::size_t count = 1; count <= 3 && k + count <= runs.size(); ++count) {
      if (count > 1 && !joined(k + count - 2)) break;
      const Run& last = runs[k + count - 1];
      for (std::size_t i = last.begin; i < last.end; ++i) digits += units[i].c;
      const bool x = last.end < units.size() && units[last.end].c == 'X';
      const bool word = count == 1 && after_phone_word(text, units[runs[k].begin].at);
      if (auto m = match_number(runs, k, count, x ? digits + 'X' : digits, word)) {
        best_count = count;
        best_x = x;
        best = *m;
      }
    }
    if (best_count == 0) {
      ++k;
      continue;
    }
    // The group's digit units, masked but for `head` at the start and `tail` at the end.
    std::vector<std::size_t> digit_units;
    for (std::size_t r = k; r < k + best_count; ++r) {
      for (std::size_t i = runs[r].begin; i < runs[r].end; ++i) digit_units.push_back(i);
    }
    if (best_x) digit_units.push_back(runs[k + best_count - 1].end);
    for (std::size_t n = best.head; n + best.tail < digit_units.size(); ++n) {
      masked[digit_units[n]] = true;
    }
    k += best_count;
  }
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (masked[i]) {
      out += '*';
    } else {
      out += text.substr(units[i].at, units[i].len);
    }
  }
  return out;
}

bool is_natural_person(RecordKind kind, const boost::json::object& stored) {
  const auto* v = stored.if_contains(detail::pick(kind, "XK_XDR_LB", "CF_XDR_LB"));
  return v != nullptr && v->is_string() && v->get_string() == "自然人";
}

boost::json::object public_fields(RecordKind kind, const boost::json::object& stored,
                                  bool mask_person) {
  boost::json::object out;
  for (const FieldSpec& f : fields_of(kind)) {
    const auto* v = stored.if_contains(f.code);
    if (v == nullptr) continue;
    if (!v->is_string()) {
      out[f.code] = *v;
      continue;
    }
    const std::string_view text = v->get_string();
    switch (f.publicity) {
      case Publicity::shared_only:
        continue;
      case Publicity::id_number:
        out[f.code] = mask_id_number(text);
        continue;
      case Publicity::person_name:
        out[f.code] = mask_person ? mask_name(text) : mask_personal_numbers(text);
        continue;
      case Publicity::published:
        out[f.code] = f.type == FieldType::text ? mask_personal_numbers(text) : std::string(text);
        continue;
      case Publicity::identifier:
        out[f.code] = std::string(text);
        continue;
    }
  }
  return out;
}

}  // namespace gongshi
