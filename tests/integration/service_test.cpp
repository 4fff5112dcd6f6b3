// The engine service, the same cases on SQLite and on MariaDB.
#include <atomic>
#include <set>
#include <thread>

#include "service_fixture.hpp"

using namespace gongshi;
using namespace gongshi::test;

BOOST_AUTO_TEST_SUITE(service)

BOOST_AUTO_TEST_CASE(create_stores_record_event_and_outbox_together) {
  ServiceFixture f;
  const StoredRecord r = f.created(f.penalty());
  BOOST_TEST(r.id > 0);
  BOOST_TEST(r.state == "draft");
  BOOST_TEST(r.version == 1);
  BOOST_TEST(format_date(*r.publish_by) == "2024-07-10");  // 安阳's 5 working days
  BOOST_TEST(format_date(*r.missing_after) == "2024-08-09");
  BOOST_TEST(r.timeliness == "on_time");
  BOOST_TEST(r.rule_version.starts_with("410505/national_standard@1.1+410500@"));
  BOOST_TEST(r.rule_version.find("+periods@") != std::string::npos);
  BOOST_TEST(r.received_at == "2024-07-05T02:00:00Z");
  const auto stored = f.engine.get("410505", r.id);
  BOOST_REQUIRE(stored.ok());
  BOOST_TEST(stored->document_no == "殷市监罚〔2024〕15号");
  BOOST_TEST(stored->subject_code == "91410505MA9K3W8L7R");
  BOOST_TEST(stored->data.find("安阳市殷都区某某商贸有限公司") != std::string::npos);
  const auto events = f.engine.history("410505", r.id);
  BOOST_REQUIRE(events->size() == 1u);
  BOOST_TEST((*events)[0].event == "create");
  BOOST_TEST((*events)[0].actor == "tianbao01");
  BOOST_TEST(f.count("outbox") == 1);
}

BOOST_AUTO_TEST_CASE(invalid_records_are_refused_with_every_issue_and_nothing_stored) {
  ServiceFixture f;
  auto req = f.penalty({{"CF_XDR_SHXYM", "91410505MA9K3W8L7Q"}, {"CF_JDRQ", "2024-08-01"}});
  req.fields.erase("CF_NR_FK");
  const auto r = f.engine.create(req, f.filler, "", at("2024-07-05T10:00:00+08:00"));
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().code == ErrorCode::invalid_input));
  std::set<std::string> fields;
  for (const auto& i : r.error().issues) fields.insert(i.field);
  BOOST_TEST(fields == (std::set<std::string>{"CF_XDR_SHXYM", "CF_JDRQ", "CF_NR_FK"}),
             boost::test_tools::per_element());
  BOOST_TEST(f.count("records") == 0);
  BOOST_TEST(f.count("events") == 0);
  BOOST_TEST(f.count("outbox") == 0);
}

BOOST_AUTO_TEST_CASE(idempotency_by_key_and_by_natural_key) {
  ServiceFixture f;
  const auto now = at("2024-07-05T10:00:00+08:00");
  const auto first = f.engine.create(f.penalty(), f.filler, "push-001", now);
  BOOST_REQUIRE(first.ok());
  BOOST_TEST(first->created);
  const auto again = f.engine.create(f.penalty(), f.filler, "push-001", now);
  BOOST_REQUIRE(again.ok());
  BOOST_TEST(!again->created);
  BOOST_TEST(again->record.id == first->record.id);
  // The same key with other content is a conflict.
  const auto changed = f.engine.create(f.penalty({{"CF_NR", "警告"}}), f.filler, "push-001", now);
  BOOST_REQUIRE(!changed.ok());
  BOOST_TEST((changed.error().code == ErrorCode::conflict));
  // No key, same decision: the natural key finds it.
  const auto repeat = f.engine.create(f.penalty(), f.filler, "", now);
  BOOST_REQUIRE(repeat.ok());
  BOOST_TEST(!repeat->created);
  BOOST_TEST(repeat->record.id == first->record.id);
  // Same 决定书文号 and 相对人, other content: conflict, not a silent update.
  const auto other = f.engine.create(f.penalty({{"CF_NR", "警告"}}), f.filler, "", now);
  BOOST_REQUIRE(!other.ok());
  BOOST_TEST((other.error().code == ErrorCode::conflict));
  BOOST_TEST(other.error().message_zh.find("殷市监罚〔2024〕15号") != std::string::npos);
  // Another decision number is another record.
  BOOST_TEST(
      f.engine.create(f.penalty({{"CF_WSH", "殷市监罚〔2024〕16号"}}), f.filler, "", now)->created);
  BOOST_TEST(f.count("records") == 2);
  BOOST_TEST(f.count("events") == 2);
  BOOST_TEST(f.count("idempotency_keys") == 1);
}

