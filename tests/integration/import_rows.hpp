#pragma once
// Rows of an import file for the HTTP tests: the sample penalty as the template's cells, and CSV
// lines of them.

#include <map>
#include <string>
#include <vector>

#include "engine/model/fields.hpp"
#include "server_fixture.hpp"

namespace gongshi::test {

// The sample penalty as template cells, with one field changed per row where asked.
inline std::vector<std::string> penalty_row(const std::string& document_no,
                                            std::map<std::string, std::string> changes = {}) {
  auto sample = Site::json_file("schemas/samples/penalty.json").as_object();
  sample["CF_WSH"] = document_no;
  for (const auto& [k, v] : changes) sample[k] = v;
  std::vector<std::string> cells;
  for (const auto& f : fields_of(RecordKind::penalty)) {
    const auto* v = sample.if_contains(f.code);
    cells.push_back(v != nullptr && v->is_string() ? std::string(v->get_string()) : "");
  }
  return cells;
}

inline std::string csv_line(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    out += (i ? "," : "");
    const bool quote = cells[i].find_first_of(",\"\n") != std::string::npos;
    std::string cell = cells[i];
    for (std::size_t p = 0; (p = cell.find('"', p)) != std::string::npos; p += 2)
      cell.insert(p, "\"");
    out += quote ? "\"" + cell + "\"" : cell;
  }
  return out + "\r\n";
}

}  // namespace gongshi::test
