#include "engine/exchange/work_files.hpp"

#include <sodium.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace gongshi {

std::filesystem::path unique_path(const std::filesystem::path& dir, const std::string& prefix,
                                  const std::string& suffix) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char rnd[8];
  randombytes_buf(rnd, sizeof rnd);
  char hex[sizeof rnd * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, rnd, sizeof rnd);
  return dir / (prefix + hex + suffix);
}

Result<std::string> bytes_written_by(
    const std::filesystem::path& work_dir, const std::string& suffix,
    const std::function<Status(const std::filesystem::path&)>& write) {
  const auto file = unique_path(work_dir, "gongshi-", suffix);
  auto st = write(file);
  std::string bytes;
  if (st) {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::error_code ec;
  std::filesystem::remove(file, ec);
  if (!st) return st.error();
  return bytes;
}

}  // namespace gongshi
