// The XLSX reader (libzip + expat, with its bounds), reading every row as an import does, and the
// row counter the import's progress uses.
#include "engine/exchange/table_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& file = gongshi::fuzz::input_file(data, size);
  (void)gongshi::count_table_rows(file);
  auto reader = gongshi::open_xlsx(file);
  if (!reader) return 0;
  gongshi::fuzz::read_all(**reader);
  return 0;
}
