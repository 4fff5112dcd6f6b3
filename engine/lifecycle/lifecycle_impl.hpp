#pragma once
// Internal to engine/lifecycle: the Boost.Graph representation.

#include <boost/graph/adjacency_list.hpp>
#include <map>
#include <string>

#include "engine/lifecycle/lifecycle.hpp"

namespace gongshi {

using LifecycleGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, StateInfo, Transition>;
using StateVertex = LifecycleGraph::vertex_descriptor;

struct Lifecycle::Impl {
  LifecycleGraph graph;
  std::map<std::string, StateVertex, std::less<>> vertex_of;
  std::map<std::string, std::string, std::less<>> roles;      // name -> label
  std::map<std::string, std::string, std::less<>> guards;     // name -> meaning
  std::map<std::string, std::string, std::less<>> effects;    // name -> meaning
  std::map<std::string, std::string, std::less<>> deadlines;  // name -> meaning
  std::map<std::string, std::string, std::less<>> upstream;   // change type -> label
  std::vector<std::string> public_roles;                      // roles no account holds
  std::string initial;
};

// The load-time checks: every state reachable from the initial one, every non-terminal state can
// reach a terminal one, terminal states have no way out.
Result<bool> check_lifecycle(const Lifecycle::Impl& impl);

}  // namespace gongshi