BOOST_AUTO_TEST_CASE(the_whole_lifecycle_with_roles_guards_and_deadlines) {
  ServiceFixture f;
  // Not a food-safety penalty: 令第58号's three months apply, not its one year.
  StoredRecord r = f.created(
      f.penalty({{"CF_YJ", "《中华人民共和国广告法》第五十八条"}, {"CF_WFXW", "发布虚假广告"}}));
  BOOST_TEST(format_date(*r.repair_from) == "2024-10-03");
  // A filler may not approve; a reviewer may not submit.
  auto wrong = f.engine.transition(r.region, r.id, "submit", f.reviewer, r.version, {},
                                   at("2024-07-05T11:00+08:00"));
  BOOST_REQUIRE(!wrong.ok());
  BOOST_TEST((wrong.error().code == ErrorCode::forbidden));
  r = f.take(r, "submit", f.filler);
  BOOST_TEST(r.submitted_at == "2024-07-05T03:00:00Z");
  // Rejecting needs a reason (guard reason_given).
  auto no_reason = f.engine.transition(r.region, r.id, "reject", f.reviewer, r.version, {},
                                       at("2024-07-05T12:00+08:00"));
  BOOST_REQUIRE(!no_reason.ok());
  BOOST_TEST(no_reason.error().message_zh.find("须填写理由") != std::string::npos);
  r = f.take(r, "approve", f.reviewer);
  r = f.take(r, "publish", f.reviewer);
  BOOST_TEST(r.state == "published");
  BOOST_TEST(format_date(*r.publication_end) == "2027-07-03");  // 令第58号: at most 3 years
  // 异议: 3 working days from Monday 2024-07-08.
  r = f.take(r, "object", f.handler, "2024-07-08T09:00+08:00", "相对人称已缴清罚款");
  BOOST_TEST(r.state == "objected");
  BOOST_TEST(format_date(*r.objection_due) == "2024-07-11");
  r = f.take(r, "correct", f.handler, "2024-07-09T09:00+08:00", "更正处罚内容",
             {{"fields", {{"CF_WFXW", "更正后的违法行为"}}}});
  BOOST_TEST(!r.objection_due.has_value());
  // Credit repair only after three months.
  auto early = f.engine.transition(r.region, r.id, "request_repair", f.office, r.version, {},
                                   at("2024-09-01T09:00+08:00"));
  BOOST_REQUIRE(!early.ok());
  BOOST_TEST(early.error().message_en.find("minimum publication period") != std::string::npos);
  r = f.take(r, "request_repair", f.office, "2024-10-08T09:00+08:00");
  BOOST_TEST(format_date(*r.repair_due) ==
             "2024-10-14");  // 5 working days; Saturday 10-12 is worked
  r = f.take(r, "grant_repair", f.office, "2024-10-10T09:00+08:00", "已履行处罚");
  BOOST_TEST(r.state == "repaired");
  BOOST_TEST(r.version == 8);  // one per event
  const auto events = f.engine.history(r.region, r.id);
  std::vector<std::string> names;
  for (const auto& e : *events) names.push_back(e.event);
  BOOST_TEST(names == (std::vector<std::string>{"create", "submit", "approve", "publish", "object",
                                                "correct", "request_repair", "grant_repair"}),
             boost::test_tools::per_element());
  BOOST_TEST((*events)[4].payload.find("相对人称已缴清罚款") != std::string::npos);
  BOOST_TEST(f.count("outbox") == 8);
}

BOOST_AUTO_TEST_CASE(a_stale_version_is_a_conflict_and_writes_nothing) {
  ServiceFixture f;
  const StoredRecord r = f.created(f.penalty());
  f.take(r, "submit", f.filler);
  const auto stale = f.engine.transition(r.region, r.id, "discard", f.filler, r.version,
                                         {{"reason", "重复录入"}}, at("2024-07-05T12:00+08:00"));
  BOOST_REQUIRE(!stale.ok());
  BOOST_TEST((stale.error().code == ErrorCode::conflict));
  BOOST_TEST(f.count("events") == 2);
  BOOST_TEST(f.engine.get(r.region, r.id)->state == "submitted");
}

