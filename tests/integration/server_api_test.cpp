// The records API over real HTTP against the real server process: the lifecycle, versions,
// batches, lists, clear errors for bad input with nothing stored, the public pages.
#include <set>
#include <thread>

#include "server_fixture.hpp"

namespace gongshi::test {
namespace {

using boost::json::object;
using boost::json::value;

BOOST_AUTO_TEST_SUITE(records_api)

BOOST_AUTO_TEST_CASE(health_and_metrics) {
  Site site;
  auto h = site.call("GET", "/healthz");
  BOOST_TEST(h.status == 200);
  BOOST_TEST(json_of(h).at("status").as_string() == "ok");
  site.call("GET", "/api/v1/records");  // a 401, counted
  auto m = site.call("GET", "/metrics");
  BOOST_TEST(m.status == 200);
  BOOST_TEST(m.headers["content-type"].find("text/plain") == 0);
  BOOST_TEST(m.body.find("gongshi_http_requests_total{method=\"GET\",route=\"/healthz\","
                         "status=\"200\"} 1") != std::string::npos);
  BOOST_TEST(m.body.find("route=\"/api/v1/records\",status=\"401\"") != std::string::npos);
  BOOST_TEST(m.body.find("gongshi_http_request_duration_seconds_bucket") != std::string::npos);
  BOOST_TEST(m.body.find("gongshi_outbox_pending") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_sweeper_runs_on_its_timer) {
  Site site({}, "0.3");
  // Decided in March and still a draft in July: far past its 公示期限, so the sweeper marks it.
  auto rec = site.create(site.penalty(
      {{"CF_WSH", "殷市监罚〔2024〕5号"}, {"CF_JDRQ", "2024-03-01"}, {"CF_YXQ", "2025-03-01"}}));
  std::string flags;
  for (int i = 0; i < 100 && flags.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    flags = std::string(json_of(site.call("GET", path_of(rec), "filler")).at("flags").as_string());
  }
  BOOST_TEST(flags.find("overdue") != std::string::npos, flags);
  // Marking it was a change: the version moved, so a stale copy is refused.
  BOOST_TEST(site.take(rec, "submit", "filler").status == 409);
  auto m = site.call("GET", "/metrics");
  BOOST_TEST(m.body.find("gongshi_sweeper_lag_seconds") != std::string::npos);
  BOOST_TEST(m.body.find("gongshi_sweeper_fired_total") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(login_refusals) {
  Site site;
  auto bad = site.call("POST", "/api/v1/auth/login", "",
                       R"({"login":"filler","password":"wrong-password"})");
  BOOST_TEST(bad.status == 401);
  BOOST_TEST(json_of(bad).at("code").as_string() == "unauthenticated");
  auto unknown =
      site.call("POST", "/api/v1/auth/login", "", R"({"login":"nobody","password":"password-1"})");
  BOOST_TEST(unknown.status == 401);
  BOOST_TEST(json_of(unknown).at("message_zh") == json_of(bad).at("message_zh"));
  BOOST_TEST(site.call("GET", "/api/v1/auth/me").status == 401);
  auto forged = site.server->call("GET", "/api/v1/auth/me", "gs_0123");
  BOOST_TEST(forged.status == 401);
  auto me = site.call("GET", "/api/v1/auth/me", "filler");
  BOOST_TEST(me.status == 200);
  BOOST_TEST(json_of(me).at("department_id").as_int64() == site.market);
  BOOST_TEST(site.call("POST", "/api/v1/auth/logout", "filler").status == 204);
  BOOST_TEST(site.server->call("GET", "/api/v1/auth/me", site.token["filler"]).status == 401);
}

BOOST_AUTO_TEST_CASE(a_draft_and_a_returned_record_are_edited_and_the_history_keeps_each_change) {
  Site site;
  auto rec = site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕501号"}}));
  const std::string path = path_of(rec);
  const auto patch = [&](const boost::json::object& at, const std::string& body,
                         const std::string& login = "filler") {
    return site.call("PATCH", path, login, body,
                     {{"If-Match", "\"" + std::to_string(at.at("version").as_int64()) + "\""}});
  };
  const auto fields_now = [&] {
    return json_of(site.call("GET", path, "filler")).at("fields").as_object();
  };

  // A draft: the 决定书文号 may still change, but not onto another record's.
  site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕509号"}}));
  BOOST_TEST(patch(rec, R"({"fields": {"CF_WSH": "殷市监罚〔2024〕509号"}})").status == 409);
  auto r = patch(rec, R"({"fields": {"CF_WSH": "殷市监罚〔2024〕502号"}})");
  BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
  auto draft = json_of(r).as_object();
  BOOST_TEST(draft.at("version").as_int64() == 2);
  BOOST_TEST(draft.at("document_no").as_string() == "殷市监罚〔2024〕502号");

  // Bad values: every issue back, field by field, and nothing stored (null clears a field).
  r = patch(draft, R"({"fields": {"CF_WFXW": null, "CF_XDR_SHXYM": "91410505MA9K3W8L7Q"}})");
  BOOST_TEST(r.status == 400);
  const auto issues = json_of(r).at("fields").as_array();
  std::set<std::string> codes;
  for (const auto& i : issues) codes.insert(std::string(i.at("field").as_string()));
  BOOST_TEST(codes.contains("CF_WFXW"));
  BOOST_TEST(codes.contains("CF_XDR_SHXYM"));
  BOOST_TEST(fields_now().contains("CF_WFXW"));
  BOOST_TEST(json_of(site.call("GET", path, "filler")).at("version").as_int64() == 2);
  // A stale version, a body without fields: refused.
  BOOST_TEST(patch(rec, R"({"fields": {"CF_NR": "警告"}})").status == 409);
  BOOST_TEST(patch(draft, R"({"CF_NR": "警告"})").status == 400);

  // With the reviewer: nobody edits; returned to the filler: editable again, not by the reviewer.
  auto submitted = site.took(draft, "submit", "filler");
  BOOST_TEST(patch(submitted, R"({"fields": {"CF_NR": "警告"}})").status == 409);
  auto returned = site.took(submitted, "reject", "reviewer", "处罚内容写错了");
  BOOST_TEST(patch(returned, R"({"fields": {"CF_NR": "警告"}})", "reviewer").status == 403);
  BOOST_TEST(patch(returned, R"({"fields": {"CF_NR": "警告"}})", "other_filler").status == 404);
  // Once submitted, the natural key stays.
  BOOST_TEST(patch(returned, R"({"fields": {"CF_WSH": "殷市监罚〔2024〕503号"}})").status == 409);
  const std::string publish_by_before =
      std::string(returned.at("deadlines").at("publish_by").as_string());
  r = patch(returned,
            R"({"fields": {"CF_JDRQ": "2024-07-01", "CF_NR": "警告，并处罚款1000元",
                "CF_NR_FK": "0.1"}, "comment": "按审核意见改正"})");
  BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
  auto fixed = json_of(r).as_object();
  BOOST_TEST(fixed.at("state").as_string() == "returned");
  BOOST_TEST(fixed.at("decision_date").as_string() == "2024-07-01");
  BOOST_TEST(fixed.at("deadlines").at("publish_by").as_string() != publish_by_before);
  BOOST_TEST(fields_now().at("CF_NR").as_string() == "警告，并处罚款1000元");
  site.took(fixed, "submit", "filler");

  // The history: who, in which role, the comment and each field from -> to.
  const auto events =
      json_of(site.call("GET", path + "/history", "filler")).at("events").as_array();
  std::vector<boost::json::object> edits;
  for (const auto& e : events) {
    if (e.at("event").as_string() == "edit") edits.push_back(e.as_object());
  }
  BOOST_REQUIRE(edits.size() == 2u);
  const auto& last = edits.back();
  BOOST_TEST(last.at("actor").as_string() == "filler");
  BOOST_TEST(last.at("actor_role").as_string() == "filler");
  const auto& payload = last.at("payload").as_object();
  BOOST_TEST(payload.at("comment").as_string() == "按审核意见改正");
  const auto& changes = payload.at("changes").as_object();
  BOOST_TEST(changes.size() == 3u);
  BOOST_TEST(changes.at("CF_JDRQ").at("from").as_string() == "2024-07-03");
  BOOST_TEST(changes.at("CF_JDRQ").at("to").as_string() == "2024-07-01");
  BOOST_TEST(edits.front().at("payload").at("changes").at("CF_WSH").at("to").as_string() ==
             "殷市监罚〔2024〕502号");
}

BOOST_AUTO_TEST_CASE(comments_with_an_event_or_on_their_own_are_in_the_history) {
  Site site;
  auto rec = site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕601号"}}));
  const std::string path = path_of(rec);
  // A comment without a change: 201, the record's state and version stay.
  auto r = site.call("POST", path + "/comments", "reviewer", R"({"comment": "请核对罚款金额"})");
  BOOST_REQUIRE_MESSAGE(r.status == 201, r.body);
  BOOST_TEST(json_of(r).at("event").as_string() == "comment");
  BOOST_TEST(json_of(r).at("actor_role").as_string() == "reviewer");
  const auto now = json_of(site.call("GET", path, "filler"));
  BOOST_TEST(now.at("version").as_int64() == 1);
  BOOST_TEST(now.at("state").as_string() == "draft");
  // Empty, too long, not a string, another department, a role without record work: refused.
  BOOST_TEST(site.call("POST", path + "/comments", "filler", R"({"comment": ""})").status == 400);
  BOOST_TEST(site.call("POST", path + "/comments", "filler",
                       boost::json::serialize(object{{"comment", std::string(2001, 'x')}}))
                 .status == 400);
  BOOST_TEST(site.call("POST", path + "/comments", "filler", R"({"comment": 3})").status == 400);
  BOOST_TEST(site.call("POST", path + "/comments", "other_filler", R"({"comment": "x"})").status ==
             404);
  // A comment beside an event (审核意见 on a reject).
  auto submitted = site.took(rec, "submit", "filler");
  const std::string reject = path + "/transitions/reject";
  r = site.call("POST", reject, "reviewer",
                R"({"reason": "金额有误", "comment": "罚款应为1000元"})",
                {{"If-Match", "\"" + std::to_string(submitted.at("version").as_int64()) + "\""}});
  BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
  const auto events =
      json_of(site.call("GET", path + "/history", "filler")).at("events").as_array();
  std::vector<std::string> names;
  for (const auto& e : events) names.emplace_back(e.at("event").as_string());
  BOOST_TEST(names == (std::vector<std::string>{"create", "comment", "submit", "reject"}),
             boost::test_tools::per_element());
  BOOST_TEST(events.at(1).at("payload").at("comment").as_string() == "请核对罚款金额");
  BOOST_TEST(events.at(3).at("payload").at("comment").as_string() == "罚款应为1000元");
  BOOST_TEST(events.at(3).at("payload").at("reason").as_string() == "金额有误");
}

BOOST_AUTO_TEST_CASE(a_months_licences_are_approved_and_published_in_two_requests) {
  Site site;
  // 500 records through the batch route (in parts under the test server's body limit).
  std::vector<object> records;
  for (int part = 0; part < 4; ++part) {
    boost::json::array batch;
    for (int i = 0; i < 125; ++i) {
      const int n = part * 125 + i;
      batch.push_back(boost::json::parse(site.penalty(
          {{"CF_WSH", ("殷市监罚〔2024〕" + std::to_string(2000 + n) + "号").c_str()}})));
    }
    auto r = site.call("POST", "/api/v1/records/batch", "filler",
                       boost::json::serialize(object{{"records", std::move(batch)}}));
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    const auto out = json_of(r);
    for (const auto& one : out.at("results").as_array()) {
      BOOST_REQUIRE(one.at("status").as_int64() == 201);
      records.push_back(one.at("record").as_object());
    }
  }
  BOOST_REQUIRE(records.size() == 500u);
  const auto bulk = [&](const std::string& event, const std::string& login,
                        const std::vector<object>& recs, std::set<std::size_t> stale = {}) {
    boost::json::array items;
    for (std::size_t i = 0; i < recs.size(); ++i) {
      items.push_back(
          object{{"region", recs[i].at("region")},
                 {"id", recs[i].at("id")},
                 {"version", recs[i].at("version").as_int64() - (stale.count(i) ? 1 : 0)}});
    }
    auto r = site.call("POST", "/api/v1/records/bulk-transitions", login,
                       boost::json::serialize(object{{"event", event}, {"items", items}}));
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
    return json_of(r).as_object();
  };
  const auto records_of = [](const object& out) {
    std::vector<object> recs;
    for (const auto& one : out.at("results").as_array()) {
      if (one.at("status").as_int64() == 200) recs.push_back(one.at("record").as_object());
    }
    return recs;
  };
  auto submitted = records_of(bulk("submit", "filler", records));
  BOOST_REQUIRE(submitted.size() == 500u);
  // Three copies are out of date: those three fail alone, the other 497 pass.
  const auto approved = bulk("approve", "reviewer", submitted, {7, 250, 499});
  BOOST_TEST(approved.at("done").as_int64() == 497);
  BOOST_TEST(approved.at("failed").as_int64() == 3);
  for (std::size_t i : {7u, 250u, 499u}) {
    BOOST_TEST(approved.at("results").at(i).at("status").as_int64() == 409);
    BOOST_TEST(json_of(site.call("GET", path_of(submitted[i]), "reviewer")).at("state") ==
               "submitted");
  }
  const auto published = bulk("publish", "reviewer", records_of(approved));
  BOOST_TEST(published.at("done").as_int64() == 497);
  BOOST_TEST(json_of(site.call("GET", "/public/records?limit=100")).at("items").as_array().size() ==
             100u);
}

BOOST_AUTO_TEST_CASE(bulk_review_approves_and_publishes_many_and_answers_each) {
  Site site;
  std::vector<object> submitted;
  for (int i = 0; i < 4; ++i) {
    auto rec = site.create(
        site.penalty({{"CF_WSH", ("殷市监罚〔2024〕70" + std::to_string(i) + "号").c_str()}}));
    submitted.push_back(site.took(rec, "submit", "filler"));
  }
  const auto item = [](const object& r, std::int64_t version_delta = 0) {
    return object{{"region", r.at("region")},
                  {"id", r.at("id")},
                  {"version", r.at("version").as_int64() + version_delta}};
  };
  boost::json::array items{item(submitted[0]), item(submitted[1]), item(submitted[2], -1),
                           item(submitted[3])};
  items.push_back(object{{"region", "410505"}, {"id", 999999}, {"version", 1}});
  auto r = site.call("POST", "/api/v1/records/bulk-transitions", "reviewer",
                     boost::json::serialize(object{
                         {"event", "approve"}, {"items", items}, {"comment", "本月许可集中审核"}}));
  BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
  const auto out = json_of(r).as_object();
  BOOST_TEST(out.at("done").as_int64() == 3);
  BOOST_TEST(out.at("failed").as_int64() == 2);
  const auto& results = out.at("results").as_array();
  BOOST_TEST(results.at(0).at("record").at("state").as_string() == "approved");
  BOOST_TEST(results.at(2).at("status").as_int64() == 409);  // a stale version: only that item
  BOOST_TEST(results.at(4).at("status").as_int64() == 404);
  BOOST_TEST(json_of(site.call("GET", path_of(submitted[2]), "filler")).at("state").as_string() ==
             "submitted");
  // The filler may not approve: every item refused, nothing changed.
  r = site.call("POST", "/api/v1/records/bulk-transitions", "filler",
                boost::json::serialize(object{{"event", "approve"},
                                              {"items", boost::json::array{item(submitted[2])}}}));
  BOOST_TEST(json_of(r).at("results").at(0).at("status").as_int64() == 403);
  // Bad bodies and too many items are refused whole.
  BOOST_TEST(site.call("POST", "/api/v1/records/bulk-transitions", "reviewer",
                       R"({"event": "approve", "items": [{"id": 1}]})")
                 .status == 400);
  boost::json::array many;
  for (int i = 0; i < 501; ++i) many.push_back(item(submitted[0]));
  BOOST_TEST(site.call("POST", "/api/v1/records/bulk-transitions", "reviewer",
                       boost::json::serialize(object{{"event", "publish"}, {"items", many}}))
                 .status == 413);
  // The comment is in each approved record's history.
  const auto events = json_of(site.call("GET", path_of(submitted[0]) + "/history", "filler"))
                          .at("events")
                          .as_array();
  BOOST_TEST(events.back().at("event").as_string() == "approve");
  BOOST_TEST(events.back().at("payload").at("comment").as_string() == "本月许可集中审核");
}

BOOST_AUTO_TEST_CASE(the_credit_office_reminds_a_department_of_its_overdue_records) {
  Site site;  // today is 2024-07-05
  const auto late = [&](const char* no, std::optional<std::int64_t> dept = {},
                        const char* login = "filler") {
    return site.create(
        site.penalty({{"CF_WSH", no}, {"CF_JDRQ", "2024-06-03"}, {"CF_YXQ", "2025-06-03"}}, dept),
        login);
  };
  const auto a = late("殷市监罚〔2024〕801号");
  const auto b = site.took(late("殷市监罚〔2024〕802号"), "submit", "filler");
  const auto fresh = site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕803号"}}));
  const auto other = late("殷交罚〔2024〕804号", site.transport, "other_filler");
  const std::string body = boost::json::serialize(
      object{{"region", "410505"}, {"department_id", site.market}, {"comment", "请于三日内公示"}});
  BOOST_TEST(site.call("POST", "/api/v1/reminders", "filler", body).status == 403);
  auto r = site.call("POST", "/api/v1/reminders", "office", body);
  BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
  BOOST_TEST(json_of(r).at("reminded").as_int64() == 2);
  const auto last_event = [&](const object& rec) {
    return json_of(site.call("GET", path_of(rec) + "/history", "office"))
        .at("events")
        .as_array()
        .back()
        .as_object();
  };
  for (const auto& rec : {a, b}) {
    const auto e = last_event(rec);
    BOOST_TEST(e.at("event").as_string() == "remind");
    BOOST_TEST(e.at("actor_role").as_string() == "credit_office");
    BOOST_TEST(e.at("payload").at("comment").as_string() == "请于三日内公示");
  }
  BOOST_TEST(last_event(fresh).at("event").as_string() == "create");  // not overdue
  BOOST_TEST(last_event(other).at("event").as_string() == "create");  // another department
  // The reminded records keep their state and version.
  BOOST_TEST(json_of(site.call("GET", path_of(b), "filler")).at("version").as_int64() ==
             b.at("version").as_int64());
  // A second reminder; the deadline board counts them per department.
  BOOST_REQUIRE(site.call("POST", "/api/v1/reminders", "office", body).status == 200);
  const std::string counts =
      "/api/v1/reports/reminders?region=410505&from=2024-07-01&to=2024-07-31";
  BOOST_TEST(site.call("GET", counts, "filler").status == 403);
  auto board = json_of(site.call("GET", counts, "office"));
  BOOST_REQUIRE(board.at("items").as_array().size() == 1u);  // the transport department: none
  const auto& row = board.at("items").as_array()[0];
  BOOST_TEST(row.at("department_id").as_int64() == site.market);
  BOOST_TEST(row.at("reminders").as_int64() == 4);
  BOOST_TEST(row.at("records").as_int64() == 2);
  BOOST_TEST(!row.at("last_at").as_string().empty());
  auto june = json_of(site.call(
      "GET", "/api/v1/reports/reminders?region=410505&from=2024-06-01&to=2024-06-30", "office"));
  BOOST_TEST(june.at("items").as_array().empty());
}

BOOST_AUTO_TEST_CASE(create_review_publish_object_correct_repair) {
  Site site;
  // Decided in March and not a food-safety penalty: 令第58号's three months have passed by July,
  // so repair may be asked for.
  auto rec = site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕3号"},
                                       {"CF_JDRQ", "2024-03-01"},
                                       {"CF_YXQ", "2025-03-01"},
                                       {"CF_YJ", "《中华人民共和国广告法》第五十八条"},
                                       {"CF_WFXW", "发布虚假广告"}}));
  BOOST_TEST(rec.at("deadlines").at("repair_from").as_string() == "2024-06-01");
  BOOST_TEST(rec.at("state").as_string() == "draft");
  BOOST_TEST(rec.at("created").as_bool());
  BOOST_TEST(rec.at("timeliness").as_string() == "missing");  // it reached gongshi in July

