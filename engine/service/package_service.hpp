#pragma once
// 方式三 (seed 002: 光盘或其他安全方式), the offline package as use cases. Export: a region's
// records decided in a period and published (or withheld for sharing), one XLSX per kind under the
// template headers, a manifest with the counts per department and kind and every file's SHA-256,
// signed with the operator's key. Import, on the receiving side: the package checked whole before
// anything is read, each row given to the department whose 统一社会信用代码 is its 数据来源单位's,
// and the package remembered by its id once all its rows are in, so importing it again creates
// nothing.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/exchange/package.hpp"
#include "engine/service/import.hpp"
#include "engine/service/record_service.hpp"

namespace gongshi {

struct PackageExportInput {
  std::string region;
  Date from, to;  // decision dates, inclusive
  std::filesystem::path out;
  std::string key;
};

struct PackageCount {
  std::int64_t department_id = 0;
  std::string department, uscc;
  RecordKind kind = RecordKind::license;
  int records = 0;
};

struct PackageExport {
  std::string package_id;
  int records = 0;
  std::vector<PackageCount> counts;
  std::vector<PackageFile> files;
};

struct PackageImportResult {
  std::string package_id, region, period_from, period_to;
  bool already_imported = false;  // then nothing was read and the counts are the first import's
  std::string first_imported_at;
  int created = 0, repeated = 0, refused = 0;
  std::vector<ImportJob> jobs;  // one per data file (none when already imported)
};

class PackageService {
 public:
  PackageService(std::shared_ptr<Database> db, Engine& engine, RecordService& records,
                 const Lifecycle& lifecycle, const AccessPolicy& access, Clock clock,
                 std::filesystem::path work_dir);

  // The caller must see the whole region (the 信用办, or the operator on the command line).
  Result<PackageExport> export_package(const Principal& who, const PackageExportInput& in);
  Result<PackageImportResult> import_package(const Principal& who, const std::filesystem::path& zip,
                                             const std::string& key);

 private:
  std::shared_ptr<Database> db_;
  Engine& engine_;
  RecordService& records_;
  const Lifecycle& lifecycle_;
  const AccessPolicy& access_;
  Clock clock_;
  std::filesystem::path work_dir_;
};

}  // namespace gongshi