BOOST_AUTO_TEST_CASE(concurrent_transitions_on_one_record_exactly_one_wins) {
  ServiceFixture f;
  const StoredRecord r = f.created(f.penalty());
  std::atomic<int> won{0}, conflicts{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      const auto result = f.engine.transition(r.region, r.id, "submit", f.filler, r.version, {},
                                              at("2024-07-05T11:00+08:00"));
      if (result) {
        ++won;
      } else if (result.error().code == ErrorCode::conflict) {
        ++conflicts;
      } else {
        ++other;
      }
    });
  }
  for (auto& t : threads) t.join();
  BOOST_TEST(won == 1);
  BOOST_TEST(conflicts == 5);
  BOOST_TEST(other == 0);
  BOOST_TEST(f.count("events") == 2);
  BOOST_TEST(f.engine.get(r.region, r.id)->version == 2);
}

BOOST_AUTO_TEST_CASE(received_late_or_missing_and_backfill) {
  ServiceFixture f;
  BOOST_TEST(f.created(f.penalty(), "2024-07-10T23:00+08:00").timeliness == "on_time");
  BOOST_TEST(f.created(f.penalty({{"CF_WSH", "A-2"}}), "2024-07-11T00:10+08:00").timeliness ==
             "late");
  BOOST_TEST(f.created(f.penalty({{"CF_WSH", "A-3"}}), "2024-08-10T09:00+08:00").timeliness ==
             "missing");
  auto backfill = f.penalty({{"CF_WSH", "A-4"}});
  backfill.backfill = true;
  const auto r = f.created(backfill, "2024-09-01T09:00+08:00");
  BOOST_TEST(r.backfill);
  BOOST_TEST(r.timeliness == "missing");  // computed from its real dates, reported apart
}

BOOST_AUTO_TEST_CASE(the_sweeper_marks_and_expires_each_item_once) {
  ServiceFixture f;
  // One record left in draft (deadline 2024-07-10), one published with a short publication.
  const StoredRecord draft = f.created(f.penalty());
  // 公示截止期 at the shortest period 令第58号 allows (3 months: not a food-safety penalty).
  StoredRecord pub = f.created(f.penalty({{"CF_WSH", "B-1"},
                                          {"CF_YJ", "《中华人民共和国广告法》第五十八条"},
                                          {"CF_WFXW", "发布虚假广告"},
                                          {"CF_GSJZQ", "2024-10-03"}}));
  pub =
      f.take(f.take(f.take(pub, "submit", f.filler), "approve", f.reviewer), "publish", f.reviewer);
  BOOST_TEST(format_date(*pub.publication_end) == "2024-10-03");

  auto day = [&](const char* iso) {
    auto s = f.engine.sweep(at(iso), 50);
    BOOST_REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message_en));
    return *s;
  };
  BOOST_TEST(day("2024-07-09T08:00+08:00").fired == 0);
  const auto warn = day("2024-07-10T08:00+08:00");
  BOOST_TEST(warn.mark("warned") == 1);
  BOOST_TEST(day("2024-07-10T20:00+08:00").fired == 0);  // not twice
  BOOST_TEST(day("2024-07-11T08:00+08:00").mark("overdue_late") == 1);
  BOOST_TEST(day("2024-08-10T08:00+08:00").mark("overdue_missing") == 1);
  BOOST_TEST(day("2024-10-03T08:00+08:00").event("expire") == 0);  // the last day of publication
  const auto later = day("2024-10-04T08:00+08:00");
  BOOST_TEST(later.event("expire") == 1);
  BOOST_TEST(f.engine.get(pub.region, pub.id)->state == "expired");
  BOOST_TEST(day("2024-12-31T08:00+08:00").fired == 0);
  const auto d = *f.engine.get(draft.region, draft.id);
  BOOST_TEST(d.flags == "warned,overdue_late,overdue_missing");
  BOOST_TEST(!d.next_due.has_value());
}

