#pragma once
// CSV out, as RFC 4180 writes it: cells with a comma, quote or line break are quoted, quotes
// doubled, lines end in CRLF. Files start with a UTF-8 BOM so that Excel reads them as UTF-8. A
// cell that would start a formula (= + - @ tab CR) gets a leading apostrophe (CSV injection).

#include <string>
#include <vector>

namespace gongshi {

inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

std::string csv_cell(const std::string& s);
std::string csv_line(const std::vector<std::string>& cells);

}  // namespace gongshi
