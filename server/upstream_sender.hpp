#pragma once
// How the server and `gongshi upstream push` send a request to the platform above: one
// synchronous HTTP call (http_client.hpp) bounded by `timeout`.

#include <chrono>

#include "engine/service/upstream_service.hpp"

namespace gongshi::server {

UpstreamSender http_upstream_sender(std::chrono::seconds timeout);

}  // namespace gongshi::server
