#include "engine/exchange/xlsx_writer.hpp"

#include "engine/exchange/work_files.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace gongshi {

struct XlsxWriter::Impl {
  lxw_workbook* workbook = nullptr;
  lxw_worksheet* sheet = nullptr;
  lxw_format* bold = nullptr;
  lxw_row_t row = 0;
  std::filesystem::path file;
};

namespace {

Error write_error(const std::string& what) {
  return make_error(ErrorCode::io_error, "写入 XLSX 失败：" + what, "writing XLSX failed: " + what);
}

}  // namespace

XlsxWriter::XlsxWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

XlsxWriter::~XlsxWriter() {
  if (impl_ && impl_->workbook != nullptr) {
    workbook_close(impl_->workbook);  // an unfinished file: written and then removed
    std::error_code ec;
    std::filesystem::remove(impl_->file, ec);
  }
}

Result<std::unique_ptr<XlsxWriter>> XlsxWriter::create(const std::filesystem::path& file) {
  auto impl = std::make_unique<Impl>();
  impl->file = file;
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = nullptr;
  impl->workbook = workbook_new_opt(file.c_str(), &options);
  if (impl->workbook == nullptr) return write_error("cannot create " + file.string());
  impl->bold = workbook_add_format(impl->workbook);
  format_set_bold(impl->bold);
  format_set_bg_color(impl->bold, 0xDDEBF7);
  format_set_border(impl->bold, LXW_BORDER_THIN);
  return std::unique_ptr<XlsxWriter>(new XlsxWriter(std::move(impl)));
}

Status XlsxWriter::add_sheet(const std::string& name, const std::vector<std::string>& headers,
                             const std::vector<double>& widths) {
  impl_->sheet = workbook_add_worksheet(impl_->workbook, name.c_str());
  if (impl_->sheet == nullptr) return write_error("bad sheet name " + name);
  for (std::size_t i = 0; i < std::max(headers.size(), widths.size()); ++i) {
    const double w = i < widths.size() && widths[i] > 0 ? widths[i] : 16;
    worksheet_set_column(impl_->sheet, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), w,
                         nullptr);
  }
  impl_->row = 0;
  if (!headers.empty()) {
    auto st = write_row(headers, true);
    if (!st) return st;
    worksheet_freeze_panes(impl_->sheet, 1, 0);
  }
  return ok_status();
}

Status XlsxWriter::write_row(const std::vector<std::string>& cells, bool bold) {
  if (impl_->sheet == nullptr) return write_error("no sheet");
  lxw_format* format = bold ? impl_->bold : nullptr;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].empty()) continue;
    if (worksheet_write_string(impl_->sheet, impl_->row, static_cast<lxw_col_t>(i),
                               cells[i].c_str(), format) != LXW_NO_ERROR) {
      return write_error("row " + std::to_string(impl_->row + 1));
    }
  }
  ++impl_->row;
  return ok_status();
}

Status XlsxWriter::close() {
  auto* wb = impl_->workbook;
  impl_->workbook = nullptr;
  if (wb == nullptr) return write_error("already closed");
  const auto err = workbook_close(wb);
  if (err != LXW_NO_ERROR) return write_error(lxw_strerror(err));
  return ok_status();
}

Result<std::string> xlsx_bytes(const std::vector<SheetData>& sheets,
                               const std::filesystem::path& work_dir) {
  return bytes_written_by(work_dir, ".xlsx", [&](const std::filesystem::path& file) -> Status {
    auto writer = XlsxWriter::create(file);
    if (!writer) return writer.error();
    for (const auto& s : sheets) {
      if (auto st = (*writer)->add_sheet(s.name, s.headers, s.widths); !st) return st;
      for (const auto& row : s.rows) {
        if (auto st = (*writer)->write_row(row); !st) return st;
      }
    }
    return (*writer)->close();
  });
}

}  // namespace gongshi
