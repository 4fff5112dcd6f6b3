// Objections (异议) and credit repairs (信用修复) filed by the subject, and the handlers' queues.
//   Public, no login, rate-limited per client address:
//     POST /public/attachments?name=FILE   the bytes of a PDF, JPEG or PNG → its id
//     POST /public/objections, /public/repairs   → the number and the query code
//     GET  /public/objections/{number}?code=…, /public/repairs/{number}?code=…
//     GET  /public/objection-types
//   Staff:
//     GET  /api/v1/objections, /api/v1/repairs (?state=&region=&department_id=&before=&limit=)
//     GET  /api/v1/objections/{number}, /api/v1/repairs/{number}
//     POST /api/v1/objections/{number}/accept {comment?}, …/refuse {reason}
//     GET  /api/v1/attachments/{id}
// The outcomes (dismiss, correct, withdraw; grant or refuse a repair) are the record's events.
#include <boost/json.hpp>

#include "engine/model/text.hpp"
#include "server/application_json.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

// 429 with Retry-After when the client has used its budget.
std::optional<HttpResponse> throttled(AppContext& app, const HttpRequest& req) {
  const long wait = app.public_limiter->admit(client_of(app, req), app.now());
  if (wait == 0) return std::nullopt;
  Error e =
      make_error(ErrorCode::rate_limited, "请求过于频繁，请 " + std::to_string(wait) + " 秒后再试",
                 "too many requests from this address: retry in " + std::to_string(wait) + " s");
  e.retry_after = wait;
  return error_response(e);
}

Result<Filing> filing_of(const HttpRequest& req, const std::string& kind,
                         const std::string& client) {
  auto body = json_body(req);
  if (!body) return body.error();
  Filing f;
  f.kind = kind;
  f.client = client;
  const auto* id = body->if_contains("id");
  if (id != nullptr && !id->is_int64()) {
    return bad_request("id 应为记录编号（整数）", "id must be the record's id (an integer)");
  }
  if (id != nullptr) f.record_id = id->get_int64();
  struct Member {
    const char* key;
    std::string* into;
  };
  for (const Member& m :
       {Member{"region", &f.region}, Member{"subject_code", &f.subject_code},
        Member{"contact_name", &f.contact_name}, Member{"contact_phone", &f.contact_phone},
        Member{"type", &f.type}, Member{"description", &f.description}}) {
    auto v = optional_text(*body, m.key, 8000);
    if (!v) return v.error();
    *m.into = std::move(v).value();
  }
  if (const auto* files = body->if_contains("attachments")) {
    if (!files->is_array() || files->get_array().size() > 20) {
      return bad_request("attachments 应为附件编号的数组", "attachments must be an array of ids");
    }
    for (const auto& v : files->get_array()) {
      if (!v.is_string() || v.get_string().size() > 64) {
        return bad_request("attachments 应为附件编号的数组", "attachments must be an array of ids");
      }
      f.attachments.emplace_back(v.get_string());
    }
  }
  return f;
}

HttpResponse file_application(AppContext& app, RouteContext& c, const std::string& kind) {
  if (auto slow = throttled(app, c.request)) return std::move(*slow);
  return answer([&]() -> Result<HttpResponse> {
    auto f = filing_of(c.request, kind, client_of(app, c.request));
    if (!f) return f.error();
    auto filed = app.s().applications.file(*f, app.now());
    if (!filed) return filed.error();
    const ApplicationRow& a = filed->application;
    const std::string base =
        kind == application_kind::objection ? "/public/objections/" : "/public/repairs/";
    return json_response(
        {{"number", a.number},
         {"code", filed->code},
         {"state", a.state},
         {"query_url", base + a.number + "?code=" + filed->code},
         {"message_zh", "已提交。请记下申请编号和查询码，凭此查询办理进度；查询码只显示这一次。"}},
        201);
  });
}

HttpResponse file_objection(AppContext& app, RouteContext& c) {
  return file_application(app, c, application_kind::objection);
}
HttpResponse file_repair(AppContext& app, RouteContext& c) {
  return file_application(app, c, application_kind::repair);
}

HttpResponse lookup_application(AppContext& app, RouteContext& c, const std::string& kind) {
  if (auto slow = throttled(app, c.request)) return std::move(*slow);
  return answer([&]() -> Result<HttpResponse> {
    const std::string code = c.request.param("code").value_or("");
    auto v = app.s().applications.lookup(kind, c.param("number"), code, app.now());
    if (!v) return v.error();
    return json_response(subject_application_json(*v, app.s().lifecycle));
  });
}

HttpResponse lookup_objection(AppContext& app, RouteContext& c) {
  return lookup_application(app, c, application_kind::objection);
}
HttpResponse lookup_repair(AppContext& app, RouteContext& c) {
  return lookup_application(app, c, application_kind::repair);
}

HttpResponse upload_attachment(AppContext& app, RouteContext& c) {
  if (auto slow = throttled(app, c.request)) return std::move(*slow);
  return answer([&]() -> Result<HttpResponse> {
    Upload u{c.request.body, c.request.param("name").value_or(""),
             "public:" + client_of(app, c.request)};
    auto a = app.s().applications.upload(u, app.now());
    if (!a) return a.error();
    return json_response(attachment_json(*a), 201);
  });
}

