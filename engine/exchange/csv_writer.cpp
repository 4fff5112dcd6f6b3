#include "engine/exchange/csv_writer.hpp"

#include <string_view>

namespace gongshi {

std::string csv_cell(const std::string& text) {
  // A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or CR) is written
  // with a leading apostrophe, as OWASP recommends against CSV injection.
  const std::string s =
      !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos
          ? "'" + text
          : text;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_line(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_cell(cells[i]);
  return out + "\r\n";
}

}  // namespace gongshi
