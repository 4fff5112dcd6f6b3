#include "engine/lifecycle/lifecycle.hpp"

#include <algorithm>
#include <optional>

#include "engine/lifecycle/lifecycle_impl.hpp"

namespace gongshi {

Lifecycle::Lifecycle(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Lifecycle::Lifecycle(Lifecycle&&) noexcept = default;
Lifecycle& Lifecycle::operator=(Lifecycle&&) noexcept = default;
Lifecycle::~Lifecycle() = default;

const std::string& Lifecycle::initial() const {
  return impl_->initial;
}

const StateInfo* Lifecycle::state(std::string_view name) const {
  const auto it = impl_->vertex_of.find(name);
  return it == impl_->vertex_of.end() ? nullptr : &impl_->graph[it->second];
}

std::string Lifecycle::state_label(std::string_view name) const {
  const StateInfo* s = state(name);
  return s != nullptr ? s->label_zh : std::string(name);
}

std::string Lifecycle::event_label(std::string_view name) const {
  const Transition* t = event(name);
  return t != nullptr ? t->label_zh : std::string(name);
}

std::vector<std::pair<std::string, std::string>> Lifecycle::upstream_changes() const {
  return {impl_->upstream.begin(), impl_->upstream.end()};
}

std::vector<StateInfo> Lifecycle::states() const {
  std::vector<StateInfo> out;
  for (auto [it, end] = boost::vertices(impl_->graph); it != end; ++it) {
    out.push_back(impl_->graph[*it]);
  }
  return out;
}

bool Lifecycle::is_role(std::string_view role) const {
  return impl_->roles.contains(role);
}

std::vector<std::pair<std::string, std::string>> Lifecycle::roles() const {
  return {impl_->roles.begin(), impl_->roles.end()};
}

bool Lifecycle::is_account_role(std::string_view role) const {
  return is_role(role) && std::find(impl_->public_roles.begin(), impl_->public_roles.end(), role) ==
                              impl_->public_roles.end();
}

const Transition* Lifecycle::event(std::string_view name) const {
  for (auto [it, end] = boost::edges(impl_->graph); it != end; ++it) {
    if (impl_->graph[*it].event == name) return &impl_->graph[*it];
  }
  return nullptr;
}

bool Lifecycle::is_deadline(std::string_view name) const {
  return impl_->deadlines.contains(name);
}

std::vector<std::string> Lifecycle::states_where(
    const std::function<bool(const StateInfo&)>& pred) const {
  std::vector<std::string> out;
  for (auto [it, end] = boost::vertices(impl_->graph); it != end; ++it) {
    if (pred(impl_->graph[*it])) out.push_back(impl_->graph[*it].name);
  }
  return out;
}

std::vector<std::string> Lifecycle::events_where(
    const std::function<bool(const Transition&)>& pred) const {
  std::vector<std::string> out;
  for (auto [it, end] = boost::edges(impl_->graph); it != end; ++it) {
    const Transition& t = impl_->graph[*it];
    if (pred(t) && std::find(out.begin(), out.end(), t.event) == out.end()) out.push_back(t.event);
  }
  return out;
}

std::vector<std::pair<const Transition*, std::string>> Lifecycle::path_to(
    std::string_view state) const {
  // Breadth first from the initial state over the edges a user may take.
  const auto target = impl_->vertex_of.find(state);
  if (target == impl_->vertex_of.end()) return {};
  const auto start = impl_->vertex_of.at(impl_->initial);
  const auto n = boost::num_vertices(impl_->graph);
  std::vector<std::optional<LifecycleGraph::edge_descriptor>> via(n);
  std::vector<bool> seen(n, false);
  std::vector<StateVertex> queue{start};
  seen[start] = true;
  const auto user_role = [this](const Transition& t) -> std::string {
    for (const auto& r : t.roles) {
      if (is_account_role(r)) return r;
    }
    return "";
  };
  for (std::size_t i = 0; i < queue.size(); ++i) {
    for (auto [it, end] = boost::out_edges(queue[i], impl_->graph); it != end; ++it) {
      const auto next = boost::target(*it, impl_->graph);
      if (seen[next] || user_role(impl_->graph[*it]).empty()) continue;
      seen[next] = true;
      via[next] = *it;
      queue.push_back(next);
    }
  }
  std::vector<std::pair<const Transition*, std::string>> path;
  for (auto v = target->second; via[v]; v = boost::source(*via[v], impl_->graph)) {
    const Transition& t = impl_->graph[*via[v]];
    path.emplace_back(&t, user_role(t));
  }
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<const Transition*> Lifecycle::edges_from(std::string_view state) const {
  std::vector<const Transition*> out;
  const auto v = impl_->vertex_of.find(state);
  if (v == impl_->vertex_of.end()) return out;
  for (auto [it, end] = boost::out_edges(v->second, impl_->graph); it != end; ++it) {
    out.push_back(&impl_->graph[*it]);
  }
  return out;
}

const Transition* Lifecycle::find(std::string_view state, std::string_view event) const {
  for (const Transition* t : edges_from(state)) {
    if (t->event == event) return t;
  }
  return nullptr;
}

Result<const Transition*> Lifecycle::allowed(std::string_view state, std::string_view event,
                                             std::string_view role) const {
  const Transition* t = find(state, event);
  if (t == nullptr) {
    const StateInfo* s = this->state(state);
    const std::string label = s != nullptr ? s->label_zh : std::string(state);
    return make_error(
        ErrorCode::not_found, "状态「" + label + "」下不能执行「" + std::string(event) + "」",
        "no event '" + std::string(event) + "' from state '" + std::string(state) + "'");
  }
  if (std::find(t->roles.begin(), t->roles.end(), role) == t->roles.end()) {
    const auto r = impl_->roles.find(role);
    const std::string role_label = r != impl_->roles.end() ? r->second : std::string(role);
    return make_error(ErrorCode::forbidden,
                      "角色「" + role_label + "」无权执行「" + t->label_zh + "」",
                      "role '" + std::string(role) + "' may not take '" + t->event + "'");
  }
  return t;
}

std::vector<const Transition*> Lifecycle::edges_for(std::string_view state,
                                                    std::string_view role) const {
  std::vector<const Transition*> out;
  for (const Transition* t : edges_from(state)) {
    if (std::find(t->roles.begin(), t->roles.end(), role) != t->roles.end()) out.push_back(t);
  }
  return out;
}

}  // namespace gongshi
