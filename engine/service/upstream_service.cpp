#include "engine/service/upstream_service.hpp"

#include <boost/json.hpp>
#include <set>

#include "engine/exchange/upstream_format.hpp"
#include "engine/model/text.hpp"
#include "engine/report/monthly_query.hpp"
#include "engine/service/sealed_secret.hpp"
#include "engine/store/directory_repo.hpp"
#include "engine/store/record_repo.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {
namespace {

constexpr int kFanOutBatch = 500;
constexpr int kBatchesPerPush = 20;  // per target and round: the rest waits for the next round

Error region_wide_only() {
  return make_error(ErrorCode::forbidden, "只有信用办或系统管理员能查看和处理上报",
                    "only the credit office or a system administrator handles reporting upward");
}

bool handles_upstream(const Principal& p) {
  return p.has("credit_office") || p.has("sysadmin");
}

Status check_input(const UpstreamTargetInput& in, const std::map<std::string, std::string>& known) {
  const auto bad = [](const std::string& field, const std::string& zh, const std::string& en) {
    Error e = make_error(ErrorCode::invalid_input, field + "：" + zh, field + ": " + en);
    e.issues.push_back(Issue{field, IssueCode::wrong_type, zh, en, ""});
    return e;
  };
  if (in.name.empty() || in.name.size() > 100) {
    return bad("name", "名称不能为空，最多 100 字节", "must be 1 to 100 bytes");
  }
  if (in.format != "json" && in.format != "csv" && in.format != "xlsx") {
    return bad("format", "应为 json、csv 或 xlsx", "must be json, csv or xlsx");
  }
  const bool http = in.endpoint.starts_with("http://"), https = in.endpoint.starts_with("https://");
  if ((!http && !https) || in.endpoint.size() > 500 || in.endpoint.size() <= 8) {
    return bad("endpoint", "应为 http:// 或 https:// 地址（最多 500 字节）",
               "must be an http:// or https:// URL of at most 500 bytes");
  }
  if (!in.ca_file.empty()) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(in.ca_file, ec);
    if (!https || ec || size == 0 || size > (1u << 20) || in.ca_file.front() != '/') {
      return bad("ca_file",
                 "应为服务器上可读的 PEM 证书文件的绝对路径（仅用于 https 地址，最大 1 MiB）",
                 "must be the absolute path of a readable PEM file on the server (https only, at "
                 "most 1 MiB)");
    }
  }
  if (in.endpoint.find('@') != std::string::npos ||
      in.endpoint.find_first_of(" \r\n\t") != std::string::npos) {
    return bad("endpoint", "地址中不能含用户名密码（@）或空白；凭据请填在 credential",
               "no user:password@ or white space in the URL; the credential goes in credential");
  }
  if (in.credential.size() > 4096) {
    return bad("credential", "凭据过长（最多 4096 字节）", "at most 4096 bytes");
  }
  for (const char ch : in.credential) {
    if (ch < 0x21 || ch > 0x7e) {
      return bad("credential", "凭据只能由可见的 ASCII 字符组成",
                 "must be visible ASCII characters only");
    }
  }
  for (const auto& c : in.changes) {
    if (!known.contains(c)) {
      return bad("changes", "未知的变更类型「" + c + "」", "unknown change type '" + c + "'");
    }
  }
  if (in.batch_size < 1 || in.batch_size > static_cast<int>(kUpstreamMaxChanges)) {
    return bad("batch_size", "每批 1 至 1000 条", "must be 1 to 1000");
  }
  return ok_status();
}

UpstreamTarget without_credential(UpstreamTarget t) {
  t.credential = t.credential.empty() ? "" : "(sealed)";
  return t;
}

// Why a request got no answer, without the library's source locations.
std::string failure_text(const Error& e) {
  const auto short_of = [](const std::string& s) { return s.substr(0, s.find(" [")); };
  return "未送达：" + short_of(e.message_zh) + " / not delivered: " + short_of(e.message_en);
}

std::string with_kind(const std::string& endpoint, RecordKind kind) {
  return endpoint + (endpoint.find('?') == std::string::npos ? "?" : "&") +
         "kind=" + std::string(to_string(kind));
}

}  // namespace

