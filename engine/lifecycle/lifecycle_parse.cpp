// Reading schemas/lifecycle.json into the graph, refusing unknown names and duplicate edges.
#include <boost/json.hpp>

#include "engine/lifecycle/lifecycle_impl.hpp"
#include "engine/model/json_file.hpp"

namespace gongshi {
namespace {

Error bad(const std::string& zh, const std::string& en) {
  return make_error(ErrorCode::invalid_input, "生命周期定义错误：" + zh,
                    "lifecycle definition: " + en);
}

std::string text(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

Result<std::map<std::string, std::string, std::less<>>> named_map(const boost::json::object& root,
                                                                  std::string_view key) {
  const auto* v = root.if_contains(key);
  if (v == nullptr || !v->is_object()) {
    return bad("缺少 " + std::string(key), "lacks \"" + std::string(key) + "\"");
  }
  std::map<std::string, std::string, std::less<>> out;
  for (const auto& [k, label] : v->as_object()) {
    out.emplace(std::string(k), label.is_string() ? std::string(label.get_string()) : "");
  }
  return out;
}

// The names in an array member, each of which must be in `known`.
Result<std::vector<std::string>> names(const boost::json::object& o, std::string_view key,
                                       const std::map<std::string, std::string, std::less<>>& known,
                                       const std::string& where) {
  std::vector<std::string> out;
  const auto* v = o.if_contains(key);
  if (v == nullptr) return out;
  if (!v->is_array())
    return bad(where + " 的 " + std::string(key) + " 应为数组", where + ": must be an array");
  for (const auto& item : v->as_array()) {
    const std::string name = item.is_string() ? std::string(item.get_string()) : "";
    if (!known.contains(name)) {
      return bad(where + " 引用了未定义的 " + std::string(key) + "「" + name + "」",
                 where + " names an unknown " + std::string(key) + " '" + name + "'");
    }
    out.push_back(name);
  }
  return out;
}

}  // namespace

Result<Lifecycle> Lifecycle::load(const std::filesystem::path& file) {
  auto json = read_json_file(file);
  if (!json) return json.error();
  return parse(*json);
}

Result<Lifecycle> Lifecycle::parse(const boost::json::value& json) {
  const auto* root = json.if_object();
  if (root == nullptr) return bad("应为 JSON 对象", "must be a JSON object");
  auto impl = std::make_unique<Impl>();
  auto roles = named_map(*root, "roles");
  auto guards = named_map(*root, "guards");
  auto effects = named_map(*root, "effects");
  if (!roles) return roles.error();
  if (!guards) return guards.error();
  if (!effects) return effects.error();
  impl->roles = std::move(roles).value();
  impl->guards = std::move(guards).value();
  impl->effects = std::move(effects).value();

  const auto* states = root->if_contains("states");
  if (states == nullptr || !states->is_array()) return bad("缺少 states", "lacks \"states\"");
  for (const auto& s : states->as_array()) {
    if (!s.is_object()) return bad("状态应为对象", "states must be objects");
    StateInfo info{text(s.as_object(), "name"), text(s.as_object(), "label"), false};
    if (const auto* t = s.as_object().if_contains("terminal"); t && t->is_bool()) {
      info.terminal = t->get_bool();
    }
    if (info.name.empty() || impl->vertex_of.contains(info.name)) {
      return bad("状态名为空或重复：" + info.name,
                 "empty or repeated state name '" + info.name + "'");
    }
    const std::string name = info.name;
    impl->vertex_of.emplace(name, boost::add_vertex(std::move(info), impl->graph));
  }
  impl->initial = text(*root, "initial");
  if (!impl->vertex_of.contains(impl->initial)) {
    return bad("初始状态「" + impl->initial + "」未定义",
               "unknown initial state '" + impl->initial + "'");
  }

  const auto* events = root->if_contains("events");
  if (events == nullptr || !events->is_array()) return bad("缺少 events", "lacks \"events\"");
  for (const auto& e : events->as_array()) {
    if (!e.is_object()) return bad("事件应为对象", "events must be objects");
    const auto& obj = e.as_object();
    Transition t;
    t.event = text(obj, "name");
    t.label_zh = text(obj, "label");
    t.to = text(obj, "to");
    const std::string where = "事件「" + t.event + "」";
    if (t.event.empty()) return bad("事件缺少 name", "an event lacks a name");
    auto r = names(obj, "roles", impl->roles, where);
    auto g = names(obj, "guards", impl->guards, where);
    auto f = names(obj, "effects", impl->effects, where);
    if (!r) return r.error();
    if (!g) return g.error();
    if (!f) return f.error();
    if (r->empty())
      return bad(where + " 没有任何角色可执行", "event '" + t.event + "' has no role");
    t.roles = std::move(r).value();
    t.guards = std::move(g).value();
    t.effects = std::move(f).value();
    const auto to = impl->vertex_of.find(t.to);
    if (to == impl->vertex_of.end()) {
      return bad(where + " 的目标状态「" + t.to + "」未定义",
                 "event '" + t.event + "' goes to unknown state '" + t.to + "'");
    }
    const auto* from_list = obj.if_contains("from");
    if (from_list == nullptr || !from_list->is_array() || from_list->as_array().empty()) {
      return bad(where + " 缺少 from", "event '" + t.event + "' lacks \"from\"");
    }
    for (const auto& fv : from_list->as_array()) {
      Transition edge = t;
      edge.from = fv.is_string() ? std::string(fv.get_string()) : "";
      const auto from = impl->vertex_of.find(edge.from);
      if (from == impl->vertex_of.end()) {
        return bad(where + " 的起始状态「" + edge.from + "」未定义",
                   "event '" + t.event + "' leaves unknown state '" + edge.from + "'");
      }
      for (auto [it, end] = boost::out_edges(from->second, impl->graph); it != end; ++it) {
        if (impl->graph[*it].event == edge.event) {
          return bad("状态「" + edge.from + "」有重复的事件「" + edge.event + "」",
                     "state '" + edge.from + "' has event '" + edge.event + "' twice");
        }
      }
      boost::add_edge(from->second, to->second, std::move(edge), impl->graph);
    }
  }
  auto checked = check_lifecycle(*impl);
  if (!checked) return checked.error();
  return Lifecycle(std::move(impl));
}

}  // namespace gongshi
