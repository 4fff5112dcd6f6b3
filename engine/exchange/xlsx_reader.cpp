// XLSX rows with libzip and expat: the shared strings are read once, the first worksheet is parsed
// as a stream (64 KiB at a time), so a sheet of any length needs the memory of a few rows.
#include <expat.h>
#include <zip.h>

#include <deque>
#include <map>

#include "engine/exchange/table_reader.hpp"

namespace gongshi {
namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr int kMaxColumns = 16384;  // Excel's own limit (XFD)

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

// Streams one member of the archive through an expat parser.
class ZipXml {
 public:
  ZipXml(zip_t* archive, const std::string& member, void* user, XML_StartElementHandler start,
         XML_EndElementHandler end, XML_CharacterDataHandler text)
      : file_(zip_fopen(archive, member.c_str(), 0)), parser_(XML_ParserCreate("UTF-8")) {
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

  bool opened() const { return file_ != nullptr; }
  bool done() const { return done_; }

  // Feeds the next chunk; false with `error` set when the XML is broken.
  bool feed(std::string& error) {
    char buf[kChunk];
    const auto n = zip_fread(file_, buf, sizeof buf);
    if (n < 0) {
      error = "zip read failed";
      return false;
    }
    done_ = n == 0;
    if (XML_Parse(parser_, buf, static_cast<int>(n), done_) == XML_STATUS_ERROR) {
      error = XML_ErrorString(XML_GetErrorCode(parser_));
      return false;
    }
    return true;
  }

  bool read_all(std::string& error) {
    while (!done_) {
      if (!feed(error)) return false;
    }
    return true;
  }

 private:
  zip_file_t* file_;
  XML_Parser parser_;
  bool done_ = false;
};

// sharedStrings.xml: the text of every <si>, runs joined, phonetic runs (<rPh>) left out.
struct SharedStrings {
  std::vector<std::string> items;
  std::string current;
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
    if (n == "si") s->items.push_back(std::move(s->current));
  }
  static void text(void* self, const XML_Char* t, int len) {
    auto* s = static_cast<SharedStrings*>(self);
    if (s->in_text) s->current.append(t, static_cast<std::size_t>(len));
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
        xml_(archive, sheet, this, &XlsxReader::start, &XlsxReader::end, &XlsxReader::text) {}
  ~XlsxReader() override { zip_discard(archive_); }

  bool opened() const { return xml_.opened(); }

  Result<bool> next(std::vector<std::string>& cells) override {
    while (rows_.empty() && !xml_.done()) {
      std::string error;
      if (!xml_.feed(error)) return bad_file("工作表 XML 有误（" + error + "）", error);
      if (!error_.empty()) return bad_file(error_, error_);
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
    }
  }

  static void text(void* self, const XML_Char* t, int len) {
    auto* r = static_cast<XlsxReader*>(self);
    if (r->in_value_) r->value_.append(t, static_cast<std::size_t>(len));
  }

  void finish_cell() {
    if (col_ >= kMaxColumns) {
      error_ = "列数超过 16384";
      return;
    }
    std::string value = std::move(value_);
    if (type_ == "s") {
      const auto i = static_cast<std::size_t>(std::atol(value.c_str()));
      value = i < shared_.size() ? shared_[i] : std::string();
    } else if (type_ == "b") {
      value = value == "1" ? "TRUE" : "FALSE";
    }
    if (cells_.size() <= static_cast<std::size_t>(col_)) cells_.resize(col_ + 1);
    cells_[col_] = std::move(value);
    next_col_ = col_ + 1;
  }

  zip_t* archive_;
  std::vector<std::string> shared_;
  ZipXml xml_;
  std::deque<std::pair<int, std::vector<std::string>>> rows_;
  std::vector<std::string> cells_;
  std::string type_, value_, error_;
  int row_ = 0, col_ = 0, next_col_ = 0, current_row_ = 0;
  bool in_value_ = false;
};

template <class Handler>
bool parse_member(zip_t* archive, const std::string& member, Handler& h, std::string& error) {
  ZipXml xml(archive, member, &h, &Handler::start, &Handler::end, &Handler::text);
  if (!xml.opened()) return false;
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
      !parse_member(archive, "xl/sharedStrings.xml", shared, error)) {
    zip_discard(archive);
    return bad_file("共享字符串有误（" + error + "）", "broken shared strings: " + error);
  }
  FirstSheet first;
  std::string sheet = "xl/worksheets/sheet1.xml";
  if (parse_member(archive, "xl/workbook.xml", first, error) &&
      parse_member(archive, "xl/_rels/workbook.xml.rels", first, error)) {
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
