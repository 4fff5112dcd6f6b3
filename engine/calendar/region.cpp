#include "engine/calendar/region.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "engine/model/json_file.hpp"

namespace gongshi {

bool is_region_code(std::string_view code) {
  return code.size() == 6 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::string> derived_parent(std::string_view code) {
  if (!is_region_code(code) || code == kNationalRegion) return std::nullopt;
  std::string p(code);
  if (p.substr(4) != "00") {
    p.replace(4, 2, "00");
  } else if (p.substr(2, 2) != "00") {
    p.replace(2, 2, "00");
  } else {
    p = std::string(kNationalRegion);
  }
  return p;
}

Result<RegionRegistry> RegionRegistry::load(const std::filesystem::path& file) {
  auto json = read_json_file(file);
  if (!json) return json.error();
  const auto* list = json->is_object() ? json->as_object().if_contains("regions") : nullptr;
  if (list == nullptr || !list->is_array()) {
    return make_error(ErrorCode::invalid_input, file.string() + " 缺少 regions 数组",
                      file.string() + " lacks a \"regions\" array");
  }
  RegionRegistry reg;
  for (const auto& item : list->as_array()) {
    const auto* obj = item.if_object();
    const auto* code = obj ? obj->if_contains("code") : nullptr;
    const auto* name = obj ? obj->if_contains("name") : nullptr;
    if (code == nullptr || !code->is_string() || !is_region_code(code->get_string()) ||
        name == nullptr || !name->is_string()) {
      return make_error(ErrorCode::invalid_input,
                        file.string() + " 中有地区缺少6位行政区划代码或名称",
                        file.string() + ": a region lacks a six-digit code or a name");
    }
    Region r{std::string(code->get_string()), std::string(name->get_string()), {}};
    if (const auto* parent = obj->if_contains("parent"); parent && parent->is_string()) {
      r.parent = std::string(parent->get_string());
    } else {
      r.parent = derived_parent(r.code).value_or("");
    }
    if (reg.find(r.code) != nullptr) {
      return make_error(ErrorCode::invalid_input, "地区代码 " + r.code + " 重复",
                        "region code " + r.code + " is listed twice");
    }
    reg.regions_.push_back(std::move(r));
  }
  return reg;
}

const Region* RegionRegistry::find(std::string_view code) const {
  for (const auto& r : regions_) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

Result<std::vector<std::string>> RegionRegistry::chain(std::string_view code) const {
  if (find(code) == nullptr) {
    return make_error(ErrorCode::not_found,
                      "未登记的地区代码 " + std::string(code) + "（见 schemas/regions.json）",
                      "unknown region code " + std::string(code) + " (see schemas/regions.json)");
  }
  std::vector<std::string> out;
  std::string current(code);
  // Walk up; a code missing from the registry (e.g. a province not listed) is skipped over by
  // derivation, so 410505 still reaches 000000.
  for (int guard = 0; guard < 8 && !current.empty(); ++guard) {
    out.push_back(current);
    const Region* r = find(current);
    current = r != nullptr ? r->parent : derived_parent(current).value_or("");
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace gongshi