  auto next = json_of(site.call("GET", path_of(rec) + "/transitions", "filler"));
  std::vector<std::string> events;
  for (const auto& e : next.at("events").as_array()) events.emplace_back(e.at("event").as_string());
  BOOST_TEST(events == (std::vector<std::string>{"submit", "discard"}),
             boost::test_tools::per_element());

  rec = site.took(rec, "submit", "filler");
  BOOST_TEST(rec.at("state").as_string() == "submitted");
  // The filler may not approve its own record.
  auto refused = site.take(rec, "approve", "filler");
  BOOST_TEST(refused.status == 403);
  rec = site.took(rec, "approve", "reviewer");
  rec = site.took(rec, "publish", "reviewer");
  BOOST_TEST(rec.at("state").as_string() == "published");
  BOOST_TEST(!rec.at("published_at").is_null());

  // Without a reason the objection is refused, with one it is registered.
  auto no_reason = site.take(rec, "object", "handler");
  BOOST_TEST(no_reason.status == 400);
  BOOST_TEST(std::string(json_of(no_reason).at("message_zh").as_string()).find("理由") !=
             std::string::npos);
  rec = site.took(rec, "object", "handler", "当事人称罚款金额有误");
  BOOST_TEST(rec.at("state").as_string() == "objected");
  BOOST_TEST(!rec.at("deadlines").at("objection_due").is_null());
  rec = site.took(rec, "correct", "handler", "核实后更正",
                  {{"fields", {{"CF_WFXW", "发布虚假违法广告"}}}});
  BOOST_TEST(rec.at("state").as_string() == "corrected");
  rec = site.took(rec, "request_repair", "admin");
  BOOST_TEST(rec.at("state").as_string() == "repair_requested");
  BOOST_TEST(site.take(rec, "grant_repair", "admin", "x").status == 403);
  rec = site.took(rec, "grant_repair", "office", "已履行处罚决定，准予修复");
  BOOST_TEST(rec.at("state").as_string() == "repaired");

