#pragma once
// Reads a whole file and parses it as JSON, with a clear error naming the file.

#include <boost/json/value.hpp>
#include <filesystem>

#include "engine/model/result.hpp"

namespace gongshi {

Result<boost::json::value> read_json_file(const std::filesystem::path& path);

}  // namespace gongshi
