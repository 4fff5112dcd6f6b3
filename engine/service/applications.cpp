#include "engine/service/applications.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "engine/model/text.hpp"
#include "engine/rules/sha256.hpp"
#include "engine/service/engine_internal.hpp"
#include "engine/service/working_day_limit.hpp"
#include "engine/store/record_repo.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {
namespace {

constexpr std::size_t kMaxAttachments = 5;
constexpr std::size_t kMaxDescription = 2000;  // characters
constexpr std::size_t kMaxName = 50;

void need_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

// `n` characters drawn from `alphabet`, uniformly.
std::string random_text(std::string_view alphabet, int n) {
  need_sodium();
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
  }
  return out;
}

// YY20261202483920: a prefix for the kind (异议 YY, 修复 XF), the Shanghai date, six random digits.
std::string new_number(const std::string& kind, TimePoint now) {
  std::string date = format_date(shanghai_date(now));
  date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
  return (kind == application_kind::objection ? "YY" : "XF") + date + random_text("0123456789", 6);
}

// Eight characters without the ones people misread (0/O, 1/I/L).
std::string new_query_code() {
  return random_text("23456789ABCDEFGHJKMNPQRSTUVWXYZ", 8);
}

std::string normalized_code(std::string_view s) {
  return ascii_upper(trim(s));
}

Issue issue(const std::string& field, IssueCode code, const std::string& zh,
            const std::string& en) {
  return Issue{field, code, zh, en, {}};
}

// A text field of a filing: required, valid UTF-8 without control characters (line breaks allowed
// in the description), at most `max` characters.
void check_text(Issues& out, const std::string& field, const std::string& name_zh,
                const std::string& value, std::size_t max, bool multiline = false) {
  if (trim(value).empty()) {
    out.push_back(issue(field, IssueCode::required, name_zh + "不能为空", field + " is required"));
    return;
  }
  const TextScan scan = scan_text(
      value, multiline ? ControlPolicy::line_breaks_allowed : ControlPolicy::none_allowed);
  if (!scan.utf8 || scan.control) {
    out.push_back(issue(field, IssueCode::invalid_text, name_zh + "含有无效字符",
                        field + " has invalid characters"));
  } else if (scan.chars > max) {
    out.push_back(issue(field, IssueCode::too_long,
                        name_zh + "不能超过 " + std::to_string(max) + " 个字",
                        field + " exceeds " + std::to_string(max) + " characters"));
  }
}

bool phone_like(const std::string& s) {
  if (s.size() < 5 || s.size() > 20) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == ' ';
  });
}

Issues check_filing(const Filing& f) {
  Issues out;
  if (f.region.empty() || f.record_id <= 0) {
    out.push_back(issue("id", IssueCode::required, "请指明要提出申请的公示记录（region 和 id）",
                        "name the published record (region and id)"));
  }
  check_text(out, "subject_code", "统一社会信用代码或证件号码", f.subject_code, 32);
  check_text(out, "contact_name", "联系人", f.contact_name, kMaxName);
  if (!phone_like(trim(f.contact_phone))) {
    out.push_back(issue("contact_phone", IssueCode::invalid_text,
                        "联系电话应为 5 到 20 位数字（可含 -、+ 和空格）",
                        "contact_phone must be 5 to 20 digits (with -, + or spaces)"));
  }
  if (f.kind == application_kind::objection) {
    const auto& types = objection_types();
    if (std::find(types.begin(), types.end(), f.type) == types.end()) {
      std::string list;
      for (const auto& t : types) list += (list.empty() ? "" : "、") + t;
      out.push_back(issue("type", IssueCode::invalid_enum, "异议类型应为其中之一：" + list,
                          "type must be one of the objection types"));
    }
  }
  check_text(out, "description",
             f.kind == application_kind::objection ? "异议内容" : "履行情况说明", f.description,
             kMaxDescription, true);
  if (f.attachments.size() > kMaxAttachments) {
    out.push_back(issue("attachments", IssueCode::too_long,
                        "附件不能超过 " + std::to_string(kMaxAttachments) + " 个",
                        "at most " + std::to_string(kMaxAttachments) + " attachments"));
  }
  std::vector<std::string> ids = f.attachments;
  std::sort(ids.begin(), ids.end());
  if (std::adjacent_find(ids.begin(), ids.end()) != ids.end()) {
    out.push_back(issue("attachments", IssueCode::duplicate_field, "同一附件不能重复提交",
                        "an attachment is named twice"));
  }
  return out;
}

