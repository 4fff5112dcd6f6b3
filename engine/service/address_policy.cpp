#include "engine/service/address_policy.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <boost/url/parse.hpp>
#include <cstring>

#include "engine/model/text.hpp"

namespace gongshi {
namespace {

struct Internal {
  const char* range;
  const char* kind;
};

// IANA's special-purpose registries, the parts a server must not be sent to by its users.
constexpr Internal kInternal[] = {
    {"0.0.0.0/8", "unspecified"},
    {"10.0.0.0/8", "private"},
    {"100.64.0.0/10", "shared"},
    {"127.0.0.0/8", "loopback"},
    {"169.254.0.0/16", "link-local"},
    {"172.16.0.0/12", "private"},
    {"192.0.0.0/24", "reserved"},
    {"192.0.2.0/24", "documentation"},
    {"192.168.0.0/16", "private"},
    {"198.18.0.0/15", "benchmarking"},
    {"198.51.100.0/24", "documentation"},
    {"203.0.113.0/24", "documentation"},
    {"224.0.0.0/4", "multicast"},
    {"240.0.0.0/4", "reserved"},
    {"::/128", "unspecified"},
    {"::1/128", "loopback"},
    {"::/96", "reserved"},
    {"100::/64", "reserved"},
    {"2001:db8::/32", "documentation"},
    {"fc00::/7", "private"},
    {"fe80::/10", "link-local"},
    {"fec0::/10", "reserved"},
    {"ff00::/8", "multicast"},
};

const std::vector<std::pair<IpRange, const char*>>& internal_ranges() {
  static const std::vector<std::pair<IpRange, const char*>> ranges = [] {
    std::vector<std::pair<IpRange, const char*>> out;
    for (const auto& i : kInternal) out.emplace_back(*parse_ip_range(i.range), i.kind);
    return out;
  }();
  return ranges;
}

// The IPv4 address an IPv6 one carries (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d).
std::optional<IpAddress> embedded_v4(const IpAddress& a) {
  if (a.v4) return std::nullopt;
  static constexpr std::uint8_t mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  static constexpr std::uint8_t nat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(a.bytes.data(), mapped, 12) != 0 && std::memcmp(a.bytes.data(), nat64, 12) != 0)
    return std::nullopt;
  IpAddress v4;
  std::memcpy(v4.bytes.data(), a.bytes.data() + 12, 4);
  return v4;
}

Error refused(std::string_view kind, const OutboundUse& use) {
  return bad_request(
      std::string(use.zh) + "指向内部网络（" + std::string(kind) +
          "），不予接受；确需使用时由运维人员以 " + std::string(use.allow_flag) + " 放行",
      "the " + std::string(use.en) + " is on an internal network (" + std::string(kind) +
          "): refused unless the operator allows it with " + std::string(use.allow_flag));
}

// The addresses `host` resolves to.
Result<std::vector<IpAddress>> resolve_host(const std::string& host, const OutboundUse& use) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0 || found == nullptr) {
    return bad_request("无法解析" + std::string(use.zh) + "的主机名：" + host,
                       "cannot resolve the host of the " + std::string(use.en) + ": " + host);
  }
  std::vector<IpAddress> out;
  for (const addrinfo* i = found; i != nullptr; i = i->ai_next) {
    IpAddress a;
    if (i->ai_family == AF_INET) {
      std::memcpy(a.bytes.data(), &reinterpret_cast<const sockaddr_in*>(i->ai_addr)->sin_addr, 4);
    } else if (i->ai_family == AF_INET6) {
      a.v4 = false;
      std::memcpy(a.bytes.data(), &reinterpret_cast<const sockaddr_in6*>(i->ai_addr)->sin6_addr,
                  16);
    } else {
      continue;
    }
    out.push_back(a);
  }
  freeaddrinfo(found);
  return out;
}

}  // namespace

