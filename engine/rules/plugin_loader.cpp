#define BOOST_DLL_USE_STD_FS
#include "engine/rules/plugin_loader.hpp"

#include <boost/dll/shared_library.hpp>
#include <cctype>
#include <cstring>

namespace gongshi {
namespace {

Error refused(std::string_view name, const std::string& zh, const std::string& en) {
  return make_error(ErrorCode::rule_error, "规则插件 " + std::string(name) + " 被拒绝：" + zh,
                    "rule plugin " + std::string(name) + " refused: " + en);
}

bool valid_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  }
  return true;
}

}  // namespace

Result<std::shared_ptr<const RuleModule>> load_rule_plugin(const std::filesystem::path& dir,
                                                           std::string_view name) {
  if (!valid_name(name))
    return refused(name, "名称只能含字母、数字、下划线和连字符", "bad plugin name");
  const auto path = dir / ("lib" + std::string(name) + ".so");
  if (!std::filesystem::exists(path)) {
    return make_error(ErrorCode::not_found, "找不到规则插件 " + path.string(),
                      "no rule plugin at " + path.string());
  }
  boost::dll::fs::error_code ec;
  boost::dll::shared_library lib(
      path, boost::dll::load_mode::rtld_local | boost::dll::load_mode::rtld_now, ec);
  if (ec) return refused(name, "无法加载：" + ec.message(), "cannot load: " + ec.message());
  for (const char* symbol :
       {"gongshi_rule_abi_version", "gongshi_rule_platform", "gongshi_create_rule_module"}) {
    if (!lib.has(symbol)) {
      return refused(name, "缺少导出符号 " + std::string(symbol),
                     "missing symbol " + std::string(symbol));
    }
  }
  const int abi = lib.get<int()>("gongshi_rule_abi_version")();
  if (abi != kRuleAbiVersion) {
    return refused(name,
                   "ABI 版本 " + std::to_string(abi) + " 与主程序的 " +
                       std::to_string(kRuleAbiVersion) + " 不符，请用同一版本重新编译",
                   "ABI version " + std::to_string(abi) + ", host expects " +
                       std::to_string(kRuleAbiVersion) + ": rebuild it with this gongshi");
  }
  const char* platform = lib.get<const char*()>("gongshi_rule_platform")();
  if (platform == nullptr || std::strcmp(platform, GONGSHI_RULE_PLATFORM) != 0) {
    const std::string got = platform != nullptr ? platform : "(none)";
    return refused(name, "平台 " + got + " 与主程序的 " GONGSHI_RULE_PLATFORM " 不符",
                   "built for " + got + ", host is " GONGSHI_RULE_PLATFORM);
  }
  RuleModule* module = lib.get<RuleModule*()>("gongshi_create_rule_module")();
  if (module == nullptr) return refused(name, "未能创建规则模块", "created no module");
  // The deleter keeps the library loaded for as long as the module lives.
  return std::shared_ptr<const RuleModule>(module, [lib](const RuleModule* m) { delete m; });
}

}  // namespace gongshi