  auto history = json_of(site.call("GET", path_of(rec) + "/history", "office"));
  std::vector<std::string> trail;
  for (const auto& e : history.at("events").as_array()) {
    trail.push_back(std::string(e.at("event").as_string()) + ":" +
                    std::string(e.at("actor").as_string()));
  }
  BOOST_TEST(
      trail == (std::vector<std::string>{"create:filler", "submit:filler", "approve:reviewer",
                                         "publish:reviewer", "object:handler", "correct:handler",
                                         "request_repair:admin", "grant_repair:office"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(versions_and_idempotency) {
  Site site;
  const auto body = site.penalty({{"CF_WSH", "殷市监罚〔2024〕21号"}});
  auto first = site.call("POST", "/api/v1/records", "filler", body, {{"Idempotency-Key", "k-21"}});
  BOOST_TEST(first.status == 201);
  BOOST_TEST(first.headers["etag"] == "\"1\"");
  auto again = site.call("POST", "/api/v1/records", "filler", body, {{"Idempotency-Key", "k-21"}});
  BOOST_TEST(again.status == 200);
  BOOST_TEST(json_of(again).at("id") == json_of(first).at("id"));
  BOOST_TEST(json_of(again).at("created").as_bool() == false);
  const auto other = site.penalty({{"CF_WSH", "殷市监罚〔2024〕22号"}});
  auto clash = site.call("POST", "/api/v1/records", "filler", other, {{"Idempotency-Key", "k-21"}});
  BOOST_TEST(clash.status == 409);
  BOOST_TEST(site.count("records") == 1);

  auto rec = json_of(first).as_object();
  const std::string submit = path_of(rec) + "/transitions/submit";
  auto missing = site.call("POST", submit, "filler", "{}");
  BOOST_TEST(missing.status == 400);
  BOOST_TEST(std::string(json_of(missing).at("message_en").as_string()).find("If-Match") !=
             std::string::npos);
  BOOST_TEST(site.call("POST", submit, "filler", "{}", {{"If-Match", "\"1\""}}).status == 200);
  auto stale = site.call("POST", submit, "filler", "{}", {{"If-Match", "\"1\""}});
  BOOST_TEST(stale.status == 409);
  BOOST_TEST(json_of(stale).at("code").as_string() == "conflict");
}

BOOST_AUTO_TEST_CASE(a_natural_key_conflict_does_not_reveal_another_departments_record) {
  Site site;
  const auto mine = site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕61号"}}));
  const std::string id = std::to_string(mine.at("id").as_int64());
  // The same 文书号 and subject from another department: refused without the record's id.
  auto theirs = site.call("POST", "/api/v1/records", "other_filler",
                          site.penalty({{"CF_WSH", "殷市监罚〔2024〕61号"}}, site.transport));
  BOOST_TEST(theirs.status == 409);
  BOOST_TEST(theirs.body.find("记录 " + id) == std::string::npos);
  BOOST_TEST(theirs.body.find("其他部门") != std::string::npos);
  // The own department hears which record it is.
  auto again = site.call("POST", "/api/v1/records", "filler",
                         site.penalty({{"CF_WSH", "殷市监罚〔2024〕61号"}, {"CF_NR", "警告"}}));
  BOOST_TEST(again.status == 409);
  BOOST_TEST(again.body.find("记录 " + id) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(batch_answers_each_record) {
  Site site;
  auto good = boost::json::parse(site.penalty({{"CF_WSH", "殷市监罚〔2024〕31号"}}));
  auto bad_code = boost::json::parse(
      site.penalty({{"CF_WSH", "殷市监罚〔2024〕32号"}, {"CF_XDR_SHXYM", "91410505MA9K3W8L7A"}}));
  auto foreign =
      boost::json::parse(site.penalty({{"CF_WSH", "殷市监罚〔2024〕33号"}}, site.transport));
  object body{{"records", {good, bad_code, "not an object", foreign}}};
  auto r = site.call("POST", "/api/v1/records/batch", "filler", boost::json::serialize(body));
  BOOST_TEST(r.status == 200);
  auto out = json_of(r).as_object();
  BOOST_TEST(out.at("created").as_int64() == 1);
  BOOST_TEST(out.at("failed").as_int64() == 3);
  const auto& results = out.at("results").as_array();
  BOOST_TEST(results.at(0).at("status").as_int64() == 201);
  BOOST_TEST(results.at(1).at("status").as_int64() == 400);
  BOOST_TEST(results.at(1).at("error").at("fields").at(0).at("field").as_string() ==
             "CF_XDR_SHXYM");
  BOOST_TEST(results.at(2).at("status").as_int64() == 400);
  BOOST_TEST(results.at(3).at("status").as_int64() == 403);  // another department's record
  BOOST_TEST(site.count("records") == 1);
}

BOOST_AUTO_TEST_CASE(lists_filter_page_and_keep_departments_apart) {
  Site site;
  for (int i = 1; i <= 5; ++i) {
    site.create(site.penalty({{"CF_WSH", value("殷市监罚〔2024〕4" + std::to_string(i) + "号")}}));
  }
  site.create(site.penalty({{"CF_WSH", "殷交罚〔2024〕1号"}}, site.transport), "other_filler");
  auto page1 = json_of(site.call("GET", "/api/v1/records?limit=3", "filler"));
  BOOST_TEST(page1.at("items").as_array().size() == 3u);
  const auto before = page1.at("next_before").as_int64();
  auto page2 = json_of(
      site.call("GET", "/api/v1/records?limit=3&before=" + std::to_string(before), "filler"));
  BOOST_TEST(page2.at("items").as_array().size() == 2u);  // the market department's five
  BOOST_TEST(page2.at("next_before").is_null());
  for (const auto& item : page2.at("items").as_array()) {
    BOOST_TEST(item.at("department_id").as_int64() == site.market);
    BOOST_TEST(item.at("id").as_int64() < before);
  }
  // The office sees both departments; filters narrow it.
  auto all = json_of(site.call("GET", "/api/v1/records?limit=100", "office"));
  BOOST_TEST(all.at("items").as_array().size() == 6u);
  auto transport = json_of(site.call(
      "GET", "/api/v1/records?department_id=" + std::to_string(site.transport), "office"));
  BOOST_TEST(transport.at("items").as_array().size() == 1u);
  auto none = json_of(site.call("GET", "/api/v1/records?state=published&kind=penalty", "office"));
  BOOST_TEST(none.at("items").as_array().empty());
  auto july = json_of(site.call("GET", "/api/v1/records?from=2024-07-01&to=2024-07-31", "office"));
  BOOST_TEST(july.at("items").as_array().size() == 6u);
  // Drafts decided 2024-07-03 are due 2024-07-10: not yet overdue on 2024-07-05.
  auto overdue = json_of(site.call("GET", "/api/v1/records?overdue=true", "office"));
  BOOST_TEST(overdue.at("items").as_array().empty());
  // A filler asking for another department is refused; its record is invisible by id.
  BOOST_TEST(
      site.call("GET", "/api/v1/records?department_id=" + std::to_string(site.transport), "filler")
          .status == 403);
  const auto other = transport.at("items").at(0).as_object();
  BOOST_TEST(site.call("GET", path_of(other), "filler").status == 404);
  BOOST_TEST(site.call("GET", path_of(other), "other_filler").status == 200);
  BOOST_TEST(site.call("GET", "/api/v1/records?state=nonsense", "office").status == 400);
  BOOST_TEST(site.call("GET", "/api/v1/records?from=2024-13-01", "office").status == 400);
}

BOOST_AUTO_TEST_CASE(bad_input_is_refused_clearly_and_nothing_is_stored) {
  Site site;
  const auto check = [&](const server::ClientResponse& r, int status, const std::string& code) {
    BOOST_TEST(r.status == status);
    auto j = json_of(r);
    BOOST_TEST(j.at("code").as_string() == code);
    BOOST_TEST(!j.at("message_zh").as_string().empty());
    BOOST_TEST(!j.at("message_en").as_string().empty());
    BOOST_TEST(j.at("fields").is_array());
  };
  check(site.call("POST", "/api/v1/records", "filler", "{\"kind\": "), 400, "invalid_input");
  check(site.call("POST", "/api/v1/records", "filler", "[1,2]"), 400, "invalid_input");
  check(site.call("POST", "/api/v1/records", "filler", R"({"kind": 7, "fields": {}})"), 400,
        "invalid_input");
  check(site.call("POST", "/api/v1/records", "filler", R"({"kind": "penalty", "fields": "x"})"),
        400, "invalid_input");
  auto wrong_type = site.call("POST", "/api/v1/records", "filler",
                              site.penalty({{"CF_NR_FK", boost::json::array{1}}}));
  check(wrong_type, 400, "invalid_input");
  // Every problem at once, field by field.
  auto many = site.call(
      "POST", "/api/v1/records", "filler",
      site.penalty({{"CF_JDRQ", "2024-02-30"}, {"CF_XDR_MC", nullptr}, {"CF_CFJGDM", "123"}}));
  check(many, 400, "invalid_input");
  std::set<std::string> fields;
  const auto many_json = json_of(many);
  for (const auto& f : many_json.at("fields").as_array()) {
    fields.insert(std::string(f.at("field").as_string()));
  }
  BOOST_TEST(fields.count("CF_JDRQ") == 1u);
  BOOST_TEST(fields.count("CF_XDR_MC") == 1u);
  BOOST_TEST(fields.count("CF_CFJGDM") == 1u);
  const std::string huge =
      "{\"kind\":\"penalty\",\"fields\":{\"CF_SY\":\"" + std::string(300 * 1024, 'x') + "\"}}";
  check(site.call("POST", "/api/v1/records", "filler", huge), 413, "too_large");
  check(site.call("GET", "/api/v1/no/such/route", "filler"), 404, "not_found");
  auto wrong_method = site.call("DELETE", "/api/v1/records", "filler");
  check(wrong_method, 405, "invalid_input");
  BOOST_TEST(wrong_method.headers["allow"].find("GET") != std::string::npos);
  check(site.call("GET", "/api/v1/records/410505/abc", "filler"), 400, "invalid_input");
  BOOST_TEST(site.count("records") == 0);
  BOOST_TEST(site.count("events") == 0);
  BOOST_TEST(site.call("GET", "/healthz").status == 200);  // still serving after all that
}

BOOST_AUTO_TEST_CASE(public_pages_show_published_records_masked) {
  Site site;
  auto person = site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕51号"},
                                          {"CF_XDR_MC", "李某某"},
                                          {"CF_XDR_LB", "自然人"},
                                          {"CF_XDR_SHXYM", nullptr},
                                          {"CF_FRDB", nullptr},
                                          {"CF_XDR_ZJLX", "身份证"},
                                          {"CF_XDR_ZJHM", "410505198506121232"}}));
  auto company = site.create(site.penalty({{"CF_WSH", "殷市监罚〔2024〕52号"}}));
  for (const char* e : {"submit", "approve", "publish"}) {
    person = site.took(person, e, std::string(e) == "submit" ? "filler" : "reviewer");
  }
  const std::string pub = "/public/records/410505/" + std::to_string(person.at("id").as_int64());
  auto shown = site.call("GET", pub);
  BOOST_TEST(shown.status == 200);
  auto fields = json_of(shown).at("fields");
  BOOST_TEST(fields.at("CF_XDR_MC").as_string() == "李**");
  BOOST_TEST(fields.at("CF_XDR_ZJHM").as_string() == "41**************32");
  BOOST_TEST(shown.body.find("410505198506121232") == std::string::npos);
  BOOST_TEST(shown.body.find("rule_version") == std::string::npos);  // no workflow internals
  // The draft is not public, by id or in the list.
  BOOST_TEST(
      site.call("GET", "/public/records/410505/" + std::to_string(company.at("id").as_int64()))
          .status == 404);
  auto list = json_of(site.call("GET", "/public/records?region=410505"));
  BOOST_TEST(list.at("items").as_array().size() == 1u);
  BOOST_TEST(list.at("items").at(0).at("id") == person.at("id"));
}

// Issue 29: a penalty with the legal representative's ID number, and a 备注 and 违法事实 holding
// a phone and an ID number, shows none of them in any public answer: the record, the list, a
// search, the Atom feed.
BOOST_AUTO_TEST_CASE(no_public_answer_shows_an_id_or_a_phone_number) {
  Site site;
  const std::string id_no = "410505199001015674";
  const std::string phone = "13812345678";
  auto rec = site.published(site.penalty(
      {{"CF_WSH", "殷市监罚〔2024〕61号"},
       {"CF_FRDB", "王某"},
       {"CF_FR_ZJLX", "身份证"},
       {"CF_FR_ZJHM", boost::json::value(id_no)},
       {"CF_SY", boost::json::value("经查，负责人（电话 " + phone + "）销售过期食品。")},
       {"BZ", boost::json::value("联系人身份证" + id_no + "，手机 138-1234-5678，座机 0372-5566778")}}));
  const std::string path = "/public/records/410505/" + std::to_string(rec.at("id").as_int64());
  const std::vector<std::string> answers = {
      site.call("GET", path).body,
      site.call("GET", "/public/records?region=410505").body,
      site.call("GET", "/public/records?region=410505&q=" + std::string("%E6%AE%B7")).body,
      site.call("GET", "/public/feed.atom?region=410505").body,
  };
  for (const auto& body : answers) {
    BOOST_TEST(body.find("殷市监罚〔2024〕61号") != std::string::npos, body.substr(0, 200));
    for (const std::string& secret :
         {id_no, phone, std::string("1234-5678"), std::string("5566778"), std::string("身份证\"")}) {
      BOOST_TEST(body.find(secret) == std::string::npos, secret << " in " << body.substr(0, 400));
    }
  }
  const auto fields = json_of(site.call("GET", path)).at("fields");
  BOOST_TEST(!fields.as_object().contains("CF_FR_ZJHM"));
  BOOST_TEST(!fields.as_object().contains("CF_FR_ZJLX"));
  BOOST_TEST(fields.at("CF_FRDB").as_string() == "王某");
  BOOST_TEST(fields.at("BZ").as_string() ==
             "联系人身份证41**************74，手机 138-****-5678，座机 0372-*****78");
  // Staff see the record as entered.
  const auto staff = json_of(site.call("GET", path_of(rec), "filler")).at("fields");
  BOOST_TEST(staff.at("CF_FR_ZJHM").as_string() == id_no);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace gongshi::test