BOOST_AUTO_TEST_CASE(two_sweepers_in_parallel_fire_each_item_exactly_once) {
  ServiceFixture f;
  constexpr int kRecords = 60;
  for (int i = 0; i < kRecords; ++i) {
    f.created(f.penalty({{"CF_WSH", ("C-" + std::to_string(i)).c_str()}}));
  }
  Engine second(f.tdb.db, *f.rules->rules, f.lifecycle);
  std::atomic<int> late{0}, errors{0};
  auto sweeper = [&](Engine& e) {
    auto s = e.sweep(at("2024-07-11T08:00+08:00"), 7);
    if (s) {
      late += s->mark("overdue_late");
    } else {
      ++errors;
    }
  };
  std::thread a(sweeper, std::ref(f.engine)), b(sweeper, std::ref(second));
  a.join();
  b.join();
  BOOST_TEST(errors == 0);
  BOOST_TEST(late == kRecords);
  auto marks = in_transaction<std::int64_t>(*f.tdb.db, [](Tx& tx) -> Result<std::int64_t> {
    long long n = 0;
    tx.sql() << "SELECT COUNT(*) FROM outbox WHERE topic = 'record.overdue_late'", soci::into(n);
    return static_cast<std::int64_t>(n);
  });
  BOOST_TEST(*marks == kRecords);
}

BOOST_AUTO_TEST_CASE(batch_answers_each_item_and_writes_in_bulk) {
  ServiceFixture f;
  const auto now = at("2024-07-05T10:00:00+08:00");
  const StoredRecord before = f.created(f.penalty({{"CF_WSH", "D-0"}}));
  std::vector<BatchItem> items;
  for (int i = 1; i <= 250; ++i) {  // more than one multi-row statement
    items.push_back({f.penalty({{"CF_WSH", ("D-" + std::to_string(i)).c_str()}}), ""});
  }
  items.push_back({f.penalty({{"CF_WSH", "D-bad"}, {"CF_XDR_SHXYM", "91410505MA9K3W8L7Q"}}), ""});
  items.push_back({f.penalty({{"CF_WSH", "D-1"}}), ""});  // repeats item 0
  items.push_back(
      {f.penalty({{"CF_WSH", "D-2"}, {"CF_NR", "警告"}}), ""});  // conflicts with item 1
  items.push_back({f.penalty({{"CF_WSH", "D-0"}}), ""});         // already stored
  items.push_back({f.penalty({{"CF_WSH", "D-key"}}), "batch-key-1"});
  // Three threads decide the items (whatever this machine has): the answers keep the items' order.
  f.engine.batch_threads = 3;
  const auto results = f.engine.create_batch(items, f.filler, now);
  BOOST_REQUIRE_MESSAGE(results.ok(), (results.ok() ? "" : results.error().message_en));
  const auto& r = *results;
  BOOST_REQUIRE(r.size() == items.size());
  for (int i = 0; i < 250; ++i) {
    BOOST_REQUIRE(r[i].ok());
    BOOST_TEST(r[i]->record.document_no == "D-" + std::to_string(i + 1));
  }
  std::set<std::int64_t> ids;
  for (int i = 0; i < 250; ++i) {
    BOOST_REQUIRE(r[i].ok());
    BOOST_TEST(r[i]->created);
    ids.insert(r[i]->record.id);
  }
  BOOST_TEST(ids.size() == 250u);
  BOOST_TEST(!ids.contains(before.id));
  BOOST_TEST((r[250].error().code == ErrorCode::invalid_input));
  BOOST_TEST(r[250].error().issues.size() == 1u);
  BOOST_TEST(!r[251]->created);
  BOOST_TEST(r[251]->record.id == r[0]->record.id);
  BOOST_TEST((r[252].error().code == ErrorCode::conflict));
  BOOST_TEST(!r[253]->created);
  BOOST_TEST(r[253]->record.id == before.id);
  BOOST_TEST(r[254]->created);
  BOOST_TEST(f.count("records") == 252);
  BOOST_TEST(f.count("events") == 252);
  BOOST_TEST(f.count("outbox") == 252);
  BOOST_TEST(f.count("idempotency_keys") == 1);
  // A stored batch record reads back whole, with its deadlines and its first event.
  const auto one = f.engine.get("410505", r[100]->record.id);
  BOOST_REQUIRE(one.ok());
  BOOST_TEST(one->document_no == "D-101");
  BOOST_TEST(format_date(*one->publish_by) == "2024-07-10");
  BOOST_TEST(f.engine.history("410505", one->id)->at(0).event == "create");
  // The key answers a repeat of the batch item.
  const auto again = f.engine.create(items[254].request, f.filler, "batch-key-1", now);
  BOOST_TEST(!again->created);
  BOOST_TEST(again->record.id == r[254]->record.id);
}

BOOST_AUTO_TEST_SUITE_END()
