#pragma once
// Multi-row INSERT … VALUES (…),(…) in chunks: SOCI's vector binding runs one query per row on
// MySQL, so bulk paths build the rows themselves. Values are bound as text (NULL for nullopt);
// both dialects convert text to the column's type.

#include <optional>
#include <string>
#include <vector>

#include "engine/store/database.hpp"

namespace gongshi {

using BulkRow = std::vector<std::optional<std::string>>;

Status bulk_insert(Tx& tx, const std::string& table, const std::vector<std::string>& columns,
                   const std::vector<BulkRow>& rows, std::size_t rows_per_statement = 200);

}  // namespace gongshi
