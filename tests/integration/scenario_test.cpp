// Rule scenarios as data (tests/data/scenarios/*.json), the way DuckDB's tests are mostly
// declarative files: a record (laid over the sample of its kind), the region, the time it is
// received, optional region scripts and holiday years to load, then steps — lifecycle events,
// sweeps, calendar loads — each with the states and dates expected after it. Runs the real engine
// on a fresh SQLite database per scenario.
//
// A scenario: {"name", "region", "kind", "record": {FIELD: value|null}, "received": ISO,
//   "scripts": {"REGION": "scripts/FILE.lua"},            installed before the record is created
//   "expect": {…} | "refused": {"code", "fields": [...], "message": "…"},
//   "steps": [{"event", "as": role, "at": ISO, "reason", "expect"|"refused"},
//             {"sweep": ISO, "expect"}, {"load_calendar": FILE, "at": ISO, "expect"}]}
// expect: {"state", "timeliness", "calendar_provisional", "flags": [...present],
//          "deadlines": {NAME: date|null}, "rules": {tier, sector, regime, min_months, max_months},
//          "last_event": {"event", "changes": {NAME: [old, new]}}}
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "../unit/rules_fixture.hpp"
#include "engine/service/calendar_service.hpp"
#include "engine/service/deadline_recompute.hpp"
#include "engine/service/engine.hpp"
#include "test_db.hpp"

namespace gongshi::test {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const fs::path kDir = fs::path(GONGSHI_SOURCE_DIR) / "tests/data/scenarios";

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string text(const json::value& v) {
  return v.is_string() ? std::string(v.get_string()) : json::serialize(v);
}

std::string date_or_null(const std::optional<Date>& d) {
  return d ? format_date(*d) : "null";
}

class Scenario {
 public:
  Scenario(const json::object& s, const fs::path& file) : s_(s), file_(file) {}

  void run() {
    for (const auto& [region, script] : object_at("scripts")) {
      auto installed = env_->rules->install(region, read_text(kDir / text(script)));
      BOOST_REQUIRE_MESSAGE(installed.ok(), (installed.ok() ? "" : installed.error().message_en));
    }
    BOOST_REQUIRE(archive_scripts(*db_.db, *env_->rules, when("received")).ok());
    CreateRequest req;
    req.region = text(s_.at("region"));
    req.department_id = 1;
    req.kind = *parse_record_kind(text(s_.at("kind")));
    req.fields = req.kind == RecordKind::license ? env_->rules->samples().license
                                                 : env_->rules->samples().penalty;
    for (const auto& [k, v] : object_at("record")) {
      if (v.is_null()) {
        req.fields.erase(k);
      } else {
        req.fields[k] = v;
      }
    }
    auto created = engine_.create(req, Actor{"scenario", "filler"}, "", when("received"));
    if (const auto* refused = s_.if_contains("refused")) {
      check_refused(created, refused->as_object());
      return;
    }
    BOOST_REQUIRE_MESSAGE(created.ok(),
                          "create: " << (created.ok() ? "" : created.error().message_en));
    record_ = created->record;
    check(object_at("expect"), "after create");
    int n = 0;
    for (const auto& step : s_.contains("steps") ? s_.at("steps").as_array() : json::array{}) {
      run_step(step.as_object(), "step " + std::to_string(++n));
    }
  }

 private:
  const json::object& object_at(const char* key) const {
    static const json::object empty;
    const auto* v = s_.if_contains(key);
    return v != nullptr && v->is_object() ? v->as_object() : empty;
  }

  TimePoint when(const char* key, const json::object* in = nullptr) const {
    const auto& o = in ? *in : s_;
    const auto t = parse_now(text(o.at(key)));
    BOOST_REQUIRE_MESSAGE(t.has_value(), "not a time: " << text(o.at(key)));
    return *t;
  }

  template <class T>
  void check_refused(const Result<T>& r, const json::object& want) {
    BOOST_REQUIRE_MESSAGE(!r.ok(), "expected a refusal");
    BOOST_TEST(to_string(r.error().code) == text(want.at("code")));
    if (const auto* fields = want.if_contains("fields")) {
      std::vector<std::string> got, expected;
      for (const auto& i : r.error().issues) got.push_back(i.field);
      for (const auto& f : fields->as_array()) expected.push_back(text(f));
      BOOST_TEST(got == expected, boost::test_tools::per_element());
    }
    if (const auto* message = want.if_contains("message")) {
      std::string all = r.error().message_zh + " | " + r.error().message_en;
      for (const auto& i : r.error().issues) all += " | " + i.message_zh + " | " + i.message_en;
      BOOST_TEST(all.find(text(*message)) != std::string::npos, all);
    }
  }

