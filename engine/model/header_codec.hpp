#pragma once
// Records from spreadsheet rows whose first row holds the standard's Chinese column headers (the
// headers of the import templates).

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/model/decode.hpp"

namespace gongshi {

struct ColumnMap {
  RecordKind kind = RecordKind::license;
  std::vector<std::optional<std::size_t>> field_of_column;  // index into fields_of(kind)
};

struct HeaderMapping {
  ColumnMap columns;
  Issues issues;  // unknown or duplicate columns, missing required columns
};

// Headers match a field's Chinese name or one of its aliases, ignoring spaces, '*' markers and
// full-width/half-width parentheses; the field code itself (XK_XDR_MC) is accepted too.
HeaderMapping map_headers(RecordKind kind, std::span<const std::string> headers);

// One data row under those headers. Cells past the header row's width are ignored.
DecodedRecord record_from_row(const ColumnMap& columns, std::span<const std::string> cells);

// Columns an export adds after the standard's (state, deadlines, 期限暂定 …) start with this; an
// import ignores them, so an exported file goes back in as it came out.
inline constexpr std::string_view kStatusColumnPrefix = "【gongshi】";

// The template's header row: the Chinese name of every field, in the standard's order.
std::vector<std::string> template_headers(RecordKind kind);

}  // namespace gongshi
