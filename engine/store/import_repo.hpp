#pragma once
// Import jobs (a CSV or XLSX file being read into records) and the errors of their rows.

#include <optional>
#include <string>
#include <vector>

#include "engine/store/database.hpp"

namespace gongshi {

struct ImportJob {
  std::int64_t id = 0;
  std::string region;
  std::optional<std::int64_t> department_id;
  std::string user_login;
  std::string kind;  // license | penalty
  std::string file_name;
  std::string status;  // running | done | failed
  int rows_total = 0, rows_done = 0, rows_ok = 0, rows_failed = 0;
  std::string message;
  std::string created_at, finished_at;
  std::string worker;     // host:pid of the process running it ("" before migration 007)
  std::string work_file;  // the file it reads
};

struct ImportRowError {
  int row_no = 0;  // the row in the file; the header row is 1
  int seq = 0;
  std::string field;  // a field code, or "" for the whole row
  std::string message_zh, message_en;
};

Result<std::int64_t> insert_import_job(Tx& tx, const ImportJob& j);
// Writes status, counts, message and finished_at of job `j.id`.
Status update_import_job(Tx& tx, const ImportJob& j);
Result<std::optional<ImportJob>> find_import_job(Tx& tx, std::int64_t id);
// The jobs still marked running (id, worker, work_file, created_at).
Result<std::vector<ImportJob>> running_import_jobs(Tx& tx);
Status insert_import_errors(Tx& tx, std::int64_t job_id, const std::vector<ImportRowError>& errors);
Result<std::vector<ImportRowError>> import_errors_of(Tx& tx, std::int64_t job_id);

}  // namespace gongshi
