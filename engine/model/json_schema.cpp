#include "engine/model/json_schema.hpp"

#include <boost/json.hpp>

#include "engine/model/enums.hpp"
#include "engine/model/fields.hpp"

namespace gongshi {
namespace {

// The enum a member holds, through optional, vector and WithOther (which also admits 其他-…).
template <class T>
struct EnumOf {
  using type = void;
  static constexpr bool other = false;
};
template <class E>
requires std::is_enum_v<E>
struct EnumOf<E> {
  using type = E;
  static constexpr bool other = false;
};
template <class E>
struct EnumOf<WithOther<E>> {
  using type = E;
  static constexpr bool other = true;
};
template <class T>
struct EnumOf<std::optional<T>> : EnumOf<T> {};
template <class T>
struct EnumOf<std::vector<T>> : EnumOf<T> {};

template <class E>
boost::json::array labels_where(bool (*keep)(E)) {
  boost::json::array out;
  for (const auto& e : enum_entries<E>()) {
    if (keep == nullptr || keep(e.value)) out.push_back(boost::json::value(e.label));
  }
  return out;
}

const char* type_name(FieldType t) {
  switch (t) {
    case FieldType::code:
      return "code";
    case FieldType::enumeration:
      return "enumeration";
    case FieldType::enum_list:
      return "enum_list";
    case FieldType::date:
      return "date";
    case FieldType::date_open:
      return "date_open";
    case FieldType::amount:
      return "amount";
    default:
      return "text";
  }
}

// When a form shows a field: the conditions of the validator (engine/validate) that make it
// apply — a natural person has ID fields and no codes or legal representative, the amounts and
// the permit go with the penalty kinds that need them, the basis with a scope other than 社会公开.
boost::json::object shown_when(RecordKind kind, std::string_view code) {
  const bool license = kind == RecordKind::license;
  const std::string category = license ? "XK_XDR_LB" : "CF_XDR_LB";
  const std::string natural(enum_label(SubjectCategory::natural_person));
  const std::string_view bare = code.substr(code.find('_') + 1);  // XDR_ZJHM, FRDB …
  if (bare == "XDR_ZJLX" || bare == "XDR_ZJHM") {
    return {{"field", category}, {"any_of", boost::json::array{boost::json::value(natural)}}};
  }
  if (bare.starts_with("XDR_SHXYM") || bare == "XDR_GSZC" || bare == "XDR_ZZJG" ||
      bare == "XDR_SWDJ" || bare == "XDR_SYDW" || bare == "XDR_SHZZ" || bare == "FRDB" ||
      bare == "FR_ZJLX" || bare == "FR_ZJHM") {
    return {{"field", category}, {"none_of", boost::json::array{boost::json::value(natural)}}};
  }
  if (code == "CF_NR_FK") {
    return {{"field", "CF_CFLB"}, {"any_of", labels_where<PenaltyKind>([](PenaltyKind k) {
                                     return k == PenaltyKind::fine;
                                   })}};
  }
  if (code == "CF_NR_WFFF") {
    return {{"field", "CF_CFLB"}, {"any_of", labels_where<PenaltyKind>(is_confiscation)}};
  }
  if (code == "CF_NR_ZKDX") {
    return {{"field", "CF_CFLB"},
            {"any_of", labels_where<PenaltyKind>(is_suspension_or_revocation)}};
  }
  if (code == "GKFW_YJ") {
    // An empty 公开范围 is 社会公开 (engine/model/disclosure.hpp).
    return {{"field", "GKFW"},
            {"none_of",
             labels_where<PublicScope>([](PublicScope p) { return p == PublicScope::social; })},
            {"empty_means", enum_label(PublicScope::social)}};
  }
  return {};
}

// What a form needs beside the schema proper: the field's type and presence, the standard's
// labels of an enumeration, and when it applies.
boost::json::object form_hints(RecordKind kind) {
  boost::json::object out;
  Record r = empty_record(kind);
  visit_fields(r, [&](const FieldSpec& f, auto& member) {
    using Hint = EnumOf<std::remove_cvref_t<decltype(member)>>;
    boost::json::object h{{"type", type_name(f.type)},
                          {"presence", f.presence == Presence::required      ? "required"
                                       : f.presence == Presence::conditional ? "conditional"
                                                                             : "optional"}};
    if constexpr (!std::is_void_v<typename Hint::type>) {
      h["options"] = labels_where<typename Hint::type>(nullptr);
      h["other"] = Hint::other;
    }
    if (auto when = shown_when(kind, f.code); !when.empty()) h["shown_when"] = std::move(when);
    if (f.extension) h["extension"] = true;
    out[f.code] = std::move(h);
  });
  return out;
}

}  // namespace

boost::json::object record_json_schema(RecordKind kind) {
  boost::json::object properties;
  boost::json::array required;
  auto hints = form_hints(kind);
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
    p["x-gongshi"] = std::move(hints.at(f.code));
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
