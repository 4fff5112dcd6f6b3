#pragma once
// Every use case of gongshi, over one database, one set of rules and one lifecycle: what the server
// routes and the command line call (a route decodes, calls one of these, encodes the answer). Each
// use case checks its caller through the one AccessPolicy and owns its transaction.

#include <filesystem>
#include <memory>
#include <string>

#include "engine/lifecycle/lifecycle.hpp"
#include "engine/model/clock.hpp"
#include "engine/rules/rules_environment.hpp"
#include "engine/service/access.hpp"
#include "engine/service/applications.hpp"
#include "engine/service/audit_service.hpp"
#include "engine/service/auth_service.hpp"
#include "engine/service/calendar_service.hpp"
#include "engine/service/directory_service.hpp"
#include "engine/service/engine.hpp"
#include "engine/service/import_service.hpp"
#include "engine/service/ops_service.hpp"
#include "engine/service/record_service.hpp"
#include "engine/service/report_service.hpp"
#include "engine/service/rules_service.hpp"
#include "engine/service/upstream_service.hpp"
#include "engine/service/webhook_service.hpp"
#include "engine/store/database.hpp"

namespace gongshi {

struct ServicesOptions {
  std::string db_url;
  RulesPaths rules;
  std::filesystem::path schemas;
  Clock clock = Clock::system();
  std::size_t pool_size = 4;
  // Apply pending migrations first; false: refuse to open a database with migrations pending
  // (the server, unless auto_migrate: an upgrade is the operator's step). A database newer than
  // these migrations is refused either way.
  bool migrate = true;
  std::chrono::seconds session_ttl{8 * 3600};
  std::chrono::seconds token_cache_ttl{30};
  std::filesystem::path work_dir = std::filesystem::temp_directory_path();
  int import_batch = 500;
  std::size_t attachment_limit = 10u << 20;  // bytes per attachment of an objection or repair
  AddressPolicy webhook_targets;   // internal networks webhooks may reach (--webhook-allow)
  AddressPolicy upstream_targets;  // and the push upward (--upstream-allow)
  std::size_t rule_jobs = 1;       // rule tests, uploads and what-ifs at once (RulesService)
  std::string upstream_key;        // GONGSHI_UPSTREAM_KEY: seals the upstream targets' credentials
  AccountPolicy account;           // passwords, lockout, idle sessions
};

class Services {
 public:
  // Opens the database (and migrates it), the rules, the lifecycle; archives the scripts it runs
  // (so pinned versions can be rebuilt) and installs the rule versions and holiday years other
  // processes stored.
  static Result<std::unique_ptr<Services>> open(ServicesOptions o);
  ~Services();

  TimePoint now() const { return clock.now(); }
  // Where uploads and generated files wait.
  const std::filesystem::path& work_dir() const { return work_dir_; }

  std::shared_ptr<Database> db;
  std::unique_ptr<RulesEnvironment> rules_env;
  Lifecycle lifecycle;
  Clock clock;
  AccessPolicy access;
  AuditTrail audit;
  Engine engine;
  AuthService auth;
  DirectoryService directory;
  RecordService records;
  ApplicationService applications;
  WebhookService webhooks;
  RulesService rules;
  ReportService reports;
  CalendarService calendar;
  OpsService ops;
  ImportService imports;
  UpstreamService upstream;

 private:
  std::filesystem::path work_dir_;
  Services(std::shared_ptr<Database> database, std::unique_ptr<RulesEnvironment> env, Lifecycle lc,
           const ServicesOptions& o);
};

// The database's schema against this program's migrations: newer is refused; pending ones are
// applied (`migrate_now`) or refused with what to run.
Status check_schema(Database& db, const std::filesystem::path& sql_dir, bool migrate_now,
                    TimePoint now);

}  // namespace gongshi