UpstreamService::UpstreamService(std::shared_ptr<Database> db, const Lifecycle& lifecycle,
                                 const AccessPolicy& access, AuditTrail& audit, std::string key,
                                 std::filesystem::path work_dir, AddressPolicy targets)
    : db_(std::move(db)),
      lifecycle_(lifecycle),
      access_(access),
      audit_(audit),
      key_(std::move(key)),
      work_dir_(std::move(work_dir)),
      targets_(std::move(targets)) {
  for (const auto& [name, label] : lifecycle.upstream_changes()) change_labels_[name] = label;
  for (const auto& name :
       lifecycle.events_where([](const Transition& t) { return !t.upstream.empty(); })) {
    change_of_topic_["record." + name] = lifecycle.event(name)->upstream;
  }
}

std::string UpstreamService::idempotency_key(const UpstreamChange& c) {
  return "gongshi-" + c.region + "-" + c.idem_key;
}

Result<UpstreamTarget> UpstreamService::create_target(const Principal& who,
                                                      const UpstreamTargetInput& in,
                                                      TimePoint now) {
  if (auto st = access_.require_any_role(who, {"sysadmin"}); !st) return st.error();
  if (auto st = access_.require_region(who, in.region); !st) return st.error();
  if (auto st = check_input(in, change_labels_); !st) return st.error();
  if (auto st = check_outbound_target(in.endpoint, targets_, kUpstreamUse); !st) {
    Error e = st.error();
    e.message_zh = "endpoint：" + e.message_zh;
    e.message_en = "endpoint: " + e.message_en;
    e.issues.push_back(
        Issue{"endpoint", IssueCode::wrong_type, st.error().message_zh, st.error().message_en, ""});
    return e;
  }
  UpstreamTarget t;
  t.region = in.region;
  t.name = in.name;
  t.format = in.format;
  t.endpoint = in.endpoint;
  t.ca_file = in.ca_file;
  if (!in.credential.empty()) {
    if (key_.empty()) {
      return make_error(ErrorCode::invalid_input,
                        "保存凭据需要在环境变量 GONGSHI_UPSTREAM_KEY 中提供密钥（至少 32 字节）",
                        "a credential is stored sealed: set GONGSHI_UPSTREAM_KEY (32+ bytes)");
    }
    auto sealed = seal_secret(key_, in.credential);
    if (!sealed) return sealed.error();
    t.credential = std::move(sealed).value();
  }
  if (in.changes.empty()) {
    for (const auto& [name, label] : change_labels_) t.changes.push_back(name);
  } else {
    t.changes = in.changes;
  }
  t.batch_size = in.batch_size;
  t.created_by = who.login.empty() ? "operator" : who.login;
  t.created_at = format_utc(now);
  auto id = in_transaction<std::int64_t>(*db_, [&](Tx& tx) { return insert_target(tx, t); });
  if (!id) return id.error();
  t.id = *id;
  (void)audit_.record(
      "upstream.target.created", &who, t.region, t.name,
      {{"id", t.id}, {"endpoint", t.endpoint}, {"credential", !t.credential.empty()}});
  return without_credential(std::move(t));
}

Result<std::vector<UpstreamTarget>> UpstreamService::targets(const Principal& who,
                                                             const std::string& region) {
  if (!handles_upstream(who)) return region_wide_only();
  if (auto st = access_.require_region(who, region); !st) return st.error();
  auto all = in_read_transaction<std::vector<UpstreamTarget>>(
      *db_, [&](Tx& tx) { return targets_of(tx, region); });
  if (!all) return all.error();
  auto rows = std::move(all).value();
  for (auto& t : rows) t = without_credential(std::move(t));
  return rows;
}

Result<UpstreamTarget> UpstreamService::visible_target(const Principal& who, std::int64_t id) {
  if (!handles_upstream(who)) return region_wide_only();
  auto found = in_read_transaction<std::optional<UpstreamTarget>>(
      *db_, [&](Tx& tx) { return find_target(tx, id); });
  if (!found) return found.error();
  if (!*found || !access_.covers_region(who, (*found)->region)) {
    return not_found("没有这个上报目标：" + std::to_string(id),
                     "no such upstream target: " + std::to_string(id));
  }
  return without_credential(std::move(**found));
}

