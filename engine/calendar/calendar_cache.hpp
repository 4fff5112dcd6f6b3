#pragma once
// One loaded calendar per region, shared by every caller. Thread-safe.

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "engine/calendar/calendar_loader.hpp"

namespace gongshi {

class CalendarCache {
 public:
  CalendarCache(std::filesystem::path schemas_dir, const RegionRegistry& regions)
      : schemas_dir_(std::move(schemas_dir)), regions_(regions) {}
  Result<std::shared_ptr<const Calendar>> get(const std::string& region);
  const RegionRegistry& regions() const { return regions_; }

 private:
  std::filesystem::path schemas_dir_;
  const RegionRegistry& regions_;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const Calendar>> loaded_;
};

}  // namespace gongshi