Error invalid_filing(Issues issues) {
  Error e = make_error(ErrorCode::invalid_input,
                       "申请有 " + std::to_string(issues.size()) + " 处问题，未提交",
                       std::to_string(issues.size()) + " problems; nothing was filed");
  e.issues = std::move(issues);
  return e;
}

// The one answer for a record that does not exist, is not public, or is not the subject's.
Error no_such_subject_record() {
  return not_found("未找到与所填统一社会信用代码（证件号码）相符的公示记录",
                   "no published record with this subject code");
}

Error no_application() {
  return not_found("没有该编号的申请，或查询码不符", "no such application, or the code is wrong");
}

// What the content says it is: PDF, JPEG or PNG, or "".
std::string sniff_media_type(std::string_view b) {
  if (b.starts_with("%PDF-")) return "application/pdf";
  if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF &&
      static_cast<unsigned char>(b[1]) == 0xD8 && static_cast<unsigned char>(b[2]) == 0xFF) {
    return "image/jpeg";
  }
  if (b.starts_with(std::string_view("\x89PNG\r\n\x1a\n", 8))) return "image/png";
  return "";
}

Status claim_all(Tx& tx, const std::vector<std::string>& ids, const std::string& number) {
  for (const auto& id : ids) {
    if (auto st = claim_attachment(tx, id, number); !st) return st;
  }
  return ok_status();
}

}  // namespace

const std::vector<std::string>& objection_types() {
  static const std::vector<std::string> types{"错误",     "遗漏",     "重复",
                                              "不应公示", "超期公示", "不一致"};
  return types;
}

const std::vector<std::string>& staff_channels() {
  static const std::vector<std::string> channels{"paper", "phone", "letter", "visit"};
  return channels;
}

Status settle_applications(Tx& tx, const StoredRecord& r, const std::string& kind,
                           const std::string& event, const std::string& reason,
                           const std::string& by, const std::string& at) {
  auto open = applications_of_record(tx, r.region, r.id, kind, {application_state::accepted});
  if (!open) return open.error();
  for (ApplicationRow a : *open) {
    a.state = application_state::closed;
    a.closed_at = at;
    a.outcome = event;
    a.reason = reason;
    if (a.decided_by.empty()) a.decided_by = by;
    if (auto st = update_application(tx, a, application_state::accepted); !st) return st;
  }
  return ok_status();
}

ApplicationRow staff_application(const std::string& kind, const StoredRecord& r,
                                 const std::string& channel, const std::string& description,
                                 const std::string& login, TimePoint now) {
  ApplicationRow a;
  a.number = new_number(kind, now);
  a.kind = kind;
  a.region = r.region;
  a.record_id = r.id;
  a.department_id = r.department_id.value_or(0);
  a.channel = channel;
  a.state = application_state::accepted;
  a.subject_code = r.subject_code;
  a.description = description;
  a.filed_by = login;
  a.filed_at = a.decided_at = format_utc(now);
  a.decided_by = login;
  return a;
}

const Transition* ApplicationService::opening_edge(const std::string& state,
                                                   const std::string& kind) const {
  for (const auto* edge : lifecycle_.edges_from(state)) {
    if (edge->opens == kind) return edge;
  }
  return nullptr;
}

namespace {

const char* kObjectionOpenZh = "本条信息有异议正在办理，异议办结后才能申请信用修复";

// Whether an objection to `r` is filed or accepted and not yet settled.
Result<bool> objection_open(Tx& tx, const StoredRecord& r) {
  auto open = applications_of_record(tx, r.region, r.id, application_kind::objection,
                                     {application_state::filed, application_state::accepted});
  if (!open) return open.error();
  return !open->empty();
}

// A repair waits until an objection to the same record is settled: taking the repair's event
// would leave the objection nothing to be accepted into.
Status no_objection_open(Tx& tx, const StoredRecord& r) {
  auto open = objection_open(tx, r);
  if (!open) return open.error();
  if (!*open) return ok_status();
  return make_error(ErrorCode::conflict, kObjectionOpenZh,
                    "an objection to this record is open: apply for repair once it is settled");
}

}  // namespace

