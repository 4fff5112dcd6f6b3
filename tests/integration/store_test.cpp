// The store on its own: URLs, migrations, optimistic updates.
#include <soci/soci.h>

#include <atomic>
#include <barrier>
#include <future>

#include "engine/rules/sha256.hpp"
#include "engine/store/directory_repo.hpp"
#include "engine/store/rule_version_repo.hpp"
#include "engine/store/time_text.hpp"
#include "service_fixture.hpp"

using namespace gongshi;
using namespace gongshi::test;

BOOST_AUTO_TEST_SUITE(store)

BOOST_AUTO_TEST_CASE(database_urls) {
  BOOST_TEST((parse_db_url("sqlite:/tmp/x.db")->dialect == Dialect::sqlite));
  const auto tcp = parse_db_url("mysql://gs:secret@127.0.0.1:3306/gongshi");
  BOOST_REQUIRE(tcp.ok());
  BOOST_TEST(tcp->connect ==
             "db=gongshi charset=utf8mb4 user=gs password=secret host=127.0.0.1 port=3306");
  const auto sock = parse_db_url("mysql:unix_socket=/run/m.sock;db=gongshi;user=root");
  BOOST_REQUIRE(sock.ok());
  BOOST_TEST(sock->connect == "charset=utf8mb4 unix_socket=/run/m.sock db=gongshi user=root");
  for (const char* bad : {"", "sqlite:", "postgres://x", "mysql://host/db", "mysql:unix_socket=/x",
                          "mysql:garbage"}) {
    BOOST_TEST(!parse_db_url(bad).ok(), bad);
  }
}

BOOST_AUTO_TEST_CASE(utc_times_are_fixed_width_text_that_reads_back) {
  for (const char* text : {"2024-07-05T02:03:04Z", "2024-12-31T23:59:59Z", "2025-01-01T00:00:00Z",
                           "2026-02-28T10:10:10Z"}) {
    const auto t = parse_utc(text);
    BOOST_TEST_REQUIRE(t.has_value());
    BOOST_TEST(format_utc(*t) == text);
  }
  // One second before and after midnight, as the clock gives them.
  const auto midnight = *parse_utc("2025-01-01T00:00:00Z");
  BOOST_TEST(format_utc(midnight - std::chrono::seconds(1)) == "2024-12-31T23:59:59Z");
  BOOST_TEST(format_utc(midnight + std::chrono::seconds(61)) == "2025-01-01T00:01:01Z");
}

BOOST_AUTO_TEST_CASE(migrating_twice_is_a_no_op) {
  TestDb t;  // migrated once already
  const auto again = migrate(*t.db, std::filesystem::path(GONGSHI_SOURCE_DIR) / "schemas/sql",
                             at("2024-07-02T00:00Z"));
  BOOST_REQUIRE(again.ok());
  BOOST_TEST(again->applied.empty());
  BOOST_TEST(again->already >= 1u);
}

BOOST_AUTO_TEST_CASE(a_stale_version_writes_nothing) {
  ServiceFixture f;
  const StoredRecord r = f.created(f.penalty());
  auto result = in_transaction<bool>(*f.tdb.db, [&](Tx& tx) -> Result<bool> {
    StoredRecord changed = r;
    changed.state = "submitted";
    auto first = update_record(tx, changed, r.version);
    if (!first || !*first) return first;
    return update_record(tx, changed, r.version);  // the same old version again
  });
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(!*result);
  BOOST_TEST(f.engine.get(r.region, r.id)->version == r.version + 1);
}

