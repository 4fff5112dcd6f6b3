#include "server/responses.hpp"

#include <boost/json.hpp>

#include "engine/model/json_codec.hpp"

namespace gongshi::server {

int http_status_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input:
      return 400;
    case ErrorCode::unauthenticated:
      return 401;
    case ErrorCode::forbidden:
      return 403;
    case ErrorCode::not_found:
      return 404;
    case ErrorCode::conflict:
      return 409;
    case ErrorCode::too_large:
      return 413;
    case ErrorCode::out_of_range:
    case ErrorCode::rule_error:
      return 422;
    case ErrorCode::rate_limited:
      return 429;
    case ErrorCode::unavailable:
      return 503;
    case ErrorCode::io_error:
    case ErrorCode::internal:
      return 500;
  }
  return 500;
}

namespace {

constexpr std::size_t kMaxIssues = 200;     // field messages in one error
constexpr std::size_t kMaxIssueText = 256;  // bytes of a field name or message echoed back

// At most `max` bytes, cut at a UTF-8 character boundary, "…" when cut.
std::string bounded(const std::string& s, std::size_t max = kMaxIssueText) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end) + "…";
}

}  // namespace

// Bounded whatever the input: a body of 200 000 unknown keys once produced a 34 MB answer. The
// first 200 issues are listed, each name and message at most 256 bytes; fields_total says how
// many there were.
boost::json::object error_json(const Error& e) {
  Issues shown;
  shown.reserve(std::min(e.issues.size(), kMaxIssues));
  for (std::size_t i = 0; i < e.issues.size() && i < kMaxIssues; ++i) {
    Issue issue = e.issues[i];
    issue.field = bounded(issue.field);
    issue.message_zh = bounded(issue.message_zh);
    issue.message_en = bounded(issue.message_en);
    shown.push_back(std::move(issue));
  }
  boost::json::object out{{"code", to_string(e.code)},
                          {"message_zh", bounded(e.message_zh, 16384)},
                          {"message_en", bounded(e.message_en, 16384)},
                          {"fields", issues_json(shown)}};
  if (e.issues.size() > kMaxIssues) out["fields_total"] = e.issues.size();
  return out;
}

HttpResponse error_response(const Error& e) {
  HttpResponse r = json_response(error_json(e), http_status_of(e.code));
  if (e.retry_after > 0) r.headers.emplace_back("Retry-After", std::to_string(e.retry_after));
  return r;
}

HttpResponse json_response(boost::json::value body, int status) {
  HttpResponse r;
  r.status = status;
  r.body = boost::json::serialize(body);
  return r;
}

HttpResponse file_response(std::string body, std::string content_type,
                           const std::string& filename) {
  HttpResponse r;
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  // RFC 6266 / 5987: an ASCII fallback and the UTF-8 name.
  std::string encoded;
  for (unsigned char c : filename) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      static const char* hex = "0123456789ABCDEF";
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
  }
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"download\"; filename*=UTF-8''" + encoded);
  return r;
}

Result<boost::json::object> json_body(const HttpRequest& req) {
  boost::system::error_code ec;
  auto v = boost::json::parse(req.body, ec);
  if (ec) {
    return bad_request("请求体不是合法的 JSON：" + ec.message(),
                       "the body is not valid JSON: " + ec.message());
  }
  if (!v.is_object()) {
    return bad_request("请求体应为 JSON 对象", "the body must be a JSON object");
  }
  return std::move(v.as_object());
}

namespace {
Error wrong_type(std::string_view key, std::string_view zh_type, std::string_view en_type) {
  Error e = bad_request("字段 " + std::string(key) + " 应为" + std::string(zh_type),
                        "field " + std::string(key) + " must be " + std::string(en_type));
  e.issues.push_back(
      Issue{std::string(key), IssueCode::wrong_type, e.message_zh, e.message_en, ""});
  return e;
}
}  // namespace

Result<boost::json::object> optional_json_body(const HttpRequest& req) {
  if (req.body.empty()) return boost::json::object{};
  return json_body(req);
}

Result<std::string> string_field(const boost::json::object& o, std::string_view key, bool required,
                                 std::size_t max_bytes) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || v->is_null()) {
    if (!required) return std::string();
    Error e = bad_request("缺少字段 " + std::string(key), "missing field " + std::string(key));
    e.issues.push_back(
        Issue{std::string(key), IssueCode::required, e.message_zh, e.message_en, ""});
    return e;
  }
  if (!v->is_string()) return wrong_type(key, "字符串", "a string");
  if (v->get_string().size() > max_bytes) {
    return bad_request(
        std::string(key) + " 不能超过 " + std::to_string(max_bytes) + " 字节",
        std::string(key) + " is longer than " + std::to_string(max_bytes) + " bytes");
  }
  return std::string(v->get_string());
}

Result<std::optional<std::int64_t>> int_field(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || v->is_null()) return std::optional<std::int64_t>{};
  if (v->is_int64()) return std::optional<std::int64_t>{v->get_int64()};
  if (v->is_uint64() && v->get_uint64() < (1ULL << 62)) {
    return std::optional<std::int64_t>{static_cast<std::int64_t>(v->get_uint64())};
  }
  return wrong_type(key, "整数", "an integer");
}

Result<std::vector<std::string>> string_list_field(const boost::json::object& o,
                                                   std::string_view key) {
  std::vector<std::string> out;
  const auto* v = o.if_contains(key);
  if (v == nullptr || v->is_null()) return out;
  if (!v->is_array()) return wrong_type(key, "字符串数组", "an array of strings");
  for (const auto& item : v->get_array()) {
    if (!item.is_string()) return wrong_type(key, "字符串数组", "an array of strings");
    out.emplace_back(item.get_string());
  }
  return out;
}

}  // namespace gongshi::server