Result<Filed> ApplicationService::file(const Filing& f, TimePoint now) {
  if (f.kind != application_kind::objection && f.kind != application_kind::repair) {
    return bad_request("未知的申请类型：" + f.kind, "unknown application kind: " + f.kind);
  }
  if (Issues issues = check_filing(f); !issues.empty()) return invalid_filing(std::move(issues));
  auto record = engine_.get(f.region, f.record_id);
  if (!record || !records_.is_public(*record) ||
      normalized_code(record->subject_code) != normalized_code(f.subject_code)) {
    return no_such_subject_record();
  }
  const Transition* edge = opening_edge(record->state, f.kind);
  const std::string what = f.kind == application_kind::objection ? "异议" : "信用修复申请";
  if (edge == nullptr) {
    return make_error(ErrorCode::conflict,
                      "该记录当前为「" + lifecycle_.state_label(record->state) + "」，不能提出" +
                          what + "；如已提交过，请用查询码查看进度",
                      "the record's state does not allow this application now");
  }

  Filed out;
  out.code = new_query_code();
  ApplicationRow& a = out.application;
  a.number = new_number(f.kind, now);
  a.kind = f.kind;
  a.region = record->region;
  a.record_id = record->id;
  a.department_id = record->department_id.value_or(0);
  a.channel = "online";
  a.type = f.kind == application_kind::objection ? f.type : "";
  a.subject_code = record->subject_code;
  a.contact_name = trim(f.contact_name);
  a.contact_phone = trim(f.contact_phone);
  a.description = f.description;
  a.code_hash = sha256_hex(out.code);
  a.filed_by = "public:" + f.client;
  a.filed_at = format_utc(now);

  if (f.kind == application_kind::objection) {
    a.state = application_state::filed;
    auto done = in_transaction<std::monostate>(*db_, [&](Tx& tx) -> Status {
      // The same subject cannot have two objections to one record open at once.
      auto open = applications_of_record(tx, a.region, a.record_id, a.kind,
                                         {application_state::filed, application_state::accepted});
      if (!open) return open.error();
      if (!open->empty()) {
        return make_error(ErrorCode::conflict,
                          "该记录已有异议在办理中（编号 " + open->front().number +
                              "），请用查询码查看进度，办结前不能重复提出",
                          "an objection to this record is open (" + open->front().number + ")");
      }
      if (auto st = insert_application(tx, a); !st) return st;
      return claim_all(tx, f.attachments, a.number);
    });
    if (!done) return done.error();
    return out;
  }
  // A repair: the record's event is taken now, in the subject's role; the rules' guards answer
  // one filed too early.
  a.state = application_state::accepted;
  a.decided_at = a.filed_at;
  boost::json::object payload{{"application", a.number}, {"comment", f.description}};
  auto taken = engine_.transition(*record, edge->event, Actor{"subject:" + a.number, "subject"},
                                  record->version, payload, now, [&](Tx& tx, const StoredRecord&) {
                                    if (auto st = no_objection_open(tx, *record); !st) return st;
                                    if (auto st = insert_application(tx, a); !st) return st;
                                    return claim_all(tx, f.attachments, a.number);
                                  });
  if (!taken) return taken.error();
  return out;
}

Result<ApplicationView> ApplicationService::view(Tx& tx, const ApplicationRow& a,
                                                 Date today) const {
  ApplicationView v;
  v.application = a;
  auto files = attachments_of(tx, a.number);
  if (!files) return files.error();
  v.attachments = std::move(files).value();
  auto record = get_record(tx, a.region, a.record_id);
  if (!record) return record.error();
  v.record = std::move(record).value();
  if (a.state == application_state::accepted) {
    v.due = a.kind == application_kind::objection ? v.record.objection_due : v.record.repair_due;
  } else if (a.state == application_state::filed) {
    v.due = filed_due(a, today);
  }
  if (v.due) {
    auto calendar = rules_.calendar_for(a.region);
    CalendarUse use;  // past the loaded years: counted on weekdays, as the limit was
    if (calendar) {
      if (auto n = (*calendar)->working_days_between(today, *v.due, &use)) {
        v.working_days_left = *n;
      }
    }
  }
  return v;
}

