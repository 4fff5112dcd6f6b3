// gongshi lifecycle dot|check
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "engine/lifecycle/lifecycle.hpp"

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

}  // namespace gongshi::cli
