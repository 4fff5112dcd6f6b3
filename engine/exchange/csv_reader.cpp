// CSV as RFC 4180 writes it (quoted cells with "" and line breaks inside), with or without a UTF-8
// BOM; a file that is not UTF-8 is read as GB18030 (what Excel saves on a Chinese Windows) and
// converted cell by cell with iconv.
#include <iconv.h>

#include <fstream>

#include "engine/exchange/table_reader.hpp"
#include "engine/model/text.hpp"

namespace gongshi {
namespace {

constexpr std::size_t kSniffBytes = 64 * 1024;
constexpr std::size_t kMaxCell = TableLimits::cell_bytes;

// Valid UTF-8, except that the sample may end inside a character.
bool looks_utf8(std::string sample) {
  for (int cut = 0; cut < 4 && !sample.empty(); ++cut) {
    if (utf8_length(sample)) return true;
    sample.pop_back();
  }
  return sample.empty();
}

class Gb18030 {
 public:
  Gb18030() : cd_(iconv_open("UTF-8", "GB18030")) {}
  ~Gb18030() {
    if (cd_ != reinterpret_cast<iconv_t>(-1)) iconv_close(cd_);
  }
  Gb18030(const Gb18030&) = delete;
  Gb18030& operator=(const Gb18030&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }

  std::optional<std::string> convert(const std::string& in) {
    std::string out(in.size() * 2 + 4, '\0');
    char* src = const_cast<char*>(in.data());
    std::size_t src_left = in.size();
    char* dst = out.data();
    std::size_t dst_left = out.size();
    iconv(cd_, nullptr, nullptr, nullptr, nullptr);
    if (iconv(cd_, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
      return std::nullopt;
    }
    out.resize(out.size() - dst_left);
    return out;
  }

 private:
  iconv_t cd_;
};

class CsvReader final : public TableReader {
 public:
  CsvReader(std::ifstream in, bool gb) : in_(std::move(in)) {
    if (gb) gb_ = std::make_unique<Gb18030>();
  }

  Result<bool> next(std::vector<std::string>& cells) override {
    cells.clear();
    row_bytes_ = 0;
    std::string cell;
    bool quoted = false, any = false, after_quote = false;
    row_ = line_ + 1;
    int c;
    while ((c = in_.get()) != EOF) {
      any = true;
      const char ch = static_cast<char>(c);
      if (quoted) {
        if (ch == '"') {
          if (in_.peek() == '"') {
            in_.get();
            cell += '"';
          } else {
            quoted = false;
            after_quote = true;
          }
        } else {
          if (ch == '\n') ++line_;
          cell += ch;
        }
      } else if (ch == '"' && cell.empty() && !after_quote) {
        quoted = true;
      } else if (ch == ',') {
        if (auto st = push(cells, cell); !st) return st.error();
        after_quote = false;
      } else if (ch == '\r') {
        continue;
      } else if (ch == '\n') {
        ++line_;
        if (auto st = push(cells, cell); !st) return st.error();
        return true;
      } else {
        cell += ch;
      }
      if (cell.size() > kMaxCell) {
        return make_error(ErrorCode::too_large,
                          "第 " + std::to_string(row_) + " 行有超过 1 MiB 的单元格",
                          "row " + std::to_string(row_) + " has a cell over 1 MiB");
      }
    }
    if (quoted) {
      return make_error(ErrorCode::invalid_input,
                        "第 " + std::to_string(row_) + " 行的引号没有闭合",
                        "row " + std::to_string(row_) + ": unterminated quoted cell");
    }
    if (!any) return false;
    ++line_;
    if (auto st = push(cells, cell); !st) return st.error();
    return true;
  }

  int row_number() const override { return row_; }

 private:
  Status push(std::vector<std::string>& cells, std::string& cell) {
    row_bytes_ += cell.size();
    if (cells.size() >= TableLimits::columns && !cell.empty()) {
      return make_error(
          ErrorCode::too_large,
          "第 " + std::to_string(row_) + " 行超过 " + std::to_string(TableLimits::columns) + " 列",
          "row " + std::to_string(row_) + " has more than " + std::to_string(TableLimits::columns) +
              " columns");
    }
    if (row_bytes_ > TableLimits::row_bytes) {
      return make_error(ErrorCode::too_large, "第 " + std::to_string(row_) + " 行超过 4 MiB",
                        "row " + std::to_string(row_) + " is over 4 MiB");
    }
    if (cells.size() >= TableLimits::columns) {  // an empty cell past the columns: dropped
      cell.clear();
      return ok_status();
    }
    if (gb_) {
      auto utf8 = gb_->convert(cell);
      if (!utf8) {
        return make_error(ErrorCode::invalid_input,
                          "第 " + std::to_string(row_) + " 行含有既非 UTF-8 也非 GB18030 的字符",
                          "row " + std::to_string(row_) + " is neither UTF-8 nor GB18030");
      }
      cell = std::move(*utf8);
    }
    cells.push_back(std::move(cell));
    cell.clear();
    return ok_status();
  }

  std::ifstream in_;
  std::unique_ptr<Gb18030> gb_;
  int line_ = 0;  // physical lines consumed
  int row_ = 0;
  std::size_t row_bytes_ = 0;
};

}  // namespace

Result<std::unique_ptr<TableReader>> open_csv(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return make_error(ErrorCode::io_error, "无法打开文件 " + file.string(),
                      "cannot open " + file.string());
  }
  std::string sample(kSniffBytes, '\0');
  in.read(sample.data(), static_cast<std::streamsize>(sample.size()));
  sample.resize(static_cast<std::size_t>(in.gcount()));
  in.clear();
  const bool bom = sample.size() >= 3 && sample.compare(0, 3, "\xEF\xBB\xBF") == 0;
  in.seekg(bom ? 3 : 0);
  const bool gb = !bom && !looks_utf8(sample);
  auto reader = std::make_unique<CsvReader>(std::move(in), gb);
  return std::unique_ptr<TableReader>(std::move(reader));
}

}  // namespace gongshi
