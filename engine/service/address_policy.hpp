#pragma once
// Where the server may send requests of its own (webhooks, the push upward): not to itself, its
// host or the networks behind it, unless the operator allow-lists them. A subscription's URL is
// checked when it is made and every delivery's resolved address again when it is sent (DNS can
// change between).
//
// Refused unless allow-listed: loopback, unspecified, private (RFC 1918, fc00::/7), link-local
// (169.254/16 with the cloud metadata address, fe80::/10), shared (100.64/10), benchmarking,
// documentation, multicast, reserved and broadcast ranges, and IPv6 forms carrying one of these
// IPv4 addresses (::ffff:a.b.c.d, 64:ff9b::a.b.c.d).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/result.hpp"

namespace gongshi {

struct IpAddress {
  bool v4 = true;
  std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first four
};

// Strict numeric forms only (dotted quad, RFC 4291 text); nullopt otherwise.
std::optional<IpAddress> parse_ip(std::string_view text);

struct IpRange {
  IpAddress base;
  int prefix = 32;
  bool contains(const IpAddress& a) const;
};

// "10.0.0.0/8", "127.0.0.1" (a single address), "::1/128".
Result<IpRange> parse_ip_range(std::string_view text);

// What kind of internal address `a` is ("loopback", "private", …), or nullopt for a public one.
std::optional<std::string_view> internal_kind(const IpAddress& a);

class AddressPolicy {
 public:
  AddressPolicy() = default;
  // The operator's list of ranges that may be reached although internal.
  static Result<AddressPolicy> allowing(const std::vector<std::string>& ranges);

  bool permits(const IpAddress& a) const;

 private:
  std::vector<IpRange> allow_;
};

// Whose address a check is about, for its messages: what the user calls it and the operator's
// flag that allows an internal one.
struct OutboundUse {
  std::string_view zh, en, allow_flag;
};
inline constexpr OutboundUse kWebhookUse{"回调地址", "callback address", "--webhook-allow"};
inline constexpr OutboundUse kUpstreamUse{"上级平台地址", "platform address", "--upstream-allow"};

// An address the server will send to: absolute http:// or https://, no user:password@, a host that
// resolves, and every address it resolves to permitted by `policy`. The host is resolved as the C
// library reads it, so 127.1, 2130706433 and 0x7f.1 are 127.0.0.1, as a client would connect;
// localhost names are loopback.
Status check_outbound_target(const std::string& url, const AddressPolicy& policy,
                             const OutboundUse& use);
inline Status check_hook_target(const std::string& url, const AddressPolicy& policy) {
  return check_outbound_target(url, policy, kWebhookUse);
}
// Why a resolved address was refused (for a client that checks again when it connects).
Error internal_address_refused(const IpAddress& a, const OutboundUse& use);

}  // namespace gongshi
