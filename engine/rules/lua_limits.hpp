#pragma once
// What one Lua rule call may use.

#include <cstddef>
#include <cstdint>

namespace gongshi {

struct LuaLimits {
  std::size_t memory_bytes = 32u << 20;   // per state (a region script and its data)
  std::int64_t instructions = 5'000'000;  // per call (and for running the script's top level)
  std::size_t max_string_bytes = 1u
                                 << 20;  // largest string a C helper (rep, find …) accepts/builds
  std::size_t pool_size = 8;             // idle states kept per script
};

}  // namespace gongshi