Status UpstreamService::deactivate_target(const Principal& who, std::int64_t id) {
  if (auto st = access_.require_any_role(who, {"sysadmin"}); !st) return st.error();
  auto t = visible_target(who, id);
  if (!t) return t.error();
  auto done = in_transaction<bool>(*db_, [&](Tx& tx) -> Result<bool> {
    if (auto st = gongshi::deactivate_target(tx, id); !st) return st.error();
    return true;
  });
  if (!done) return done.error();
  (void)audit_.record("upstream.target.disabled", &who, t->region, t->name, {{"id", t->id}});
  return ok_status();
}

Result<std::vector<UpstreamChange>> UpstreamService::changes(const Principal& who,
                                                             const ChangeQuery& q) {
  auto t = visible_target(who, q.target_id);
  if (!t) return t.error();
  ChangeQuery bounded = q;
  bounded.limit = std::clamp(q.limit, 1, 500);
  return in_read_transaction<std::vector<UpstreamChange>>(
      *db_, [&](Tx& tx) { return list_changes(tx, bounded); });
}

Result<UpstreamChange> UpstreamService::resend(const Principal& who, std::int64_t change_id,
                                               TimePoint now) {
  if (!handles_upstream(who)) return region_wide_only();
  const std::string now_text = format_utc(now);
  auto done = in_transaction<UpstreamChange>(*db_, [&](Tx& tx) -> Result<UpstreamChange> {
    auto old = find_change(tx, change_id);
    if (!old) return old.error();
    if (!*old || !access_.covers_region(who, (*old)->region)) {
      return not_found("没有这条上报变更：" + std::to_string(change_id),
                       "no such upstream change: " + std::to_string(change_id));
    }
    if ((*old)->status != "refused") {
      return make_error(ErrorCode::conflict,
                        "只有被上级平台拒收的变更可以重新上报（这条是 " + (*old)->status + "）",
                        "only a refused change is resent (this one is " + (*old)->status + ")");
    }
    ChangeQuery later;
    later.target_id = (*old)->target_id;
    later.record_id = (*old)->record_id;
    auto of_record = list_changes(tx, later);
    if (!of_record) return of_record.error();
    for (const auto& c : *of_record) {
      if (c.id > change_id && c.status != "resent") {
        return make_error(ErrorCode::conflict,
                          "这条记录此后已有新的上报变更（" + c.change_type + "），不再重发旧的",
                          "the record has a later change (" + c.change_type +
                              ") to this target: the old one is not resent");
      }
    }
    auto record = get_record(tx, (*old)->region, (*old)->record_id);
    if (!record) return record.error();
    const StateInfo* state = lifecycle_.state(record->state);
    if ((*old)->change_type == "published" &&
        (state == nullptr || state->publication == Publication::other)) {
      return make_error(ErrorCode::conflict, "该记录已不在公示中，不能作为新增公示重发",
                        "the record no longer stands as published: not resent as published");
    }
    UpstreamChange c = **old;
    c.id = 0;
    c.outbox_id.reset();
    c.department_id = record->department_id;
    c.document_no = record->document_no;
    c.subject_code = record->subject_code;
    c.record_version = record->version;
    c.payload = record->data;
    c.status = "pending";
    c.attempts = 0;
    c.last_error.clear();
    c.next_attempt_at = now_text;
    c.changed_at = now_text;
    c.created_at = now_text;
    auto marked = mark_resent(tx, change_id);
    if (!marked) return marked.error();
    if (!*marked) {
      return make_error(ErrorCode::conflict, "这条变更刚被重新上报过",
                        "the change was resent meanwhile");
    }
    auto id = insert_change(tx, c);
    if (!id) return id.error();
    auto stored = find_change(tx, *id);  // with the key the store chose
    if (!stored) return stored.error();
    if (!*stored)
      return make_error(ErrorCode::internal, "重发的变更未能读回", "the resent change is gone");
    return std::move(**stored);
  });
  return done;
}

