#include "engine/lifecycle/lifecycle.hpp"

#include <algorithm>

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
