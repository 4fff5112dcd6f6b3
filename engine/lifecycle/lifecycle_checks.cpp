// Load-time structural checks of the lifecycle graph, with Boost.Graph's breadth-first search.
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>

#include "engine/lifecycle/lifecycle_impl.hpp"

namespace gongshi {
namespace {

// Marks every vertex reached from `start` in `g`.
template <class Graph>
std::vector<bool> reached_from(const Graph& g, const std::vector<StateVertex>& starts) {
  std::vector<bool> seen(boost::num_vertices(g), false);
  std::vector<boost::default_color_type> colors(boost::num_vertices(g), boost::white_color);
  auto color_map =
      boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g));
  struct Recorder : boost::default_bfs_visitor {
    std::vector<bool>* seen;
    void discover_vertex(StateVertex v, const Graph&) const { (*seen)[v] = true; }
  } visitor;
  visitor.seen = &seen;
  for (StateVertex s : starts) {
    if (colors[s] == boost::white_color) {
      boost::breadth_first_visit(g, s, boost::visitor(visitor).color_map(color_map));
    }
  }
  return seen;
}

}  // namespace

Result<bool> check_lifecycle(const Lifecycle::Impl& impl) {
  const auto& g = impl.graph;
  const auto from_initial = reached_from(g, {impl.vertex_of.find(impl.initial)->second});
  std::vector<StateVertex> terminals;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    if (g[*it].terminal) terminals.push_back(*it);
  }
  if (terminals.empty()) {
    return make_error(ErrorCode::invalid_input, "生命周期定义错误：没有终止状态",
                      "lifecycle definition: no terminal state");
  }
  const auto to_terminal = reached_from(boost::make_reverse_graph(g), terminals);
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const StateInfo& s = g[*it];
    if (!from_initial[*it]) {
      return make_error(ErrorCode::invalid_input,
                        "生命周期定义错误：状态「" + s.name + "」从初始状态不可达",
                        "lifecycle definition: state '" + s.name + "' is unreachable from '" +
                            impl.initial + "'");
    }
    if (s.terminal && boost::out_degree(*it, g) > 0) {
      return make_error(
          ErrorCode::invalid_input, "生命周期定义错误：终止状态「" + s.name + "」不应有出边",
          "lifecycle definition: terminal state '" + s.name + "' has outgoing events");
    }
    if (!to_terminal[*it]) {
      return make_error(
          ErrorCode::invalid_input, "生命周期定义错误：状态「" + s.name + "」无法到达任何终止状态",
          "lifecycle definition: state '" + s.name + "' cannot reach a terminal state");
    }
  }
  return true;
}

}  // namespace gongshi
