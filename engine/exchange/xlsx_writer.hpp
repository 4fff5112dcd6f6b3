#pragma once
// XLSX files with libxlsxwriter: sheets of text cells under a bold header row, written row by row
// in libxlsxwriter's constant-memory mode (rows go to disk as they come).

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/model/result.hpp"

namespace gongshi {

inline constexpr const char* kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

class XlsxWriter {
 public:
  static Result<std::unique_ptr<XlsxWriter>> create(const std::filesystem::path& file);
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // Starts a sheet; widths in characters (0 = default), one per column. The header row (if any) is
  // bold and stays in view when scrolling.
  Status add_sheet(const std::string& name, const std::vector<std::string>& headers,
                   const std::vector<double>& widths = {});
  Status write_row(const std::vector<std::string>& cells, bool bold = false);
  // Writes the file. Nothing is complete before it.
  Status close();

  struct Impl;

 private:
  explicit XlsxWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A whole small workbook in one call, returned as the file's bytes.
struct SheetData {
  std::string name;
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
  std::vector<double> widths;
};
Result<std::string> xlsx_bytes(const std::vector<SheetData>& sheets,
                               const std::filesystem::path& work_dir);

}  // namespace gongshi
