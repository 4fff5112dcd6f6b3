#pragma once
// What the fuzz targets share: the input as text, and a file holding it for the readers that take
// a path (as the server's uploads are files).

#include <unistd.h>

#include <cstdint>
#include <vector>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace gongshi::fuzz {

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// One file per process, rewritten for each input.
inline const std::filesystem::path& input_file(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("gongshi-fuzz-" + std::to_string(getpid()));
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f != nullptr) {
    if (size > 0) std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  return path;
}

// Reads every row, as an import does (at most 100 000, so one input cannot run for ever).
template <class Reader>
void read_all(Reader& reader) {
  std::vector<std::string> cells;
  for (int i = 0; i < 100000; ++i) {
    auto more = reader.next(cells);
    if (!more || !*more) break;
  }
}

}  // namespace gongshi::fuzz
