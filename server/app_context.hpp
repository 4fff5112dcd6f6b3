#pragma once
// What the routes and background jobs share: the database, the engine, the rules, the lifecycle,
// the clock, the metrics and the settings. Built once by the server; routes get a reference.

#include <chrono>
#include <filesystem>
#include <memory>

#include "engine/lifecycle/lifecycle.hpp"
#include "engine/model/clock.hpp"
#include "engine/rules/rules_environment.hpp"
#include "engine/service/calendar_service.hpp"
#include "engine/service/engine.hpp"
#include "engine/store/database.hpp"
#include "server/metrics.hpp"

namespace gongshi::server {

class ImportRunner;

struct AppSettings {
  std::chrono::seconds session_ttl{8 * 3600};
  std::chrono::milliseconds sweep_interval{60'000};
  std::chrono::milliseconds dispatch_interval{1'000};
  std::chrono::milliseconds sync_interval{10'000};  // rules and holiday years from the database
  int webhook_max_attempts = 8;
  std::chrono::seconds webhook_first_retry{2};  // then doubling, at most webhook_max_retry
  std::chrono::seconds webhook_max_retry{3600};
  std::chrono::seconds webhook_timeout{10};
  std::filesystem::path work_dir = std::filesystem::temp_directory_path();  // import files
  int import_batch = 500;
};

struct AppContext {
  std::shared_ptr<Database> db;
  std::unique_ptr<RulesEnvironment> rules;
  Lifecycle lifecycle;
  Engine engine;
  CalendarService calendar;
  Clock clock;
  AppSettings settings;
  Metrics metrics;
  std::unique_ptr<ImportRunner> imports;

  AppContext(std::shared_ptr<Database> database, std::unique_ptr<RulesEnvironment> rules_env,
             Lifecycle lc, Clock c, AppSettings s);
  ~AppContext();
  TimePoint now() const { return clock.now(); }
};

}  // namespace gongshi::server
