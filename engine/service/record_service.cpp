#include "engine/service/record_service.hpp"

#include "engine/model/publication.hpp"

#include <algorithm>

#include <boost/json/parse.hpp>

#include "engine/model/text.hpp"
#include "engine/service/applications.hpp"
#include "engine/store/record_repo.hpp"

namespace gongshi {
namespace {

const char* kPublicScope = "社会公开";

// A write that would overwrite without knowing what it overwrites.
Error version_required() {
  return bad_request("请用 If-Match 头（或 version 字段）给出记录版本，以免覆盖他人的修改",
                     "send the record's version in If-Match (or a version field)");
}

Error no_record(const std::string& region, std::int64_t id) {
  return not_found("记录 " + region + "/" + std::to_string(id) + " 不存在",
                   "no record " + region + "/" + std::to_string(id));
}

}  // namespace

Result<CreateRequest> RecordService::request_for(const Principal& who, RecordInput& in) const {
  // A role that enters no records hears so first, not that a department is missing.
  if (auto st = access_.may_enter_records(who); !st) return st.error();
  CreateRequest req;
  req.region = in.region.empty() ? who.region : in.region;
  req.department_id = in.department_id ? in.department_id : who.department_id;
  if (!req.department_id) {
    return bad_request("请指明 department_id（决定部门）", "department_id is required");
  }
  if (auto st = access_.may_create_records(who, req.region, req.department_id); !st) {
    return st.error();
  }
  req.catalog_item_id = in.catalog_item_id;
  req.kind = in.kind;
  req.fields = std::move(in.fields);
  req.backfill = in.backfill;
  return req;
}

Result<CreateOutcome> RecordService::create(const Principal& who, RecordInput in, TimePoint now) {
  auto req = request_for(who, in);
  if (!req) return req.error();
  return engine_.create(*req, Actor{who.login, access_.creating_role(who)}, in.idempotency_key,
                        now);
}

Result<std::vector<Result<CreateOutcome>>> RecordService::create_batch(
    const Principal& who, std::vector<Result<RecordInput>> in, TimePoint now) {
  if (auto st = access_.may_enter_records(who); !st) return st.error();
  std::vector<Result<CreateOutcome>> out;
  std::vector<BatchItem> batch;
  std::vector<std::size_t> index;
  for (std::size_t i = 0; i < in.size(); ++i) {
    out.push_back(Result<CreateOutcome>(make_error(ErrorCode::internal, "", "")));
    if (!in[i]) {
      out[i] = in[i].error();
      continue;
    }
    auto req = request_for(who, in[i].value());
    if (!req) {
      out[i] = req.error();
      continue;
    }
    batch.push_back({std::move(req).value(), in[i]->idempotency_key});
    index.push_back(i);
  }
  if (!batch.empty()) {
    auto done = engine_.create_batch(batch, Actor{who.login, access_.creating_role(who)}, now);
    if (!done) return done.error();
    for (std::size_t j = 0; j < done->size(); ++j) out[index[j]] = std::move((*done)[j]);
  }
  return out;
}

Result<std::vector<StoredRecord>> RecordService::list(const Principal& who, const RecordList& in,
                                                      TimePoint now) {
  RecordQuery q;
  q.regions = access_.visible_regions(who);
  if (!in.region.empty()) {
    if (auto st = access_.require_region(who, in.region); !st) return st.error();
    q.regions = {in.region};
  }
  q.department_id = in.department_id;
  if (!access_.region_wide(who)) {
    if (q.department_id && q.department_id != who.department_id) {
      return forbidden("只能访问本部门的数据", "only your own department's data is accessible");
    }
    q.department_id = who.department_id;
    if (!q.department_id) return forbidden("用户未归属部门", "the user has no department");
  }
  for (const auto& s : in.states) {
    if (lifecycle_.state(s) == nullptr)
      return bad_request("未知的状态：" + s, "unknown state: " + s);
  }
  q.kind = in.kind;
  q.states = in.states;
  q.decided_from = in.decided_from;
  q.decided_to = in.decided_to;
  if (in.overdue) q.overdue_on = shanghai_date(now);
  if (in.provisional) q.calendar_provisional = true;
  if (in.by_deadline && in.before_id) {
    return bad_request("按期限排序时不分页（before 不可用）",
                       "ordered by deadline there is one page only (no before)");
  }
  q.before_id = in.before_id;
  q.by_deadline = in.by_deadline;
  q.limit = std::clamp(in.limit, 1, 500);
  return in_read_transaction<std::vector<StoredRecord>>(
      *db_, [&](Tx& tx) { return list_records(tx, q); });
}

Result<StoredRecord> RecordService::get(const Principal& who, const std::string& region,
                                        std::int64_t id) {
  auto r = engine_.get(region, id);
  if (!r) return r.error();
  if (!access_.may_see(who, *r)) return no_record(region, id);
  return r;
}

const std::vector<std::pair<std::string, std::string>>& history_note_labels() {
  static const std::vector<std::pair<std::string, std::string>> labels{
      {"create", "新建"},
      {"edit", "修改字段"},
      {"comment", "意见"},
      {"remind", "催办"},
      {"recompute_deadlines", "重算期限（节假日数据载入）"},
      {"mark:warned", "提醒：今日应公示"},
      {"mark:overdue_late", "标记：迟报"},
      {"mark:overdue_missing", "标记：漏报"},
      {"mark:objection_overdue", "标记：异议处理超期"},
      {"mark:repair_overdue", "标记：信用修复办理超期"},
  };
  return labels;
}

std::optional<int> RecordService::working_days_left(const StoredRecord& r, TimePoint now) const {
  if (!r.publish_by || !r.published_at.empty() || !r.closed_at.empty()) return std::nullopt;
  auto calendar = rules_.calendar_for(r.region);
  if (!calendar) return std::nullopt;
  CalendarUse use;  // past the loaded years: weekdays, as the provisional deadline was counted
  auto n = (*calendar)->working_days_between(shanghai_date(now), *r.publish_by, &use);
  if (!n) return std::nullopt;
  return *n;
}

Result<std::pair<StoredRecord, std::vector<NextEvent>>> RecordService::next_events(
    const Principal& who, const std::string& region, std::int64_t id) {
  auto r = get(who, region, id);
  if (!r) return r.error();
  std::vector<NextEvent> out;
  for (const auto* edge : lifecycle_.edges_from(r->state)) {
    for (const auto& role : who.roles) {
      if (std::find(edge->roles.begin(), edge->roles.end(), role) == edge->roles.end()) continue;
      const bool reason =
          std::find(edge->guards.begin(), edge->guards.end(), "reason_given") != edge->guards.end();
      out.push_back({edge, role, reason});
      break;
    }
  }
  return std::make_pair(std::move(r).value(), std::move(out));
}

Result<StoredRecord> RecordService::take(const Principal& who, const std::string& region,
                                         std::int64_t id, const std::string& event,
                                         std::optional<int> version, const EventInput& in,
                                         TimePoint now) {
  auto r = get(who, region, id);
  if (!r) return r.error();
  auto role = access_.acting_role(who, r->state, event);
  if (!role) {
    if (version && *version != r->version) {
      return make_error(
          ErrorCode::conflict,
          "记录已被他人修改（当前版本 " + std::to_string(r->version) + "），请刷新后重试",
          "the record changed (now version " + std::to_string(r->version) + "): reload and retry");
    }
    return role.error();
  }
  if (!version) return version_required();
  const Transition* edge = lifecycle_.find(r->state, event);  // there: acting_role found it
  boost::json::object payload;
  if (!in.reason.empty()) payload["reason"] = in.reason;
  if (!in.comment.empty()) payload["comment"] = in.comment;
  if (!in.fields.empty()) {
    if (!edge->fields_required) {
      return bad_request("「" + edge->label_zh + "」不修改字段，请勿附带 fields",
                         "'" + event + "' does not change fields: send no fields");
    }
    payload["fields"] = in.fields;
  }
  if (!in.received_on.empty()) payload["received_on"] = in.received_on;  // the engine checks it
  TxStep extra;
  if (!edge->opens.empty()) {  // staff register what reached them outside the public routes
    const std::string channel = in.channel.empty() ? staff_channels().front() : in.channel;
    const auto& known = staff_channels();
    if (std::find(known.begin(), known.end(), channel) == known.end()) {
      return bad_request("未知的受理渠道：" + channel + "（paper、phone、letter、visit）",
                         "unknown channel: " + channel + " (paper, phone, letter, visit)");
    }
    ApplicationRow a = staff_application(edge->opens, *r, channel, in.reason, who.login, now);
    payload["application"] = a.number;
    payload["channel"] = channel;
    extra = [a](Tx& tx, const StoredRecord&) { return insert_application(tx, a); };
  }
  return engine_.transition(*r, event, Actor{who.login, *role}, *version, payload, now, extra);
}

std::vector<Result<StoredRecord>> RecordService::take_many(const Principal& who,
                                                           const std::string& event,
                                                           const std::vector<BulkItem>& items,
                                                           const EventInput& in, TimePoint now) {
  std::vector<Result<StoredRecord>> out;
  out.reserve(items.size());
  for (const auto& item : items) {
    out.push_back(take(who, item.region, item.id, event, item.version, in, now));
  }
  return out;
}

Result<std::vector<StoredRecord>> RecordService::remind(const Principal& who,
                                                        const std::string& region,
                                                        std::int64_t department_id,
                                                        const std::string& text, TimePoint now) {
  if (auto st = access_.may_remind(who, region, department_id); !st) return st.error();
  RecordList q;
  q.region = region;
  q.department_id = department_id;
  q.overdue = true;
  q.limit = 500;
  auto overdue = list(who, q, now);
  if (!overdue) return overdue.error();
  auto done = engine_.remind(*overdue, Actor{who.login, access_.reminding_role(who)}, text, now);
  if (!done) return done.error();
  return overdue;
}

Result<EventRow> RecordService::comment(const Principal& who, const std::string& region,
                                        std::int64_t id, const std::string& text, TimePoint now) {
  auto r = get(who, region, id);
  if (!r) return r.error();
  auto role = access_.commenting_role(who);
  if (!role) return role.error();
  return engine_.comment(*r, Actor{who.login, *role}, text, now);
}

Result<EditOutcome> RecordService::edit(const Principal& who, const std::string& region,
                                        std::int64_t id, std::optional<int> version,
                                        const boost::json::object& changes,
                                        const std::string& comment, TimePoint now) {
  auto r = get(who, region, id);
  if (!r) return r.error();
  auto role = access_.editing_role(who, *r);
  if (!role) return role.error();
  if (!version) return version_required();
  return engine_.edit(*r, changes, Actor{who.login, *role}, *version, comment, now);
}

Result<std::vector<EventRow>> RecordService::history(const Principal& who,
                                                     const std::string& region, std::int64_t id) {
  auto r = get(who, region, id);
  if (!r) return r.error();
  return engine_.history(r->region, r->id);
}

Result<ReplayReport> RecordService::replay(const Principal& who, const std::string& region,
                                           std::int64_t id) {
  auto r = get(who, region, id);
  if (!r) return r.error();
  return replay_record(*db_, rules_, lifecycle_, r->region, r->id);
}

bool RecordService::is_public(const StoredRecord& r) const {
  const StateInfo* s = lifecycle_.state(r.state);
  return r.scope == kPublicScope && s != nullptr && s->public_page;
}

namespace {

std::string_view text_field(const boost::json::object& fields, const char* code) {
  const auto* v = fields.if_contains(code);
  return v != nullptr && v->is_string() ? std::string_view(v->get_string()) : std::string_view{};
}

// What the coarse match of the store found, checked field by field.
bool matches_search(const StoredRecord& r, const std::string& text) {
  if (r.document_no == text) return true;
  boost::system::error_code ec;
  auto parsed = boost::json::parse(r.data, ec);
  if (ec || !parsed.is_object()) return false;
  const auto& fields = parsed.get_object();
  const bool license = r.kind == RecordKind::license;
  if (is_natural_person(r.kind, fields)) return false;  // the public sees the name masked
  if (r.subject_code == text) return true;
  return text_field(fields, license ? "XK_XDR_MC" : "CF_XDR_MC").find(text) !=
         std::string_view::npos;
}

}  // namespace

Result<PublicPage> RecordService::public_list(const PublicList& in) {
  const auto length = utf8_length(in.text);
  if (!length || *length > 100) {
    return bad_request("查询内容应为不超过 100 个字符的文字", "q: at most 100 characters of UTF-8");
  }
  RecordQuery q;
  q.states = lifecycle_.states_where([](const StateInfo& s) { return s.public_page; });
  q.scope = kPublicScope;
  if (!in.region.empty()) q.regions = {in.region};
  q.kind = in.kind;
  q.department_id = in.department_id;
  q.decided_from = in.decided_from;
  q.decided_to = in.decided_to;
  q.text = in.text;
  q.before_id = in.before_id;
  q.limit = std::clamp(in.limit, 1, 100);
  auto rows = in_read_transaction<std::vector<StoredRecord>>(
      *db_, [&](Tx& tx) { return list_records(tx, q); });
  if (!rows) return rows.error();
  PublicPage page;
  if (static_cast<int>(rows->size()) == q.limit) page.next_before = rows->back().id;
  for (auto& r : *rows) {
    if (in.text.empty() || matches_search(r, in.text)) page.items.push_back(std::move(r));
  }
  return page;
}

Result<StoredRecord> RecordService::public_get(const std::string& region, std::int64_t id) {
  auto r = engine_.get(region, id);
  if (!r || !is_public(*r)) return not_found("没有该条公示信息", "no such published record");
  return r;
}

}  // namespace gongshi
