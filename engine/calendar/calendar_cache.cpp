#include "engine/calendar/calendar_cache.hpp"

namespace gongshi {

Result<std::shared_ptr<const Calendar>> CalendarCache::get(const std::string& region) {
  std::lock_guard lock(mu_);
  if (const auto it = loaded_.find(region); it != loaded_.end()) return it->second;
  auto cal = load_calendar(schemas_dir_, regions_, region);
  if (!cal) return cal.error();
  auto shared = std::make_shared<const Calendar>(std::move(cal).value());
  loaded_.emplace(region, shared);
  return shared;
}

}  // namespace gongshi