Result<int> UpstreamService::backfill(const Principal& who, std::int64_t target_id, Date from,
                                      Date to, TimePoint now) {
  auto t = visible_target(who, target_id);
  if (!t) return t.error();
  if (!t->active) {
    return make_error(ErrorCode::conflict, "该上报目标已停用", "the upstream target is inactive");
  }
  if (to < from)
    return make_error(ErrorCode::invalid_input, "--to 早于 --from", "--to is before --from");
  const std::string now_text = format_utc(now);
  return in_transaction<int>(*db_, [&](Tx& tx) -> Result<int> {
    auto rows = published_records(tx, t->region, from, to);
    if (!rows) return rows.error();
    int queued = 0;
    for (const auto& row : *rows) {
      auto knows = target_knows(tx, t->id, row.id);
      if (!knows) return knows.error();
      if (*knows) continue;
      auto record = get_record(tx, t->region, row.id);
      if (!record) return record.error();
      // What stands as reported: a record withdrawn, revoked or repaired before the target
      // existed is not sent at all.
      const StateInfo* state = lifecycle_.state(record->state);
      if (state == nullptr || state->publication == Publication::other) continue;
      UpstreamChange c;
      c.target_id = t->id;
      c.region = t->region;
      c.record_id = record->id;
      c.department_id = record->department_id;
      c.kind = std::string(to_string(record->kind));
      c.document_no = record->document_no;
      c.subject_code = record->subject_code;
      c.change_type = "published";
      c.record_version = record->version;
      c.payload = record->data;
      c.next_attempt_at = now_text;
      c.changed_at = record->published_at;
      c.created_at = now_text;
      if (auto id = insert_change(tx, c); !id) return id.error();
      ++queued;
    }
    return queued;
  });
}

Status UpstreamService::fan_out(const std::string& now_text) {
  const auto change_of = [this](std::string_view topic) -> std::string {
    const auto it = change_of_topic_.find(std::string(topic));
    return it == change_of_topic_.end() ? "" : it->second;
  };
  for (int round = 0; round < 100; ++round) {
    auto n = in_transaction<int>(
        *db_, [&](Tx& tx) { return fan_out_upstream(tx, now_text, kFanOutBatch, change_of); });
    if (!n) return n.error();
    if (*n < kFanOutBatch) break;
  }
  return ok_status();
}

Result<PushSummary> UpstreamService::push(const Clock& clock, const UpstreamSender& send,
                                          const RetryPolicy& retry, std::chrono::seconds lease,
                                          std::stop_token stop) {
  PushSummary sum;
  if (auto st = fan_out(format_utc(clock.now())); !st) return st.error();
  auto all = in_read_transaction<std::vector<UpstreamTarget>>(
      *db_, [&](Tx& tx) { return targets_of(tx, ""); });
  if (!all) return all.error();
  for (const auto& t : *all) {
    if (stop.stop_requested()) break;
    if (!t.active) continue;
    // A target whose changes cannot be settled now (the database) does not hold up the others.
    if (auto r = push_target(t, clock, send, retry, lease, sum, stop); !r) {
      sum.errors.push_back(t.name + ": " + r.error().message_zh + " / " + r.error().message_en);
    }
  }
  return sum;
}

