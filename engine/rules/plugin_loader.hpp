#pragma once
// Loads rule plugins by name from a directory (lib<name>.so) with Boost.DLL. Before using one it
// checks the exported ABI version and platform; a mismatched or broken plugin is refused with a
// clear message, never called.

#include <filesystem>
#include <memory>
#include <string_view>

#include "engine/rules/rule_module.hpp"

namespace gongshi {

Result<std::shared_ptr<const RuleModule>> load_rule_plugin(const std::filesystem::path& dir,
                                                           std::string_view name);

}  // namespace gongshi