  void run_step(const json::object& step, const std::string& label) {
    BOOST_TEST_CONTEXT(label) {
      if (const auto* event = step.if_contains("event")) {
        json::object payload;
        if (const auto* reason = step.if_contains("reason")) payload["reason"] = *reason;
        auto next = engine_.transition(record_.region, record_.id, text(*event),
                                       Actor{"scenario", text(step.at("as"))}, record_.version,
                                       payload, when("at", &step));
        if (const auto* refused = step.if_contains("refused")) {
          check_refused(next, refused->as_object());
          return;
        }
        BOOST_REQUIRE_MESSAGE(next.ok(), text(*event)
                                             << ": " << (next.ok() ? "" : next.error().message_en));
      } else if (const auto* day = step.if_contains("sweep")) {
        auto swept = engine_.sweep(*parse_now(text(*day)));
        BOOST_REQUIRE(swept.ok());
      } else if (const auto* file = step.if_contains("load_calendar")) {
        const std::string body = read_text(fs::path(GONGSHI_SOURCE_DIR) / text(*file));
        const auto year = static_cast<int>(json::parse(body).at("year").as_int64());
        auto loaded = calendar_.load({std::string(kNationalRegion), year, body, "scenario"},
                                     when("at", &step));
        BOOST_REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message_en));
      }
      auto stored = engine_.get(record_.region, record_.id);
      BOOST_REQUIRE(stored.ok());
      record_ = *stored;
      if (const auto* expect = step.if_contains("expect")) check(expect->as_object(), label);
    }
  }

  void check(const json::object& e, const std::string& label) {
    BOOST_TEST_CONTEXT(label) {
      const StoredRecord& r = record_;
      if (const auto* v = e.if_contains("state")) BOOST_TEST(r.state == text(*v));
      if (const auto* v = e.if_contains("timeliness")) BOOST_TEST(r.timeliness == text(*v));
      if (const auto* v = e.if_contains("calendar_provisional")) {
        BOOST_TEST(r.calendar_provisional == v->as_bool());
      }
      if (const auto* v = e.if_contains("flags")) {
        for (const auto& f : v->as_array()) BOOST_TEST(r.has_flag(text(f)), text(f));
      }
      if (const auto* v = e.if_contains("deadlines")) {
        for (const auto& [name, want] : deadline_dates(r)) {
          if (const auto* w = v->as_object().if_contains(name)) {
            BOOST_TEST(date_or_null(want) == (w->is_null() ? "null" : text(*w)), name);
          }
        }
      }
      if (const auto* v = e.if_contains("rules")) {
        const auto notes =
            r.rule_notes.empty() ? json::object{} : json::parse(r.rule_notes).as_object();
        for (const auto& [key, want] : v->as_object()) {
          const auto* got = notes.if_contains(key);
          BOOST_TEST((got ? text(*got) : std::string("none")) == text(want), key);
        }
      }
      if (const auto* v = e.if_contains("last_event")) {
        auto events = engine_.history(r.region, r.id);
        BOOST_REQUIRE(events.ok() && !events->empty());
        const auto& last = events->back();
        BOOST_TEST(last.event == text(v->at("event")));
        if (const auto* changes = v->as_object().if_contains("changes")) {
          const auto payload = json::parse(last.payload).as_object();
          for (const auto& [name, pair] : changes->as_object()) {
            const auto& got = payload.at("changes").at(name);
            BOOST_TEST(text(got.at("old")) == text(pair.as_array().at(0)), name);
            BOOST_TEST(text(got.at("new")) == text(pair.as_array().at(1)), name);
          }
        }
      }
    }
  }

  const json::object& s_;
  fs::path file_;
  TestDb db_{2};
  std::unique_ptr<RulesEnvironment> env_ = open_source_rules();
  Lifecycle lifecycle_ = [] {
    auto lc = Lifecycle::load(fs::path(GONGSHI_SOURCE_DIR) / "schemas/lifecycle.json");
    BOOST_REQUIRE(lc.ok());
    return std::move(lc).value();
  }();
  Engine engine_{db_.db, *env_->rules, lifecycle_};
  AccessPolicy access_{env_->regions, lifecycle_};
  AuditTrail audit_{db_.db, access_, Clock::system()};
  CalendarService calendar_{db_.db, *env_->rules, *env_->calendars, lifecycle_, audit_};
  StoredRecord record_;
};

BOOST_AUTO_TEST_CASE(every_scenario_file) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kDir)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  BOOST_REQUIRE(!files.empty());
  int scenarios = 0;
  for (const auto& file : files) {
    const auto doc = json::parse(read_text(file));
    for (const auto& s : doc.at("scenarios").as_array()) {
      const auto& o = s.as_object();
      BOOST_TEST_CONTEXT(file.filename().string() << ": " << text(o.at("name"))) {
        Scenario(o, file).run();
        ++scenarios;
      }
    }
  }
  BOOST_TEST_MESSAGE(scenarios << " scenarios in " << files.size() << " files");
  BOOST_TEST(scenarios >= 12);
}

}  // namespace
}  // namespace gongshi::test
