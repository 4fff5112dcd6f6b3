// XLSX rows with libzip and expat: the shared strings are read once, the first worksheet is parsed
// as a stream (64 KiB at a time, suspended after each row), so a sheet of any length needs the
// memory of one row. Every size is bounded (TableLimits).
#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <deque>
#include <map>

#include "engine/exchange/table_reader.hpp"

namespace gongshi {
namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr int kMaxColumns = static_cast<int>(TableLimits::columns);

std::string_view local_name(const XML_Char* name) {
  std::string_view n(name);
  const auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const XML_Char* attribute(const XML_Char** attrs, std::string_view name) {
  for (int i = 0; attrs[i] != nullptr; i += 2) {
    if (local_name(attrs[i]) == name) return attrs[i + 1];
  }
  return nullptr;
}

Error bad_file(const std::string& what_zh, const std::string& what_en) {
  return make_error(ErrorCode::invalid_input, "不是可读取的 XLSX 文件：" + what_zh,
                    "not a readable XLSX file: " + what_en);
}

// Streams one member of the archive through an expat parser, at most `limit` inflated bytes. A
// handler may suspend the parser (after a row) or abort it with a reason.
class ZipXml {
 public:
  ZipXml(zip_t* archive, const std::string& member, std::uint64_t limit, void* user,
         XML_StartElementHandler start, XML_EndElementHandler end, XML_CharacterDataHandler text)
      : limit_(limit), parser_(XML_ParserCreate("UTF-8")) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(archive, member.c_str(), 0, &st) == 0) {
      const bool sized = (st.valid & ZIP_STAT_SIZE) != 0, packed = (st.valid & ZIP_STAT_COMP_SIZE);
      if (sized && st.size > limit_) {
        refused_ = member + " 解压后超过 " + std::to_string(limit_ >> 20) + " MiB / " + member +
                   " inflates past " + std::to_string(limit_ >> 20) + " MiB";
      } else if (sized && packed && st.size > (16u << 20) &&
                 st.size / std::max<std::uint64_t>(1, st.comp_size) > TableLimits::ratio) {
        refused_ = member + " 的压缩比异常（疑似压缩炸弹） / " + member +
                   ": suspicious compression ratio (a zip bomb?)";
      } else {
        file_ = zip_fopen(archive, member.c_str(), 0);
      }
    }
    XML_SetUserData(parser_, user);
    XML_SetElementHandler(parser_, start, end);
    XML_SetCharacterDataHandler(parser_, text);
  }
  ~ZipXml() {
    if (file_ != nullptr) zip_fclose(file_);
    XML_ParserFree(parser_);
  }
  ZipXml(const ZipXml&) = delete;
  ZipXml& operator=(const ZipXml&) = delete;

  bool opened() const { return file_ != nullptr || !refused_.empty(); }
  bool done() const { return done_ && !suspended_; }
  // Stops after the current element; feed() goes on from there.
  void suspend() { XML_StopParser(parser_, XML_TRUE); }
  // Stops for good with `reason`.
  void abort(std::string reason) {
    if (refused_.empty()) refused_ = std::move(reason);
    XML_StopParser(parser_, XML_FALSE);
  }

  // Feeds the next chunk (or resumes a suspended one); false with `error` set when the XML is
  // broken or over a bound.
  bool feed(std::string& error) {
    if (!refused_.empty()) {
      error = refused_;
      return false;
    }
    XML_Status status;
    if (suspended_) {
      suspended_ = false;
      status = XML_ResumeParser(parser_);
    } else {
      void* buf = XML_GetBuffer(parser_, static_cast<int>(kChunk));
      if (buf == nullptr) {
        error = "out of memory";
        return false;
      }
      const auto n = zip_fread(file_, buf, kChunk);
      if (n < 0) {
        error = "zip read failed";
        return false;
      }
      inflated_ += static_cast<std::uint64_t>(n);
      if (inflated_ > limit_) {
        error = "解压后超过 " + std::to_string(limit_ >> 20) + " MiB / inflates past " +
                std::to_string(limit_ >> 20) + " MiB";
        return false;
      }
      done_ = n == 0;
      status = XML_ParseBuffer(parser_, static_cast<int>(n), done_);
    }
    if (!refused_.empty()) {
      error = refused_;
      return false;
    }
    if (status == XML_STATUS_SUSPENDED) {
      suspended_ = true;
      return true;
    }
    if (status == XML_STATUS_ERROR) {
      error = XML_ErrorString(XML_GetErrorCode(parser_));
      return false;
    }
    return true;
  }

  bool read_all(std::string& error) {
    while (!done()) {
      if (!feed(error)) return false;
    }
    return true;
  }

