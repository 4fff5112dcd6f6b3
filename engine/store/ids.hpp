#pragma once
// New ids. MySQL hands them out (AUTO_INCREMENT); SQLite has no per-table counter on a composite
// (region, id) key, so the next id is MAX + 1 under the write lock BEGIN IMMEDIATE already holds.

#include <cstdint>
#include <string>

#include "engine/store/database.hpp"

namespace gongshi {

// SQLite: the id to insert with. MySQL: 0 (leave the column out).
Result<std::int64_t> next_id(Tx& tx, const std::string& table);
// The id the session's last INSERT got, on a table with its own counter (AUTO_INCREMENT, or
// SQLite's INTEGER PRIMARY KEY AUTOINCREMENT).
Result<std::int64_t> last_insert_id(Tx& tx);
// MySQL: the id the last INSERT got. SQLite: `assigned`.
Result<std::int64_t> inserted_id(Tx& tx, std::int64_t assigned);

}  // namespace gongshi
