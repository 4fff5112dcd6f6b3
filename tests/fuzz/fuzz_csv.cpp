// The CSV reader (UTF-8 or GB18030), reading every row as an import does.
#include "engine/exchange/table_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto reader = gongshi::open_csv(gongshi::fuzz::input_file(data, size));
  if (!reader) return 0;
  std::vector<std::string> cells;
  for (int i = 0; i < 100000; ++i) {
    auto more = (*reader)->next(cells);
    if (!more || !*more) break;
  }
  return 0;
}
