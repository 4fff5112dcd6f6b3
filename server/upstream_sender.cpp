#include "server/upstream_sender.hpp"

#include "server/http_client.hpp"

namespace gongshi::server {

UpstreamSender http_upstream_sender(std::chrono::seconds timeout) {
  return [timeout](const UpstreamRequest& r) -> Result<UpstreamReply> {
    auto res = http_call("POST", r.url, r.headers, r.body, timeout, r.targets);
    if (!res) return res.error();
    return UpstreamReply{res->status, std::move(res->body)};
  };
}

}  // namespace gongshi::server
