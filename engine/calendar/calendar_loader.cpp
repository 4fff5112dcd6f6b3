#include "engine/calendar/calendar_loader.hpp"

#include <algorithm>
#include <system_error>

#include "engine/model/json_file.hpp"

namespace gongshi {

Result<std::vector<HolidayYear>> load_national_files(const std::filesystem::path& schemas_dir) {
  const auto dir = schemas_dir / "calendar" / "national";
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (ec) {
    return make_error(ErrorCode::not_found, "无法读取目录 " + dir.string(),
                      "cannot read directory " + dir.string());
  }
  std::sort(files.begin(), files.end());
  std::vector<HolidayYear> years;
  for (const auto& file : files) {
    auto json = read_json_file(file);
    if (!json) return json.error();
    auto year = parse_holiday_year(*json, file.filename().string());
    if (!year) return year.error();
    if (file.stem().string() != std::to_string(year->year)) {
      return make_error(ErrorCode::invalid_input, file.string() + " 的 year 与文件名不符",
                        file.string() + ": \"year\" does not match the file name");
    }
    years.push_back(std::move(year).value());
  }
  return years;
}

std::vector<HolidayYear> merge_years(const std::vector<HolidayYear>& file_years,
                                     const std::vector<HolidayYear>& loaded) {
  std::map<int, const HolidayYear*> by_year;
  for (const auto& y : file_years) by_year[y.year] = &y;
  for (const auto& y : loaded) by_year[y.year] = &y;
  std::vector<HolidayYear> out;
  for (const auto& [year, y] : by_year) out.push_back(*y);
  return out;
}

Result<Calendar> build_calendar(const std::filesystem::path& schemas_dir,
                                const RegionRegistry& regions, std::string_view region_code,
                                const std::vector<HolidayYear>& file_years,
                                const LoadedCalendar& loaded) {
  auto chain = regions.chain(region_code);
  if (!chain) return chain.error();
  std::vector<std::vector<DayOverride>> layers;
  for (const auto& code : *chain) {
    const auto file = schemas_dir / "calendar" / "regions" / (code + ".json");
    if (std::filesystem::exists(file)) {
      auto json = read_json_file(file);
      if (!json) return json.error();
      auto days = parse_region_days(*json, code, file.filename().string());
      if (!days) return days.error();
      layers.push_back(std::move(days).value());
    }
    if (const auto it = loaded.region_days.find(code); it != loaded.region_days.end()) {
      layers.push_back(it->second);
    }
  }
  return Calendar::build(std::string(region_code), merge_years(file_years, loaded.national),
                         layers);
}

Result<Calendar> load_calendar(const std::filesystem::path& schemas_dir,
                               const RegionRegistry& regions, std::string_view region_code) {
  auto years = load_national_files(schemas_dir);
  if (!years) return years.error();
  return build_calendar(schemas_dir, regions, region_code, *years, {});
}

}  // namespace gongshi
