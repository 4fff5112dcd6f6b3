#pragma once
// The offline packages (方式三) imported here, by the id each manifest carries.

#include <optional>
#include <string>

#include "engine/store/database.hpp"

namespace gongshi {

struct PackageImport {
  std::string package_id;
  std::string region;
  std::string period_from, period_to;  // YYYY-MM-DD
  std::string file_name;
  std::string imported_at, imported_by;
  int created = 0, repeated = 0, refused = 0;
};

Result<std::optional<PackageImport>> find_package_import(Tx& tx, const std::string& package_id);
Status insert_package_import(Tx& tx, const PackageImport& p);

}  // namespace gongshi
