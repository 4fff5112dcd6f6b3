#include "server/web_assets.hpp"

#include <cctype>
#include <fstream>
#include <sstream>

#include "engine/rules/sha256.hpp"

namespace gongshi::server {
namespace {

constexpr std::size_t kMaxFiles = 4000;
constexpr std::uintmax_t kMaxBytes = 64u << 20;

// Scripts only from the server itself; Element Plus sets inline styles, so style-src allows them.
const char* kPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors ";

// The public site's pages, which the configured origins may frame.
bool is_public_page(std::string_view path) {
  return path == "/gongshi" || path.starts_with("/gongshi/");
}

// http(s)://host[:port]: letters, digits, dots and hyphens in the host, digits in the port.
bool valid_origin(std::string_view o) {
  std::string_view rest;
  if (o.starts_with("https://")) {
    rest = o.substr(8);
  } else if (o.starts_with("http://")) {
    rest = o.substr(7);
  } else {
    return false;
  }
  const auto colon = rest.find(':');
  const std::string_view host = rest.substr(0, colon);
  if (host.empty() || host.size() > 253 || host.front() == '.' || host.front() == '-') {
    return false;
  }
  for (char c : host) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return false;
  }
  if (colon == std::string_view::npos) return true;
  const std::string_view port = rest.substr(colon + 1);
  if (port.empty() || port.size() > 5) return false;
  for (char c : port) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

Error bad_dir(const std::string& zh, const std::string& en) {
  return make_error(ErrorCode::invalid_input, "--web 目录无效：" + zh, "--web directory: " + en);
}

bool is_html(const std::string& path) {
  return path.ends_with(".html");
}

// `framers`: the origins that may frame this page ("" : none).
HttpResponse file_response(const WebFile& f, const std::string& path, const HttpRequest& req,
                           const std::string& framers) {
  HttpResponse res;
  res.content_type = f.content_type;
  res.headers.emplace_back("ETag", f.etag);
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  res.headers.emplace_back("Referrer-Policy", "same-origin");
  if (is_html(path)) {
    res.headers.emplace_back("Cache-Control", "no-cache");
    if (framers.empty()) {
      res.headers.emplace_back("Content-Security-Policy", std::string(kPolicy) + "'none'");
      res.headers.emplace_back("X-Frame-Options", "DENY");
    } else {  // X-Frame-Options cannot name origins; CSP's frame-ancestors does
      res.headers.emplace_back("Content-Security-Policy",
                               std::string(kPolicy) + "'self' " + framers);
    }
  } else if (path.starts_with("/assets/")) {
    res.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  } else {
    res.headers.emplace_back("Cache-Control", "public, max-age=300");
  }
  if (auto seen = req.header("if-none-match"); seen && *seen == f.etag) {
    res.status = 304;
    res.content_type = "text/plain";
    return res;
  }
  res.body = f.bytes;
  return res;
}

}  // namespace

std::string content_type_of(const std::string& name) {
  static const std::map<std::string, std::string, std::less<>> types{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
  };
  const auto dot = name.rfind('.');
  if (dot != std::string::npos) {
    if (auto it = types.find(name.substr(dot)); it != types.end()) return it->second;
  }
  return "application/octet-stream";
}

Result<WebAssets> WebAssets::from_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(dir / "index.html", ec)) {
    return bad_dir(dir.string() + " 中没有 index.html", dir.string() + " has no index.html");
  }
  WebAssets out;
  std::uintmax_t total = 0;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    if (out.files_.size() >= kMaxFiles) return bad_dir("文件过多", "too many files");
    total += it->file_size(ec);
    if (total > kMaxBytes) return bad_dir("文件总量超过 64 MiB", "more than 64 MiB of files");
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    out.add("/" + std::filesystem::relative(it->path(), dir, ec).generic_string(), bytes.str());
  }
  if (ec) return bad_dir(ec.message(), ec.message());
  return out;
}

WebAssets WebAssets::from_files(std::span<const EmbeddedFile> files) {
  WebAssets out;
  for (const auto& f : files) out.add(f.path, std::string(f.data, f.size));
  return out;
}

void WebAssets::add(const std::string& url, std::string bytes) {
  WebFile f{std::move(bytes), content_type_of(url), {}};
  f.etag = "\"" + sha256_hex(f.bytes).substr(0, 20) + "\"";
  files_.insert_or_assign(url, std::move(f));
}

std::optional<HttpResponse> WebAssets::answer(const std::string& path,
                                              const HttpRequest& req) const {
  if (files_.empty()) return std::nullopt;
  if (path.starts_with("/api/") || path.starts_with("/public/")) return std::nullopt;
  const std::string wanted = path == "/" ? "/index.html" : path;
  if (auto it = files_.find(wanted); it != files_.end()) {
    return file_response(it->second, wanted, req, "");
  }
  // A page of the application (/login, /records/410505/7/edit): its router shows it. A missing
  // file (a name with an extension) is a 404.
  const auto last = wanted.substr(wanted.rfind('/') + 1);
  if (last.find('.') != std::string::npos) return std::nullopt;
  return file_response(files_.at("/index.html"), "/index.html", req,
                       is_public_page(path) ? embedders_ : "");
}

Status WebAssets::allow_embedding(const std::vector<std::string>& origins) {
  std::string list;
  for (const auto& o : origins) {
    if (!valid_origin(o)) {
      return make_error(
          ErrorCode::invalid_input,
          "--embed-origin 应为 https://主机名[:端口]（或 http://），不含路径：" + o,
          "--embed-origin must be https://host[:port] (or http://) without a path: " + o);
    }
    list += (list.empty() ? "" : " ") + o;
  }
  embedders_ = std::move(list);
  return ok_status();
}

}  // namespace gongshi::server
