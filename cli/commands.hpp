#pragma once

#include <CLI/CLI.hpp>

namespace gongshi::cli {

// Each sets exit_code when its command runs.
void add_rules_commands(CLI::App& app, int& exit_code);
void add_lifecycle_commands(CLI::App& app, int& exit_code);
void add_schema_commands(CLI::App& app, int& exit_code);
void add_db_commands(CLI::App& app, int& exit_code);
void add_serve_command(CLI::App& app, int& exit_code);
void add_data_commands(CLI::App& app, int& exit_code);
void add_demo_command(CLI::App& app, int& exit_code);
void add_report_commands(CLI::App& app, int& exit_code);
void add_calendar_commands(CLI::App& app, int& exit_code);
void add_validate_command(CLI::App& app, int& exit_code);

}  // namespace gongshi::cli
