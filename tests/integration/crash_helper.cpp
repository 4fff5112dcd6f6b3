// Creates records and kills itself (SIGKILL) at a named stage of the N-th create, mid-transaction.
// Usage: crash_helper DB_URL STAGE N
#include <csignal>
#include <cstdio>
#include <cstdlib>

#include "engine/model/json_codec.hpp"
#include "engine/rules/rules_environment.hpp"
#include "engine/service/engine.hpp"
#include "support/source_paths.hpp"

using namespace gongshi;

int main(int argc, char** argv) {
  if (argc != 4) return 2;
  const std::string stage = argv[2];
  const int kill_at = std::atoi(argv[3]);
  auto db = Database::open(argv[1], 1);
  const RulesPaths p = test::source_paths();
  auto rules = open_rules(p);
  auto lc = Lifecycle::load(p.schemas / "lifecycle.json");
  if (!db || !rules || !lc) return 3;
  Engine engine(*db, *(*rules)->rules, *lc);
  int creates = 0;
  engine.failpoint = [&](std::string_view s) {
    if (s == stage && creates == kill_at) std::raise(SIGKILL);
  };
  for (creates = 0; creates <= kill_at; ++creates) {
    CreateRequest req;
    req.region = "410505";
    req.kind = RecordKind::penalty;
    req.fields = (*rules)->rules->samples().penalty;
    req.fields["CF_WSH"] = "K-" + std::to_string(creates);
    auto r = engine.create(req, {"crash", "filler"}, "key-" + std::to_string(creates),
                           *parse_now("2024-07-05T10:00+08:00"));
    if (!r) {
      std::fprintf(stderr, "%s\n", r.error().message_en.c_str());
      return 4;
    }
  }
  return 0;  // never reached: killed at kill_at
}
