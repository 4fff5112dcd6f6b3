#include "engine/store/audit_repo.hpp"

#include <soci/soci.h>

namespace gongshi {

Status insert_audit_event(Tx& tx, const AuditEvent& e) {
  try {
    tx.sql() << "INSERT INTO audit_events (at, event, actor, region, client, target, detail) "
                "VALUES (:at, :e, :a, :r, :c, :t, :d)",
        soci::use(e.at), soci::use(e.event), soci::use(e.actor), soci::use(e.region),
        soci::use(e.client), soci::use(e.target), soci::use(e.detail);
    return ok_status();
  } catch (const std::exception& ex) {
    return database_error(ex);
  }
}

Result<std::vector<AuditEvent>> audit_events(Tx& tx, const AuditQuery& q) {
  try {
    std::string where = "1 = 1";
    std::vector<std::string> texts;  // bound in order; kept alive until the statement ran
    const auto bind_text = [&](const std::string& sql, const std::string& value) {
      where += " AND " + sql;
      texts.push_back(value);
    };
    if (!q.from.empty()) bind_text("at >= :p" + std::to_string(texts.size()), q.from);
    if (!q.to.empty()) bind_text("at < :p" + std::to_string(texts.size()), q.to);
    if (!q.event.empty()) {
      if (q.event.back() == '.') {
        bind_text("event LIKE :p" + std::to_string(texts.size()), q.event + "%");
      } else {
        bind_text("event = :p" + std::to_string(texts.size()), q.event);
      }
    }
    if (!q.actor.empty()) bind_text("actor = :p" + std::to_string(texts.size()), q.actor);
    if (!q.regions.empty()) {
      std::string in;
      for (const auto& r : q.regions) {
        in += (in.empty() ? ":p" : ", :p") + std::to_string(texts.size());
        texts.push_back(r);
      }
      where += " AND region IN (" + in + ")";
    }
    long long before = q.before_id.value_or(0);
    if (q.before_id) where += " AND id < :before";
    const int limit = std::clamp(q.limit, 1, 500);
    AuditEvent e;
    long long id = 0;
    soci::statement st(tx.sql());
    st.exchange(soci::into(id));
    st.exchange(soci::into(e.at));
    st.exchange(soci::into(e.event));
    st.exchange(soci::into(e.actor));
    st.exchange(soci::into(e.region));
    st.exchange(soci::into(e.client));
    st.exchange(soci::into(e.target));
    st.exchange(soci::into(e.detail));
    for (auto& t : texts) st.exchange(soci::use(t));
    if (q.before_id) st.exchange(soci::use(before));
    st.alloc();
    st.prepare(
        "SELECT id, at, event, actor, region, client, target, detail FROM audit_events "
        "WHERE " +
        where + " ORDER BY id DESC LIMIT " + std::to_string(limit));
    st.define_and_bind();
    st.execute();
    std::vector<AuditEvent> out;
    while (st.fetch()) {
      e.id = id;
      out.push_back(e);
    }
    return out;
  } catch (const std::exception& ex) {
    return database_error(ex);
  }
}

Result<std::int64_t> purge_audit_events(Tx& tx, const std::string& before) {
  try {
    soci::statement st =
        (tx.sql().prepare << "DELETE FROM audit_events WHERE at < :b", soci::use(before));
    st.execute(true);
    return static_cast<std::int64_t>(st.get_affected_rows());
  } catch (const std::exception& ex) {
    return database_error(ex);
  }
}

}  // namespace gongshi
