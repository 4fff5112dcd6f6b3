// A process killed between the statements of a write leaves nothing half written.
#include <sys/wait.h>

#include "service_fixture.hpp"

using namespace gongshi;
using namespace gongshi::test;

BOOST_AUTO_TEST_SUITE(crash)

BOOST_AUTO_TEST_CASE(killed_mid_transaction_leaves_whole_records_only) {
  for (const char* stage : {"after_record_insert", "after_event", "before_commit"}) {
    BOOST_TEST_CONTEXT(stage) {
      TestDb t;
      const std::string cmd =
          std::string(GONGSHI_CRASH_HELPER) + " '" + t.url + "' " + stage + " 3";
      const int status = std::system(cmd.c_str());
      BOOST_REQUIRE(WIFSIGNALED(status) ||
                    (WIFEXITED(status) && WEXITSTATUS(status) == 128 + SIGKILL));
      // Three whole creates landed; the fourth left no record, event, outbox row or key.
      auto counts = in_transaction<std::vector<std::int64_t>>(
          *t.db, [](Tx& tx) -> Result<std::vector<std::int64_t>> {
            std::vector<std::int64_t> out;
            for (const char* table : {"records", "events", "outbox", "idempotency_keys"}) {
              auto n = count_rows(tx, table);
              if (!n) return n.error();
              out.push_back(*n);
            }
            return out;
          });
      BOOST_REQUIRE(counts.ok());
      BOOST_TEST(*counts == (std::vector<std::int64_t>{3, 3, 3, 3}),
                 boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
