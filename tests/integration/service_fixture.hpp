#pragma once
// A migrated database, the real rules and lifecycle, and an Engine over them.

#include <boost/json.hpp>

#include "../unit/rules_fixture.hpp"
#include "engine/service/engine.hpp"
#include "engine/store/record_repo.hpp"
#include "test_db.hpp"

namespace gongshi::test {

inline Lifecycle load_lifecycle() {
  auto lc = Lifecycle::load(std::filesystem::path(GONGSHI_SOURCE_DIR) / "schemas/lifecycle.json");
  BOOST_REQUIRE(lc.ok());
  return std::move(lc).value();
}

inline TimePoint at(const char* iso) {
  return *parse_now(iso);
}

struct ServiceFixture {
  TestDb tdb;
  std::unique_ptr<RulesEnvironment> rules = open_source_rules();
  Lifecycle lifecycle = load_lifecycle();
  Engine engine{tdb.db, *rules->rules, lifecycle};
  const Actor filler{"tianbao01", "filler"};
  const Actor reviewer{"shenhe01", "reviewer"};
  const Actor office{"xinyongban", "credit_office"};
  const Actor handler{"yiyi01", "objection_handler"};

  CreateRequest penalty(std::initializer_list<std::pair<const char*, const char*>> changes = {}) {
    CreateRequest req;
    req.region = "410505";
    req.department_id = 6;
    req.kind = RecordKind::penalty;
    req.fields = rules->rules->samples().penalty;
    for (const auto& [k, v] : changes) req.fields[k] = v;
    return req;
  }

  std::int64_t count(const std::string& table) {
    auto n = in_transaction<std::int64_t>(*tdb.db, [&](Tx& tx) { return count_rows(tx, table); });
    BOOST_REQUIRE(n.ok());
    return *n;
  }

  StoredRecord created(const CreateRequest& req, const char* now = "2024-07-05T10:00:00+08:00") {
    auto r = engine.create(req, filler, "", at(now));
    BOOST_REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message_en));
    return r->record;
  }

  StoredRecord take(const StoredRecord& r, const char* event, const Actor& who,
                    const char* now = "2024-07-05T11:00:00+08:00", const char* reason = "",
                    boost::json::object payload = {}) {
    if (*reason) payload["reason"] = reason;
    auto next = engine.transition(r.region, r.id, event, who, r.version, payload, at(now));
    BOOST_REQUIRE_MESSAGE(next.ok(), event << ": " << (next.ok() ? "" : next.error().message_en));
    return *next;
  }
};

}  // namespace gongshi::test
