#include "engine/model/json_schema.hpp"

#include <boost/json.hpp>

#include "engine/model/fields.hpp"

namespace gongshi {

boost::json::object record_json_schema(RecordKind kind) {
  boost::json::object properties;
  boost::json::array required;
  for (const auto& f : fields_of(kind)) {
    boost::json::object p;
    p["title"] = f.name_zh;
    std::string description = f.presence == Presence::required      ? "必填"
                              : f.presence == Presence::conditional ? "条件必填（见校验规则）"
                                                                    : "选填";
    switch (f.type) {
      case FieldType::date:
        p["type"] = "string";
        p["pattern"] = "^[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}$";
        break;
      case FieldType::date_open:
        p["type"] = "string";
        description += "；日期或「长期」";
        break;
      case FieldType::amount:
        p["type"] = boost::json::array{"string", "number"};
        description += "；万元，最多 6 位小数";
        break;
      case FieldType::enum_list:
        p["type"] = "string";
        description += "；多个值以「;」分隔";
        break;
      default:
        p["type"] = "string";
        if (f.code == "XK_ZT") p["type"] = boost::json::array{"string", "integer"};
        break;
    }
    if (f.max_len > 0) p["maxLength"] = f.max_len;
    if (f.extension) description += "；gongshi 扩展字段";
    p["description"] = description;
    properties[f.code] = std::move(p);
    if (f.presence == Presence::required) required.push_back(boost::json::value(f.code));
  }
  const bool license = kind == RecordKind::license;
  return {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
          {"$id", std::string("https://gongshi.example/schemas/") + std::string(to_string(kind)) +
                      ".schema.json"},
          {"title", license ? "行政许可信息（v2 字段代码）" : "行政处罚信息（v2 字段代码）"},
          {"type", "object"},
          {"additionalProperties", false},
          {"required", std::move(required)},
          {"properties", std::move(properties)}};
}

}  // namespace gongshi
