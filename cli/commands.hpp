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
// `export package` and `import package` (方式三), under the export and import commands.
void add_export_package_command(CLI::App& export_cmd, int& exit_code);
void add_import_package_command(CLI::App& import_cmd, int& exit_code);
void add_demo_command(CLI::App& app, int& exit_code);
void add_report_commands(CLI::App& app, int& exit_code);
void add_calendar_commands(CLI::App& app, int& exit_code);
void add_validate_command(CLI::App& app, int& exit_code);
void add_upstream_commands(CLI::App& app, int& exit_code);
void add_report_upstream_command(CLI::App& report_group, int& exit_code);
// backup, restore, doctor.
void add_ops_commands(CLI::App& app, int& exit_code);

}  // namespace gongshi::cli
