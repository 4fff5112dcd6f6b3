#include "engine/validate/check_digits.hpp"

#include <array>
#include <string>

namespace gongshi {
namespace {

constexpr std::string_view kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kUsccWeights{1,  3,  9,  27, 19, 26, 16, 17, 20,
                                           29, 25, 13, 8,  24, 10, 30, 28};
constexpr std::array<int, 8> kOrgWeights{3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::array<int, 17> kIdWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kIdCheckChars = "10X98765432";

// The value of each character of the GB 32100 alphabet, -1 for any other byte.
constexpr std::array<signed char, 256> kUsccValue = [] {
  std::array<signed char, 256> t{};
  t.fill(-1);
  for (std::size_t i = 0; i < kUsccAlphabet.size(); ++i) {
    t[static_cast<unsigned char>(kUsccAlphabet[i])] = static_cast<signed char>(i);
  }
  return t;
}();

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<Date> birth_date(std::string_view yyyymmdd) {
  const std::string text = std::string(yyyymmdd.substr(0, 4)) + "-" +
                           std::string(yyyymmdd.substr(4, 2)) + "-" +
                           std::string(yyyymmdd.substr(6, 2));
  return parse_date(text);
}

bool plausible_birth(std::optional<Date> d, Date today) {
  return d && *d <= today && static_cast<int>(d->year()) >= 1800;
}

}  // namespace

CheckResult check_uscc(std::string_view code) {
  if (code.size() != 18) return {CodeCheck::bad_length};
  int sum = 0;
  for (std::size_t i = 0; i < 18; ++i) {
    const int value = kUsccValue[static_cast<unsigned char>(code[i])];
    if (value < 0) return {CodeCheck::bad_character};
    if (i < 17) sum += value * kUsccWeights[i];
  }
  const int check = (31 - sum % 31) % 31;
  const char expected = kUsccAlphabet[static_cast<std::size_t>(check)];
  if (code[17] != expected) return {CodeCheck::bad_check, expected};
  return {};
}

CheckResult check_org_code(std::string_view code) {
  if (code.size() != 9) return {CodeCheck::bad_length};
  int sum = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    const char c = code[i];
    int v = 0;
    if (c >= '0' && c <= '9') {
      v = c - '0';
    } else if (c >= 'A' && c <= 'Z') {
      v = c - 'A' + 10;
    } else {
      return {CodeCheck::bad_character};
    }
    sum += v * kOrgWeights[i];
  }
  const char last = code[8];
  if (!(last >= '0' && last <= '9') && last != 'X') return {CodeCheck::bad_character};
  const int check = 11 - sum % 11;
  const char expected = check == 10 ? 'X' : check == 11 ? '0' : static_cast<char>('0' + check);
  if (last != expected) return {CodeCheck::bad_check, expected};
  return {};
}

CheckResult check_id_number(std::string_view id, Date today) {
  if (id.size() == 15) {
    if (!all_digits(id)) return {CodeCheck::bad_character};
    const std::string birth = "19" + std::string(id.substr(6, 6));
    if (!plausible_birth(birth_date(birth), today)) return {CodeCheck::bad_birth_date};
    return {CodeCheck::legacy_15};
  }
  if (id.size() != 18) return {CodeCheck::bad_length};
  if (!all_digits(id.substr(0, 17))) return {CodeCheck::bad_character};
  const char last = id[17];
  if (!(last >= '0' && last <= '9') && last != 'X') return {CodeCheck::bad_character};
  if (!plausible_birth(birth_date(id.substr(6, 8)), today)) return {CodeCheck::bad_birth_date};
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (id[i] - '0') * kIdWeights[i];
  const char expected = kIdCheckChars[static_cast<std::size_t>(sum % 11)];
  if (last != expected) return {CodeCheck::bad_check, expected};
  return {};
}

}  // namespace gongshi
