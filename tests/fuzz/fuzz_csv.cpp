// The CSV reader (UTF-8 or GB18030), reading every row as an import does.
#include "engine/exchange/table_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto reader = gongshi::open_csv(gongshi::fuzz::input_file(data, size));
  if (!reader) return 0;
  gongshi::fuzz::read_all(**reader);
  return 0;
}
