// gongshi lifecycle dot, gongshi schema json
#include <boost/json.hpp>
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "engine/lifecycle/lifecycle.hpp"
#include "engine/model/json_pretty.hpp"
#include "engine/model/json_schema.hpp"

namespace gongshi::cli {

void add_lifecycle_commands(CLI::App& app, int& exit_code) {
  auto* group = app.add_subcommand("lifecycle", "记录生命周期 / the record lifecycle");
  group->require_subcommand(1);
  auto options = std::make_shared<CommonOptions>();
  auto* dot =
      group->add_subcommand("dot", "输出 Graphviz 图 / print the lifecycle as Graphviz DOT");
  add_common_options(*dot, *options);
  dot->callback([options, &exit_code] {
    auto lc = Lifecycle::load(std::filesystem::path(options->schemas) / "lifecycle.json");
    if (!lc) {
      exit_code = report(lc.error());
      return;
    }
    std::cout << lc->to_graphviz();
  });
}

void add_schema_commands(CLI::App& app, int& exit_code) {
  auto* group = app.add_subcommand("schema", "数据格式 / data formats");
  group->require_subcommand(1);
  auto kind = std::make_shared<std::string>();
  auto* json = group->add_subcommand(
      "json", "输出记录字段的 JSON Schema / print the JSON Schema of a record kind's fields");
  json->add_option("--kind", *kind, "license | penalty")->required();
  json->callback([kind, &exit_code] {
    const auto k = parse_record_kind(*kind);
    if (!k) {
      exit_code = report(make_error(ErrorCode::invalid_input, "--kind 应为 license 或 penalty",
                                    "--kind must be license or penalty"));
      return;
    }
    std::cout << pretty_json(record_json_schema(*k));
  });
}

}  // namespace gongshi::cli
