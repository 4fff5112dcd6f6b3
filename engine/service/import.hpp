#pragma once
// Importing a CSV or XLSX file of records under the standard's Chinese headers (the templates'
// headers): a job with progress, the file read row by row, records created batch by batch through
// Engine::create_batch, every refused row's problems kept for download.

#include <filesystem>
#include <functional>
#include <stop_token>

#include "engine/service/engine.hpp"
#include "engine/store/import_repo.hpp"

namespace gongshi {

struct ImportSpec {
  std::string region;
  std::optional<std::int64_t> department_id;
  RecordKind kind = RecordKind::license;
  std::filesystem::path file;
  std::string file_name;  // as the user named it
  bool backfill = false;
  Actor actor;
  int batch = 500;
  std::string worker;  // host:pid of the process that runs it
  // When set, each row's department is what this finds from the cell under the header
  // `department_column` (one of gongshi's own 【gongshi】 columns, "" when the file has none) and
  // the row's fields: a package names many departments in one file. An error refuses the row.
  std::string department_column;
  std::function<Result<std::int64_t>(const std::string& cell, const boost::json::object& fields)>
      department_of;
  // Called for each row stored (created, or a repeat of a record already stored).
  std::function<void(const CreateOutcome&)> on_stored;
  // Asked between rows: the server is stopping. The rows read but not stored are left, the job
  // ends "failed" saying how far it came; the same file uploaded again goes on where it stopped
  // (the rows stored come back as repeats of their records, never twice).
  std::stop_token stop;
};

// The job row, status "running", before any row is read.
Result<ImportJob> create_import_job(Database& db, const ImportSpec& spec, TimePoint now);

// Reads the file and stores what it can. Each batch is one transaction; the job row is updated
// after each (rows done / ok / failed) and `on_progress` called. A file that cannot be read at all
// (no such headers, broken XLSX) ends the job "failed" with the reason; rows already stored stay.
ImportJob run_import(Engine& engine, Database& db, ImportJob job, const ImportSpec& spec,
                     const Clock& clock, const std::function<void(const ImportJob&)>& on_progress);

// An Excel date serial ("45474", "45474.0") as YYYY-MM-DD; other text unchanged.
std::string excel_serial_to_date(const std::string& text);

}  // namespace gongshi
