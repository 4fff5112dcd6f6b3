#include "engine/store/application_repo.hpp"

#include <soci/soci.h>
#include <sodium.h>

#include <stdexcept>

#include "engine/store/sql_lists.hpp"

namespace gongshi {
namespace {

constexpr std::size_t kChunk = 512u << 10;  // raw bytes per attachment_chunks row

const char* kColumns =
    "number, kind, region, record_id, department_id, channel, type, state, subject_code, "
    "contact_name, contact_phone, description, code_hash, filed_by, filed_at, decided_at, "
    "decided_by, closed_at, outcome, reason";

// Reads one row of kColumns into `a` (nullable columns as "").
struct ApplicationInto {
  ApplicationRow a;
  long long record = 0, department = 0;
  soci::indicator ind[5] = {};

  template <class Stmt>
  void bind(Stmt& st) {
    st.exchange(soci::into(a.number));
    st.exchange(soci::into(a.kind));
    st.exchange(soci::into(a.region));
    st.exchange(soci::into(record));
    st.exchange(soci::into(department));
    st.exchange(soci::into(a.channel));
    st.exchange(soci::into(a.type));
    st.exchange(soci::into(a.state));
    st.exchange(soci::into(a.subject_code));
    st.exchange(soci::into(a.contact_name));
    st.exchange(soci::into(a.contact_phone));
    st.exchange(soci::into(a.description));
    st.exchange(soci::into(a.code_hash));
    st.exchange(soci::into(a.filed_by));
    st.exchange(soci::into(a.filed_at));
    st.exchange(soci::into(a.decided_at, ind[0]));
    st.exchange(soci::into(a.decided_by, ind[1]));
    st.exchange(soci::into(a.closed_at, ind[2]));
    st.exchange(soci::into(a.outcome, ind[3]));
    st.exchange(soci::into(a.reason, ind[4]));
  }
  ApplicationRow row() const {
    ApplicationRow out = a;
    out.record_id = record;
    out.department_id = department;
    std::string* nullable[] = {&out.decided_at, &out.decided_by, &out.closed_at, &out.outcome,
                               &out.reason};
    for (int i = 0; i < 5; ++i) {
      if (ind[i] != soci::i_ok) nullable[i]->clear();
    }
    return out;
  }
};

soci::indicator null_if_empty(const std::string& s) {
  return s.empty() ? soci::i_null : soci::i_ok;
}

// The states filter of a query: none when the list is empty (any state).
std::string states_filter(const std::vector<std::string>& states) {
  return states.empty() ? "" : sql::in_list("state", false, states, "s");
}

std::string base64(std::string_view bytes) {
  if (bytes.empty()) return "";
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

void unbase64(const std::string& text, std::string& into) {
  const std::size_t at = into.size();
  into.resize(at + text.size() / 4 * 3 + 3);
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(into.data() + at), into.size() - at,
                        text.data(), text.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    throw std::runtime_error("an attachment's stored bytes are corrupt");
  }
  into.resize(at + len);
}

}  // namespace

Status insert_application(Tx& tx, const ApplicationRow& a) {
  try {
    long long record = a.record_id, department = a.department_id;
    std::string decided_at = a.decided_at, decided_by = a.decided_by;
    soci::indicator da = null_if_empty(decided_at), db = null_if_empty(decided_by);
    tx.sql() << "INSERT INTO applications (number, kind, region, record_id, department_id, "
                "channel, type, state, subject_code, contact_name, contact_phone, description, "
                "code_hash, filed_by, filed_at, decided_at, decided_by) VALUES (:n, :k, :r, :i, "
                ":d, :c, :t, :s, :sc, :cn, :cp, :ds, :h, :fb, :fa, :da, :db)",
        soci::use(a.number), soci::use(a.kind), soci::use(a.region), soci::use(record),
        soci::use(department), soci::use(a.channel), soci::use(a.type), soci::use(a.state),
        soci::use(a.subject_code), soci::use(a.contact_name), soci::use(a.contact_phone),
        soci::use(a.description), soci::use(a.code_hash), soci::use(a.filed_by),
        soci::use(a.filed_at), soci::use(decided_at, da), soci::use(decided_by, db);
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Status update_application(Tx& tx, const ApplicationRow& a, const std::string& expected_state) {
  try {
    std::string decided_at = a.decided_at, decided_by = a.decided_by, closed_at = a.closed_at,
                outcome = a.outcome, reason = a.reason;
    soci::indicator i1 = null_if_empty(decided_at), i2 = null_if_empty(decided_by),
                    i3 = null_if_empty(closed_at), i4 = null_if_empty(outcome),
                    i5 = null_if_empty(reason);
    soci::statement st =
        (tx.sql().prepare << "UPDATE applications SET state = :s, decided_at = :da, decided_by = "
                             ":db, closed_at = :ca, outcome = :o, reason = :r WHERE number = :n "
                             "AND state = :e",
         soci::use(a.state), soci::use(decided_at, i1), soci::use(decided_by, i2),
         soci::use(closed_at, i3), soci::use(outcome, i4), soci::use(reason, i5),
         soci::use(a.number), soci::use(expected_state));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      return make_error(ErrorCode::conflict, "申请 " + a.number + " 已被他人处理，请刷新后重试",
                        "application " + a.number + " was handled by someone else: reload");
    }
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

namespace {

// SELECT kColumns FROM applications `tail`, the parameters bound by `bind` (before the columns).
template <class Bind>
Result<std::vector<ApplicationRow>> select_applications(Tx& tx, const std::string& tail,
                                                        Bind bind) {
  try {
    ApplicationInto in;
    soci::statement st(tx.sql());
    bind(st);
    in.bind(st);
    st.alloc();
    st.prepare(std::string("SELECT ") + kColumns + " FROM applications " + tail);
    st.define_and_bind();
    st.execute();
    std::vector<ApplicationRow> out;
    while (st.fetch()) out.push_back(in.row());
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace

Result<std::optional<ApplicationRow>> find_application(Tx& tx, const std::string& number) {
  auto rows = select_applications(tx, "WHERE number = :n",
                                  [&](soci::statement& st) { st.exchange(soci::use(number)); });
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ApplicationRow>{};
  return std::optional<ApplicationRow>{std::move(rows->front())};
}

Result<std::vector<ApplicationRow>> applications_of_record(Tx& tx, const std::string& region,
                                                           std::int64_t record_id,
                                                           const std::string& kind,
                                                           const std::vector<std::string>& states) {
  long long id = record_id;
  return select_applications(tx,
                             "WHERE region = :r AND record_id = :i AND kind = :k" +
                                 states_filter(states) + " ORDER BY filed_at DESC, number DESC",
                             [&](soci::statement& st) {
                               st.exchange(soci::use(region));
                               st.exchange(soci::use(id));
                               st.exchange(soci::use(kind));
                               sql::use_all(st, states);
                             });
}

Result<std::vector<ApplicationRow>> list_applications(Tx& tx, const ApplicationQuery& q) {
  if (q.regions.empty()) return std::vector<ApplicationRow>{};
  long long department = q.department_id.value_or(0);
  int limit = q.limit;
  std::string tail =
      "WHERE kind = :k" + sql::in_list("region", false, q.regions, "r") + states_filter(q.states);
  if (q.department_id) tail += " AND department_id = :d";
  if (!q.before_number.empty()) tail += " AND number < :b";
  tail += " ORDER BY number DESC LIMIT :l";
  return select_applications(tx, tail, [&](soci::statement& st) {
    st.exchange(soci::use(q.kind));
    sql::use_all(st, q.regions);
    sql::use_all(st, q.states);
    if (q.department_id) st.exchange(soci::use(department));
    if (!q.before_number.empty()) st.exchange(soci::use(q.before_number));
    st.exchange(soci::use(limit));
  });
}

Status insert_attachment(Tx& tx, const AttachmentRow& a, std::string_view bytes) {
  try {
    long long size = a.size;
    std::string owner = a.application_no;
    soci::indicator owner_ind = null_if_empty(owner);
    tx.sql() << "INSERT INTO attachments (id, application_no, sha256, size, media_type, "
                "file_name, uploader, created_at) VALUES (:i, :a, :h, :s, :m, :f, :u, :c)",
        soci::use(a.id), soci::use(owner, owner_ind), soci::use(a.sha256), soci::use(size),
        soci::use(a.media_type), soci::use(a.file_name), soci::use(a.uploader),
        soci::use(a.created_at);
    int seq = 0;
    std::string data;
    soci::statement st =
        (tx.sql().prepare << "INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES "
                             "(:i, :s, :d)",
         soci::use(a.id), soci::use(seq), soci::use(data));
    for (std::size_t at = 0; at < bytes.size(); at += kChunk, ++seq) {
      data = base64(bytes.substr(at, kChunk));
      st.execute(true);
    }
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

namespace {

const char* kAttachmentColumns =
    "id, application_no, sha256, size, media_type, file_name, uploader, created_at";

template <class Stmt>
void bind_attachment(Stmt& st, AttachmentRow& a, long long& size, soci::indicator& owner) {
  st.exchange(soci::into(a.id));
  st.exchange(soci::into(a.application_no, owner));
  st.exchange(soci::into(a.sha256));
  st.exchange(soci::into(size));
  st.exchange(soci::into(a.media_type));
  st.exchange(soci::into(a.file_name));
  st.exchange(soci::into(a.uploader));
  st.exchange(soci::into(a.created_at));
}

Result<std::vector<AttachmentRow>> attachments_where(Tx& tx, const std::string& where,
                                                     const std::string& value) {
  try {
    AttachmentRow a;
    long long size = 0;
    soci::indicator owner = soci::i_null;
    soci::statement st(tx.sql());
    st.exchange(soci::use(value));
    bind_attachment(st, a, size, owner);
    st.alloc();
    st.prepare(std::string("SELECT ") + kAttachmentColumns + " FROM attachments WHERE " + where +
               " = :v ORDER BY created_at, id");
    st.define_and_bind();
    st.execute();
    std::vector<AttachmentRow> out;
    while (st.fetch()) {
      AttachmentRow row = a;
      row.size = size;
      if (owner != soci::i_ok) row.application_no.clear();
      out.push_back(std::move(row));
    }
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace

Result<std::optional<AttachmentRow>> find_attachment(Tx& tx, const std::string& id) {
  auto rows = attachments_where(tx, "id", id);
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<AttachmentRow>{};
  return std::optional<AttachmentRow>{rows->front()};
}

Result<std::vector<AttachmentRow>> attachments_of(Tx& tx, const std::string& application_no) {
  return attachments_where(tx, "application_no", application_no);
}

Status claim_attachment(Tx& tx, const std::string& id, const std::string& application_no) {
  try {
    soci::statement st = (tx.sql().prepare << "UPDATE attachments SET application_no = :a WHERE "
                                              "id = :i AND application_no IS NULL",
                          soci::use(application_no), soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      return make_error(ErrorCode::invalid_input, "附件 " + id + " 不存在或已被使用",
                        "attachment " + id + " does not exist or is already used");
    }
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::string> attachment_bytes(Tx& tx, const std::string& id) {
  try {
    std::string out, data;
    soci::statement st = (tx.sql().prepare << "SELECT data FROM attachment_chunks WHERE "
                                              "attachment_id = :i ORDER BY seq",
                          soci::use(id), soci::into(data));
    st.execute();
    while (st.fetch()) unbase64(data, out);
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<int> purge_unclaimed_attachments(Tx& tx, const std::string& before) {
  try {
    tx.sql() << "DELETE FROM attachment_chunks WHERE attachment_id IN (SELECT id FROM attachments "
                "WHERE application_no IS NULL AND created_at < :b)",
        soci::use(before);
    soci::statement st = (tx.sql().prepare << "DELETE FROM attachments WHERE application_no IS "
                                              "NULL AND created_at < :b",
                          soci::use(before));
    st.execute(true);
    return static_cast<int>(st.get_affected_rows());
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace gongshi
