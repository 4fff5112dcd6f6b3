#pragma once
// How the server and `gongshi upstream push` send a request to the platform above: one
// synchronous HTTP(S) call (http_client.hpp) bounded by `timeout`, to the addresses the target's
// policy permits, an https target's certificate checked against its own CA file or the default.

#include <chrono>
#include <filesystem>

#include "engine/service/upstream_service.hpp"

namespace gongshi::server {

// `ca_file`: extra CA certificates for https targets without a CA file of their own.
UpstreamSender http_upstream_sender(std::chrono::seconds timeout,
                                    const std::filesystem::path& ca_file = {});

}  // namespace gongshi::server
