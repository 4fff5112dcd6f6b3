#include "engine/model/amount.hpp"

namespace gongshi {

AmountParse parse_amount(std::string_view text) {
  AmountParse result;
  if (text.empty()) return result;
  if (text.front() == '-') {
    result.error = AmountError::negative;
    return result;
  }
  std::int64_t whole = 0;
  std::size_t i = 0;
  std::size_t int_digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    if (++int_digits > 12) {
      result.error = AmountError::too_large;
      return result;
    }
    whole = whole * 10 + (text[i] - '0');
    ++i;
  }
  std::int64_t frac = 0;
  std::size_t frac_digits = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      if (++frac_digits > 6) {
        // Trailing zeros beyond six places are harmless; anything else is not.
        if (text[i] != '0') {
          result.error = AmountError::too_many_decimals;
          return result;
        }
      } else {
        frac = frac * 10 + (text[i] - '0');
      }
      ++i;
    }
    if (frac_digits == 0 && int_digits == 0) return result;
  }
  if (i != text.size() || int_digits + frac_digits == 0) return result;
  for (std::size_t k = frac_digits; k < 6; ++k) frac *= 10;
  result.value = Amount{whole * 1'000'000 + frac};
  return result;
}

std::string format_amount(Amount a) {
  std::string out = std::to_string(a.millionths / 1'000'000);
  std::int64_t frac = a.millionths % 1'000'000;
  if (frac == 0) return out;
  std::string digits = std::to_string(frac);
  digits.insert(0, 6 - digits.size(), '0');
  while (digits.back() == '0') digits.pop_back();
  return out + "." + digits;
}

}  // namespace gongshi