Result<int> UpstreamService::push_target(const UpstreamTarget& t, const Clock& clock,
                                         const UpstreamSender& send, const RetryPolicy& retry,
                                         std::chrono::seconds lease, PushSummary& sum,
                                         std::stop_token stop) {
  int batches = 0;
  for (; batches < kBatchesPerPush && !stop.stop_requested(); ++batches) {
    // The time is read again for each batch: a round can outlast a lease.
    const std::string now_text = format_utc(clock.now()),
                      lease_text = format_utc(clock.now() + lease);
    auto claimed = in_transaction<std::vector<UpstreamChange>>(
        *db_, [&](Tx& tx) { return claim_changes(tx, t.id, now_text, lease_text, t.batch_size); });
    if (!claimed) return claimed.error();
    if (claimed->empty()) break;

    // What each change's attempt came to: an acknowledgement, or why it must be tried again.
    std::map<std::int64_t, Acknowledgement> answers;
    std::map<std::int64_t, std::string> failures;
    std::string credential;
    if (!t.credential.empty()) {
      auto opened = key_.empty()
                        ? Result<std::string>(make_error(
                              ErrorCode::invalid_input, "缺少 GONGSHI_UPSTREAM_KEY，无法取出凭据",
                              "GONGSHI_UPSTREAM_KEY is not set: the credential is sealed"))
                        : open_secret(key_, t.credential);
      if (!opened) {
        for (const auto& c : *claimed) failures[c.id] = failure_text(opened.error());
      } else {
        credential = std::move(opened).value();
      }
    }
    struct Part {
      std::vector<const UpstreamChange*> changes;
      UpstreamRequest request;
    };
    std::vector<Part> parts;
    const auto outgoing = [](const UpstreamChange& c) {
      OutgoingChange o;
      o.idem_key = idempotency_key(c);
      o.change_type = c.change_type;
      o.changed_at = c.changed_at;
      o.kind = parse_record_kind(c.kind).value_or(RecordKind::license);
      o.region = c.region;
      o.document_no = c.document_no;
      o.subject_code = c.subject_code;
      o.record_json = c.payload;
      return o;
    };
    if (failures.empty()) {
      if (t.format == "json") {
        Part p;
        std::vector<OutgoingChange> out;
        for (const auto& c : *claimed) {
          p.changes.push_back(&c);
          out.push_back(outgoing(c));
        }
        p.request.url = t.endpoint;
        p.request.headers = {{"Content-Type", "application/json"}};
        p.request.body = upstream_json_body(t.region, out);
        parts.push_back(std::move(p));
      } else {
        for (RecordKind kind : {RecordKind::license, RecordKind::penalty}) {
          Part p;
          std::vector<OutgoingChange> out;
          for (const auto& c : *claimed) {
            if (c.kind != to_string(kind)) continue;
            p.changes.push_back(&c);
            out.push_back(outgoing(c));
          }
          if (out.empty()) continue;
          p.request.url = with_kind(t.endpoint, kind);
          if (t.format == "csv") {
            p.request.headers = {{"Content-Type", "text/csv; charset=utf-8"}};
            p.request.body = upstream_csv_body(kind, out);
          } else {
            auto bytes = upstream_xlsx_body(kind, out, work_dir_);
            if (!bytes) {
              for (const auto* c : p.changes) failures[c->id] = failure_text(bytes.error());
              continue;
            }
            p.request.headers = {
                {"Content-Type",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
            p.request.body = std::move(bytes).value();
          }
          parts.push_back(std::move(p));
        }
      }
    }
    for (auto& p : parts) {
      p.request.targets = &targets_;
      p.request.ca_file = t.ca_file;
      p.request.headers.emplace_back("X-Gongshi-Sender", t.region);
      if (!credential.empty())
        p.request.headers.emplace_back("Authorization", "Bearer " + credential);
      ++sum.requests;
      auto reply = send(p.request);
      std::string why;
      std::map<std::string, Acknowledgement> acks;
      if (!reply) {
        why = failure_text(reply.error());
      } else if (reply->status < 200 || reply->status >= 300) {
        why = "上级平台答复 HTTP " + std::to_string(reply->status) +
              " / the platform answered HTTP " + std::to_string(reply->status) + ": " +
              reply->body.substr(0, 300);
      } else if (auto parsed = parse_acknowledgements(reply->body); !parsed) {
        why = parsed.error().message_zh + " / " + parsed.error().message_en;
      } else {
        acks = std::move(parsed).value();
      }
      if (!why.empty()) sum.errors.push_back(t.name + ": " + why);
      for (const auto* c : p.changes) {
        const auto it = acks.find(idempotency_key(*c));
        if (!why.empty()) {
          failures[c->id] = why;
        } else if (it == acks.end()) {
          failures[c->id] = "上级平台的应答没有这条变更的结果 / the answer has no result for it";
        } else {
          answers[c->id] = it->second;
        }
      }
    }
    const auto now = clock.now();
    const std::string settled_text = format_utc(now);
    auto settled = in_transaction<bool>(*db_, [&](Tx& tx) -> Result<bool> {
      for (const auto& c : *claimed) {
        Status st = ok_status();
        if (const auto a = answers.find(c.id); a != answers.end()) {
          const bool refused = a->second.status == "refused";
          const std::string reason =
              refused ? a->second.reason_zh + " / " + a->second.reason_en : "";
          st = settle_change(tx, c.id,
                             refused ? ChangeOutcome::refused : ChangeOutcome::acknowledged, reason,
                             now_text, now_text);
        } else {
          const auto next = now + retry_delay(c.attempts + 1, retry.first, retry.max);
          st = settle_change(tx, c.id, ChangeOutcome::retry, failures[c.id], settled_text,
                             format_utc(next));
        }
        if (!st) return st.error();
      }
      return true;
    });
    if (!settled) return settled.error();
    for (const auto& [id, a] : answers) {
      (a.status == "refused" ? sum.refused : sum.acknowledged) += 1;
    }
    sum.retried += static_cast<int>(failures.size());
    if (!failures.empty()) break;  // the platform is not taking them now: wait for the back-off
  }
  return batches;
}

Result<std::vector<UpstreamReport>> UpstreamService::report(const Principal& who,
                                                            const std::string& region,
                                                            const std::string& month,
                                                            std::optional<std::int64_t> target_id) {
  if (!handles_upstream(who)) return region_wide_only();
  if (auto st = access_.require_region(who, region); !st) return st.error();
  auto period = parse_month(region, month);
  if (!period) return period.error();
  const Date from = period->period.first, to = period->period.last;
  return in_read_transaction<std::vector<UpstreamReport>>(
      *db_, [&](Tx& tx) -> Result<std::vector<UpstreamReport>> {
        auto targets = targets_of(tx, region);
        if (!targets) return targets.error();
        auto departments = departments_of(tx, region);
        if (!departments) return departments.error();
        std::map<std::int64_t, std::string> name_of;
        for (const auto& d : *departments) name_of[d.id] = d.name;
        auto published = published_records(tx, region, from, to);
        if (!published) return published.error();
        std::vector<UpstreamReport> out;
        for (const auto& t : *targets) {
          if (target_id ? t.id != *target_id : !t.active) continue;
          auto changes = changes_for_period(tx, t.id, region, from, to);
          if (!changes) return changes.error();
          std::map<std::int64_t, std::vector<const UpstreamChange*>> of_record;
          for (const auto& c : *changes) {
            if (c.status != "resent") of_record[c.record_id].push_back(&c);
          }
          UpstreamReport rep;
          rep.region = region;
          rep.month = month;
          rep.target = without_credential(t);
          std::map<std::int64_t, UpstreamReportRow> rows;
          for (const auto& r : *published) {
            const std::int64_t dept = r.department_id.value_or(0);
            auto& row = rows[dept];
            row.department_id = dept;
            row.department = name_of.count(dept) ? name_of[dept] : "（无部门）";
            ++row.published;
            UpstreamGap gap;
            const auto it = of_record.find(r.id);
            if (it == of_record.end()) {
              gap.status = "not_sent";
              ++row.not_sent;
            } else {
              const UpstreamChange* behind = it->second.back();
              for (const auto* c : it->second) {
                if (c->status == "pending") {
                  behind = c;
                  break;
                }
              }
              gap.status = behind->status;
              gap.change_type = behind->change_type;
              gap.reason = behind->last_error;
              gap.change_id = behind->id;
              gap.attempts = behind->attempts;
              if (behind->status == "acknowledged") {
                ++row.acknowledged;
                continue;
              }
              (behind->status == "pending" ? row.pending : row.refused) += 1;
            }
            gap.record_id = r.id;
            gap.department_id = dept;
            gap.department = row.department;
            gap.kind = r.kind;
            gap.document_no = r.document_no;
            gap.subject_code = r.subject_code;
            gap.state = r.state;
            rep.gaps.push_back(std::move(gap));
          }
          for (auto& [id, row] : rows) {
            rep.total.published += row.published;
            rep.total.acknowledged += row.acknowledged;
            rep.total.refused += row.refused;
            rep.total.pending += row.pending;
            rep.total.not_sent += row.not_sent;
            rep.rows.push_back(std::move(row));
          }
          rep.total.department = "合计";
          out.push_back(std::move(rep));
        }
        if (target_id && out.empty()) {
          return not_found("该地区没有这个上报目标：" + std::to_string(*target_id),
                           "no such upstream target in the region: " + std::to_string(*target_id));
        }
        return out;
      });
}

}  // namespace gongshi
