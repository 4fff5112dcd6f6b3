#include "engine/model/header_codec.hpp"

#include "engine/model/fields.hpp"
#include "engine/model/text.hpp"

namespace gongshi {
namespace {

std::optional<std::size_t> field_for_header(RecordKind kind, std::string_view header) {
  const std::string wanted = normalize_header(header);
  if (wanted.empty()) return std::nullopt;
  const auto& fields = fields_of(kind);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const auto& f = fields[i];
    if (wanted == normalize_header(f.name_zh) || wanted == f.code) return i;
    if (any_listed(f.header_aliases,
                   [&](std::string_view alias) { return normalize_header(alias) == wanted; })) {
      return i;
    }
  }
  return std::nullopt;
}

}  // namespace

HeaderMapping map_headers(RecordKind kind, std::span<const std::string> headers) {
  HeaderMapping out;
  out.columns.kind = kind;
  const auto& fields = fields_of(kind);
  std::vector<bool> seen(fields.size(), false);
  for (std::size_t col = 0; col < headers.size(); ++col) {
    const std::string header = trim(headers[col]);
    auto field = field_for_header(kind, header);
    if (!field) {
      if (!header.empty() && !header.starts_with(kStatusColumnPrefix)) {
        out.issues.push_back(make_issue("", "", IssueCode::unknown_field,
                                        "第" + std::to_string(col + 1) + "列「" + header +
                                            "」不是" + std::string(label_zh(kind)) + "模板的列",
                                        "column " + std::to_string(col + 1) + " '" + header +
                                            "' is not a " + std::string(to_string(kind)) +
                                            " template column"));
      }
    } else if (seen[*field]) {
      out.issues.push_back(make_issue(fields[*field].code, fields[*field].name_zh,
                                      IssueCode::duplicate_field,
                                      "第" + std::to_string(col + 1) + "列重复",
                                      "column " + std::to_string(col + 1) + " repeats it"));
      field.reset();
    } else {
      seen[*field] = true;
    }
    out.columns.field_of_column.push_back(field);
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (!seen[i] && fields[i].presence == Presence::required) {
      out.issues.push_back(make_issue(fields[i].code, fields[i].name_zh, IssueCode::required,
                                      "缺少此列", "the column is missing"));
    }
  }
  return out;
}

DecodedRecord record_from_row(const ColumnMap& columns, std::span<const std::string> cells) {
  std::vector<std::optional<std::string>> texts(fields_of(columns.kind).size());
  const std::size_t n = std::min(cells.size(), columns.field_of_column.size());
  for (std::size_t col = 0; col < n; ++col) {
    if (const auto& field = columns.field_of_column[col]) texts[*field] = cells[col];
  }
  return decode_texts(columns.kind, texts);
}

std::vector<std::string> template_headers(RecordKind kind) {
  std::vector<std::string> out;
  for (const auto& f : fields_of(kind)) out.emplace_back(f.name_zh);
  return out;
}

}  // namespace gongshi
