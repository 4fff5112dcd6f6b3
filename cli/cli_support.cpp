#include "cli/cli_support.hpp"

#include <sys/stat.h>

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iostream>

namespace gongshi::cli {
namespace {

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

}  // namespace

void add_common_options(CLI::App& cmd, CommonOptions& o) {
  o.schemas = env_or("GONGSHI_SCHEMAS", o.schemas);
  o.rules = env_or("GONGSHI_RULES", o.rules);
  o.plugins = env_or("GONGSHI_PLUGINS", o.plugins);
  cmd.add_option("--schemas", o.schemas, "schemas directory (regions, calendar, samples)");
  cmd.add_option("--rules", o.rules, "directory of region scripts CODE.lua");
  cmd.add_option("--plugins", o.plugins, "directory of rule plugins lib<name>.so");
  cmd.add_option("--now", o.now,
                 "the current time, e.g. 2024-07-31T10:00+08:00 (default: the clock)");
}

void add_account_options(CLI::App& cmd, AccountOptions& o) {
  cmd.add_option("--password-min-length", o.password_min_length,
                 "a password's fewest characters (default 8)")
      ->check(CLI::Range(8, 64));
  cmd.add_option("--password-min-classes", o.password_min_classes,
                 "of lower case, upper case, digits and other characters, how many a password "
                 "mixes (default 3)")
      ->check(CLI::Range(1, 4));
  cmd.add_option("--lockout-failures", o.lockout_failures,
                 "wrong passwords in a row that lock an account (default 5; 0: never)")
      ->check(CLI::Range(0, 100));
  cmd.add_option("--lockout-minutes", o.lockout_minutes,
                 "minutes a locked account stays locked (default 15)")
      ->check(CLI::Range(1, 24 * 60));
  cmd.add_option("--session-idle-minutes", o.session_idle_minutes,
                 "a signed-in session ends after this many minutes without use (default 30; 0: "
                 "only at its expiry)")
      ->check(CLI::Range(0, 24 * 60));
}

AccountPolicy account_policy(const AccountOptions& o) {
  AccountPolicy p;
  p.password.min_length = static_cast<std::size_t>(o.password_min_length);
  p.password.min_classes = o.password_min_classes;
  p.lockout_failures = o.lockout_failures;
  p.lockout = std::chrono::minutes(o.lockout_minutes);
  p.idle = std::chrono::minutes(o.session_idle_minutes);
  return p;
}

void add_config_option(CLI::App& cmd, std::string& path) {
  cmd.add_option("--config", path,
                 "configuration file (/etc/gongshi/gongshi.conf): every option as a key; the "
                 "command line overrides it");
}

Result<std::string> read_secret_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return make_error(ErrorCode::not_found, "无法读取密钥文件 " + path,
                      "cannot read the secret file " + path);
  }
  if ((st.st_mode & 077) != 0) {
    return make_error(ErrorCode::invalid_input,
                      "密钥文件 " + path + " 的权限过宽：应只有属主可读（chmod 600）",
                      "the secret file " + path +
                          " is readable by others: it must be its owner's alone (chmod 600)");
  }
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line)) {
    return make_error(ErrorCode::invalid_input, "密钥文件 " + path + " 是空的",
                      "the secret file " + path + " is empty");
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

Result<std::string> secret_from(const std::string& file, const char* env) {
  if (!file.empty()) return read_secret_file(file);
  return env_or(env, "");
}

void add_upstream_options(CLI::App& cmd, CommonOptions& o) {
  cmd.add_option("--upstream-key-file", o.upstream_key_file,
                 "file holding the key that seals the upstream targets' credentials (mode 0600; "
                 "default: the environment's GONGSHI_UPSTREAM_KEY)");
  cmd.add_option("--upstream-allow", o.upstream_allow,
                 "internal addresses or ranges the platform above may have (e.g. 10.1.2.3, "
                 "192.168.0.0/16: a province's platform on a private network); loopback, private, "
                 "link-local and other internal addresses are refused otherwise")
      ->delimiter(',');
}

Date today_of(const CommonOptions& o) {
  if (o.now.empty()) return shanghai_date(system_now());
  const auto t = parse_now(o.now);
  if (!t) {
    std::cerr << "错误：--now 不是有效时间（如 2024-07-31T10:00+08:00）\n"
                 "error: --now is not a valid time (e.g. 2024-07-31T10:00+08:00)\n";
    std::exit(2);
  }
  return shanghai_date(*t);
}

Clock clock_of(const CommonOptions& o) {
  if (o.now.empty()) return Clock::system();
  const auto t = parse_now(o.now);
  if (!t) {
    std::cerr << "错误：--now 不是有效时间（如 2024-07-31T10:00+08:00）\n"
                 "error: --now is not a valid time (e.g. 2024-07-31T10:00+08:00)\n";
    std::exit(2);
  }
  return Clock::starting_at(*t);
}

RulesPaths paths_of(const CommonOptions& o) {
  RulesPaths p;
  p.schemas = o.schemas;
  p.rules = o.rules;
  p.plugins = o.plugins;
  return p;
}

TimePoint now_of(const CommonOptions& o) {
  return clock_of(o).now();
}

Result<std::unique_ptr<Services>> open_service_layer(const CommonOptions& o,
                                                     const std::string& db_url, std::size_t pool,
                                                     const AccountPolicy& account) {
  ServicesOptions so;
  so.db_url = db_url;
  so.rules = paths_of(o);
  so.schemas = o.schemas;
  so.clock = clock_of(o);
  so.pool_size = pool;
  so.account = account;
  auto key = secret_from(o.upstream_key_file, "GONGSHI_UPSTREAM_KEY");
  if (!key) return key.error();
  so.upstream_key = std::move(key).value();
  auto upstream = AddressPolicy::allowing(o.upstream_allow);
  if (!upstream) return upstream.error();
  so.upstream_targets = std::move(upstream).value();
  return Services::open(std::move(so));
}

Result<ListenAddress> parse_listen(const std::string& text) {
  const auto colon = text.rfind(':');
  unsigned port = 0;
  const char* end = text.data() + text.size();
  bool ok = colon != std::string::npos && colon + 1 < text.size();
  if (ok) {
    const auto [ptr, ec] = std::from_chars(text.data() + colon + 1, end, port);
    ok = ec == std::errc() && ptr == end && port <= 65535;
  }
  if (!ok) {
    return make_error(ErrorCode::invalid_input, "--listen 应为 地址:端口",
                      "--listen must be ADDRESS:PORT");
  }
  return ListenAddress{text.substr(0, colon), static_cast<unsigned short>(port)};
}

int report(const Error& e) {
  std::cerr << "错误：" << e.message_zh << "\nerror: " << e.message_en << "\n";
  return e.code == ErrorCode::invalid_input ? 2 : 1;
}

Status require_options(std::initializer_list<std::pair<const char*, std::string>> options) {
  for (const auto& [name, value] : options) {
    if (value.empty()) {
      return make_error(ErrorCode::invalid_input, std::string("缺少 ") + name,
                        std::string(name) + " is required");
    }
  }
  return ok_status();
}

}  // namespace gongshi::cli
