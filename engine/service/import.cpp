#include "engine/service/import.hpp"

#include <algorithm>
#include <charconv>

#include "engine/exchange/table_reader.hpp"
#include "engine/model/fields.hpp"
#include "engine/model/header_codec.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {
namespace {

struct PendingRow {
  int row_no = 0;
  BatchItem item;
};

void add_issues(std::vector<ImportRowError>& out, int row_no, const Error& e) {
  int seq = 0;
  if (e.issues.empty()) {
    out.push_back({row_no, seq, "", e.message_zh, e.message_en});
    return;
  }
  for (const auto& issue : e.issues) {
    out.push_back({row_no, seq++, issue.field, issue.message_zh, issue.message_en});
  }
}

Status store_progress(Database& db, const ImportJob& job,
                      const std::vector<ImportRowError>& errors) {
  return in_transaction<std::monostate>(db, [&](Tx& tx) -> Status {
    if (auto st = insert_import_errors(tx, job.id, errors); !st) return st;
    return update_import_job(tx, job);
  });
}

}  // namespace

std::string excel_serial_to_date(const std::string& text) {
  std::string_view t = text;
  if (t.size() > 2 && t.substr(t.size() - 2) == ".0") t.remove_suffix(2);
  int serial = 0;
  const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), serial);
  if (ec != std::errc() || p != t.data() + t.size() || serial < 1 || serial > 2958465) return text;
  // Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29).
  return format_date(add_days(make_date(1899, 12, 30), serial));
}

Result<ImportJob> create_import_job(Database& db, const ImportSpec& spec, TimePoint now) {
  ImportJob job;
  job.region = spec.region;
  job.department_id = spec.department_id;
  job.user_login = spec.actor.user;
  job.kind = std::string(to_string(spec.kind));
  job.file_name = spec.file_name;
  job.status = "running";
  job.created_at = format_utc(now);
  job.worker = spec.worker;
  job.work_file = spec.file.string();
  auto id = in_transaction<std::int64_t>(db, [&](Tx& tx) { return insert_import_job(tx, job); });
  if (!id) return id.error();
  job.id = *id;
  return job;
}

ImportJob run_import(Engine& engine, Database& db, ImportJob job, const ImportSpec& spec,
                     const Clock& clock, const std::function<void(const ImportJob&)>& on_progress) {
  const auto fail = [&](const Error& e) {
    job.status = "failed";
    job.message = e.message_zh + " / " + e.message_en;
    job.finished_at = format_utc(clock.now());
    std::vector<ImportRowError> errors;
    add_issues(errors, 0, e);
    (void)store_progress(db, job, errors);
    if (on_progress) on_progress(job);
    return job;
  };
  const auto stopped = [&] {
    // What was stored stays; the rows read since the last batch are not stored.
    job.rows_done = job.rows_ok + job.rows_failed;
    return fail(make_error(
        ErrorCode::unavailable,
        "服务器停止，导入中断：已处理 " + std::to_string(job.rows_done) + " 行（成功 " +
            std::to_string(job.rows_ok) + " 行）。请重新上传同一文件继续导入，已导入的记录不会重复",
        "the server stopped during the import after " + std::to_string(job.rows_done) +
            " rows: upload the same file again to go on; the rows stored are not stored twice"));
  };
  auto total = count_table_rows(spec.file);
  if (!total) return fail(total.error());
  job.rows_total = std::max(0, *total - 1);  // less the header row
  auto reader = open_table(spec.file);
  if (!reader) return fail(reader.error());
  std::vector<std::string> cells;
  auto first = (*reader)->next(cells);
  if (!first) return fail(first.error());
  if (!*first) {
    return fail(make_error(ErrorCode::invalid_input, "文件是空的", "the file is empty"));
  }
  const auto mapping = map_headers(spec.kind, cells);
  if (!mapping.issues.empty()) {
    Error e = make_error(ErrorCode::invalid_input, "表头与模板不符", "the headers do not match");
    e.issues = mapping.issues;
    return fail(e);
  }
  const auto& fields = fields_of(spec.kind);
  const auto department_at = std::find(cells.begin(), cells.end(), spec.department_column);
  const std::size_t department_col = spec.department_column.empty()
                                         ? cells.size()
                                         : static_cast<std::size_t>(department_at - cells.begin());
  std::vector<PendingRow> pending;
  std::vector<ImportRowError> refused;  // rows refused before they reached the engine
  const auto flush = [&]() -> Status {
    std::vector<ImportRowError> errors = std::move(refused);
    refused.clear();
    if (!pending.empty()) {
      std::vector<BatchItem> items;
      items.reserve(pending.size());
      for (auto& p : pending) items.push_back(p.item);
      auto out = engine.create_batch(items, spec.actor, clock.now());
      if (!out) return out.error();
      for (std::size_t i = 0; i < out->size(); ++i) {
        if ((*out)[i]) {
          ++job.rows_ok;
          if (spec.on_stored) spec.on_stored(*(*out)[i]);
        } else {
          ++job.rows_failed;
          add_issues(errors, pending[i].row_no, (*out)[i].error());
        }
      }
      job.rows_done += static_cast<int>(pending.size());
      pending.clear();
    }
    if (auto st = store_progress(db, job, errors); !st) return st;
    if (on_progress) on_progress(job);
    return ok_status();
  };
  while (true) {
    if (spec.stop.stop_requested()) return stopped();
    auto more = (*reader)->next(cells);
    if (!more) return fail(more.error());
    if (!*more) break;
    bool blank = true;
    for (const auto& c : cells) blank = blank && c.find_first_not_of(" \t") == std::string::npos;
    if (blank) {
      --job.rows_total;
      continue;
    }
    PendingRow row;
    row.row_no = (*reader)->row_number();
    row.item.request.region = spec.region;
    row.item.request.department_id = spec.department_id;
    row.item.request.kind = spec.kind;
    row.item.request.backfill = spec.backfill;
    const auto& columns = mapping.columns.field_of_column;
    for (std::size_t col = 0; col < columns.size() && col < cells.size(); ++col) {
      if (!columns[col] || cells[col].empty()) continue;
      const auto& spec_of = fields[*columns[col]];
      const bool date = spec_of.type == FieldType::date || spec_of.type == FieldType::date_open;
      row.item.request.fields[spec_of.code] = date ? excel_serial_to_date(cells[col]) : cells[col];
    }
    if (spec.department_of) {
      const std::string none;
      auto department = spec.department_of(
          department_col < cells.size() ? cells[department_col] : none, row.item.request.fields);
      if (!department) {
        add_issues(refused, row.row_no, department.error());
        ++job.rows_failed;
        ++job.rows_done;
        continue;
      }
      row.item.request.department_id = *department;
    }
    pending.push_back(std::move(row));
    if (static_cast<int>(pending.size() + refused.size()) >= spec.batch) {
      if (auto st = flush(); !st) return fail(st.error());
    }
  }
  // The last rows first, so that the message counts them; then the job's end.
  if (auto st = flush(); !st) return fail(st.error());
  job.status = "done";
  job.finished_at = format_utc(clock.now());
  job.message = "导入完成：成功 " + std::to_string(job.rows_ok) + " 行，失败 " +
                std::to_string(job.rows_failed) + " 行";
  if (auto st = flush(); !st) return fail(st.error());
  return job;
}

}  // namespace gongshi
