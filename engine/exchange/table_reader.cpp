#include "engine/exchange/table_reader.hpp"

#include <fstream>

namespace gongshi {

Result<TableFormat> sniff_format(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return make_error(ErrorCode::io_error, "无法打开文件 " + file.string(),
                      "cannot open " + file.string());
  }
  char magic[4] = {};
  in.read(magic, 4);
  if (in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
    return TableFormat::xlsx;
  }
  return TableFormat::csv;
}

Result<std::unique_ptr<TableReader>> open_table(const std::filesystem::path& file) {
  auto format = sniff_format(file);
  if (!format) return format.error();
  return *format == TableFormat::xlsx ? open_xlsx(file) : open_csv(file);
}

Result<int> count_table_rows(const std::filesystem::path& file) {
  auto reader = open_table(file);
  if (!reader) return reader.error();
  std::vector<std::string> cells;
  int n = 0;
  while (true) {
    auto more = (*reader)->next(cells);
    if (!more) return more.error();
    if (!*more) break;
    ++n;
  }
  return n;
}

}  // namespace gongshi
