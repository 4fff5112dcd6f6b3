#include "server/upstream_sender.hpp"

#include "server/http_client.hpp"

namespace gongshi::server {

UpstreamSender http_upstream_sender(std::chrono::seconds timeout,
                                    const std::filesystem::path& ca_file) {
  return [timeout, ca = ca_file.string()](const UpstreamRequest& r) -> Result<UpstreamReply> {
    FetchRequest req;
    req.method = "POST";
    req.url = r.url;
    req.headers = r.headers;
    req.body = r.body;
    req.timeout = timeout;
    req.targets = r.targets;
    req.use = kUpstreamUse;
    req.ca_file = r.ca_file.empty() ? ca : r.ca_file;
    req.body_limit = 64u << 20;
    auto res = http_call(std::move(req));
    if (!res) return res.error();
    return UpstreamReply{res->status, std::move(res->body)};
  };
}

}  // namespace gongshi::server
