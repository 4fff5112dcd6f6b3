#include "server/routes/route_support.hpp"

#include <charconv>

#include "engine/model/text.hpp"
#include "server/responses.hpp"

namespace gongshi::server {
namespace {

std::optional<std::int64_t> parse_int(const std::string& s) {
  std::int64_t v = 0;
  const auto* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc() || p != end) return std::nullopt;
  return v;
}

}  // namespace

Result<std::optional<std::int64_t>> int_param(const HttpRequest& req, const std::string& name) {
  const auto text = req.param(name);
  if (!text || text->empty()) return std::optional<std::int64_t>{};
  auto v = parse_int(*text);
  if (!v) {
    return bad_request("参数 " + name + " 应为整数：" + *text,
                       "parameter " + name + " must be an integer: " + *text);
  }
  return std::optional<std::int64_t>{*v};
}

Result<std::optional<Date>> date_param(const HttpRequest& req, const std::string& name) {
  const auto text = req.param(name);
  if (!text || text->empty()) return std::optional<Date>{};
  auto d = parse_date(*text);
  if (!d) {
    return bad_request("参数 " + name + " 应为日期 YYYY-MM-DD：" + *text,
                       "parameter " + name + " must be a date YYYY-MM-DD: " + *text);
  }
  return std::optional<Date>{*d};
}

Result<std::int64_t> id_param(const RouteContext& c, const std::string& name) {
  auto v = parse_int(c.param(name));
  if (!v || *v <= 0) {
    return bad_request("路径中的 " + name + " 应为正整数",
                       "path segment " + name + " must be a positive integer");
  }
  return *v;
}

Result<RecordKind> kind_param(const std::string& text) {
  auto k = parse_record_kind(text);
  if (!k) {
    return bad_request("记录类型应为 license（行政许可）或 penalty（行政处罚）：" + text,
                       "kind must be license or penalty: " + text);
  }
  return *k;
}

HttpResponse no_content() {
  HttpResponse res;
  res.status = 204;
  res.content_type = "text/plain";
  return res;
}

std::string client_of(const AppContext& app, const HttpRequest& req) {
  if (via_trusted_proxy(app.settings, req)) {
    if (auto xff = req.header("x-forwarded-for"); xff && !xff->empty()) {
      const auto comma = xff->rfind(',');
      const std::string last = trim(comma == std::string::npos ? *xff : xff->substr(comma + 1));
      if (!last.empty() && last.size() <= 64) return last;
    }
  }
  return req.peer;
}

}  // namespace gongshi::server