 private:
  std::uint64_t limit_, inflated_ = 0;
  zip_file_t* file_ = nullptr;
  XML_Parser parser_;
  std::string refused_;
  bool done_ = false, suspended_ = false;
};

// sharedStrings.xml: the text of every <si>, runs joined, phonetic runs (<rPh>) left out; at
// most TableLimits::shared_count strings, shared_bytes in all, cell_bytes each.
struct SharedStrings {
  ZipXml* xml = nullptr;
  std::vector<std::string> items;
  std::string current;
  std::size_t bytes = 0;
  bool in_text = false;
  int phonetic = 0;

  static void start(void* self, const XML_Char* name, const XML_Char**) {
    auto* s = static_cast<SharedStrings*>(self);
    const auto n = local_name(name);
    if (n == "si") s->current.clear();
    if (n == "rPh") ++s->phonetic;
    if (n == "t" && s->phonetic == 0) s->in_text = true;
  }
  static void end(void* self, const XML_Char* name) {
    auto* s = static_cast<SharedStrings*>(self);
    const auto n = local_name(name);
    if (n == "t") s->in_text = false;
    if (n == "rPh") --s->phonetic;
    if (n != "si") return;
    s->bytes += s->current.size();
    if (s->items.size() >= TableLimits::shared_count) {
      return s->xml->abort("共享字符串超过 " + std::to_string(TableLimits::shared_count) +
                           " 个 / more than " + std::to_string(TableLimits::shared_count) +
                           " shared strings");
    }
    if (s->bytes > TableLimits::shared_bytes) {
      return s->xml->abort("共享字符串总量超过 64 MiB / shared strings over 64 MiB");
    }
    s->items.push_back(std::move(s->current));
    s->current.clear();
  }
  static void text(void* self, const XML_Char* t, int len) {
    auto* s = static_cast<SharedStrings*>(self);
    if (!s->in_text) return;
    if (s->current.size() + static_cast<std::size_t>(len) > TableLimits::cell_bytes) {
      return s->xml->abort("有超过 1 MiB 的共享字符串 / a shared string over 1 MiB");
    }
    s->current.append(t, static_cast<std::size_t>(len));
  }
};

// workbook.xml (the first sheet's relationship id) and its rels (that id's target).
struct FirstSheet {
  std::string rel_id;
  std::map<std::string, std::string> targets;

  static void start(void* self, const XML_Char* name, const XML_Char** attrs) {
    auto* s = static_cast<FirstSheet*>(self);
    const auto n = local_name(name);
    if (n == "sheet" && s->rel_id.empty()) {
      if (const auto* id = attribute(attrs, "id")) s->rel_id = id;
    }
    if (n == "Relationship") {
      const auto* id = attribute(attrs, "Id");
      const auto* target = attribute(attrs, "Target");
      if (id != nullptr && target != nullptr) s->targets[id] = target;
    }
  }
  static void end(void*, const XML_Char*) {}
  static void text(void*, const XML_Char*, int) {}
};

// "BC12" → 54 (0-based column); -1 when there are no letters.
int column_of(std::string_view ref) {
  int col = 0, letters = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + (c - 'A' + 1);
    ++letters;
  }
  return letters == 0 ? -1 : col - 1;
}

class XlsxReader final : public TableReader {
 public:
  XlsxReader(zip_t* archive, std::vector<std::string> shared, const std::string& sheet)
      : archive_(archive),
        shared_(std::move(shared)),
        xml_(archive, sheet, TableLimits::sheet_bytes, this, &XlsxReader::start, &XlsxReader::end,
             &XlsxReader::text) {}
  ~XlsxReader() override { zip_discard(archive_); }

  bool opened() const { return xml_.opened(); }

  Result<bool> next(std::vector<std::string>& cells) override {
    while (rows_.empty() && !xml_.done()) {
      std::string error;
      if (!xml_.feed(error)) return bad_file("工作表有误（" + error + "）", error);
    }
    if (rows_.empty()) return false;
    current_row_ = rows_.front().first;
    cells = std::move(rows_.front().second);
    rows_.pop_front();
    return true;
  }

  int row_number() const override { return current_row_; }

 private:
  static void start(void* self, const XML_Char* name, const XML_Char** attrs) {
    auto* r = static_cast<XlsxReader*>(self);
    const auto n = local_name(name);
    if (n == "row") {
      r->cells_.clear();
      r->row_bytes_ = 0;
      const auto* num = attribute(attrs, "r");
      r->row_ = num != nullptr ? std::atoi(num) : r->row_ + 1;
      r->next_col_ = 0;
    } else if (n == "c") {
      const auto* ref = attribute(attrs, "r");
      const int col = ref != nullptr ? column_of(ref) : -1;
      r->col_ = col >= 0 ? col : r->next_col_;
      const auto* type = attribute(attrs, "t");
      r->type_ = type != nullptr ? type : "";
      r->value_.clear();
    } else if (n == "v" || n == "t") {
      r->in_value_ = true;
    }
  }