BOOST_AUTO_TEST_CASE(rule_versions_keep_history_and_one_active_per_region) {
  TestDb t;
  const auto install = [&](const std::string& region, const std::string& script, const char* at) {
    auto r = in_transaction<bool>(*t.db, [&](Tx& tx) -> Result<bool> {
      auto st = activate_rule_version(tx, {region, sha256_hex(script), script, "信用办", at, true});
      if (!st) return st.error();
      return true;
    });
    BOOST_REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message_en));
  };
  install("410500", "-- v1", "2024-07-01T00:00:00Z");
  install("410500", "-- v2", "2024-07-02T00:00:00Z");
  install("140400", "-- cz", "2024-07-02T00:00:00Z");
  install("410500", "-- v1", "2024-07-03T00:00:00Z");  // back to v1: reactivated, not duplicated
  auto active = in_transaction<std::map<std::string, RuleVersionRow>>(
      *t.db, [](Tx& tx) { return active_rule_versions(tx); });
  BOOST_REQUIRE(active.ok());
  BOOST_TEST(active->size() == 2u);
  BOOST_TEST(active->at("410500").script == "-- v1");
  BOOST_TEST(active->at("410500").author == "信用办");
  auto history = in_transaction<std::vector<RuleVersionRow>>(
      *t.db, [](Tx& tx) { return rule_versions_of(tx, "410500"); });
  BOOST_REQUIRE(history.ok());
  BOOST_TEST(history->size() == 2u);
  BOOST_TEST(history->at(0).script == "-- v2");  // newest first
  BOOST_TEST(!history->at(0).active);
}

BOOST_AUTO_TEST_CASE(the_directory_of_a_region) {
  TestDb t;
  auto made = in_transaction<bool>(*t.db, [](Tx& tx) -> Result<bool> {
    auto district = insert_department(tx, {"410505", 0, {}, "county", "殷都区", "", {}, {}});
    if (!district) return district.error();
    auto market = insert_department(tx, {"410505",
                                         0,
                                         *district,
                                         "department",
                                         "殷都区市场监督管理局",
                                         "11230500001755309F",
                                         {},
                                         {}});
    if (!market) return market.error();
    auto town = insert_department(tx, {"410505", 0, *district, "township", "水冶镇", "", {}, {}});
    if (!town) return town.error();
    auto other = insert_department(tx, {"140400", 0, {}, "county", "长治市", "", {}, {}});
    if (!other) return other.error();
    auto user = insert_user(tx, {0,
                                 "410505",
                                 *market,
                                 "tianbao01",
                                 "张填报",
                                 "$argon2id$v=19$x",
                                 {"filler", "dept_admin"},
                                 true});
    if (!user) return user.error();
    for (int seq : {2, 1}) {
      auto item = insert_catalog_item(
          tx, {"410505", 0, *market, seq, "行政处罚",
               seq == 1 ? "对销售过期食品的处罚" : "对无证经营的处罚",
               "《中华人民共和国食品安全法》", "法人及非法人组织、个体工商户", "社会公开"});
      if (!item) return item.error();
    }
    return true;
  });
  BOOST_REQUIRE_MESSAGE(made.ok(), (made.ok() ? "" : made.error().message_en));
  auto read = in_transaction<bool>(*t.db, [](Tx& tx) -> Result<bool> {
    auto depts = departments_of(tx, "410505");
    if (!depts) return depts.error();
    BOOST_REQUIRE(depts->size() == 3u);
    BOOST_TEST(depts->at(1).name == "殷都区市场监督管理局");
    BOOST_TEST(depts->at(1).parent_id.value() == depts->at(0).id);
    BOOST_TEST(depts->at(1).uscc == "11230500001755309F");
    BOOST_TEST(depts->at(2).kind == "township");
    BOOST_TEST(!depts->at(0).parent_id.has_value());
    auto user = find_user(tx, "tianbao01");
    if (!user) return user.error();
    BOOST_REQUIRE(user->has_value());
    BOOST_TEST((*user)->roles == (std::vector<std::string>{"filler", "dept_admin"}),
               boost::test_tools::per_element());
    BOOST_TEST((*user)->department_id.value() == depts->at(1).id);
    BOOST_TEST(!find_user(tx, "nobody")->has_value());
    auto items = catalog_of(tx, "410505", depts->at(1).id);
    if (!items) return items.error();
    BOOST_REQUIRE(items->size() == 2u);
    BOOST_TEST(items->at(0).seq == 1);  // by 序号
    BOOST_TEST(items->at(0).name == "对销售过期食品的处罚");
    BOOST_TEST(catalog_of(tx, "410505")->size() == 2u);
    BOOST_TEST(catalog_of(tx, "410505", depts->at(2).id)->empty());
    return true;
  });
  BOOST_REQUIRE_MESSAGE(read.ok(), (read.ok() ? "" : read.error().message_en));
  // A login is unique.
  auto twice = in_transaction<std::int64_t>(*t.db, [](Tx& tx) {
    return insert_user(tx, {0, "410505", {}, "tianbao01", "另一人", "", {"filler"}, true});
  });
  BOOST_REQUIRE(!twice.ok());
  BOOST_TEST((twice.error().code == ErrorCode::conflict));
}

