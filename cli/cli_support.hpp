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
};

// --schemas, --rules, --plugins (defaults from GONGSHI_SCHEMAS/RULES/PLUGINS or the build), --now.
void add_common_options(CLI::App& cmd, CommonOptions& o);
// --upstream-allow: the internal addresses a platform above may have.
void add_upstream_allow_option(CLI::App& cmd, CommonOptions& o);
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
                                                     std::size_t pool = 2);
// --listen ADDRESS:PORT (port 0: a free one), as `gongshi serve` and the receiver take it.
struct ListenAddress {
  std::string address;
  unsigned short port = 0;
};
Result<ListenAddress> parse_listen(const std::string& text);

// --now as a point in time, or the system clock's.
TimePoint now_of(const CommonOptions& o);

}  // namespace gongshi::cli
