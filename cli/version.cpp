#include "cli/version.hpp"

#include "engine/rules/rule_module.hpp"

namespace gongshi::cli {

std::string version_text() {
  return std::string("gongshi ") + kVersion + "\ncommit " + kGitCommit + "\nbuilt " + kBuildDate +
         "\nrule plugin ABI " + std::to_string(kRuleAbiVersion) + " (" + GONGSHI_RULE_PLATFORM +
         ")";
}

}  // namespace gongshi::cli
