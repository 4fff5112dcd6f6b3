// The lifecycle file parser and its checks: any JSON as schemas/lifecycle.json.
#include <boost/json.hpp>

#include "engine/lifecycle/lifecycle.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  boost::system::error_code ec;
  const auto json = boost::json::parse(gongshi::fuzz::text(data, size), ec);
  if (ec) return 0;
  auto lc = gongshi::Lifecycle::parse(json);
  if (!lc) return 0;
  for (const auto& state : lc->states()) {
    for (const auto& [role, label] : lc->roles()) (void)lc->edges_for(state.name, role);
    (void)lc->path_to(state.name);
  }
  (void)lc->to_graphviz();
  return 0;
}
