#pragma once
// What every gongshi command shares: where the data lives, --now, printing errors.

#include <CLI/CLI.hpp>
#include <string>

#include "engine/model/clock.hpp"
#include "engine/model/error.hpp"
#include "engine/rules/rules_environment.hpp"
#include "engine/service/services.hpp"

namespace gongshi::cli {

struct CommonOptions {
  std::string schemas = GONGSHI_DEFAULT_SCHEMAS;
  std::string rules = GONGSHI_DEFAULT_RULES;
  std::string plugins = GONGSHI_DEFAULT_PLUGINS;
  std::string now;                          // ISO date-time; empty = the system clock
  std::vector<std::string> upstream_allow;  // --upstream-allow, on the commands that push upward
  std::string upstream_key_file;            // --upstream-key-file, beside GONGSHI_UPSTREAM_KEY
};

// The account policy's options (serve, and `user add`, which checks a new password by it).
struct AccountOptions {
  int password_min_length = 8;
  int password_min_classes = 3;
  int lockout_failures = 5;
  int lockout_minutes = 15;
  int session_idle_minutes = 30;
};
void add_account_options(CLI::App& cmd, AccountOptions& o);
AccountPolicy account_policy(const AccountOptions& o);

// --config FILE: the configuration file (cli/config_file.hpp), read before the command line is
// parsed; registered here so that the command accepts it and its help names it.
void add_config_option(CLI::App& cmd, std::string& path);

// A secret from a file (the config file's *_file keys): its first line. The file must be readable
// by its owner alone (mode 0600 or 0400); an error names the file and the reason.
Result<std::string> read_secret_file(const std::string& path);
// The secret from `file` when one is named, else from the environment variable `env` ("" when
// neither is set).
Result<std::string> secret_from(const std::string& file, const char* env);

// --schemas, --rules, --plugins (defaults from GONGSHI_SCHEMAS/RULES/PLUGINS or the build), --now.
void add_common_options(CLI::App& cmd, CommonOptions& o);
// --upstream-allow (the internal addresses a platform above may have) and --upstream-key-file.
void add_upstream_options(CLI::App& cmd, CommonOptions& o);
// The Shanghai date of --now, or of the system clock; exits with a message on a bad --now.
Date today_of(const CommonOptions& o);
RulesPaths paths_of(const CommonOptions& o);
// The clock of --now (starting there and running on), or the system clock; exits on a bad --now.
Clock clock_of(const CommonOptions& o);
// Prints "错误：… / error: …" to stderr and returns the exit code for it.
int report(const Error& e);
// An error naming the first of (name, value) whose value is empty: for options required by a
// command but not by its subcommands.
Status require_options(std::initializer_list<std::pair<const char*, std::string>> options);

// Every use case over a database (migrated) and the rules, as a command that works on stored
// records needs them: the scripts it runs are archived, the rule versions and holiday years other
// processes stored installed.
Result<std::unique_ptr<Services>> open_service_layer(const CommonOptions& o,
                                                     const std::string& db_url,
                                                     std::size_t pool = 2,
                                                     const AccountPolicy& account = {});
// --listen ADDRESS:PORT (port 0: a free one), as `gongshi serve` and the receiver take it.
struct ListenAddress {
  std::string address;
  unsigned short port = 0;
};
Result<ListenAddress> parse_listen(const std::string& text);

// --now as a point in time, or the system clock's.
TimePoint now_of(const CommonOptions& o);

}  // namespace gongshi::cli
