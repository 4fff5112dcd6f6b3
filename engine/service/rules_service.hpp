#pragma once
// A region's rule scripts as the 信用办 manages them: the versions kept, a candidate tested (its
// own tests) or uploaded (tested, recorded, swapped in), what a candidate would change (what-if),
// and the versions other processes recorded installed here (sync).

#include <memory>
#include <string>
#include <vector>

#include "engine/service/access.hpp"
#include "engine/service/audit_service.hpp"
#include "engine/service/job_gate.hpp"
#include "engine/service/rules_whatif.hpp"
#include "engine/store/database.hpp"
#include "engine/store/rule_version_repo.hpp"

namespace gongshi {

struct RuleVersions {
  std::string region;
  std::string rule_version;  // of the region's rule set now
  std::string script_hash;   // of its own script, "" when it has none
  std::vector<RuleVersionRow> versions;
};

class RulesService {
 public:
  static constexpr std::size_t kMaxScript = 512 * 1024;

  // `jobs`: how many compiles, test runs and what-ifs may run at once (the rest are refused with
  // Retry-After, and the server's other workers keep answering).
  RulesService(std::shared_ptr<Database> db, RuleRegistry& rules, const AccessPolicy& access,
               const Lifecycle& lifecycle, AuditTrail& audit, std::size_t jobs = 1)
      : db_(std::move(db)),
        rules_(rules),
        access_(access),
        lifecycle_(lifecycle),
        audit_(audit),
        gate_(jobs) {}

  Result<RuleVersions> versions(const Principal& who, const std::string& region);
  Result<InstallResult> test(const Principal& who, const std::string& region,
                             const std::string& script);
  Result<InstallResult> upload(const Principal& who, const std::string& region,
                               const std::string& script, TimePoint now);
  Result<WhatIfReport> whatif(const Principal& who, WhatIfRequest req, TimePoint now);
  // Installs the versions another process recorded as active: how many changed here, and the
  // regions whose version would not install (each keeps the one it runs).
  struct SyncReport {
    int changed = 0;
    std::vector<std::string> errors;
  };
  Result<SyncReport> sync();

 private:
  Status check_script(const std::string& script) const;
  Result<JobGate::Pass> enter();

  std::shared_ptr<Database> db_;
  RuleRegistry& rules_;
  const AccessPolicy& access_;
  const Lifecycle& lifecycle_;
  AuditTrail& audit_;
  JobGate gate_;
};

}  // namespace gongshi
