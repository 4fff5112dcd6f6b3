#pragma once
// Loads a region's calendar from the schemas directory: every national/YYYY.json, then
// regions/CODE.json for each region on the way down from the nation to the region itself.

#include <filesystem>
#include <string_view>

#include "engine/calendar/calendar.hpp"
#include "engine/calendar/region.hpp"

namespace gongshi {

Result<Calendar> load_calendar(const std::filesystem::path& schemas_dir,
                               const RegionRegistry& regions, std::string_view region_code);

}  // namespace gongshi
