#pragma once
// The lifecycle of a record as a graph: states are vertices, events are edges, each edge with the
// roles that may take it, the guards the rules must approve, and its effects. Loaded from
// schemas/lifecycle.json and checked at load. Pure: no database, no Lua.

#include <boost/json/fwd.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/result.hpp"

namespace gongshi {

struct StateInfo {
  std::string name;
  std::string label_zh;
  bool terminal = false;
};

struct Transition {
  std::string event;
  std::string label_zh;
  std::string from;
  std::string to;
  std::vector<std::string> roles;
  std::vector<std::string> guards;
  std::vector<std::string> effects;
};

class Lifecycle {
 public:
  static Result<Lifecycle> load(const std::filesystem::path& file);
  static Result<Lifecycle> parse(const boost::json::value& json);

  Lifecycle(Lifecycle&&) noexcept;
  Lifecycle& operator=(Lifecycle&&) noexcept;
  ~Lifecycle();

  const std::string& initial() const;
  const StateInfo* state(std::string_view name) const;
  std::vector<StateInfo> states() const;
  bool is_role(std::string_view role) const;

  // The edge of `event` out of `state`, or nullptr.
  const Transition* find(std::string_view state, std::string_view event) const;
  // The edge if `role` may take it; not_found when there is no such edge out of the state,
  // forbidden when the role may not take it.
  Result<const Transition*> allowed(std::string_view state, std::string_view event,
                                    std::string_view role) const;
  // The edges out of `state` that `role` may take: the buttons a UI shows.
  std::vector<const Transition*> edges_for(std::string_view state, std::string_view role) const;
  std::vector<const Transition*> edges_from(std::string_view state) const;

  // Graphviz DOT text (boost::write_graphviz).
  std::string to_graphviz() const;

  struct Impl;

 private:
  explicit Lifecycle(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gongshi