  static void end(void* self, const XML_Char* name) {
    auto* r = static_cast<XlsxReader*>(self);
    const auto n = local_name(name);
    if (n == "v" || n == "t") {
      r->in_value_ = false;
    } else if (n == "c") {
      r->finish_cell();
    } else if (n == "row") {
      r->rows_.emplace_back(r->row_, std::move(r->cells_));
      r->cells_.clear();
      r->xml_.suspend();  // one row at a time
    }
  }

  static void text(void* self, const XML_Char* t, int len) {
    auto* r = static_cast<XlsxReader*>(self);
    if (!r->in_value_) return;
    if (r->value_.size() + static_cast<std::size_t>(len) > TableLimits::cell_bytes) {
      return r->xml_.abort("第 " + std::to_string(r->row_) + " 行有超过 1 MiB 的单元格 / row " +
                           std::to_string(r->row_) + " has a cell over 1 MiB");
    }
    r->value_.append(t, static_cast<std::size_t>(len));
  }

  void finish_cell() {
    std::string value = std::move(value_);
    value_.clear();
    next_col_ = col_ + 1;
    if (value.empty()) return;  // an empty cell is never materialised
    if (col_ >= kMaxColumns) {
      return xml_.abort("第 " + std::to_string(row_) + " 行超过 " + std::to_string(kMaxColumns) +
                        " 列 / row " + std::to_string(row_) + " has more than " +
                        std::to_string(kMaxColumns) + " columns");
    }
    if (type_ == "s") {
      const auto i = static_cast<std::size_t>(std::atol(value.c_str()));
      value = i < shared_.size() ? shared_[i] : std::string();
    } else if (type_ == "b") {
      value = value == "1" ? "TRUE" : "FALSE";
    }
    row_bytes_ += value.size();
    if (row_bytes_ > TableLimits::row_bytes) {
      return xml_.abort("第 " + std::to_string(row_) + " 行超过 4 MiB / row " +
                        std::to_string(row_) + " is over 4 MiB");
    }
    if (cells_.size() <= static_cast<std::size_t>(col_)) cells_.resize(col_ + 1);
    cells_[col_] = std::move(value);
  }

  zip_t* archive_;
  std::vector<std::string> shared_;
  ZipXml xml_;
  std::deque<std::pair<int, std::vector<std::string>>> rows_;
  std::vector<std::string> cells_;
  std::string type_, value_;
  std::size_t row_bytes_ = 0;
  int row_ = 0, col_ = 0, next_col_ = 0, current_row_ = 0;
  bool in_value_ = false;
};

// Parses a whole member (not found: false with `error` empty).
template <class Handler>
bool parse_member(zip_t* archive, const std::string& member, std::uint64_t limit, Handler& h,
                  std::string& error) {
  ZipXml xml(archive, member, limit, &h, &Handler::start, &Handler::end, &Handler::text);
  if (!xml.opened()) return false;
  if constexpr (requires { h.xml; }) h.xml = &xml;
  return xml.read_all(error);
}

}  // namespace

Result<std::unique_ptr<TableReader>> open_xlsx(const std::filesystem::path& file) {
  int err = 0;
  zip_t* archive = zip_open(file.c_str(), ZIP_RDONLY, &err);
  if (archive == nullptr) return bad_file("无法作为 ZIP 打开", "cannot open as a ZIP archive");
  std::string error;
  SharedStrings shared;
  if (zip_name_locate(archive, "xl/sharedStrings.xml", 0) >= 0 &&
      !parse_member(archive, "xl/sharedStrings.xml", TableLimits::shared_bytes * 2, shared,
                    error)) {
    zip_discard(archive);
    return bad_file("共享字符串有误（" + error + "）", "broken shared strings: " + error);
  }
  FirstSheet first;
  std::string sheet = "xl/worksheets/sheet1.xml";
  if (parse_member(archive, "xl/workbook.xml", TableLimits::part_bytes, first, error) &&
      parse_member(archive, "xl/_rels/workbook.xml.rels", TableLimits::part_bytes, first, error)) {
    const auto it = first.targets.find(first.rel_id);
    if (it != first.targets.end()) {
      sheet = it->second.front() == '/' ? it->second.substr(1) : "xl/" + it->second;
    }
  }
  auto reader = std::make_unique<XlsxReader>(archive, std::move(shared.items), sheet);
  if (!reader->opened()) return bad_file("找不到工作表 " + sheet, "no worksheet " + sheet);
  return std::unique_ptr<TableReader>(std::move(reader));
}

}  // namespace gongshi
