#pragma once
// Temporary files in a work directory: a name no other caller gets, and a file written, read back
// as bytes and removed (for downloads made by libraries that write to a path).

#include <filesystem>
#include <functional>
#include <string>

#include "engine/model/result.hpp"

namespace gongshi {

// dir / (prefix + 16 random hex digits + suffix).
std::filesystem::path unique_path(const std::filesystem::path& dir, const std::string& prefix,
                                  const std::string& suffix = "");

// Calls `write` with a fresh path under `work_dir`, returns the file's bytes and removes it (also
// when `write` fails).
Result<std::string> bytes_written_by(
    const std::filesystem::path& work_dir, const std::string& suffix,
    const std::function<Status(const std::filesystem::path&)>& write);

}  // namespace gongshi
