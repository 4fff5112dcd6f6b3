#include <unistd.h>
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <fstream>

#include "engine/calendar/calendar_loader.hpp"

using namespace gongshi;
namespace fs = std::filesystem;

namespace {

const fs::path kSchemas = fs::path(GONGSHI_SOURCE_DIR) / "schemas";

// A private copy of schemas/ to add or remove data files in.
struct TempSchemas {
  fs::path dir;
  TempSchemas() {
    dir = fs::temp_directory_path() /
          ("gongshi-cal-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(dir);
    fs::create_directories(dir / "calendar/regions");
    fs::copy(kSchemas / "regions.json", dir / "regions.json");
    fs::copy(kSchemas / "calendar/national", dir / "calendar/national");
  }
  ~TempSchemas() { fs::remove_all(dir); }
  void write(const fs::path& rel, const std::string& text) const {
    std::ofstream(dir / rel) << text;
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

Result<Calendar> load(const TempSchemas& s, std::string_view region) {
  auto regions = RegionRegistry::load(s.dir / "regions.json");
  BOOST_REQUIRE(regions.ok());
  return load_calendar(s.dir, *regions, region);
}

std::string error_of(const Result<HolidayYear>& r) {
  return r.ok() ? "" : r.error().message_en;
}

Result<HolidayYear> parse(const char* text) {
  return parse_holiday_year(boost::json::parse(text), "test.json");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(holiday_data)

BOOST_AUTO_TEST_CASE(region_days_are_inherited_and_can_be_cancelled) {
  TempSchemas s;
  // 安阳市 gives a (made-up) local day off on Wednesday 2024-07-10.
  s.write("calendar/regions/410500.json",
          R"({"region":"410500","holidays":[{"name":"测试假日","basis":"测试",
              "off":["2024-07-10"],"work":[]}]})");
  const auto city = load(s, "410500");
  const auto district = load(s, "410505");
  const auto other = load(s, "410122");
  BOOST_REQUIRE(city.ok());
  BOOST_REQUIRE(district.ok());
  BOOST_REQUIRE(other.ok());
  BOOST_TEST(format_date(*city->add_working_days(make_date(2024, 7, 3), 5)) == "2024-07-11");
  BOOST_TEST(format_date(*district->add_working_days(make_date(2024, 7, 3), 5)) == "2024-07-11");
  BOOST_TEST(format_date(*other->add_working_days(make_date(2024, 7, 3), 5)) == "2024-07-10");
  // 殷都区 cancels it for itself.
  s.write("calendar/regions/410505.json",
          R"({"region":"410505","holidays":[{"name":"取消","work":["2024-07-10"]}]})");
  const auto cancelled = load(s, "410505");
  BOOST_REQUIRE(cancelled.ok());
  BOOST_TEST(*cancelled->is_working_day(make_date(2024, 7, 10)));
}

BOOST_AUTO_TEST_CASE(a_missing_year_in_the_middle_is_refused) {
  TempSchemas s;
  fs::remove(s.dir / "calendar/national/2023.json");
  const auto cal = load(s, "000000");
  BOOST_REQUIRE(!cal.ok());
  BOOST_TEST(cal.error().message_en.find("2023") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_region_file_must_name_its_region) {
  TempSchemas s;
  s.write("calendar/regions/410500.json", R"({"region":"410505","holidays":[]})");
  BOOST_TEST(!load(s, "410505").ok());
}

BOOST_AUTO_TEST_CASE(year_files_are_checked) {
  const char* ok = R"({"year":2024,"notices":[{"title":"通知"}],
    "holidays":[{"name":"春节","off":["2024-02-10/2024-02-17"],"work":["2024-02-04"]}]})";
  BOOST_REQUIRE(parse(ok).ok());
  BOOST_TEST(parse(ok)->days.size() == 9u);
  // A weekday cannot be a make-up working day.
  BOOST_TEST(error_of(parse(R"({"year":2024,"notices":[{"title":"通知"}],
    "holidays":[{"name":"x","work":["2024-02-05"]}]})"))
                 .find("weekday") != std::string::npos);
  // A day both off and worked.
  BOOST_TEST(!parse(R"({"year":2024,"notices":[{"title":"通知"}],
    "holidays":[{"name":"x","off":["2024-02-04"],"work":["2024-02-04"]}]})")
                  .ok());
  // No notice named.
  BOOST_TEST(!parse(R"({"year":2024,"notices":[],"holidays":[]})").ok());
  // A date of another year, a reversed range, a bad date.
  BOOST_TEST(!parse(R"({"year":2024,"notices":[{"title":"通知"}],
    "holidays":[{"name":"x","off":["2025-01-01"]}]})")
                  .ok());
  BOOST_TEST(!parse(R"({"year":2024,"notices":[{"title":"通知"}],
    "holidays":[{"name":"x","off":["2024-02-17/2024-02-10"]}]})")
                  .ok());
  BOOST_TEST(!parse(R"({"year":2024,"notices":[{"title":"通知"}],
    "holidays":[{"name":"x","off":["2024-02-30"]}]})")
                  .ok());
  // The previous December is allowed (2019's 元旦 began 2018-12-30).
  BOOST_TEST(parse(R"({"year":2019,"notices":[{"title":"通知"}],
    "holidays":[{"name":"元旦","off":["2018-12-30/2019-01-01"],"work":["2018-12-29"]}]})")
                 .ok());
}

BOOST_AUTO_TEST_CASE(year_must_match_file_name) {
  TempSchemas s;
  s.write("calendar/national/2027.json",
          R"({"year":2026,"notices":[{"title":"通知"}],"holidays":[]})");
  BOOST_TEST(!load(s, "000000").ok());
}

BOOST_AUTO_TEST_SUITE_END()
