#include "engine/calendar/calendar_cache.hpp"

namespace gongshi {

Status CalendarCache::read_files() {
  if (files_read_) return ok_status();
  auto years = load_national_files(schemas_dir_);
  if (!years) return years.error();
  file_years_ = std::move(years).value();
  files_read_ = true;
  return ok_status();
}

Result<std::shared_ptr<const Calendar>> CalendarCache::get(const std::string& region) {
  std::lock_guard lock(mu_);
  if (const auto it = built_.find(region); it != built_.end()) return it->second;
  if (auto st = read_files(); !st) return st.error();
  auto cal = build_calendar(schemas_dir_, regions_, region, file_years_, loaded_);
  if (!cal) return cal.error();
  auto shared = std::make_shared<const Calendar>(std::move(cal).value());
  built_.emplace(region, shared);
  return shared;
}

Status CalendarCache::check(const LoadedCalendar& loaded) {
  std::lock_guard lock(mu_);
  if (auto st = read_files(); !st) return st;
  auto built =
      Calendar::build(std::string(kNationalRegion), merge_years(file_years_, loaded.national), {});
  if (!built) return built.error();
  return ok_status();
}

Status CalendarCache::install(LoadedCalendar loaded) {
  if (auto st = check(loaded); !st) return st;
  std::lock_guard lock(mu_);
  loaded_ = std::move(loaded);
  built_.clear();
  return ok_status();
}

Result<std::vector<HolidayYear>> CalendarCache::national_years() {
  std::lock_guard lock(mu_);
  if (auto st = read_files(); !st) return st.error();
  return merge_years(file_years_, loaded_.national);
}

}  // namespace gongshi
