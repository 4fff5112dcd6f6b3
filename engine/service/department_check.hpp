#pragma once
// Whatever is attached to a department (a user, a webhook, a catalog item, a child department)
// must name one of the region it is made in: a region-wide account (the credit office) may not
// reach into another region's departments through an id.

#include <cstdint>
#include <optional>
#include <string>

#include "engine/store/database.hpp"

namespace gongshi {

// ok when `department_id` is empty or a department of `region`; invalid_input otherwise (the same
// answer for another region's department and for none, so ids of other regions stay unknown).
Status check_department_in(Database& db, const std::string& region,
                           std::optional<std::int64_t> department_id);

}  // namespace gongshi
