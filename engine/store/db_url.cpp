#include "engine/store/db_url.hpp"

namespace gongshi {
namespace {

Error bad(std::string_view url, const std::string& why_zh, const std::string& why_en) {
  return make_error(ErrorCode::invalid_input,
                    "数据库地址「" + std::string(url) + "」无效：" + why_zh,
                    "database URL '" + std::string(url) + "' is invalid: " + why_en);
}

}  // namespace

Result<DbUrl> parse_db_url(std::string_view url) {
  if (url.starts_with("sqlite:")) {
    const auto path = url.substr(7);
    if (path.empty()) return bad(url, "缺少文件路径", "no file path");
    // A busy timeout lets several connections of one process take turns writing.
    return DbUrl{Dialect::sqlite, "db=" + std::string(path) + " timeout=30"};
  }
  if (url.starts_with("mysql://")) {
    auto rest = url.substr(8);
    const auto at = rest.find('@');
    const auto slash = rest.find('/');
    if (at == std::string_view::npos || slash == std::string_view::npos || slash < at) {
      return bad(url, "应为 mysql://用户[:密码]@主机[:端口]/库名",
                 "expected mysql://user[:password]@host[:port]/db");
    }
    const auto userinfo = rest.substr(0, at);
    const auto hostport = rest.substr(at + 1, slash - at - 1);
    const auto db = rest.substr(slash + 1);
    if (userinfo.empty() || hostport.empty() || db.empty())
      return bad(url, "用户、主机或库名为空", "empty user, host or db");
    std::string c = "db=" + std::string(db) + " charset=utf8mb4";
    const auto colon = userinfo.find(':');
    c += " user=" + std::string(userinfo.substr(0, colon));
    if (colon != std::string_view::npos)
      c += " password=" + std::string(userinfo.substr(colon + 1));
    const auto pc = hostport.find(':');
    c += " host=" + std::string(hostport.substr(0, pc));
    if (pc != std::string_view::npos) c += " port=" + std::string(hostport.substr(pc + 1));
    return DbUrl{Dialect::mysql, c};
  }
  if (url.starts_with("mysql:")) {
    std::string c = "charset=utf8mb4";
    bool has_db = false;
    auto rest = url.substr(6);
    while (!rest.empty()) {
      const auto semi = rest.find(';');
      const auto item = rest.substr(0, semi);
      const auto eq = item.find('=');
      if (eq == std::string_view::npos || eq == 0)
        return bad(url, "参数应为 键=值", "parameters are key=value");
      has_db = has_db || item.substr(0, eq) == "db";
      c += " " + std::string(item);
      if (semi == std::string_view::npos) break;
      rest.remove_prefix(semi + 1);
    }
    if (!has_db) return bad(url, "缺少 db=库名", "no db=NAME");
    return DbUrl{Dialect::mysql, c};
  }
  return bad(url, "应以 sqlite: 或 mysql 开头", "must start with sqlite: or mysql");
}

}  // namespace gongshi