std::optional<Date> ApplicationService::filed_due(const ApplicationRow& a, Date today) const {
  const Transition* edge = opening_event(a.kind);
  const auto filed = parse_utc(a.filed_at);
  if (edge == nullptr || !filed) return std::nullopt;
  auto rr = service::region_rules(rules_, a.region, today);
  if (!rr) return std::nullopt;
  CalendarUse use;
  auto due = working_day_limit(*rr, edge->event, shanghai_date(*filed), use);
  if (!due) return std::nullopt;
  return *due;
}

const Transition* ApplicationService::opening_event(const std::string& kind) const {
  const auto opening =
      lifecycle_.events_where([&](const Transition& t) { return t.opens == kind; });
  return opening.empty() ? nullptr : lifecycle_.event(opening.front());
}

Result<PublicFilings> ApplicationService::public_filings(const StoredRecord& r,
                                                         TimePoint now) const {
  PublicFilings out;
  auto open = in_read_transaction<bool>(*db_, [&](Tx& tx) { return objection_open(tx, r); });
  if (!open) return open.error();
  out.objection_open = *open;
  out.shown_state = r.state;
  if (const Transition* e = opening_edge(r.state, application_kind::objection);
      e != nullptr && out.objection_open) {
    out.shown_state = e->to;
  }
  const Date today = shanghai_date(now);
  auto rr = service::region_rules(rules_, r.region, today);
  if (!rr) return rr.error();
  auto fields = service::stored_fields(r);
  if (!fields) return fields.error();
  for (const std::string kind : {application_kind::objection, application_kind::repair}) {
    const Transition* edge = opening_edge(r.state, kind);
    if (edge == nullptr) continue;
    if (out.objection_open) {  // neither another objection nor a repair until it is settled
      if (kind == application_kind::repair) out.repair_refusal = kObjectionOpenZh;
      continue;
    }
    const GuardInput in{edge->event, "（公示页面）", service::deadlines_of(r)};
    std::string refusal;
    for (const auto& guard : edge->guards) {
      CalendarUse use;
      auto g = rr->rules->guard(guard, *fields, in, service::provisional_context(rr->ctx, use));
      if (!g) return g.error();
      if (!g->allowed) {
        refusal = g->reason_zh;
        break;
      }
    }
    if (refusal.empty()) {
      out.may_file.push_back(kind);
    } else if (kind == application_kind::repair) {
      out.repair_refusal = refusal;
    }
  }
  return out;
}

Result<ApplicationView> ApplicationService::lookup(const std::string& kind,
                                                   const std::string& number,
                                                   const std::string& code, TimePoint now) {
  return in_read_transaction<ApplicationView>(*db_, [&](Tx& tx) -> Result<ApplicationView> {
    auto a = find_application(tx, number);
    if (!a) return a.error();
    if (!*a || (*a)->kind != kind || (*a)->code_hash.empty()) return no_application();
    const std::string hash = sha256_hex(normalized_code(code));
    if (hash.size() != (*a)->code_hash.size() ||
        sodium_memcmp(hash.data(), (*a)->code_hash.data(), hash.size()) != 0) {
      return no_application();
    }
    return view(tx, **a, shanghai_date(now));
  });
}

