#pragma once
// Spreadsheet rows from a file, one at a time: CSV (UTF-8, or GB18030 as Excel saves it on a
// Chinese Windows) and XLSX (the first worksheet). Memory stays bounded by one row (and, for XLSX,
// the workbook's shared strings), however long the file.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/model/result.hpp"

namespace gongshi {

enum class TableFormat { csv, xlsx };

// The bounds every reader keeps, so that a hostile file meets a clear error instead of the
// server's memory: a cell, a row, the columns that may hold a value, an XLSX's shared strings
// (their bytes and their number) and each ZIP member's inflated size and ratio. Empty cells are
// never materialised past the last one with a value, and an XLSX sheet is parsed one row at a
// time (expat suspended after each row).
struct TableLimits {
  static constexpr std::size_t cell_bytes = 1u << 20;
  static constexpr std::size_t row_bytes = 4u << 20;
  static constexpr std::size_t columns = 512;
  static constexpr std::size_t shared_bytes = 64u << 20;
  static constexpr std::size_t shared_count = 1'000'000;
  static constexpr std::uint64_t sheet_bytes = 1ull << 30;  // inflated; streamed
  static constexpr std::uint64_t part_bytes = 4u << 20;     // workbook.xml and its rels
  static constexpr std::uint64_t ratio = 200;  // inflated : compressed, for members over 16 MiB
};

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
