#pragma once
// Internal to engine/store: a column compared with a list of values, bound one by one.

#include <soci/soci.h>

#include <string>
#include <vector>

namespace gongshi::sql {

// " AND column IN (:p0, …)" (NOT IN when `negate`), the values named `prefix`0, 1, …; for an
// empty list "" with negate (nothing excluded), " AND 1 = 0" without (nothing matches).
inline std::string in_list(const std::string& column, bool negate,
                           const std::vector<std::string>& values, const std::string& prefix) {
  if (values.empty()) return negate ? "" : " AND 1 = 0";
  std::string out = " AND " + column + (negate ? " NOT IN (" : " IN (");
  for (std::size_t i = 0; i < values.size(); ++i) {
    out += (i ? ", :" : ":") + prefix + std::to_string(i);
  }
  return out + ")";
}

// Binds the values of an in_list, in order.
inline void use_all(soci::statement& st, const std::vector<std::string>& values) {
  for (const auto& v : values) st.exchange(soci::use(v));
}

}  // namespace gongshi::sql
