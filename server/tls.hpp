#pragma once
// Internal to the server's networking (http_server.cpp, http_fetch.cpp, http_client.cpp): the
// OpenSSL 3 contexts, through Asio's ssl::context.
//
// The server: TLS 1.2 and 1.3 only; for 1.2 the forward-secret AEAD suites of Mozilla's
// "intermediate" profile; the certificate chain and key from PEM files, checked to match.
// A client: the peer's certificate verified against the system's CAs (and an extra PEM file when
// given: a province's private CA), and its host name (or IP address) against the certificate —
// never a silent fallback to an unverified connection.

#include <boost/asio/ssl.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "engine/model/result.hpp"

namespace gongshi::server {

namespace ssl = boost::asio::ssl;

Result<std::shared_ptr<ssl::context>> server_tls_context(const std::filesystem::path& cert,
                                                         const std::filesystem::path& key);

Result<std::shared_ptr<ssl::context>> client_tls_context(const std::filesystem::path& extra_ca);

// Prepares a client stream's SSL object: SNI and the host-name check for `host` (a name or an IP
// address, without brackets).
void prepare_client(SSL* ssl, const std::string& host);

// Why a client's handshake with `url` failed, in Chinese and English: the certificate's fault as
// OpenSSL's verification put it (an unknown issuer, expired, a name that does not match …), or
// the handshake's own error.
Error tls_failure(SSL* ssl, const boost::system::error_code& ec, const std::string& url,
                  const std::string& host);

}  // namespace gongshi::server
