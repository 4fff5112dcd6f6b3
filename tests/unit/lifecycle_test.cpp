#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>
#include <map>
#include <set>

#include "engine/lifecycle/lifecycle.hpp"

using namespace gongshi;
namespace json = boost::json;

namespace {

const std::filesystem::path kFile =
    std::filesystem::path(GONGSHI_SOURCE_DIR) / "schemas/lifecycle.json";

Lifecycle loaded() {
  auto lc = Lifecycle::load(kFile);
  BOOST_REQUIRE_MESSAGE(lc.ok(), (lc.ok() ? "" : lc.error().message_en));
  return std::move(lc).value();
}

const std::vector<std::string> kRoles{
    "filler",        "reviewer", "dept_admin", "objection_handler",
    "credit_office", "sysadmin", "system",     "subject"};

struct Edge {
  std::string from, event, to;
  std::set<std::string> roles;
};

// The intended policy, written out independently of schemas/lifecycle.json.
const std::vector<Edge> kEdges{
    {"draft", "submit", "submitted", {"filler", "dept_admin"}},
    {"returned", "submit", "submitted", {"filler", "dept_admin"}},
    {"draft", "discard", "discarded", {"filler", "dept_admin"}},
    {"returned", "discard", "discarded", {"filler", "dept_admin"}},
    {"submitted", "take_back", "draft", {"filler", "dept_admin"}},  // 撤回, before any review
    {"submitted", "approve", "approved", {"reviewer", "dept_admin"}},
    {"submitted", "reject", "returned", {"reviewer", "dept_admin"}},
    {"approved", "publish", "published", {"reviewer", "dept_admin", "system"}},
    {"approved", "withhold", "withheld", {"reviewer", "dept_admin"}},
    {"withheld", "disclose", "published", {"dept_admin", "credit_office"}},
    {"published", "object", "objected", {"objection_handler", "credit_office"}},
    {"corrected", "object", "objected", {"objection_handler", "credit_office"}},
    {"objected", "dismiss_objection", "published", {"objection_handler", "credit_office"}},
    {"objected", "correct", "corrected", {"objection_handler", "dept_admin"}},
    {"objected", "withdraw", "withdrawn", {"objection_handler", "credit_office"}},
    {"published", "amend", "corrected", {"dept_admin"}},  // 部门更正 of its own typo
    {"corrected", "amend", "corrected", {"dept_admin"}},
    // The subject applies through the public route; staff register a paper application.
    {"published", "request_repair", "repair_requested", {"subject", "dept_admin", "credit_office"}},
    {"corrected", "request_repair", "repair_requested", {"subject", "dept_admin", "credit_office"}},
    {"repair_requested", "grant_repair", "repaired", {"credit_office"}},
    {"repair_requested", "refuse_repair", "published", {"credit_office"}},
    {"published", "expire", "expired", {"system"}},
    {"corrected", "expire", "expired", {"system"}},
    {"withheld", "expire", "expired", {"system"}},
    {"approved", "revoke", "revoked", {"dept_admin", "credit_office"}},
    {"published", "revoke", "revoked", {"dept_admin", "credit_office"}},
    {"corrected", "revoke", "revoked", {"dept_admin", "credit_office"}},
    {"withheld", "revoke", "revoked", {"dept_admin", "credit_office"}},
    {"objected", "revoke", "revoked", {"dept_admin", "credit_office"}},
    {"repair_requested", "revoke", "revoked", {"dept_admin", "credit_office"}},
};

json::value minimal() {
  return json::parse(R"({
    "roles": {"filler": "填报员", "reviewer": "审核员"},
    "guards": {"ok": "ok"}, "effects": {"stamp:x": "x"}, "initial": "a",
    "states": [{"name": "a"}, {"name": "b"}, {"name": "z", "terminal": true}],
    "events": [{"name": "go", "from": ["a"], "to": "b", "roles": ["filler"], "guards": ["ok"]},
               {"name": "end", "from": ["b"], "to": "z", "roles": ["reviewer"]}]})");
}

std::string load_error(const json::value& v) {
  auto lc = Lifecycle::parse(v);
  return lc.ok() ? "" : lc.error().message_en;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lifecycle)