// Two transactions that lock two rows in opposite orders: the server kills one of them (1213,
// what Galera's certification failure also reports); the store runs that one again, and both end
// committed instead of one surfacing as an error. MariaDB only: SQLite has one writer at a time.
BOOST_AUTO_TEST_CASE(a_deadlocked_transaction_runs_again_and_both_commit) {
  if (!on_mysql()) return;
  TestDb t;
  std::int64_t a = 0, b = 0;
  auto seeded = in_transaction<std::monostate>(*t.db, [&](Tx& tx) -> Result<std::monostate> {
    auto x = insert_department(tx, {"410505", 0, {}, "department", "甲", "", {}, {}});
    if (!x) return x.error();
    auto y = insert_department(tx, {"410505", 0, {}, "department", "乙", "", {}, {}});
    if (!y) return y.error();
    a = *x;
    b = *y;
    return std::monostate{};
  });
  BOOST_REQUIRE(seeded.ok());
  std::barrier both_hold_one(2);
  std::atomic<int> runs{0};
  const auto rename_both = [&](std::int64_t first, std::int64_t second, std::string name) {
    return in_transaction<std::monostate>(*t.db, [&, name](Tx& tx) -> Result<std::monostate> {
      const int run = ++runs;
      try {
        long long id = first;
        tx.sql() << "UPDATE departments SET name = :n WHERE id = :i", soci::use(name),
            soci::use(id);
        if (run <= 2) both_hold_one.arrive_and_wait();  // the first two runs meet here
        id = second;
        tx.sql() << "UPDATE departments SET name = :n WHERE id = :i", soci::use(name),
            soci::use(id);
      } catch (const std::exception& e) {
        return database_error(e);
      }
      return std::monostate{};
    });
  };
  auto one = std::async(std::launch::async, rename_both, a, b, std::string("一"));
  auto two = std::async(std::launch::async, rename_both, b, a, std::string("二"));
  const auto r1 = one.get();
  const auto r2 = two.get();
  BOOST_TEST(r1.ok(), (r1.ok() ? "" : r1.error().message_en));
  BOOST_TEST(r2.ok(), (r2.ok() ? "" : r2.error().message_en));
  BOOST_TEST(runs.load() == 3);  // the victim ran once more
  // The one that ran again committed last, over both rows.
  auto names = in_read_transaction<std::pair<std::string, std::string>>(
      *t.db, [&](Tx& tx) -> Result<std::pair<std::string, std::string>> {
        auto all = departments_of(tx, "410505");
        if (!all) return all.error();
        std::pair<std::string, std::string> out;
        for (const auto& d : *all) (d.id == a ? out.first : out.second) = d.name;
        return out;
      });
  BOOST_REQUIRE(names.ok());
  BOOST_TEST(names->first == names->second);
}

// A pooled session whose connection the server dropped (a restarted or killed node) connects
// again at the next BEGIN: the transaction after the drop succeeds.
BOOST_AUTO_TEST_CASE(a_dropped_connection_reconnects_at_the_next_transaction) {
  if (!on_mysql()) return;
  TestDb t(1);
  auto id = in_read_transaction<long long>(*t.db, [&](Tx& tx) -> Result<long long> {
    long long n = 0;
    tx.sql() << "SELECT CONNECTION_ID()", soci::into(n);
    return n;
  });
  BOOST_REQUIRE(id.ok());
  {
    auto admin = Database::open(t.url, 1);
    BOOST_REQUIRE(admin.ok());
    soci::session s((*admin)->pool());
    s << "KILL CONNECTION " + std::to_string(*id);
  }
  auto again = in_read_transaction<long long>(*t.db, [&](Tx& tx) -> Result<long long> {
    long long n = 0;
    tx.sql() << "SELECT CONNECTION_ID()", soci::into(n);
    return n;
  });
  BOOST_REQUIRE_MESSAGE(again.ok(), (again.ok() ? "" : again.error().message_en));
  BOOST_TEST(*again != *id);
}

BOOST_AUTO_TEST_SUITE_END()
