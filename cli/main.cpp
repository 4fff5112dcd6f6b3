// gongshi — the command line. Each command group lives in its own file.
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"gongshi：双公示（行政许可、行政处罚）信息报送与审核引擎"};
  app.require_subcommand(1);
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
  CLI11_PARSE(app, argc, argv);
  return exit_code;
}
