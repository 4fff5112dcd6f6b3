#include "server/node_checks.hpp"

#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/statvfs.h>

#include <cstdio>
#include <memory>

namespace gongshi::server {
namespace {

using Level = NodeCheck::Level;

std::string days_text(long days) {
  return std::to_string(days);
}

}  // namespace

NodeCheck certificate_check(const std::filesystem::path& cert, TimePoint now) {
  NodeCheck c{"tls_certificate", Level::ok, "", ""};
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(cert.c_str(), "r"), &std::fclose);
  X509* x = f ? PEM_read_X509(f.get(), nullptr, nullptr, nullptr) : nullptr;
  if (x == nullptr) {
    c.level = Level::fail;
    c.zh = "无法读取 TLS 证书 " + cert.string();
    c.en = "cannot read the TLS certificate " + cert.string();
    return c;
  }
  std::unique_ptr<X509, void (*)(X509*)> owned(x, &X509_free);
  int days = 0, seconds = 0;
  ASN1_TIME* at = ASN1_TIME_new();
  ASN1_TIME_set(at, static_cast<time_t>(now.time_since_epoch().count()));
  ASN1_TIME_diff(&days, &seconds, at, X509_get0_notAfter(x));
  ASN1_TIME_free(at);
  if (days < 0 || (days == 0 && seconds <= 0)) {
    c.level = Level::fail;
    c.zh = "TLS 证书已过期：" + cert.string();
    c.en = "the TLS certificate has expired: " + cert.string();
  } else if (days < 30) {
    c.level = Level::warn;
    c.zh = "TLS 证书 " + days_text(days) + " 天后过期，请更换（更换后 kill -HUP 重新读取）";
    c.en = "the TLS certificate expires in " + days_text(days) +
           " days: renew it (kill -HUP reloads it)";
  } else {
    c.zh = "TLS 证书还有 " + days_text(days) + " 天有效";
    c.en = "the TLS certificate is valid for " + days_text(days) + " more days";
  }
  return c;
}

NodeCheck disk_check(const std::filesystem::path& dir) {
  NodeCheck c{"disk", Level::ok, "", ""};
  struct statvfs st {};
  if (::statvfs(dir.c_str(), &st) != 0) {
    c.level = Level::fail;
    c.zh = "无法查看 " + dir.string() + " 所在磁盘";
    c.en = "cannot examine the disk of " + dir.string();
    return c;
  }
  const double free = static_cast<double>(st.f_bavail) * static_cast<double>(st.f_frsize);
  const double total = static_cast<double>(st.f_blocks) * static_cast<double>(st.f_frsize);
  const auto mib = static_cast<long>(free / (1024.0 * 1024.0));
  const std::string amount = std::to_string(mib) + " MiB";
  if (free < 200.0 * 1024 * 1024) {
    c.level = Level::fail;
  } else if (free < 1024.0 * 1024 * 1024 || (total > 0 && free / total < 0.05)) {
    c.level = Level::warn;
  }
  c.zh = dir.string() + " 所在磁盘剩余 " + amount + (c.level == Level::ok ? "" : "，空间不足");
  c.en = amount + " free on the disk of " + dir.string() + (c.level == Level::ok ? "" : ": low");
  return c;
}

NodeCheck backup_check(const std::filesystem::path& dir, std::chrono::hours max_age,
                       TimePoint now) {
  NodeCheck c{"backup", Level::ok, "", ""};
  std::error_code ec;
  std::filesystem::file_time_type newest{};
  bool found = false;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (!name.starts_with("gongshi-") || e.path().extension() != ".zip") continue;
    std::error_code ec2;
    const auto t = e.last_write_time(ec2);
    if (!ec2 && (!found || t > newest)) {
      newest = t;
      found = true;
    }
  }
  if (!found) {
    c.level = Level::warn;
    c.zh = dir.string() + " 中还没有备份";
    c.en = "no backup in " + dir.string() + " yet";
    return c;
  }
  // The file's time on the system clock; the node's `now` may be a --now in the past.
  const auto written =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::file_clock::to_sys(newest));
  const auto age = std::chrono::duration_cast<std::chrono::hours>(std::max(now, written) - written);
  const std::string hours = std::to_string(age.count());
  if (age > max_age) {
    c.level = Level::fail;
    c.zh = "最近一次备份已是 " + hours + " 小时前（超过 " + std::to_string(max_age.count()) +
           " 小时）：检查 gongshi-backup.timer";
    c.en = "the last backup is " + hours + " hours old (over " + std::to_string(max_age.count()) +
           "): check gongshi-backup.timer";
  } else {
    c.zh = "最近一次备份在 " + hours + " 小时前";
    c.en = "the last backup is " + hours + " hours old";
  }
  return c;
}

std::vector<NodeCheck> node_checks(const NodeCheckInput& in, TimePoint now) {
  std::vector<NodeCheck> out;
  if (!in.tls_cert.empty()) out.push_back(certificate_check(in.tls_cert, now));
  if (!in.data_dir.empty()) out.push_back(disk_check(in.data_dir));
  if (!in.backup_dir.empty()) out.push_back(backup_check(in.backup_dir, in.backup_max_age, now));
  return out;
}

}  // namespace gongshi::server
