#pragma once
// What an operator must know of a node beyond its database: its TLS certificate running out, its
// disk filling up, its backups stopping. `gongshi doctor` prints them with its other checks and
// /healthz answers "degraded" with them as reasons.

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/model/clock.hpp"

namespace gongshi::server {

struct NodeCheck {
  enum class Level { ok, warn, fail };
  std::string name;  // tls_certificate, disk, backup, …
  Level level = Level::ok;
  std::string zh, en;
};

struct NodeCheckInput {
  std::filesystem::path tls_cert;    // "" = no TLS here
  std::filesystem::path data_dir;    // where the database (SQLite) and the work files are
  std::filesystem::path backup_dir;  // "" = backups not configured
  std::chrono::hours backup_max_age{36};
};

// Under 30 days left: warn; expired or unreadable: fail.
NodeCheck certificate_check(const std::filesystem::path& cert, TimePoint now);
// Under 1 GiB or 5 % free: warn; under 200 MiB: fail.
NodeCheck disk_check(const std::filesystem::path& dir);
// The newest gongshi-*.zip in the directory: none yet: warn; older than `max_age`: fail.
NodeCheck backup_check(const std::filesystem::path& dir, std::chrono::hours max_age, TimePoint now);

// The checks that apply to the input (a certificate only with TLS, backups only when a directory
// is set).
std::vector<NodeCheck> node_checks(const NodeCheckInput& in, TimePoint now);

}  // namespace gongshi::server
