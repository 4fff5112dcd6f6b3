// The demo data (`gongshi demo`, as a newcomer runs it) through the reports: the quarterly 通报
// adds up to its three months, unit by unit.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <map>

#include "../unit/rules_fixture.hpp"
#include "engine/service/report_service.hpp"
#include "engine/service/rules_whatif.hpp"
#include "engine/store/record_repo.hpp"
#include "support/server_process.hpp"
#include "test_db.hpp"

namespace gongshi::test {
inline Lifecycle load_lifecycle() {
  auto lc = Lifecycle::load(std::filesystem::path(GONGSHI_SOURCE_DIR) / "schemas/lifecycle.json");
  BOOST_REQUIRE(lc.ok());
  return std::move(lc).value();
}
}  // namespace gongshi::test

namespace gongshi::test {
namespace {

BOOST_AUTO_TEST_SUITE(demo_reports)

void run_demo(const TestDb& tdb) {
  BOOST_REQUIRE(run_cli({"demo", "--db", tdb.url, "--now", "2024-11-20T10:00+08:00", "--schemas",
                         std::string(GONGSHI_SOURCE_DIR) + "/schemas", "--rules",
                         std::string(GONGSHI_SOURCE_DIR) + "/rules_lua", "--plugins",
                         GONGSHI_PLUGIN_DIR}) == 0);
}

BOOST_AUTO_TEST_CASE(a_five_to_seven_day_whatif_and_replays_over_the_demo_data) {
  TestDb tdb;
  run_demo(tdb);
  auto env = open_source_rules();
  const Lifecycle lifecycle = load_lifecycle();
  std::ifstream in(std::filesystem::path(GONGSHI_SOURCE_DIR) / "rules_lua/410500.lua");
  std::string script((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string five = "publish_working_days = 5,";
  script.replace(script.find(five), five.size(), "publish_working_days = 7,");
  WhatIfRequest req;
  req.region = "410500";
  req.script = script;
  req.from = make_date(2023, 11, 20);
  req.to = make_date(2024, 11, 20);
  auto r = rules_whatif(*tdb.db, *env->rules, env->regions, lifecycle, req,
                        *parse_now("2024-11-20T12:00"));
  BOOST_REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message_en));
  BOOST_TEST(r->changed_by.at("publish_by") > 100);
  BOOST_TEST(r->changed_by.at("timeliness") > 0);
  std::int64_t before = 0, after = 0;
  for (const auto& rr : r->reports) {
    before += rr.before.department_total.late + rr.before.township_total.late +
              rr.before.department_total.missing + rr.before.township_total.missing;
    after += rr.after.department_total.late + rr.after.township_total.late +
             rr.after.department_total.missing + rr.after.township_total.missing;
  }
  BOOST_TEST(after < before, "late and missing: " << before << " → " << after);
  // Every demo record of 殷都区 replays to what is stored.
  RecordQuery q;
  q.regions = {"410505"};
  q.limit = 1000;
  auto records = in_read_transaction<std::vector<StoredRecord>>(
      *tdb.db, [&](Tx& tx) { return list_records(tx, q); });
  BOOST_REQUIRE(records.ok());
  int replayed = 0;
  for (const auto& rec : *records) {
    auto again = replay_record(*tdb.db, *env->rules, lifecycle, rec.region, rec.id);
    BOOST_REQUIRE(again.ok());
    BOOST_TEST(again->reproduced(), rec.region << "/" << rec.id << " " << rec.state);
    ++replayed;
  }
  BOOST_TEST(replayed == 302);  // 300, and the two the subjects filed an objection and a repair for
}

BOOST_AUTO_TEST_CASE(the_quarter_of_the_demo_data_adds_up_to_its_three_months) {
  TestDb tdb;
  run_demo(tdb);
  auto env = open_source_rules();
  const Lifecycle lifecycle = load_lifecycle();
  const auto report = [&](Result<MonthlyQuery> q) {
    BOOST_REQUIRE(q.ok());
    auto r = supervision_report(*tdb.db, *env->rules, env->regions, lifecycle, *q);
    BOOST_REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message_en));
    return std::move(r).value();
  };
  const MonthlyReport quarter = report(parse_quarter("410505", "2024Q3"));
  BOOST_TEST(quarter.department_total.total > 20);  // the demo reports something every month
  struct Sum {
    std::int64_t late = 0, missing = 0, licenses = 0, penalties = 0;
  };
  std::map<std::string, Sum> months;
  Sum all;
  for (const char* m : {"2024-07", "2024-08", "2024-09"}) {
    const MonthlyReport one = report(parse_month("410505", m));
    for (const auto* rows : {&one.departments, &one.townships}) {
      for (const auto& row : *rows) {
        auto& s = months[row.name];
        s.late += row.late;
        s.missing += row.missing;
        s.licenses += row.licenses;
        s.penalties += row.penalties;
      }
    }
    for (const auto* t : {&one.department_total, &one.township_total}) {
      all.late += t->late;
      all.missing += t->missing;
      all.licenses += t->licenses;
      all.penalties += t->penalties;
    }
  }
  for (const auto* rows : {&quarter.departments, &quarter.townships}) {
    for (const auto& row : *rows) {
      const auto& s = months[row.name];
      BOOST_TEST(row.late == s.late, row.name);
      BOOST_TEST(row.missing == s.missing, row.name);
      BOOST_TEST(row.licenses == s.licenses, row.name);
      BOOST_TEST(row.penalties == s.penalties, row.name);
    }
  }
  const auto total_late = quarter.department_total.late + quarter.township_total.late;
  BOOST_TEST(total_late == all.late);
  BOOST_TEST(quarter.department_total.licenses + quarter.township_total.licenses == all.licenses);
  BOOST_TEST(quarter.department_total.penalties + quarter.township_total.penalties ==
             all.penalties);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace gongshi::test
