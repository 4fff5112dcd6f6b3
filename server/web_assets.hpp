#pragma once
// The web pages' files (the built Vue application), read into memory once at start-up and served
// by `gongshi serve` itself at / with their content types, caching headers and a
// Content-Security-Policy that allows no inline script. A request is answered from the table
// only, never from the file system, so no path can reach outside it.
//   /assets/…   fingerprinted by the build: cached for a year (immutable)
//   *.html      revalidated every time (no-cache), with the CSP
//   a path without an extension (/records, /login): the application's index.html, whose
//   router shows the page
// Pages are never framed (frame-ancestors 'none', X-Frame-Options DENY), except the public ones
// under /gongshi by the origins named with allow_embedding: a department's own website embeds
// its list (/gongshi?department=…&embed=1).

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "engine/model/result.hpp"
#include "server/http_types.hpp"
#include "server/web/embedded_files.hpp"

namespace gongshi::server {

struct WebFile {
  std::string bytes;
  std::string content_type;
  std::string etag;  // a quoted prefix of the SHA-256
};

class WebAssets {
 public:
  // Every file under `dir` (at most 4 000 files, 64 MiB in all); the directory must have an
  // index.html.
  static Result<WebAssets> from_dir(const std::filesystem::path& dir);
  // The pages compiled into the binary (server/web/embed_web); none when built without them.
  static WebAssets from_files(std::span<const EmbeddedFile> files);

  bool empty() const { return files_.empty(); }
  // Lets the public pages (/gongshi…) be framed by these origins ("https://host[:port]", each
  // checked: scheme, host, optional port, nothing else); invalid_input names a bad one.
  Status allow_embedding(const std::vector<std::string>& origins);
  // The answer for GET `path`, or nullopt when it is not a page's path (then the API's 404).
  std::optional<HttpResponse> answer(const std::string& path, const HttpRequest& req) const;

 private:
  void add(const std::string& url, std::string bytes);
  std::map<std::string, WebFile, std::less<>> files_;  // by URL path ("/index.html")
  std::string embedders_;  // "https://a.gov.cn https://b.gov.cn", or "" (no framing)
};

// The content type a file name's extension says.
std::string content_type_of(const std::string& name);

}  // namespace gongshi::server
