#include "engine/store/import_repo.hpp"

#include <soci/soci.h>

#include "engine/store/ids.hpp"

namespace gongshi {

Result<std::int64_t> insert_import_job(Tx& tx, const ImportJob& j) {
  try {
    long long dept = j.department_id.value_or(0);
    soci::indicator dept_ind = j.department_id ? soci::i_ok : soci::i_null;
    std::string worker = j.worker, work_file = j.work_file;
    soci::indicator worker_ind = worker.empty() ? soci::i_null : soci::i_ok;
    soci::indicator file_ind = work_file.empty() ? soci::i_null : soci::i_ok;
    tx.sql() << "INSERT INTO import_jobs (region, department_id, user_login, kind, file_name, "
                "status, rows_total, rows_done, rows_ok, rows_failed, message, created_at, worker, "
                "work_file) VALUES (:r, :d, :u, :k, :f, :s, :t, :dn, :ok, :bad, :m, :c, :w, :wf)",
        soci::use(j.region), soci::use(dept, dept_ind), soci::use(j.user_login), soci::use(j.kind),
        soci::use(j.file_name), soci::use(j.status), soci::use(j.rows_total),
        soci::use(j.rows_done), soci::use(j.rows_ok), soci::use(j.rows_failed),
        soci::use(j.message), soci::use(j.created_at), soci::use(worker, worker_ind),
        soci::use(work_file, file_ind);
    return last_insert_id(tx);
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Status update_import_job(Tx& tx, const ImportJob& j) {
  try {
    long long id = j.id;
    std::string finished = j.finished_at;
    soci::indicator finished_ind = finished.empty() ? soci::i_null : soci::i_ok;
    tx.sql() << "UPDATE import_jobs SET status = :s, rows_total = :t, rows_done = :dn, rows_ok = "
                ":ok, rows_failed = :bad, message = :m, finished_at = :f WHERE id = :i",
        soci::use(j.status), soci::use(j.rows_total), soci::use(j.rows_done), soci::use(j.rows_ok),
        soci::use(j.rows_failed), soci::use(j.message), soci::use(finished, finished_ind),
        soci::use(id);
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::optional<ImportJob>> find_import_job(Tx& tx, std::int64_t id) {
  try {
    ImportJob j;
    long long i = id, dept = 0;
    soci::indicator dept_ind = soci::i_null, finished_ind = soci::i_null;
    tx.sql() << "SELECT region, department_id, user_login, kind, file_name, status, rows_total, "
                "rows_done, rows_ok, rows_failed, message, created_at, finished_at FROM "
                "import_jobs WHERE id = :i",
        soci::use(i), soci::into(j.region), soci::into(dept, dept_ind), soci::into(j.user_login),
        soci::into(j.kind), soci::into(j.file_name), soci::into(j.status), soci::into(j.rows_total),
        soci::into(j.rows_done), soci::into(j.rows_ok), soci::into(j.rows_failed),
        soci::into(j.message), soci::into(j.created_at), soci::into(j.finished_at, finished_ind);
    if (!tx.sql().got_data()) return std::optional<ImportJob>{};
    j.id = id;
    if (dept_ind == soci::i_ok) j.department_id = dept;
    if (finished_ind != soci::i_ok) j.finished_at.clear();
    return std::optional<ImportJob>{j};
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::vector<ImportJob>> running_import_jobs(Tx& tx) {
  try {
    std::vector<ImportJob> out;
    ImportJob j;
    long long id = 0;
    soci::indicator worker_ind = soci::i_null, file_ind = soci::i_null;
    soci::statement st =
        (tx.sql().prepare << "SELECT id, worker, work_file, created_at FROM import_jobs WHERE "
                             "status = 'running' ORDER BY id",
         soci::into(id), soci::into(j.worker, worker_ind), soci::into(j.work_file, file_ind),
         soci::into(j.created_at));
    st.execute();
    while (st.fetch()) {
      ImportJob one = j;
      one.id = id;
      if (worker_ind != soci::i_ok) one.worker.clear();
      if (file_ind != soci::i_ok) one.work_file.clear();
      out.push_back(std::move(one));
    }
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Status insert_import_errors(Tx& tx, std::int64_t job_id,
                            const std::vector<ImportRowError>& errors) {
  if (errors.empty()) return ok_status();
  try {
    long long job = job_id;
    ImportRowError e;
    soci::statement st =
        (tx.sql().prepare << "INSERT INTO import_errors (job_id, row_no, seq, field, message_zh, "
                             "message_en) VALUES (:j, :r, :s, :f, :z, :e)",
         soci::use(job), soci::use(e.row_no), soci::use(e.seq), soci::use(e.field),
         soci::use(e.message_zh), soci::use(e.message_en));
    for (const auto& one : errors) {
      e = one;
      st.execute(true);
    }
    return ok_status();
  } catch (const std::exception& ex) {
    return database_error(ex);
  }
}

Result<std::vector<ImportRowError>> import_errors_of(Tx& tx, std::int64_t job_id) {
  try {
    std::vector<ImportRowError> out;
    ImportRowError e;
    long long job = job_id;
    soci::statement st =
        (tx.sql().prepare << "SELECT row_no, seq, field, message_zh, message_en FROM import_errors "
                             "WHERE job_id = :j ORDER BY row_no, seq",
         soci::use(job), soci::into(e.row_no), soci::into(e.seq), soci::into(e.field),
         soci::into(e.message_zh), soci::into(e.message_en));
    st.execute();
    while (st.fetch()) out.push_back(e);
    return out;
  } catch (const std::exception& ex) {
    return database_error(ex);
  }
}

}  // namespace gongshi
