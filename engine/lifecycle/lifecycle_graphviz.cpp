// DOT export of the lifecycle, with Boost.Graph's write_graphviz.
#include <boost/graph/graphviz.hpp>
#include <sstream>

#include "engine/lifecycle/lifecycle_impl.hpp"

namespace gongshi {
namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

std::string Lifecycle::to_graphviz() const {
  const auto& g = impl_->graph;
  std::ostringstream out;
  boost::write_graphviz(
      out, g,
      [&](std::ostream& os, StateVertex v) {
        const StateInfo& s = g[v];
        os << "[label=" << quoted(s.label_zh + "\n" + s.name)
           << (s.terminal ? ", shape=doublecircle" : ", shape=box, style=rounded")
           << (s.name == impl_->initial ? ", penwidth=2" : "") << "]";
      },
      [&](std::ostream& os, LifecycleGraph::edge_descriptor e) {
        const Transition& t = g[e];
        std::string label = t.label_zh + "\n" + t.event + "\n[" + joined(t.roles) + "]";
        os << "[label=" << quoted(label) << ", fontsize=9]";
      },
      [](std::ostream& os) {
        os << "rankdir=LR;\nnode [fontname=\"Noto Sans CJK SC\"];\n"
              "edge [fontname=\"Noto Sans CJK SC\"];\n";
      });
  return out.str();
}

}  // namespace gongshi
