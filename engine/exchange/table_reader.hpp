#pragma once
// Spreadsheet rows from a file, one at a time: CSV (UTF-8, or GB18030 as Excel saves it on a
// Chinese Windows) and XLSX (the first worksheet). Memory stays bounded by one row (and, for XLSX,
// the workbook's shared strings), however long the file.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/model/result.hpp"

namespace gongshi {

enum class TableFormat { csv, xlsx };

class TableReader {
 public:
  virtual ~TableReader() = default;
  // The next row's cells; false at the end of the file.
  virtual Result<bool> next(std::vector<std::string>& cells) = 0;
  // The row number in the file of the row `next` returned last (1 = the first row).
  virtual int row_number() const = 0;
};

// By the file's first bytes (a ZIP signature is XLSX), not its name.
Result<TableFormat> sniff_format(const std::filesystem::path& file);
Result<std::unique_ptr<TableReader>> open_table(const std::filesystem::path& file);
Result<std::unique_ptr<TableReader>> open_csv(const std::filesystem::path& file);
Result<std::unique_ptr<TableReader>> open_xlsx(const std::filesystem::path& file);

// Counts the data rows of a file without keeping them (for progress).
Result<int> count_table_rows(const std::filesystem::path& file);

}  // namespace gongshi
