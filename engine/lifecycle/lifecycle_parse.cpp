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
                                                                  std::string_view key,
                                                                  bool required = true) {
  const auto* v = root.if_contains(key);
  if (v == nullptr && !required) return std::map<std::string, std::string, std::less<>>{};
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

bool flag(const boost::json::object& o, std::string_view key, bool fallback) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_bool() ? v->get_bool() : fallback;
}

// "watches": {"GROUP": [{"deadline", "on": "day" | "after", "mark" | "event", "decided"}]}
Result<std::map<std::string, std::vector<Watch>, std::less<>>> parse_watches(
    const boost::json::object& root,
    const std::map<std::string, std::string, std::less<>>& deadlines) {
  std::map<std::string, std::vector<Watch>, std::less<>> out;
  const auto* v = root.if_contains("watches");
  if (v == nullptr) return out;
  if (!v->is_object()) return bad("watches 应为对象", "watches must be an object");
  for (const auto& [group, list] : v->as_object()) {
    if (!list.is_array()) return bad("watches 的每组应为数组", "each watch group must be an array");
    auto& into = out[std::string(group)];
    for (const auto& item : list.as_array()) {
      const auto* o = item.if_object();
      if (o == nullptr) return bad("watch 应为对象", "a watch must be an object");
      Watch w{text(*o, "deadline"), text(*o, "on") == "day", text(*o, "mark"), text(*o, "event"),
              flag(*o, "decided", false)};
      if (!deadlines.contains(w.deadline)) {
        return bad("watch 引用了未定义的期限「" + w.deadline + "」",
                   "a watch names an unknown deadline '" + w.deadline + "'");
      }
      if (w.mark.empty() == w.event.empty()) {
        return bad("watch 应有 mark 或 event 之一", "a watch needs exactly one of mark and event");
      }
      into.push_back(std::move(w));
    }
  }
  return out;
}

// An application kind named by a state's "application" or an event's "opens".
Status application_kind(const std::string& kind, const std::string& where) {
  if (kind.empty() || kind == "objection" || kind == "repair") return ok_status();
  return bad(where + " 的申请类型「" + kind + "」无效（objection 或 repair）",
             where + ": unknown application kind '" + kind + "' (objection or repair)");
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
  auto deadlines = named_map(*root, "deadlines", false);
  auto upstream = named_map(*root, "upstream_changes", false);
  if (!upstream) return upstream.error();
  impl->upstream = std::move(upstream).value();
  if (!roles) return roles.error();
  if (!guards) return guards.error();
  if (!effects) return effects.error();
  if (!deadlines) return deadlines.error();
  impl->roles = std::move(roles).value();
  impl->guards = std::move(guards).value();
  impl->effects = std::move(effects).value();
  impl->deadlines = std::move(deadlines).value();
  auto public_roles = names(*root, "public_roles", impl->roles, "public_roles");
  if (!public_roles) return public_roles.error();
  impl->public_roles = std::move(public_roles).value();
  auto watches = parse_watches(*root, impl->deadlines);
  if (!watches) return watches.error();

  const auto* states = root->if_contains("states");
  if (states == nullptr || !states->is_array()) return bad("缺少 states", "lacks \"states\"");
  for (const auto& s : states->as_array()) {
    if (!s.is_object()) return bad("状态应为对象", "states must be objects");
    const auto& so = s.as_object();
    StateInfo info;
    info.name = text(so, "name");
    info.label_zh = text(so, "label");
    info.terminal = flag(so, "terminal", false);
    info.public_page = flag(so, "public_page", false);
    info.counted = flag(so, "counted", true);
    const std::string publication = text(so, "publication");
    if (publication == "published") {
      info.publication = Publication::published;
    } else if (publication == "expired") {
      info.publication = Publication::expired;
    } else if (publication == "withheld") {
      info.publication = Publication::withheld;
    } else if (!publication.empty() && publication != "other") {
      return bad("状态「" + info.name + "」的 publication 无效：" + publication,
                 "state '" + info.name + "': unknown publication '" + publication + "'");
    }
    auto editors = names(so, "editors", impl->roles, "状态「" + info.name + "」");
    if (!editors) return editors.error();
    info.editors = std::move(editors).value();
    info.application = text(so, "application");
    if (auto st = application_kind(info.application, "状态「" + info.name + "」"); !st) {
      return st.error();
    }
    if (const auto* w = so.if_contains("watch")) {
      if (!w->is_array()) return bad("watch 应为数组", "watch must be an array");
      for (const auto& group : w->as_array()) {
        const std::string name = group.is_string() ? std::string(group.get_string()) : "";
        const auto found = watches->find(name);
        if (found == watches->end()) {
          return bad("状态「" + info.name + "」引用了未定义的 watch「" + name + "」",
                     "state '" + info.name + "' names an unknown watch '" + name + "'");
        }
        info.watches.insert(info.watches.end(), found->second.begin(), found->second.end());
      }
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
    t.upheld_objection = flag(obj, "upheld_objection", false);
    t.opens = text(obj, "opens");
    t.fields_required = text(obj, "fields") == "required";
    t.upstream = text(obj, "upstream");
    const std::string where = "事件「" + t.event + "」";
    if (!t.upstream.empty() && !impl->upstream.contains(t.upstream)) {
      return bad(where + " 的上报变更类型「" + t.upstream + "」未在 upstream_changes 中定义",
                 "event '" + t.event + "' names unknown upstream change '" + t.upstream + "'");
    }
    if (auto st = application_kind(t.opens, where); !st) return st.error();
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
  // A watch that takes an event: every state watching it has that event.
  for (auto [it, end] = boost::vertices(impl->graph); it != end; ++it) {
    const StateInfo& s = impl->graph[*it];
    for (const auto& w : s.watches) {
      if (w.event.empty()) continue;
      bool has = false;
      for (auto [e, e_end] = boost::out_edges(*it, impl->graph); e != e_end; ++e) {
        has = has || impl->graph[*e].event == w.event;
      }
      if (!has) {
        return bad("状态「" + s.name + "」的 watch 要执行「" + w.event + "」，但该状态没有此事件",
                   "state '" + s.name + "' watches for '" + w.event + "', which it does not have");
      }
    }
  }
  auto checked = check_lifecycle(*impl);
  if (!checked) return checked.error();
  return Lifecycle(std::move(impl));
}

}  // namespace gongshi
