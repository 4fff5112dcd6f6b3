#include "server/tls.hpp"

#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace gongshi::server {
namespace {

// Mozilla's intermediate TLS 1.2 suites (TLS 1.3 keeps OpenSSL's own three).
constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

Error tls_setup(const std::string& zh, const std::string& en, const boost::system::error_code& ec) {
  return make_error(ErrorCode::invalid_input, zh + "：" + ec.message(), en + ": " + ec.message());
}

}  // namespace

Result<std::shared_ptr<ssl::context>> server_tls_context(const std::filesystem::path& cert,
                                                         const std::filesystem::path& key) {
  auto ctx = std::make_shared<ssl::context>(ssl::context::tls_server);
  SSL_CTX* native = ctx->native_handle();
  SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
  ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                   ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                   ssl::context::single_dh_use | ssl::context::no_compression);
  SSL_CTX_set_cipher_list(native, kTls12Ciphers);
  SSL_CTX_set_options(native, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION);
  boost::system::error_code ec;
  ctx->use_certificate_chain_file(cert.string(), ec);
  if (ec) {
    return tls_setup("无法读取证书 " + cert.string(),
                     "cannot read the certificate " + cert.string(), ec);
  }
  ctx->use_private_key_file(key.string(), ssl::context::pem, ec);
  if (ec) {
    return tls_setup("无法读取私钥 " + key.string(), "cannot read the private key " + key.string(),
                     ec);
  }
  if (SSL_CTX_check_private_key(native) != 1) {
    return make_error(ErrorCode::invalid_input, "私钥与证书不匹配：" + key.string(),
                      "the private key does not match the certificate: " + key.string());
  }
  return ctx;
}

Result<std::shared_ptr<ssl::context>> client_tls_context(const std::filesystem::path& extra_ca) {
  auto ctx = std::make_shared<ssl::context>(ssl::context::tls_client);
  SSL_CTX_set_min_proto_version(ctx->native_handle(), TLS1_2_VERSION);
  boost::system::error_code ec;
  ctx->set_default_verify_paths(ec);
  if (ec) return tls_setup("无法读取系统 CA 证书", "cannot read the system's CA certificates", ec);
  if (!extra_ca.empty()) {
    ctx->load_verify_file(extra_ca.string(), ec);
    if (ec) {
      return tls_setup("无法读取 CA 证书文件 " + extra_ca.string(),
                       "cannot read the CA file " + extra_ca.string(), ec);
    }
  }
  ctx->set_verify_mode(ssl::verify_peer);
  return ctx;
}

void prepare_client(SSL* ssl, const std::string& host) {
  // The certificate must name the host: OpenSSL checks it while verifying the chain (a name, or
  // an IP address against the IP SANs), and SNI tells a name to the server (never an address,
  // RFC 6066).
  boost::system::error_code ec;
  (void)boost::asio::ip::make_address(host, ec);
  SSL_set_hostflags(ssl, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
  if (!ec) {
    X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host.c_str());
  } else {
    SSL_set_tlsext_host_name(ssl, host.c_str());
    SSL_set1_host(ssl, host.c_str());
  }
}

Error tls_failure(SSL* ssl, const boost::system::error_code& ec, const std::string& url,
                  const std::string& host) {
  const long verify = ssl != nullptr ? SSL_get_verify_result(ssl) : X509_V_OK;
  std::string why;
  if (verify == X509_V_ERR_HOSTNAME_MISMATCH || verify == X509_V_ERR_IP_ADDRESS_MISMATCH) {
    why = "证书不属于 " + host + " / the certificate is not for " + host;
  } else if (verify != X509_V_OK) {
    const std::string reason = X509_verify_cert_error_string(verify);
    why = "证书校验失败（" + reason + "）/ certificate verification failed: " + reason;
  } else {
    why = "TLS 握手失败（" + ec.message() + "）/ the TLS handshake failed: " + ec.message();
  }
  const auto slash = why.find(" / ");
  return make_error(ErrorCode::io_error, "请求 " + url + " 失败：" + why.substr(0, slash),
                    "request to " + url + " failed: " + why.substr(slash + 3));
}

}  // namespace gongshi::server
