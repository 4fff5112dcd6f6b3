#pragma once
// The configuration file (/etc/gongshi/gongshi.conf): every option of `gongshi serve` as a key,
// read by `--config FILE` on serve and on the commands an operator runs beside it (migrate,
// backup, restore, doctor). The syntax is the INI/TOML subset the shipped file uses:
//
//   # a comment (also ';')
//   [server]                      sections only group keys for the reader; keys are unique
//   listen = "0.0.0.0:443"        a string, quoted ("…" with \" and \\) or bare
//   workers = 8                   a number (checked by the option it sets)
//   secure_cookies = true         true / false
//   webhook_allow = ["10.0.0.0/8", "192.168.1.5"]   a list
//
// A key is an option's long name with '_' for '-' (`read_timeout` is --read-timeout). Options on
// the command line override the file. An unknown key, a key twice, a malformed line or a value
// the option refuses stops the command at start with the file, the line, the key and the reason,
// in Chinese and English: nothing is ever ignored.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/model/result.hpp"

namespace gongshi::cli {

struct ConfigEntry {
  std::string key;
  std::vector<std::string> values;  // one for a scalar; a list's items
  bool list = false;
  int line = 0;
};

struct ConfigFile {
  std::filesystem::path path;
  std::vector<ConfigEntry> entries;
};

Result<ConfigFile> read_config(const std::filesystem::path& path);

// Keys the file may hold that `cmd` has no option for but another command does (the backup
// timer's `backup_keep` beside serve's keys): accepted and left to that command.
const std::vector<std::string>& config_keys_of_other_commands();

// The command-line words the file adds for `cmd` (a subcommand): each key as its option, unless
// that option is already among `given` (the words after the subcommand's name). A key `cmd` has
// no option for is an error — unless it is an option of `serve` or one of the keys above, which
// commands other than serve leave alone.
Result<std::vector<std::string>> config_arguments(const ConfigFile& file, CLI::App& cmd,
                                                  CLI::App& serve,
                                                  const std::vector<std::string>& given);

// A CLI11 error about an option the file set, told with the file's line and key; other errors as
// they are. `words`: what config_arguments added.
Error config_error(const ConfigFile& file, const CLI::Error& e);

}  // namespace gongshi::cli