Result<AttachmentRow> ApplicationService::upload(const Upload& u, TimePoint now) {
  if (u.bytes.size() > attachment_limit_) {
    return make_error(ErrorCode::too_large,
                      "附件超过 " + std::to_string(attachment_limit_ >> 20) + " MiB 的上限",
                      "the attachment exceeds " + std::to_string(attachment_limit_) + " bytes");
  }
  if (u.bytes.empty()) return bad_request("附件为空", "the attachment is empty");
  AttachmentRow a;
  a.media_type = sniff_media_type(u.bytes);
  if (a.media_type.empty()) {
    return make_error(ErrorCode::invalid_input,
                      "附件只能是 PDF、JPEG 或 PNG 文件（按文件内容判断，不看扩展名）",
                      "attachments must be PDF, JPEG or PNG (judged by content, not by name)");
  }
  const TextScan name = scan_text(u.file_name, ControlPolicy::none_allowed);
  if (!name.utf8 || name.control || name.chars > 100 ||
      u.file_name.find_first_of("/\\") != std::string::npos) {
    return bad_request("附件文件名无效（不超过 100 个字，不含路径）",
                       "invalid attachment file name (at most 100 characters, no path)");
  }
  a.id = random_text("0123456789abcdef", 32);  // 128 bits: naming it is what claims it
  a.sha256 = sha256_hex(u.bytes);
  a.size = static_cast<std::int64_t>(u.bytes.size());
  a.file_name = u.file_name.empty() ? a.id : u.file_name;
  a.uploader = u.uploader;
  a.created_at = format_utc(now);
  auto done = in_transaction<std::monostate>(
      *db_, [&](Tx& tx) -> Status { return insert_attachment(tx, a, u.bytes); });
  if (!done) return done.error();
  return a;
}

Result<int> ApplicationService::purge_unclaimed(TimePoint now) {
  const std::string before = format_utc(now - std::chrono::hours(24));
  return in_transaction<int>(*db_, [&](Tx& tx) { return purge_unclaimed_attachments(tx, before); });
}

Result<std::vector<ApplicationView>> ApplicationService::list(const Principal& who,
                                                              ApplicationQuery q, TimePoint now) {
  if (q.kind != application_kind::objection && q.kind != application_kind::repair) {
    return bad_request("未知的申请类型：" + q.kind, "unknown application kind: " + q.kind);
  }
  const std::vector<std::string> known{application_state::filed, application_state::accepted,
                                       application_state::refused, application_state::closed};
  for (const auto& s : q.states) {
    if (std::find(known.begin(), known.end(), s) == known.end()) {
      return bad_request("未知的申请状态：" + s + "（filed、accepted、refused、closed）",
                         "unknown application state: " + s);
    }
  }
  if (q.regions.empty()) {
    q.regions = access_.visible_regions(who);
  } else {
    for (const auto& r : q.regions) {
      if (auto st = access_.require_region(who, r); !st) return st.error();
    }
  }
  if (!access_.region_wide(who)) {
    if (!who.department_id) return forbidden("用户未归属部门", "the user has no department");
    if (q.department_id && q.department_id != who.department_id) {
      return forbidden("只能访问本部门的数据", "only your own department's data is accessible");
    }
    q.department_id = who.department_id;
  }
  q.limit = std::clamp(q.limit, 1, 200);
  return in_read_transaction<std::vector<ApplicationView>>(
      *db_, [&](Tx& tx) -> Result<std::vector<ApplicationView>> {
        auto rows = list_applications(tx, q);
        if (!rows) return rows.error();
        std::vector<ApplicationView> out;
        for (const auto& a : *rows) {
          auto v = view(tx, a, shanghai_date(now));
          if (!v) return v.error();
          out.push_back(std::move(v).value());
        }
        return out;
      });
}

Result<ApplicationView> ApplicationService::get(const Principal& who, const std::string& kind,
                                                const std::string& number, TimePoint now) {
  auto v = in_read_transaction<ApplicationView>(*db_, [&](Tx& tx) -> Result<ApplicationView> {
    auto a = find_application(tx, number);
    if (!a) return a.error();
    if (!*a || (!kind.empty() && (*a)->kind != kind)) {
      return not_found("没有申请 " + number, "no application " + number);
    }
    return view(tx, **a, shanghai_date(now));
  });
  if (!v) return v.error();
  if (!access_.may_see(who, v->record)) {
    return not_found("没有申请 " + number, "no application " + number);
  }
  return v;
}