std::optional<IpAddress> parse_ip(std::string_view text) {
  if (text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  const std::string s(text);
  IpAddress a;
  if (inet_pton(AF_INET, s.c_str(), a.bytes.data()) == 1) return a;
  a.v4 = false;
  if (inet_pton(AF_INET6, s.c_str(), a.bytes.data()) == 1) return a;
  return std::nullopt;
}

bool IpRange::contains(const IpAddress& a) const {
  if (a.v4 != base.v4) return false;
  int bits = prefix;
  for (std::size_t i = 0; bits > 0; ++i, bits -= 8) {
    const std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
    if ((a.bytes[i] & mask) != (base.bytes[i] & mask)) return false;
  }
  return true;
}

Result<IpRange> parse_ip_range(std::string_view text) {
  const auto slash = text.find('/');
  const auto ip = parse_ip(text.substr(0, slash));
  const auto bad = [&] {
    return bad_request("不是 IP 地址或网段：" + std::string(text),
                       "not an IP address or range: " + std::string(text));
  };
  if (!ip) return bad();
  IpRange r{*ip, ip->v4 ? 32 : 128};
  if (slash != std::string_view::npos) {
    const std::string n(text.substr(slash + 1));
    if (n.empty() || n.size() > 3 || n.find_first_not_of("0123456789") != std::string::npos)
      return bad();
    r.prefix = std::stoi(n);
    if (r.prefix > (ip->v4 ? 32 : 128)) return bad();
  }
  return r;
}

std::optional<std::string_view> internal_kind(const IpAddress& a) {
  if (auto v4 = embedded_v4(a)) return internal_kind(*v4);
  for (const auto& [range, kind] : internal_ranges()) {
    if (range.contains(a)) return kind;
  }
  return std::nullopt;
}

Result<AddressPolicy> AddressPolicy::allowing(const std::vector<std::string>& ranges) {
  AddressPolicy p;
  for (const auto& text : ranges) {
    if (text.empty()) continue;
    auto r = parse_ip_range(text);
    if (!r) return r.error();
    p.allow_.push_back(*r);
  }
  return p;
}

bool AddressPolicy::permits(const IpAddress& a) const {
  if (!internal_kind(a)) return true;
  const auto v4 = embedded_v4(a);
  for (const auto& r : allow_) {
    if (r.contains(a) || (v4 && r.contains(*v4))) return true;
  }
  return false;
}

Error internal_address_refused(const IpAddress& a, const OutboundUse& use) {
  Error e = refused(internal_kind(a).value_or("internal"), use);
  e.code = ErrorCode::forbidden;
  return e;
}

Status check_outbound_target(const std::string& url, const AddressPolicy& policy,
                             const OutboundUse& use) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed || (parsed->scheme() != "http" && parsed->scheme() != "https")) {
    return bad_request("url 应为 http:// 或 https:// 开头的绝对地址",
                       "url must be an absolute http:// or https:// URL");
  }
  if (parsed->has_userinfo()) {
    return bad_request("url 不得含用户名或密码（用 secret 验证签名）",
                       "url must not carry a user name or password (the secret signs deliveries)");
  }
  std::string host;
  switch (parsed->host_type()) {
    case boost::urls::host_type::ipv4:
      host = parsed->host_ipv4_address().to_string();
      break;
    case boost::urls::host_type::ipv6:
      host = parsed->host_ipv6_address().to_string();
      break;
    case boost::urls::host_type::name:
      host = parsed->host_name();
      break;
    default:
      return bad_request("url 的主机名无效", "url has no valid host");
  }
  if (host.empty()) return bad_request("url 的主机名无效", "url has no valid host");
  // RFC 6761: localhost and its subdomains are loopback whatever DNS or /etc/hosts say.
  std::string name = ascii_upper(host);
  while (!name.empty() && name.back() == '.') name.pop_back();
  if (name == "LOCALHOST" || (name.size() > 10 && name.ends_with(".LOCALHOST"))) host = "127.0.0.1";
  auto addresses = resolve_host(host, use);
  if (!addresses) return addresses.error();
  for (const auto& a : *addresses) {
    if (!policy.permits(a)) return refused(*internal_kind(a), use);
  }
  return ok_status();
}

}  // namespace gongshi
