#pragma once
// The lifecycle of a record as a graph: states are vertices, events are edges, each edge with the
// roles that may take it, the guards the rules must approve, and its effects. Loaded from
// schemas/lifecycle.json and checked at load. Pure: no database, no Lua.

#include <boost/json/fwd.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/model/result.hpp"

namespace gongshi {

// A date of a record the sweeper watches while the record is in a state, and what it does then.
struct Watch {
  std::string deadline;     // one of the lifecycle's "deadlines": publish_by, late_after, …
  bool on_the_day = false;  // fires on the date itself (a reminder); else the day after it
  std::string mark;         // the flag it sets (overdue_late …), or
  std::string event;        // the event it takes (expire)
  bool decided = false;  // a judgement (迟报, 漏报, a limit missed): never on a provisional date
};

// How the department statistics (seed 000) count a record in a state.
enum class Publication { published, expired, withheld, other };

struct StateInfo {
  std::string name;
  std::string label_zh;
  bool terminal = false;
  bool public_page = false;  // listed on the public credit site (when 社会公开)
  bool counted = true;       // counted in the supervision reports (a discarded draft is not)
  Publication publication = Publication::other;
  std::vector<Watch> watches;
  std::vector<std::string> editors;  // roles that may change the record's fields in this state
  // The kind of application (objection | repair) a record in this state is being handled for;
  // leaving the state settles it. "" for none.
  std::string application;
};

struct Transition {
  std::string event;
  std::string label_zh;
  std::string from;
  std::string to;
  std::vector<std::string> roles;
  std::vector<std::string> guards;
  std::vector<std::string> effects;
  bool upheld_objection = false;  // an objection found right (the 通报 counts it)
  std::string opens;              // the kind of application the event opens, or ""
  bool fields_required = false;   // carries new field values (a correction), validated whole
  std::string upstream;  // the change the platform above is told of (published …), or "": none
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
  // The Chinese label of a state, or of an event; its name when there is no such one.
  std::string state_label(std::string_view name) const;
  std::string event_label(std::string_view name) const;
  std::vector<StateInfo> states() const;
  bool is_role(std::string_view role) const;
  // Every role with its label ("roles" of lifecycle.json), by name.
  std::vector<std::pair<std::string, std::string>> roles() const;
  // A role a user account may hold: a lifecycle role that is not one of its "public_roles" (the
  // sweeper, the subject acting through the public routes).
  bool is_account_role(std::string_view role) const;

  // The names of the states, or events, for which `pred` holds.
  std::vector<std::string> states_where(const std::function<bool(const StateInfo&)>& pred) const;
  std::vector<std::string> events_where(const std::function<bool(const Transition&)>& pred) const;
  // The changes reported to the platform above ("upstream_changes"), each with its label.
  std::vector<std::pair<std::string, std::string>> upstream_changes() const;
  // The deadlines a watch may name ("deadlines" of lifecycle.json).
  bool is_deadline(std::string_view name) const;
  // The shortest way from the initial state to `state` that users (not the system) can take:
  // each edge with the first of its roles an account may hold. Empty when `state` is the
  // initial one or cannot be reached so.
  std::vector<std::pair<const Transition*, std::string>> path_to(std::string_view state) const;

  // The first edge of the event named `name` (its label, roles and attributes are the same on
  // every edge), or nullptr.
  const Transition* event(std::string_view name) const;
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
