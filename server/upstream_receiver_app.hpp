#pragma once
// The reference receiver's HTTP side (gongshi upstream-receiver): the upstream format in either
// form at POST /upstream/v1/changes (JSON; or CSV/XLSX with ?kind=license|penalty), what it took
// in at GET /upstream/v1/received?after=ID, and GET /healthz. With a token, every request but
// /healthz must carry Authorization: Bearer TOKEN.

#include <filesystem>
#include <string>

#include "engine/service/upstream_receiver.hpp"
#include "server/http_types.hpp"

namespace gongshi::server {

class UpstreamReceiverApp {
 public:
  UpstreamReceiverApp(UpstreamReceiver& receiver, std::string token, std::filesystem::path work_dir)
      : receiver_(receiver), token_(std::move(token)), work_dir_(std::move(work_dir)) {}

  HttpResponse handle(HttpRequest& req);

 private:
  HttpResponse take(HttpRequest& req);
  HttpResponse list(const HttpRequest& req);

  UpstreamReceiver& receiver_;
  std::string token_;
  std::filesystem::path work_dir_;
};

}  // namespace gongshi::server
