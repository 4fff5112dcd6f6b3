// A plugin that says it was built for another platform.
#include "engine/rules/rule_module.hpp"

extern "C" __attribute__((visibility("default"))) int gongshi_rule_abi_version() {
  return gongshi::kRuleAbiVersion;
}
extern "C" __attribute__((visibility("default"))) const char* gongshi_rule_platform() {
  return "sparc-solaris sunpro-5 c++98";
}
extern "C" __attribute__((visibility("default"))) gongshi::RuleModule*
gongshi_create_rule_module() {
  __builtin_trap();
}
