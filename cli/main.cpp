// gongshi — the command line. Each command group lives in its own file.
#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/config_file.hpp"
#include "cli/version.hpp"

namespace {

// The subcommand of `cmd` named `name`, or nullptr (CLI11 2.1 only throws).
CLI::App* subcommand(CLI::App& cmd, const std::string& name) {
  for (CLI::App* sub : cmd.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name() == name) return sub;
  }
  return nullptr;
}

// The value of --config among `words` ("" when none).
std::string config_path(const std::vector<std::string>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--config" && i + 1 < words.size()) return words[i + 1];
    if (words[i].starts_with("--config=")) return words[i].substr(9);
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"gongshi：双公示（行政许可、行政处罚）信息报送与审核引擎"};
  app.require_subcommand(1);
  app.set_version_flag("--version", gongshi::cli::version_text(),
                       "版本、提交、构建日期与规则插件 ABI / version, commit, build date, "
                       "plugin ABI");
  int exit_code = 0;
  gongshi::cli::add_rules_commands(app, exit_code);
  gongshi::cli::add_lifecycle_commands(app, exit_code);
  gongshi::cli::add_schema_commands(app, exit_code);
  gongshi::cli::add_db_commands(app, exit_code);
  gongshi::cli::add_serve_command(app, exit_code);
  gongshi::cli::add_data_commands(app, exit_code);
  gongshi::cli::add_demo_command(app, exit_code);
  gongshi::cli::add_report_commands(app, exit_code);
  gongshi::cli::add_calendar_commands(app, exit_code);
  gongshi::cli::add_validate_command(app, exit_code);
  gongshi::cli::add_upstream_commands(app, exit_code);
  gongshi::cli::add_ops_commands(app, exit_code);

  // A command given --config FILE: the file's keys become options placed right after the
  // command's name (so the command line, which follows, wins), before anything is parsed.
  std::vector<std::string> words(argv, argv + argc);
  std::optional<gongshi::cli::ConfigFile> config;
  const std::string path = config_path(words);
  if (!path.empty()) {
    // The command named: its words (`upstream push`) lead to the subcommand that has --config.
    CLI::App* cmd = &app;
    std::size_t at = 1;
    while (at < words.size()) {
      CLI::App* sub = subcommand(*cmd, words[at]);
      if (sub == nullptr) break;
      cmd = sub;
      ++at;
    }
    CLI::App* serve = subcommand(app, "serve");
    if (cmd != &app && serve != nullptr) {
      auto file = gongshi::cli::read_config(path);
      if (!file) return gongshi::cli::report(file.error());
      const std::vector<std::string> given(words.begin() + static_cast<long>(at), words.end());
      auto added = gongshi::cli::config_arguments(*file, *cmd, *serve, given);
      if (!added) return gongshi::cli::report(added.error());
      words.insert(words.begin() + static_cast<long>(at), added->begin(), added->end());
      config = std::move(file).value();
    }
  }
  std::vector<char*> args;
  for (auto& w : words) args.push_back(w.data());
  try {
    app.parse(static_cast<int>(args.size()), args.data());
  } catch (const CLI::ParseError& e) {
    if (config && e.get_exit_code() != 0) {
      return gongshi::cli::report(gongshi::cli::config_error(*config, e));
    }
    return app.exit(e);
  }
  return exit_code;
}
