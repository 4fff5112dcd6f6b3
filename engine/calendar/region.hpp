#pragma once
// Regions by GB/T 2260 six-digit code. A region inherits its parent's calendar (and, later, rules)
// unless it overrides them; 000000 is the nation.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/result.hpp"

namespace gongshi {

inline constexpr std::string_view kNationalRegion = "000000";

bool is_region_code(std::string_view code);  // six ASCII digits
// The code's parent by GB/T 2260 structure: 410505 -> 410500 -> 410000 -> 000000; nullopt for
// 000000 or a malformed code.
std::optional<std::string> derived_parent(std::string_view code);

struct Region {
  std::string code;
  std::string name;
  std::string parent;  // "" for 000000
};

class RegionRegistry {
 public:
  // schemas/regions.json
  static Result<RegionRegistry> load(const std::filesystem::path& file);

  const Region* find(std::string_view code) const;
  // From the nation down to the region itself: 000000, 410000, 410500, 410505. Refuses a code
  // that is not registered.
  Result<std::vector<std::string>> chain(std::string_view code) const;
  const std::vector<Region>& all() const { return regions_; }

 private:
  std::vector<Region> regions_;
};

}  // namespace gongshi
