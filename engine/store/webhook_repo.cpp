#include "engine/store/webhook_repo.hpp"

#include "engine/model/text.hpp"
#include "engine/store/ids.hpp"

#include <soci/soci.h>
#include <map>

namespace gongshi {
namespace {

template <class Bind>
Result<std::vector<WebhookSubscription>> select_subscriptions(Tx& tx, const std::string& where,
                                                              Bind bind) {
  try {
    std::vector<WebhookSubscription> out;
    WebhookSubscription s;
    long long id = 0, dept = 0;
    soci::indicator dept_ind = soci::i_null;
    std::string events;
    int active = 0;
    soci::statement st(tx.sql());
    st.exchange(soci::into(id));
    st.exchange(soci::into(s.region));
    st.exchange(soci::into(dept, dept_ind));
    st.exchange(soci::into(s.url));
    st.exchange(soci::into(events));
    st.exchange(soci::into(s.secret));
    st.exchange(soci::into(active));
    st.exchange(soci::into(s.created_by));
    st.exchange(soci::into(s.created_at));
    bind(st);
    st.alloc();
    st.prepare(
        "SELECT id, region, department_id, url, events, secret, active, created_by, created_at "
        "FROM webhook_subscriptions WHERE " +
        where + " ORDER BY id");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      s.id = id;
      s.department_id = dept_ind == soci::i_ok ? std::optional<std::int64_t>(dept) : std::nullopt;
      s.events = split_list(events);
      s.active = active != 0;
      out.push_back(s);
    }
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace

bool WebhookSubscription::wants(std::string_view topic) const {
  for (const auto& e : events) {
    if (e == "*" || e == topic) return true;
  }
  return false;
}

Result<std::int64_t> insert_subscription(Tx& tx, const WebhookSubscription& s) {
  try {
    long long dept = s.department_id.value_or(0);
    soci::indicator dept_ind = s.department_id ? soci::i_ok : soci::i_null;
    std::string events = join_list(s.events);
    int active = s.active ? 1 : 0;
    tx.sql() << "INSERT INTO webhook_subscriptions (region, department_id, url, events, secret, "
                "active, created_by, created_at) VALUES (:r, :d, :u, :e, :s, :a, :b, :c)",
        soci::use(s.region), soci::use(dept, dept_ind), soci::use(s.url), soci::use(events),
        soci::use(s.secret), soci::use(active), soci::use(s.created_by), soci::use(s.created_at);
    return last_insert_id(tx);
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::optional<WebhookSubscription>> find_subscription(Tx& tx, std::int64_t id) {
  long long i = id;
  auto found =
      select_subscriptions(tx, "id = :i", [&](soci::statement& st) { st.exchange(soci::use(i)); });
  if (!found) return found.error();
  if (found->empty()) return std::optional<WebhookSubscription>{};
  return std::optional<WebhookSubscription>{found->front()};
}

Result<std::vector<WebhookSubscription>> subscriptions_of(Tx& tx, const std::string& region) {
  return select_subscriptions(tx, "region = :r",
                              [&](soci::statement& st) { st.exchange(soci::use(region)); });
}

Result<std::vector<WebhookSubscription>> all_subscriptions(Tx& tx) {
  return select_subscriptions(tx, "1 = 1", [](soci::statement&) {});
}

Status deactivate_subscription(Tx& tx, std::int64_t id) {
  try {
    long long i = id;
    const std::string note = kCancelledNote;  // bound by reference until the statement runs
    tx.sql() << "UPDATE webhook_subscriptions SET active = 0 WHERE id = :i", soci::use(i);
    tx.sql() << "UPDATE webhook_deliveries SET status = 'cancelled', last_error = :e WHERE "
                "subscription_id = :i AND status = 'pending'",
        soci::use(note), soci::use(i);
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<int> fan_out_outbox(Tx& tx, const std::string& now_text, int limit) {
  try {
    struct Row {
      long long id = 0, record_id = 0;
      std::string region, topic, payload;
    };
    std::vector<Row> rows;
    {
      Row r;
      const std::string lock = tx.dialect() == Dialect::mysql ? " FOR UPDATE SKIP LOCKED" : "";
      soci::statement st =
          (tx.sql().prepare << "SELECT id, region, record_id, topic, payload FROM outbox WHERE "
                               "delivered_at IS NULL ORDER BY id LIMIT :n" +
                                   lock,
           soci::use(limit), soci::into(r.id), soci::into(r.region), soci::into(r.record_id),
           soci::into(r.topic), soci::into(r.payload));
      st.execute();
      while (st.fetch()) rows.push_back(r);
    }
    std::map<std::string, std::vector<WebhookSubscription>> subs;
    for (const auto& r : rows) {
      if (!subs.count(r.region)) {
        auto s = subscriptions_of(tx, r.region);
        if (!s) return s.error();
        subs[r.region] = std::move(s).value();
      }
      long long dept = 0;
      soci::indicator dept_ind = soci::i_null;
      tx.sql() << "SELECT department_id FROM records WHERE region = :r AND id = :i",
          soci::use(r.region), soci::use(r.record_id), soci::into(dept, dept_ind);
      for (const auto& s : subs[r.region]) {
        if (!s.active || !s.wants(r.topic)) continue;
        if (s.department_id && (dept_ind != soci::i_ok || *s.department_id != dept)) continue;
        long long sub = s.id;
        tx.sql() << "INSERT INTO webhook_deliveries (subscription_id, outbox_id, region, topic, "
                    "payload, status, attempts, next_attempt_at, created_at) VALUES (:s, :o, :r, "
                    ":t, :p, 'pending', 0, :n, :c)",
            soci::use(sub), soci::use(r.id), soci::use(r.region), soci::use(r.topic),
            soci::use(r.payload), soci::use(now_text), soci::use(now_text);
      }
      tx.sql() << "UPDATE outbox SET delivered_at = :n WHERE id = :i", soci::use(now_text),
          soci::use(r.id);
    }
    return static_cast<int>(rows.size());
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

namespace {

const char* kDeliveryColumns =
    "d.id, d.subscription_id, d.outbox_id, d.region, d.topic, d.payload, d.status, d.attempts, "
    "d.next_attempt_at, d.last_status, d.last_error, d.delivered_at, d.created_at, s.url, "
    "s.secret";

template <class Bind>
Result<std::vector<WebhookDelivery>> select_deliveries(Tx& tx, const std::string& rest, Bind bind) {
  try {
    std::vector<WebhookDelivery> out;
    WebhookDelivery d;
    long long id = 0, sub = 0, outbox = 0;
    soci::indicator delivered_ind = soci::i_null;
    soci::statement st(tx.sql());
    st.exchange(soci::into(id));
    st.exchange(soci::into(sub));
    st.exchange(soci::into(outbox));
    for (std::string* s : {&d.region, &d.topic, &d.payload, &d.status}) {
      st.exchange(soci::into(*s));
    }
    st.exchange(soci::into(d.attempts));
    st.exchange(soci::into(d.next_attempt_at));
    st.exchange(soci::into(d.last_status));
    st.exchange(soci::into(d.last_error));
    st.exchange(soci::into(d.delivered_at, delivered_ind));
    st.exchange(soci::into(d.created_at));
    st.exchange(soci::into(d.url));
    st.exchange(soci::into(d.secret));
    bind(st);
    st.alloc();
    st.prepare(std::string("SELECT ") + kDeliveryColumns +
               " FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = "
               "d.subscription_id WHERE " +
               rest);
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      d.id = id;
      d.subscription_id = sub;
      d.outbox_id = outbox;
      if (delivered_ind != soci::i_ok) d.delivered_at.clear();
      out.push_back(d);
    }
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace

Result<std::vector<WebhookDelivery>> claim_deliveries(Tx& tx, const std::string& now_text,
                                                      const std::string& lease_until, int limit,
                                                      const DeliveryShare& share) {
  // The candidates are read without locks and each is then leased by an UPDATE that checks
  // again that it is still due: a row another dispatcher leased meanwhile is left alone (0 rows
  // changed). A locking read would do the same on one server, but on Galera every write
  // replicated from another node aborts a local transaction holding locks on its rows, and under
  // load such a read rarely got through. Candidates beyond `limit` let the oldest deliveries of
  // other subscriptions through when one subscription has used its share.
  std::vector<long long> ids;
  try {
    long long id = 0, subscription = 0;
    const int candidates = limit * 8;
    soci::statement st =
        (tx.sql().prepare << "SELECT id, subscription_id FROM webhook_deliveries WHERE status = "
                             "'pending' AND next_attempt_at <= :n AND subscription_id IN (SELECT "
                             "id FROM webhook_subscriptions WHERE active = 1) ORDER BY "
                             "next_attempt_at, id LIMIT :l",
         soci::use(now_text), soci::use(candidates), soci::into(id), soci::into(subscription));
    st.execute();
    std::vector<std::pair<long long, long long>> rows;
    while (st.fetch()) rows.emplace_back(id, subscription);
    std::map<std::int64_t, int> taken = share.in_flight;
    // SQLite has one writer, so the spread is for MariaDB (and Galera) alone.
    const bool spread = tx.dialect() == Dialect::mysql && !rows.empty();
    const std::size_t first = spread ? share.start % rows.size() : 0;
    long long lease_id = 0;
    soci::statement lease =
        (tx.sql().prepare << "UPDATE webhook_deliveries SET next_attempt_at = :u WHERE id = :i "
                             "AND status = 'pending' AND next_attempt_at <= :n",
         soci::use(lease_until), soci::use(lease_id), soci::use(now_text));
    for (std::size_t k = 0; k < rows.size() && static_cast<int>(ids.size()) < limit; ++k) {
      const auto& [row_id, row_subscription] = rows[(first + k) % rows.size()];
      int& n = taken[row_subscription];
      if (n >= share.per_subscription) continue;
      lease_id = row_id;
      lease.execute(true);
      if (lease.get_affected_rows() != 1) continue;  // another dispatcher has it
      ++n;
      ids.push_back(row_id);
    }
  } catch (const std::exception& e) {
    return database_error(e);
  }
  std::vector<WebhookDelivery> out;
  for (long long i : ids) {
    auto one =
        select_deliveries(tx, "d.id = :i", [&](soci::statement& st) { st.exchange(soci::use(i)); });
    if (!one) return one.error();
    for (auto& d : *one) out.push_back(std::move(d));
  }
  return out;
}

Status record_attempt(Tx& tx, std::int64_t delivery_id, const AttemptOutcome& o,
                      const std::string& now_text) {
  try {
    long long id = delivery_id;
    const std::string status = o.delivered ? "delivered" : (o.give_up ? "failed" : "pending");
    std::string next = o.delivered || o.give_up ? now_text : o.next_attempt_at;
    std::string delivered = o.delivered ? now_text : "";
    soci::indicator delivered_ind = o.delivered ? soci::i_ok : soci::i_null;
    std::string error = o.error.substr(0, 500);
    // A delivery cancelled while it was on its way stays cancelled unless it arrived.
    const std::string still = o.delivered ? "status <> 'delivered'" : "status = 'pending'";
    tx.sql() << "UPDATE webhook_deliveries SET status = :s, attempts = attempts + 1, "
                "next_attempt_at = :n, last_status = :h, last_error = :e, delivered_at = :d "
                "WHERE id = :i AND " +
                    still,
        soci::use(status), soci::use(next), soci::use(o.http_status), soci::use(error),
        soci::use(delivered, delivered_ind), soci::use(id);
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::vector<WebhookDelivery>> deliveries_of(Tx& tx, std::int64_t subscription_id,
                                                   int limit) {
  long long sub = subscription_id;
  return select_deliveries(tx, "d.subscription_id = :s ORDER BY d.id DESC LIMIT :l",
                           [&](soci::statement& st) {
                             st.exchange(soci::use(sub));
                             st.exchange(soci::use(limit));
                           });
}

Result<QueueDepths> queue_depths(Tx& tx) {
  try {
    QueueDepths q;
    long long n = 0;
    tx.sql() << "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL", soci::into(n);
    q.outbox_pending = n;
    tx.sql() << "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending'", soci::into(n);
    q.deliveries_pending = n;
    tx.sql() << "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'failed'", soci::into(n);
    q.deliveries_failed = n;
    return q;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace gongshi
