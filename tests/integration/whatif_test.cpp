// What-if before a rule goes live, and replay after: a 5 → 7 working-day change of 安阳市's script
// over stored records (nothing written), and records re-evaluated under their pinned versions, also
// after the region's script changed. Same cases on SQLite and MariaDB.
#include <fstream>
#include <sstream>

#include "engine/service/deadline_recompute.hpp"
#include "engine/service/rules_whatif.hpp"
#include "service_fixture.hpp"

using namespace gongshi;
using namespace gongshi::test;

namespace {

std::string anyang_days(int days) {
  std::ifstream in(std::filesystem::path(GONGSHI_SOURCE_DIR) / "rules_lua/410500.lua");
  std::stringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  const std::string from = "publish_working_days = 5,";
  text.replace(text.find(from), from.size(),
               "publish_working_days = " + std::to_string(days) + ",");
  return text;
}

struct WhatIfFixture : ServiceFixture {
  WhatIfFixture() {
    BOOST_REQUIRE(archive_scripts(*tdb.db, *rules->rules, at("2024-07-01T09:00+08:00")).ok());
    // Decided Wednesday 2024-07-03: 5 working days → 07-10, 7 → 07-12.
    created(penalty({{"CF_WSH", "W-1"}}), "2024-07-05T10:00+08:00");  // on time either way
    created(penalty({{"CF_WSH", "W-2"}}), "2024-07-11T10:00+08:00");  // late now, on time at 7
    created(penalty({{"CF_WSH", "W-3"}}), "2024-07-15T10:00+08:00");  // late either way
    created(penalty({{"CF_WSH", "W-4"}}), "2024-08-02T10:00+08:00");  // another month
  }
  std::int64_t events() { return count("events"); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(whatif)

BOOST_AUTO_TEST_CASE(five_to_seven_working_days_over_july) {
  WhatIfFixture f;
  const auto events_before = f.events();
  WhatIfRequest req;
  req.region = "410500";
  req.script = anyang_days(7);
  req.from = make_date(2024, 7, 1);
  req.to = make_date(2024, 7, 31);
  auto r = rules_whatif(*f.tdb.db, *f.rules->rules, f.rules->regions, f.lifecycle, req,
                        at("2024-08-05T10:00+08:00"));
  BOOST_REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message_en));
  BOOST_TEST(r->regions == (std::vector<std::string>{"410500", "410505"}),
             boost::test_tools::per_element());
  BOOST_TEST(r->records == 3);  // W-4 was received in August
  BOOST_TEST(r->changed == 3);
  BOOST_TEST(r->changed_by.at("publish_by") == 3);
  BOOST_TEST(r->changed_by.at("timeliness") == 1);
  BOOST_TEST(r->timeliness_moves.at("late→on_time") == 1);
  BOOST_TEST(!r->test_failures.empty());  // its tests still expect 5 days: said, not hidden
  BOOST_REQUIRE(!r->samples.empty());
  const auto& first = r->samples.back();
  BOOST_TEST(first.changes.at(0).what == "publish_by");
  BOOST_TEST(first.changes.at(0).old_value == "2024-07-10");
  BOOST_TEST(first.changes.at(0).new_value == "2024-07-12");
  // 殷都区's 通报 of July: two late as stored, one as it would read.
  BOOST_REQUIRE(r->reports.size() == 1u);
  BOOST_TEST(r->reports[0].before.region == "410505");
  BOOST_TEST(r->reports[0].before.department_total.late == 2);
  BOOST_TEST(r->reports[0].after.department_total.late == 1);
  BOOST_TEST(r->reports[0].after.department_total.total == 3);
  // Nothing was written, and the live rules are unchanged.
  BOOST_TEST(f.events() == events_before);
  BOOST_TEST(f.rules->rules->script_of("410500")->hash() != r->candidate_hash);
  // A script that does not compile is refused.
  req.script = "return {";
  BOOST_TEST(!rules_whatif(*f.tdb.db, *f.rules->rules, f.rules->regions, f.lifecycle, req,
                           at("2024-08-05T10:00+08:00"))
                  .ok());
}

BOOST_AUTO_TEST_CASE(a_replay_reproduces_even_after_the_script_changed) {
  WhatIfFixture f;
  auto listed = in_read_transaction<std::vector<StoredRecord>>(
      *f.tdb.db, [](Tx& tx) { return list_records(tx, RecordQuery{}); });
  BOOST_REQUIRE(listed.ok());
  const StoredRecord& r = listed->back();
  auto replay = replay_record(*f.tdb.db, *f.rules->rules, f.lifecycle, r.region, r.id);
  BOOST_REQUIRE(replay.ok());
  BOOST_TEST(replay->reproduced());
  // 安阳市 moves to 6 days (its tests adjusted): new records follow it, the old one keeps 5.
  std::string six = anyang_days(6);
  const auto tests = six.find("tests = {");
  six = six.substr(0, tests) +
        "tests = { { name = 'six', kind = 'penalty', record = { CF_JDRQ = '2024-07-03' },\n"
        "            expect = { publish_by = '2024-07-11' } } }\n";
  auto installed = f.rules->rules->install("410500", six);
  BOOST_REQUIRE_MESSAGE(installed.ok(), (installed.ok() ? "" : installed.error().message_en));
  auto again = replay_record(*f.tdb.db, *f.rules->rules, f.lifecycle, r.region, r.id);
  BOOST_REQUIRE(again.ok());
  BOOST_TEST(again->rebuilt);  // the old script came back from rule_versions
  BOOST_TEST(again->reproduced());
  BOOST_TEST(again->used_version == r.rule_version);
  // A stored value tampered with is reported, not hidden.
  auto tampered = in_transaction<bool>(*f.tdb.db, [&](Tx& tx) {
    StoredRecord t = r;
    t.publish_by = make_date(2024, 7, 9);
    return update_record(tx, t, r.version);
  });
  BOOST_REQUIRE(tampered.ok() && *tampered);
  auto differs = replay_record(*f.tdb.db, *f.rules->rules, f.lifecycle, r.region, r.id);
  BOOST_REQUIRE(differs.ok());
  BOOST_TEST(!differs->reproduced());
  BOOST_REQUIRE(differs->differences.size() == 1u);
  BOOST_TEST(differs->differences[0].what == "publish_by");
  BOOST_TEST(differs->differences[0].old_value == "2024-07-09");
  BOOST_TEST(differs->differences[0].new_value == "2024-07-10");
}

BOOST_AUTO_TEST_SUITE_END()
