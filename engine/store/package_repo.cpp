#include "engine/store/package_repo.hpp"

#include <soci/soci.h>

namespace gongshi {

Result<std::optional<PackageImport>> find_package_import(Tx& tx, const std::string& package_id) {
  try {
    PackageImport p;
    soci::indicator found = soci::i_null;
    tx.sql()
        << "SELECT package_id, region, period_from, period_to, file_name, imported_at, "
           "imported_by, created, repeated, refused FROM package_imports WHERE package_id = :p",
        soci::use(package_id), soci::into(p.package_id, found), soci::into(p.region),
        soci::into(p.period_from), soci::into(p.period_to), soci::into(p.file_name),
        soci::into(p.imported_at), soci::into(p.imported_by), soci::into(p.created),
        soci::into(p.repeated), soci::into(p.refused);
    if (found != soci::i_ok) return std::optional<PackageImport>{};
    return std::optional<PackageImport>{std::move(p)};
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Status insert_package_import(Tx& tx, const PackageImport& p) {
  try {
    tx.sql() << "INSERT INTO package_imports (package_id, region, period_from, period_to, "
                "file_name, imported_at, imported_by, created, repeated, refused) VALUES (:p, :r, "
                ":f, :t, :n, :a, :b, :c, :e, :x)",
        soci::use(p.package_id), soci::use(p.region), soci::use(p.period_from),
        soci::use(p.period_to), soci::use(p.file_name), soci::use(p.imported_at),
        soci::use(p.imported_by), soci::use(p.created), soci::use(p.repeated), soci::use(p.refused);
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace gongshi
