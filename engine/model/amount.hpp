#pragma once
// Money in 万元 as the standard writes it (decimal(18,6)): kept exactly as an integer count of
// millionths of 万元, i.e. of 分 (0.000001 万元 = 0.01 元).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongshi {

struct Amount {
  std::int64_t millionths = 0;  // of 万元
  auto operator<=>(const Amount&) const = default;
};

enum class AmountError { not_a_number, too_many_decimals, too_large, negative };

struct AmountParse {
  std::optional<Amount> value;
  AmountError error = AmountError::not_a_number;
};

// "0.2", "12", "3.500000"; at most 12 integer digits and 6 decimals; no sign, no exponent,
// no thousands separators.
AmountParse parse_amount(std::string_view text);

// Shortest exact decimal: 0.2, 12, 3.5.
std::string format_amount(Amount a);

}  // namespace gongshi
