// A plugin built against another ABI version: the host must refuse it without calling it.
#include "engine/rules/rule_module.hpp"

extern "C" __attribute__((visibility("default"))) int gongshi_rule_abi_version() {
  return 999;
}
extern "C" __attribute__((visibility("default"))) const char* gongshi_rule_platform() {
  return GONGSHI_RULE_PLATFORM;
}
extern "C" __attribute__((visibility("default"))) gongshi::RuleModule*
gongshi_create_rule_module() {
  __builtin_trap();  // never reached: the ABI check refuses first
}