HttpResponse objection_types(AppContext&, RouteContext&) {
  boost::json::array types;
  for (const auto& t : gongshi::objection_types()) types.emplace_back(t);
  return json_response({{"types", std::move(types)}});
}

HttpResponse list_applications(AppContext& app, RouteContext& c, const std::string& kind) {
  return answer([&]() -> Result<HttpResponse> {
    const auto& req = c.request;
    ApplicationQuery q;
    q.kind = kind;
    if (auto region = req.param("region"); region && !region->empty()) q.regions = {*region};
    if (auto state = req.param("state"); state && !state->empty()) q.states = split_list(*state);
    auto department = int_param(req, "department_id");
    if (!department) return department.error();
    q.department_id = *department;
    q.before_number = req.param("before").value_or("");
    auto limit = int_param(req, "limit");
    if (!limit) return limit.error();
    q.limit = static_cast<int>(std::clamp<std::int64_t>(limit->value_or(50), 1, 200));
    auto rows = app.s().applications.list(*c.who, q, app.now());
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& v : *rows) items.push_back(application_json(v, app.s().lifecycle));
    boost::json::value next = nullptr;
    if (static_cast<int>(rows->size()) == q.limit) next = rows->back().application.number;
    return json_response({{"items", std::move(items)}, {"next_before", next}});
  });
}

HttpResponse list_objections(AppContext& app, RouteContext& c) {
  return list_applications(app, c, application_kind::objection);
}
HttpResponse list_repairs(AppContext& app, RouteContext& c) {
  return list_applications(app, c, application_kind::repair);
}

HttpResponse get_application(AppContext& app, RouteContext& c, const std::string& kind) {
  return answer([&]() -> Result<HttpResponse> {
    auto v = app.s().applications.get(*c.who, kind, c.param("number"), app.now());
    if (!v) return v.error();
    return json_response(application_json(*v, app.s().lifecycle));
  });
}

HttpResponse get_objection(AppContext& app, RouteContext& c) {
  return get_application(app, c, application_kind::objection);
}
HttpResponse get_repair(AppContext& app, RouteContext& c) {
  return get_application(app, c, application_kind::repair);
}

HttpResponse accept_objection(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto body = optional_json_body(c.request);
    if (!body) return body.error();
    auto comment = optional_text(*body, "comment");
    if (!comment) return comment.error();
    auto v = app.s().applications.accept(*c.who, c.param("number"), *comment, app.now());
    if (!v) return v.error();
    return json_response(application_json(*v, app.s().lifecycle));
  });
}

HttpResponse refuse_objection(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto body = optional_json_body(c.request);
    if (!body) return body.error();
    auto reason = optional_text(*body, "reason");
    if (!reason) return reason.error();
    auto v = app.s().applications.refuse(*c.who, c.param("number"), *reason, app.now());
    if (!v) return v.error();
    return json_response(application_json(*v, app.s().lifecycle));
  });
}

HttpResponse get_attachment(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto found = app.s().applications.attachment(*c.who, c.param("id"), app.now());
    if (!found) return found.error();
    auto [row, bytes] = std::move(found).value();
    HttpResponse res;
    res.content_type = row.media_type;
    res.body = std::move(bytes);
    // Shown inline (a PDF or an image in the browser), never sniffed as anything else.
    res.headers.emplace_back("Content-Disposition", "inline");
    res.headers.emplace_back("X-Content-Type-Options", "nosniff");
    res.headers.emplace_back("Content-Security-Policy", "default-src 'none'; sandbox");
    res.headers.emplace_back("Cache-Control", "private, no-store");
    return res;
  });
}

}  // namespace

void add_application_routes(Router& r, AppContext& app) {
  r.add("POST", "/public/attachments", Access::open, with_app(app, upload_attachment));
  r.add("POST", "/public/objections", Access::open, with_app(app, file_objection));
  r.add("GET", "/public/objections/{number}", Access::open, with_app(app, lookup_objection));
  r.add("POST", "/public/repairs", Access::open, with_app(app, file_repair));
  r.add("GET", "/public/repairs/{number}", Access::open, with_app(app, lookup_repair));
  r.add("GET", "/public/objection-types", Access::open, with_app(app, objection_types));
  r.add("GET", "/api/v1/objections", Access::user, with_app(app, list_objections));
  r.add("GET", "/api/v1/objections/{number}", Access::user, with_app(app, get_objection));
  r.add("POST", "/api/v1/objections/{number}/accept", Access::user,
        with_app(app, accept_objection));
  r.add("POST", "/api/v1/objections/{number}/refuse", Access::user,
        with_app(app, refuse_objection));
  r.add("GET", "/api/v1/repairs", Access::user, with_app(app, list_repairs));
  r.add("GET", "/api/v1/repairs/{number}", Access::user, with_app(app, get_repair));
  r.add("GET", "/api/v1/attachments/{id}", Access::user, with_app(app, get_attachment));
}

std::optional<std::size_t> attachment_body_limit(const AppContext& app, const std::string& method,
                                                 const std::string& path) {
  if (method == "POST" && path == "/public/attachments") {
    return app.services->applications.attachment_limit();
  }
  return std::nullopt;
}

}  // namespace gongshi::server
