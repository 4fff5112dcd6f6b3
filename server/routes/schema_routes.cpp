// What a page needs to draw its forms and labels, asked of the engine rather than retyped:
//   GET /api/v1/schemas/{kind}  the JSON Schema of a kind's fields, with each field's form hints
//   GET /api/v1/lifecycle       the roles, states and events with their Chinese labels
#include <boost/json.hpp>

#include "engine/model/json_schema.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

HttpResponse schema(AppContext&, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto kind = kind_param(c.param("kind"));
    if (!kind) return kind.error();
    auto res = json_response(record_json_schema(*kind));
    res.headers.emplace_back("Cache-Control", "public, max-age=300");
    return res;
  });
}

boost::json::array strings(const std::vector<std::string>& v) {
  boost::json::array out;
  for (const auto& s : v) out.push_back(boost::json::value(s));
  return out;
}

HttpResponse lifecycle(AppContext& app, RouteContext&) {
  const Lifecycle& lc = app.s().lifecycle;
  boost::json::object roles;
  boost::json::array account_roles;
  for (const auto& [name, label] : lc.roles()) {
    roles[name] = label;
    if (lc.is_account_role(name)) account_roles.push_back(boost::json::value(name));
  }
  boost::json::array states;
  for (const auto& s : lc.states()) {
    states.push_back({{"name", s.name},
                      {"label", s.label_zh},
                      {"terminal", s.terminal},
                      {"public_page", s.public_page},
                      {"editors", strings(s.editors)}});
  }
  boost::json::array events;
  for (const auto& name : lc.events_where([](const Transition&) { return true; })) {
    const Transition* t = lc.event(name);
    events.push_back(
        {{"name", t->event},
         {"label", t->label_zh},
         {"roles", strings(t->roles)},
         {"opens", t->opens.empty() ? boost::json::value(nullptr) : boost::json::value(t->opens)},
         {"fields_required", t->fields_required}});
  }
  boost::json::object notes;
  for (const auto& [name, label] : history_note_labels()) notes[name] = label;
  return json_response({{"initial", lc.initial()},
                        {"roles", std::move(roles)},
                        {"account_roles", std::move(account_roles)},
                        {"states", std::move(states)},
                        {"events", std::move(events)},
                        {"notes", std::move(notes)}});
}

}  // namespace

void add_schema_routes(Router& r, AppContext& app) {
  r.add("GET", "/api/v1/schemas/{kind}", Access::open, with_app(app, schema));
  r.add("GET", "/api/v1/lifecycle", Access::open, with_app(app, lifecycle));
}

}  // namespace gongshi::server
