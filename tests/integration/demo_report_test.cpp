// The demo data (`gongshi demo`, as a newcomer runs it) through the reports: the quarterly 通报
// adds up to its three months, unit by unit.
#include <boost/test/unit_test.hpp>
#include <map>

#include "../unit/rules_fixture.hpp"
#include "engine/service/report_service.hpp"
#include "support/server_process.hpp"
#include "test_db.hpp"

namespace gongshi::test {
namespace {

BOOST_AUTO_TEST_SUITE(demo_reports)

BOOST_AUTO_TEST_CASE(the_quarter_of_the_demo_data_adds_up_to_its_three_months) {
  TestDb tdb;
  BOOST_REQUIRE(run_cli({"demo", "--db", tdb.url, "--now", "2024-11-20T10:00+08:00", "--schemas",
                         std::string(GONGSHI_SOURCE_DIR) + "/schemas", "--rules",
                         std::string(GONGSHI_SOURCE_DIR) + "/rules_lua", "--plugins",
                         GONGSHI_PLUGIN_DIR}) == 0);
  auto env = open_source_rules();
  const auto report = [&](Result<MonthlyQuery> q) {
    BOOST_REQUIRE(q.ok());
    auto r = supervision_report(*tdb.db, *env->rules, env->regions, *q);
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
