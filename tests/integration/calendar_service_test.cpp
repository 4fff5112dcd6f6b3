// The calendar as live data: records whose deadline reaches a year without holiday data are stored
// with provisional deadlines; loading the year computes them again, each change an event with the
// old and the new dates; a malformed year is refused whole. Same cases on SQLite and MariaDB.
#include <fstream>
#include <sstream>

#include "engine/service/calendar_service.hpp"
#include "engine/service/deadline_recompute.hpp"
#include "engine/store/calendar_repo.hpp"
#include "service_fixture.hpp"

using namespace gongshi;
using namespace gongshi::test;

namespace {

std::string read_file(const std::string& rel) {
  std::ifstream in(std::filesystem::path(GONGSHI_SOURCE_DIR) / rel, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The made-up 2027 of tests/data (not the State Council's notice).
std::string test_2027() {
  return read_file("tests/data/calendar/2027-test.json");
}

struct CalendarFixture : ServiceFixture {
  AccessPolicy access{rules->regions, lifecycle};
  AuditTrail audit{tdb.db, access, Clock::system()};
  CalendarService calendar{tdb.db, *rules->rules, *rules->calendars, lifecycle, audit};
  CalendarFixture() {
    BOOST_REQUIRE(archive_scripts(*tdb.db, *rules->rules, at("2026-12-01T09:00+08:00")).ok());
  }
  StoredRecord decided(const char* day, const char* doc, const char* now) {
    return created(penalty({{"CF_WSH", doc}, {"CF_JDRQ", day}, {"CF_YXQ", "2027-12-31"}}), now);
  }
  std::int64_t loads() {
    auto n = in_read_transaction<std::vector<CalendarYearRow>>(
        *tdb.db, [](Tx& tx) { return calendar_loads(tx, ""); });
    BOOST_REQUIRE(n.ok());
    return static_cast<std::int64_t>(n->size());
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(calendar_service)

BOOST_AUTO_TEST_CASE(a_deadline_inside_2026_is_exact_one_reaching_2027_is_provisional) {
  CalendarFixture f;
  // 安阳's 5 working days from Thursday 2026-12-24: 25, 28, 29, 30, 31.
  const StoredRecord exact = f.decided("2026-12-24", "P-1", "2026-12-24T10:00+08:00");
  BOOST_TEST(format_date(*exact.publish_by) == "2026-12-31");
  BOOST_TEST(!exact.calendar_provisional);
  // From Monday 2026-12-28 the fifth working day lies in 2027: weekdays only, flagged.
  const StoredRecord prov = f.decided("2026-12-28", "P-2", "2026-12-28T10:00+08:00");
  BOOST_TEST(format_date(*prov.publish_by) == "2027-01-04");
  BOOST_TEST(prov.calendar_provisional);
  BOOST_TEST(prov.timeliness == "on_time");  // received in 2026: before any 2027 deadline
  const auto events = f.engine.history(prov.region, prov.id);
  BOOST_TEST((*events)[0].payload.find("\"calendar_provisional\":true") != std::string::npos);
  // The sweeper warns on the provisional day but decides no 迟报 on it.
  auto s = f.engine.sweep(at("2027-01-20T08:00+08:00"));
  BOOST_REQUIRE(s.ok());
  const auto swept = *f.engine.get(prov.region, prov.id);
  BOOST_TEST(swept.has_flag("warned"));
  BOOST_TEST(!swept.has_flag("overdue_late"));
  BOOST_TEST(f.engine.get(exact.region, exact.id)->has_flag("overdue_late"));
}

BOOST_AUTO_TEST_CASE(loading_2027_recomputes_with_old_and_new_dates_then_the_sweeper_marks) {
  CalendarFixture f;
  const StoredRecord prov = f.decided("2026-12-28", "P-3", "2026-12-28T10:00+08:00");
  // Received in 2027 before the notice: its lateness cannot be known yet.
  const StoredRecord pending = f.decided("2026-12-28", "P-4", "2027-01-06T10:00+08:00");
  BOOST_TEST(pending.timeliness == "pending");
  const auto r =
      f.calendar.load({"000000", 2027, test_2027(), "sysadmin"}, at("2027-01-07T09:00+08:00"));
  BOOST_REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message_en));
  BOOST_TEST(r->version == 1);
  BOOST_TEST(r->working_days == 244);
  BOOST_TEST(r->recompute.examined == 2);
  BOOST_TEST(r->recompute.changed == 2);
  BOOST_TEST(r->recompute.still_provisional == 0);
  // 2027-01-01 is a holiday in the (test) notice: the fifth working day moves to 01-05.
  const auto again = *f.engine.get(prov.region, prov.id);
  BOOST_TEST(format_date(*again.publish_by) == "2027-01-05");
  BOOST_TEST(!again.calendar_provisional);
  BOOST_TEST(again.version == prov.version + 1);
  const auto events = *f.engine.history(prov.region, prov.id);
  BOOST_REQUIRE(events.size() == 2u);
  BOOST_TEST(events[1].event == "recompute_deadlines");
  BOOST_TEST(events[1].actor == "system");
  const auto payload = boost::json::parse(events[1].payload).as_object();
  BOOST_TEST(payload.at("changes").at("publish_by").at("old").as_string() == "2027-01-04");
  BOOST_TEST(payload.at("changes").at("publish_by").at("new").as_string() == "2027-01-05");
  BOOST_TEST(payload.at("calendar_provisional").at("new").as_bool() == false);
  BOOST_TEST(payload.at("pinned_rule_version").as_bool());
  BOOST_TEST(payload.at("reason").as_string().find("测试〔2026〕1号") != std::string::npos);
  // Received 2027-01-06, after the real deadline of 01-05: now decided, 迟报.
  BOOST_TEST(f.engine.get(pending.region, pending.id)->timeliness == "late");
  // And the sweeper marks it as usual.
  auto s = f.engine.sweep(at("2027-01-07T10:00+08:00"));
  BOOST_REQUIRE(s.ok());
  BOOST_TEST(f.engine.get(prov.region, prov.id)->has_flag("overdue_late"));
  // A second load of the same year is a new version and changes nothing further.
  const auto twice =
      f.calendar.load({"000000", 2027, test_2027(), "sysadmin"}, at("2027-01-07T09:30+08:00"));
  BOOST_REQUIRE(twice.ok());
  BOOST_TEST(twice->version == 2);
  BOOST_TEST(twice->recompute.examined == 0);
  // New records now get exact deadlines.
  const StoredRecord next = f.decided("2026-12-28", "P-5", "2027-01-07T11:00+08:00");
  BOOST_TEST(format_date(*next.publish_by) == "2027-01-05");
  BOOST_TEST(!next.calendar_provisional);
  auto status = f.calendar.status(make_date(2027, 1, 7));
  BOOST_REQUIRE(status.ok());
  BOOST_TEST(status->last_year == 2027);
  BOOST_TEST(format_date(status->complete_through) == "2027-12-31");
  BOOST_TEST(status->days_ahead == 358);
  BOOST_TEST(status->provisional_records == 0);
  BOOST_TEST(status->years.back().loaded);
  BOOST_TEST(status->years.back().loaded_by == "sysadmin");
}

BOOST_AUTO_TEST_CASE(a_malformed_year_is_refused_whole_and_nothing_changes) {
  CalendarFixture f;
  const StoredRecord prov = f.decided("2026-12-28", "P-6", "2026-12-28T10:00+08:00");
  const std::string good = test_2027();
  const auto refused = [&](std::string body, const char* why, int year = 2027) {
    auto r = f.calendar.load({"000000", year, std::move(body), "sysadmin"},
                             at("2027-01-07T09:00+08:00"));
    BOOST_REQUIRE_MESSAGE(!r.ok(), why);
    BOOST_TEST((r.error().code == ErrorCode::invalid_input), why);
    BOOST_TEST_MESSAGE(why << ": " << r.error().message_zh);
    return r.error().message_zh;
  };
  const auto replaced = [&](const std::string& from, const std::string& to) {
    std::string s = good;
    const auto pos = s.find(from);
    BOOST_REQUIRE(pos != std::string::npos);
    return s.replace(pos, from.size(), to);
  };
  refused("{not json", "not JSON");
  refused(good, "the year in the URL differs", 2028);
  BOOST_TEST(refused(replaced("\"2027-04-25\"", "\"2027-04-26\""), "a worked weekday")
                 .find("2027-04-26") != std::string::npos);
  BOOST_TEST(refused(replaced("\"2027-04-25\"", "\"2027-05-02\""), "off and worked")
                 .find("既是休息日又是调休上班日") != std::string::npos);
  BOOST_TEST(refused(replaced("\"2027-10-09\"", "\"2028-01-08\""), "outside the year")
                 .find("2028-01-08") != std::string::npos);
  BOOST_TEST(refused(replaced("\"国庆节\"", "\"假日\""), "not a whole year").find("国庆") !=
             std::string::npos);
  refused(replaced("\"number\": \"测试〔2026〕1号\", ", ""), "no notice number");
  // A year with no 2028 data between: 2029 is refused (2028 missing).
  auto gap = f.calendar.load({"000000", 2029, replaced("\"year\": 2027", "\"year\": 2029"), "x"},
                             at("2027-01-07T09:00+08:00"));
  BOOST_TEST(!gap.ok());
  BOOST_TEST(f.loads() == 0);
  const auto same = *f.engine.get(prov.region, prov.id);
  BOOST_TEST(same.calendar_provisional);
  BOOST_TEST(same.version == prov.version);
  BOOST_TEST(format_date(*same.publish_by) == "2027-01-04");
}

BOOST_AUTO_TEST_CASE(a_region_adds_its_own_day_off_for_a_year) {
  CalendarFixture f;
  // 殷都区 (made up): 2026-12-30 off. A record decided 12-24 then runs into 2027.
  const std::string days = R"({"region":"410505","year":2026,"title":"测试地区假日",
    "holidays":[{"name":"测试","basis":"测试","off":["2026-12-30"],"work":[]}]})";
  auto r = f.calendar.load({"410505", 2026, days, "office"}, at("2026-12-01T09:00+08:00"));
  BOOST_REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message_en));
  const StoredRecord rec = f.decided("2026-12-24", "P-7", "2026-12-24T10:00+08:00");
  BOOST_TEST(format_date(*rec.publish_by) == "2027-01-01");  // 25, 28, 29, 31, then 01-01
  BOOST_TEST(rec.calendar_provisional);
  // 安阳市 (the parent) is not affected.
  auto city = f.engine.create(
      [&] {
        auto req =
            f.penalty({{"CF_WSH", "P-8"}, {"CF_JDRQ", "2026-12-24"}, {"CF_YXQ", "2027-12-31"}});
        req.region = "410500";
        return req;
      }(),
      f.filler, "", at("2026-12-24T10:00+08:00"));
  BOOST_REQUIRE(city.ok());
  BOOST_TEST(format_date(*city->record.publish_by) == "2026-12-31");
  // A region's days must lie inside the year named.
  auto outside = f.calendar.load(
      {"410505", 2026,
       R"({"region":"410505","year":2026,"holidays":[{"name":"x","off":["2027-01-04"]}]})",
       "office"},
      at("2026-12-01T09:00+08:00"));
  BOOST_TEST(!outside.ok());
}

BOOST_AUTO_TEST_SUITE_END()
