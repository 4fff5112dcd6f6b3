// Versions and hot reload: a new script is tested before it is swapped in, a broken one is
// refused, calls in flight finish on the version they started with.
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "rules_fixture.hpp"

using namespace gongshi;

namespace {

std::string read_script(const std::string& code) {
  std::ifstream in(std::filesystem::path(GONGSHI_SOURCE_DIR) / "rules_lua" / (code + ".lua"));
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// 安阳市's script with another number of working days (and its first test adjusted to match).
std::string anyang_with_days(int days, const std::string& first_deadline) {
  std::string s = read_script("410500");
  const auto set = [&s](const std::string& from, const std::string& to) {
    const auto pos = s.find(from);
    BOOST_REQUIRE(pos != std::string::npos);
    s.replace(pos, from.size(), to);
  };
  set("publish_working_days = 5,", "publish_working_days = " + std::to_string(days) + ",");
  // Keep only the first test, with the deadline this many days give.
  const auto tests = s.find("tests = {");
  s = s.substr(0, tests) +
      "tests = { { name = 'days', kind = 'penalty', record = { CF_JDRQ = '2024-07-03' },\n"
      "            expect = { publish_by = '" +
      first_deadline + "' } } }\n";
  return s;
}

std::string publish_by(const RuleSet& rules, const RulesEnvironment& env, const Record& r) {
  const auto cal = *env.calendars->get(rules.region());
  auto d = rules.deadlines(r, RuleContext{rules.region(), cal.get(), make_date(2024, 7, 31)});
  BOOST_REQUIRE(d.ok());
  return format_date(*d->deadlines.publish_by);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rule_registry)

BOOST_AUTO_TEST_CASE(every_seed_region_script_passes_its_own_tests) {
  auto env = test::open_source_rules();  // load_dir runs each script's tests before installing it
  for (const char* code : {"410500", "410505", "140400", "140600", "231100", "410122"}) {
    BOOST_TEST(env->rules->script_of(code) != nullptr, code);
  }
  const auto rules = env->rules->rules_for("410505");
  BOOST_REQUIRE(rules.ok());
  const std::string& v = (*rules)->version();
  BOOST_TEST(v.starts_with("410505/national_standard@1.1+410500@"), v);
  BOOST_TEST(v.find("+410505@") != std::string::npos, v);
  BOOST_TEST(v.find("+periods@") != std::string::npos, v);
  // A region without a script of its own still gets the national rules (and its parents').
  const auto zhengzhou = env->rules->rules_for("410100");
  BOOST_REQUIRE(zhengzhou.ok());
  BOOST_TEST((*zhengzhou)->version().starts_with("410100/national_standard@1.1+periods@"));
  BOOST_TEST(!env->rules->rules_for("999999").ok());
}

BOOST_AUTO_TEST_CASE(a_new_version_is_swapped_in_after_its_tests_pass) {
  auto env = test::open_source_rules();
  const Record r = test::sample(*env, RecordKind::penalty);
  const auto before = *env->rules->rules_for("410505");
  BOOST_TEST(publish_by(*before, *env, r) == "2024-07-10");

  const auto installed = env->rules->install("410500", anyang_with_days(6, "2024-07-11"));
  BOOST_REQUIRE_MESSAGE(installed.ok(), (installed.ok() ? "" : installed.error().message_en));
  const auto after = *env->rules->rules_for("410505");
  BOOST_TEST(after->version() != before->version());
  BOOST_TEST(publish_by(*after, *env, r) == "2024-07-11");  // the child inherits the new rule
  // A caller still holding the old set finishes on it.
  BOOST_TEST(publish_by(*before, *env, r) == "2024-07-10");
}

BOOST_AUTO_TEST_CASE(broken_or_failing_scripts_are_refused_and_the_old_stays) {
  auto env = test::open_source_rules();
  const auto version = (*env->rules->rules_for("410500"))->version();

  const auto syntax = env->rules->install("410500", "function deadlines(");
  BOOST_REQUIRE(!syntax.ok());
  BOOST_TEST(syntax.error().message_en.find("does not compile") != std::string::npos);

  const auto failing = env->rules->install("410500", anyang_with_days(6, "2024-07-10"));
  BOOST_REQUIRE(!failing.ok());
  BOOST_TEST(failing.error().message_en.find("fails its tests") != std::string::npos);
  BOOST_TEST(failing.error().message_en.find("expected 2024-07-10, got 2024-07-11") !=
             std::string::npos);

  std::string untested = read_script("410500");
  untested = untested.substr(0, untested.find("tests = {"));
  const auto no_tests = env->rules->install("410500", untested);
  BOOST_REQUIRE(!no_tests.ok());
  BOOST_TEST(no_tests.error().message_en.find("no tests") != std::string::npos);

  BOOST_TEST((*env->rules->rules_for("410500"))->version() == version);
  // test() checks without activating.
  BOOST_TEST(env->rules->test("410500", anyang_with_days(6, "2024-07-11")).ok());
  BOOST_TEST((*env->rules->rules_for("410500"))->version() == version);
}

BOOST_AUTO_TEST_CASE(reload_while_evaluating) {
  auto env = test::open_source_rules();
  const Record r = test::sample(*env, RecordKind::penalty);
  const auto cal = *env->calendars->get("410505");
  const RuleContext ctx{"410505", cal.get(), make_date(2024, 7, 31)};
  const std::string five = anyang_with_days(5, "2024-07-10");
  const std::string six = anyang_with_days(6, "2024-07-11");

  // What each version computes, as the installing thread sees it.
  std::map<std::string, std::string> expected;
  expected[(*env->rules->rules_for("410505"))->version()] = "2024-07-10";

  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::atomic<long> attempts{0};  // evaluations begun, so installs can wait for some to run
  std::vector<std::map<std::string, std::set<std::string>>> seen(3);  // per worker
  std::vector<std::thread> workers;
  for (int t = 0; t < 3; ++t) {
    workers.emplace_back([&, t] {
      while (!stop) {
        ++attempts;
        const auto rules = env->rules->rules_for("410505");
        const auto e = rules.ok() ? (*rules)->evaluate(r, ctx) : Result<Evaluation>(rules.error());
        if (!e) {
          ++failures;
          continue;
        }
        seen[t][e->rule_version].insert(format_date(*e->deadlines.publish_by));
      }
    });
  }
  for (int i = 0; i < 20; ++i) {
    // Evaluations between every two installs, however the threads are scheduled (on a loaded
    // machine the 20 installs once finished before any worker ran).
    const long before = attempts;
    while (attempts < before + 3) std::this_thread::yield();
    BOOST_REQUIRE(env->rules->install("410500", i % 2 ? five : six).ok());
    expected[(*env->rules->rules_for("410505"))->version()] = i % 2 ? "2024-07-10" : "2024-07-11";
  }
  stop = true;
  for (auto& w : workers) w.join();

  BOOST_TEST(failures == 0);
  BOOST_TEST(expected.size() == 3u);  // the original, five and six: versions are content hashes
  std::size_t versions_seen = 0;
  for (const auto& per_worker : seen) {
    for (const auto& [version, deadlines] : per_worker) {
      ++versions_seen;
      BOOST_REQUIRE_MESSAGE(expected.contains(version), version);
      // One version, one answer: no evaluation mixed an old and a new module.
      BOOST_TEST(deadlines == std::set<std::string>{expected.at(version)},
                 boost::test_tools::per_element());
    }
  }
  BOOST_TEST(versions_seen > 0u);
}

BOOST_AUTO_TEST_SUITE_END()
