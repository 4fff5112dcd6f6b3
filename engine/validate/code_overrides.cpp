#include "engine/validate/code_overrides.hpp"

#include <boost/json.hpp>

#include "engine/validate/check_digits.hpp"

namespace gongshi {
namespace {

std::string string_member(const boost::json::object& o, std::string_view key) {
  if (const auto* v = o.if_contains(key); v != nullptr && v->is_string()) {
    return std::string(v->get_string());
  }
  return {};
}

}  // namespace

Result<bool> CodeOverrides::add(CodeOverride o) {
  if (o.code.empty() || o.reason.empty() || o.approved_by.empty()) {
    return make_error(ErrorCode::invalid_input, "代码例外须写明代码、理由和批准人",
                      "a code override needs code, reason and approved_by");
  }
  const CheckResult check = check_uscc(o.code);
  if (check.ok()) {
    return make_error(ErrorCode::invalid_input, "代码 " + o.code + " 校验通过，无需例外",
                      "code " + o.code + " passes the check; no override needed");
  }
  if (check.status != CodeCheck::bad_check) {
    return make_error(ErrorCode::invalid_input,
                      "代码 " + o.code + " 长度或字符不符合 GB 32100，不能设为例外",
                      "code " + o.code + " has a wrong length or character; it cannot be excepted");
  }
  items_.push_back(std::move(o));
  return true;
}

const CodeOverride* CodeOverrides::find(std::string_view code) const {
  for (const auto& o : items_) {
    if (o.code == code) return &o;
  }
  return nullptr;
}

Result<CodeOverrides> CodeOverrides::from_json(const boost::json::value& json) {
  CodeOverrides out;
  const auto* arr = json.if_array();
  if (arr == nullptr) {
    return make_error(ErrorCode::invalid_input, "代码例外清单应为 JSON 数组",
                      "code overrides must be a JSON array");
  }
  for (const auto& item : *arr) {
    const auto* obj = item.if_object();
    if (obj == nullptr) {
      return make_error(ErrorCode::invalid_input, "代码例外应为 JSON 对象",
                        "each code override must be a JSON object");
    }
    CodeOverride o{string_member(*obj, "code"),
                   string_member(*obj, "reason"),
                   string_member(*obj, "approved_by"),
                   {}};
    const auto date = parse_date(string_member(*obj, "approved_on"));
    if (!date) {
      return make_error(ErrorCode::invalid_input, "代码例外 " + o.code + " 缺少批准日期",
                        "code override " + o.code + " lacks a valid approved_on date");
    }
    o.approved_on = *date;
    auto added = out.add(std::move(o));
    if (!added) return added.error();
  }
  return out;
}

}  // namespace gongshi