BOOST_AUTO_TEST_CASE(every_edge_and_every_role) {
  const Lifecycle lc = loaded();
  std::size_t edges_in_file = 0;
  for (const auto& s : lc.states()) edges_in_file += lc.edges_from(s.name).size();
  BOOST_TEST(edges_in_file == kEdges.size());
  for (const auto& e : kEdges) {
    BOOST_TEST_CONTEXT(e.from << " --" << e.event << "--> " << e.to) {
      const Transition* t = lc.find(e.from, e.event);
      BOOST_REQUIRE(t != nullptr);
      BOOST_TEST(t->to == e.to);
      for (const auto& role : kRoles) {
        const auto r = lc.allowed(e.from, e.event, role);
        if (e.roles.contains(role)) {
          BOOST_TEST(r.ok(), role);
        } else {
          BOOST_REQUIRE_MESSAGE(!r.ok(), role << " must be refused");
          BOOST_TEST((r.error().code == ErrorCode::forbidden), role);
          BOOST_TEST(!r.error().message_zh.empty());
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(events_that_do_not_leave_a_state_are_not_found) {
  const Lifecycle lc = loaded();
  for (const auto& [state, event] :
       std::vector<std::pair<std::string, std::string>>{{"draft", "publish"},
                                                        {"published", "approve"},
                                                        {"expired", "revoke"},
                                                        {"withdrawn", "object"},
                                                        {"submitted", "object"},
                                                        {"nope", "submit"}}) {
    const auto r = lc.allowed(state, event, "credit_office");
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST((r.error().code == ErrorCode::not_found), state << "/" << event);
  }
}

BOOST_AUTO_TEST_CASE(buttons_for_a_role) {
  const Lifecycle lc = loaded();
  std::set<std::string> reviewer_on_submitted;
  for (const auto* t : lc.edges_for("submitted", "reviewer"))
    reviewer_on_submitted.insert(t->event);
  BOOST_TEST(reviewer_on_submitted == (std::set<std::string>{"approve", "reject"}),
             boost::test_tools::per_element());
  // The filler's one button on a submitted record is 撤回.
  const auto filler_on_submitted = lc.edges_for("submitted", "filler");
  BOOST_REQUIRE(filler_on_submitted.size() == 1u);
  BOOST_TEST(filler_on_submitted.front()->event == "take_back");
  BOOST_TEST(lc.edges_for("expired", "sysadmin").empty());
  const auto* submit = lc.find("draft", "submit");
  BOOST_TEST(submit->guards == std::vector<std::string>{"record_valid"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(terminal_states_and_graphviz) {
  const Lifecycle lc = loaded();
  for (const char* s : {"withdrawn", "repaired", "expired", "revoked", "discarded"}) {
    BOOST_TEST(lc.state(s)->terminal, s);
    BOOST_TEST(lc.edges_from(s).empty(), s);
  }
  const std::string dot = lc.to_graphviz();
  BOOST_TEST(dot.find("digraph") != std::string::npos);
  BOOST_TEST(dot.find("异议处理中") != std::string::npos);
  BOOST_TEST(dot.find("request_repair") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(applications_and_corrections) {
  const Lifecycle lc = loaded();
  // Objections and repairs are handled in one state each, opened by one event each.
  BOOST_TEST(lc.state("objected")->application == "objection");
  BOOST_TEST(lc.state("repair_requested")->application == "repair");
  BOOST_TEST(lc.state("published")->application.empty());
  BOOST_TEST(lc.find("published", "object")->opens == "objection");
  BOOST_TEST(lc.find("published", "request_repair")->opens == "repair");
  BOOST_TEST(lc.find("objected", "correct")->opens.empty());
  // A correction carries new field values; a dismissal does not.
  BOOST_TEST(lc.find("objected", "correct")->fields_required);
  BOOST_TEST(lc.find("published", "amend")->fields_required);
  BOOST_TEST(!lc.find("objected", "dismiss_objection")->fields_required);
  // Under objection or repair the record stays on the public page, marked by its state.
  BOOST_TEST(lc.state("objected")->public_page);
  BOOST_TEST(lc.state("repair_requested")->public_page);
  // No account holds the public roles.
  BOOST_TEST(lc.is_role("subject"));
  BOOST_TEST(!lc.is_account_role("subject"));
  BOOST_TEST(!lc.is_account_role("system"));
  BOOST_TEST(lc.is_account_role("filler"));
  BOOST_TEST(lc.event("amend")->label_zh == "部门更正（本部门发现的错误）");
  BOOST_TEST(lc.event("nope") == nullptr);
}

BOOST_AUTO_TEST_CASE(the_minimal_definition_loads) {
  BOOST_TEST(load_error(minimal()).empty());
}

BOOST_AUTO_TEST_CASE(broken_definitions_are_refused_with_a_reason) {
  auto unreachable = minimal();
  unreachable.as_object()["states"].as_array().push_back(json::parse(R"({"name": "lost"})"));
  BOOST_TEST(load_error(unreachable).find("'lost' is unreachable") != std::string::npos);

  auto dead_end = minimal();
  dead_end.as_object()["states"].as_array().push_back(json::parse(R"({"name": "stuck"})"));
  dead_end.as_object()["events"].as_array().push_back(
      json::parse(R"({"name": "trap", "from": ["a"], "to": "stuck", "roles": ["filler"]})"));
  BOOST_TEST(load_error(dead_end).find("'stuck' cannot reach a terminal") != std::string::npos);

  auto duplicate = minimal();
  duplicate.as_object()["events"].as_array().push_back(
      json::parse(R"({"name": "go", "from": ["a"], "to": "z", "roles": ["filler"]})"));
  BOOST_TEST(load_error(duplicate).find("has event 'go' twice") != std::string::npos);

  auto bad_role = minimal();
  bad_role.as_object()["events"].as_array()[0].as_object()["roles"] = json::parse(R"(["boss"])");
  BOOST_TEST(load_error(bad_role).find("unknown roles 'boss'") != std::string::npos);

  auto bad_guard = minimal();
  bad_guard.as_object()["events"].as_array()[0].as_object()["guards"] = json::parse(R"(["magic"])");
  BOOST_TEST(load_error(bad_guard).find("unknown guards 'magic'") != std::string::npos);

  auto bad_target = minimal();
  bad_target.as_object()["events"].as_array()[0].as_object()["to"] = "nowhere";
  BOOST_TEST(load_error(bad_target).find("unknown state 'nowhere'") != std::string::npos);

  auto terminal_exit = minimal();
  terminal_exit.as_object()["events"].as_array().push_back(
      json::parse(R"({"name": "back", "from": ["z"], "to": "a", "roles": ["filler"]})"));
  BOOST_TEST(load_error(terminal_exit).find("terminal state 'z' has outgoing") !=
             std::string::npos);

  auto bad_kind = minimal();
  bad_kind.as_object()["events"].as_array()[0].as_object()["opens"] = "complaint";
  BOOST_TEST(load_error(bad_kind).find("unknown application kind 'complaint'") !=
             std::string::npos);

  auto no_roles = minimal();
  no_roles.as_object()["events"].as_array()[0].as_object()["roles"] = json::array();
  BOOST_TEST(load_error(no_roles).find("has no role") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