Status ApplicationService::may_handle(const Principal& who, const ApplicationView& v) const {
  const Transition* edge = opening_event(v.application.kind);
  for (const auto& role : edge != nullptr ? who.roles : std::vector<std::string>{}) {
    if (std::find(edge->roles.begin(), edge->roles.end(), role) != edge->roles.end()) {
      return ok_status();
    }
  }
  return forbidden("当前用户不能受理或不予受理该申请",
                   "your roles do not allow deciding this application");
}

Result<ApplicationView> ApplicationService::waiting(const Principal& who, const std::string& number,
                                                    TimePoint now) {
  auto v = get(who, "", number, now);
  if (!v) return v.error();
  if (auto st = may_handle(who, *v); !st) return st.error();
  if (v->application.state != application_state::filed) {
    return make_error(ErrorCode::conflict, "申请 " + number + " 已处理过，不能再受理或不予受理",
                      "application " + number + " was decided before");
  }
  return v;
}

Result<ApplicationView> ApplicationService::accept(const Principal& who, const std::string& number,
                                                   const std::string& comment, TimePoint now) {
  auto v = waiting(who, number, now);
  if (!v) return v.error();
  ApplicationRow a = v->application;
  const Transition* edge = opening_edge(v->record.state, a.kind);
  if (edge == nullptr) {
    return make_error(ErrorCode::conflict,
                      "记录当前为「" + lifecycle_.state_label(v->record.state) +
                          "」，不能受理；请不予受理并说明理由",
                      "the record's state does not allow accepting: refuse it with a reason");
  }
  auto role = access_.acting_role(who, v->record.state, edge->event);
  if (!role) return role.error();
  a.state = application_state::accepted;
  a.decided_at = format_utc(now);
  a.decided_by = who.login;
  boost::json::object payload{
      {"reason", "受理" + std::string(a.kind == application_kind::objection ? "异议" : "申请") +
                     " " + a.number + (a.type.empty() ? "" : "（" + a.type + "）")},
      {"application", a.number}};
  if (!comment.empty()) payload["comment"] = comment;
  // Its clock runs from the day it was filed, however long it waited for 受理.
  if (const auto filed = parse_utc(a.filed_at)) {
    payload["received_on"] = format_date(shanghai_date(*filed));
  }
  auto taken =
      engine_.transition(v->record, edge->event, Actor{who.login, *role}, v->record.version,
                         payload, now, [&](Tx& tx, const StoredRecord&) {
                           return update_application(tx, a, application_state::filed);
                         });
  if (!taken) return taken.error();
  return get(who, "", number, now);
}

Result<ApplicationView> ApplicationService::refuse(const Principal& who, const std::string& number,
                                                   const std::string& reason, TimePoint now) {
  if (trim(reason).empty()) {
    return bad_request("不予受理须说明理由（reason）", "a refusal needs a reason");
  }
  auto v = waiting(who, number, now);
  if (!v) return v.error();
  ApplicationRow a = v->application;
  a.state = application_state::refused;
  a.decided_at = a.closed_at = format_utc(now);
  a.decided_by = who.login;
  a.reason = reason;
  auto done = in_transaction<std::monostate>(
      *db_, [&](Tx& tx) { return update_application(tx, a, application_state::filed); });
  if (!done) return done.error();
  return get(who, "", number, now);
}

Result<std::pair<AttachmentRow, std::string>> ApplicationService::attachment(const Principal& who,
                                                                             const std::string& id,
                                                                             TimePoint now) {
  const Error missing = not_found("没有附件 " + id, "no attachment " + id);
  auto row = in_read_transaction<std::optional<AttachmentRow>>(
      *db_, [&](Tx& tx) { return find_attachment(tx, id); });
  if (!row) return row.error();
  if (!*row || (*row)->application_no.empty()) return missing;
  auto v = get(who, "", (*row)->application_no, now);
  if (!v) return missing;
  auto bytes =
      in_read_transaction<std::string>(*db_, [&](Tx& tx) { return attachment_bytes(tx, id); });
  if (!bytes) return bytes.error();
  return std::make_pair(**row, std::move(bytes).value());
}

}  // namespace gongshi
