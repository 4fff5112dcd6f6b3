#include "engine/calendar/calendar_loader.hpp"

#include <algorithm>
#include <system_error>

#include "engine/model/json_file.hpp"

namespace gongshi {
namespace {

Result<std::vector<HolidayYear>> load_national(const std::filesystem::path& dir) {
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

}  // namespace

Result<Calendar> load_calendar(const std::filesystem::path& schemas_dir,
                               const RegionRegistry& regions, std::string_view region_code) {
  auto chain = regions.chain(region_code);
  if (!chain) return chain.error();
  const auto base = schemas_dir / "calendar";
  auto years = load_national(base / "national");
  if (!years) return years.error();
  std::vector<std::vector<DayOverride>> layers;
  for (const auto& code : *chain) {
    const auto file = base / "regions" / (code + ".json");
    if (!std::filesystem::exists(file)) continue;
    auto json = read_json_file(file);
    if (!json) return json.error();
    auto days = parse_region_days(*json, code, file.filename().string());
    if (!days) return days.error();
    layers.push_back(std::move(days).value());
  }
  return Calendar::build(std::string(region_code), *years, layers);
}

}  // namespace gongshi
