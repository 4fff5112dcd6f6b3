#include "engine/model/json_codec.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "engine/model/field_codec.hpp"
#include "engine/model/fields.hpp"

namespace gongshi {
namespace {

// Writes a JSON number as the decimal text an amount field expects, or nullopt if it is not a
// finite number.
std::optional<std::string> number_text(const boost::json::value& v) {
  if (v.is_int64()) return std::to_string(v.get_int64());
  if (v.is_uint64()) return std::to_string(v.get_uint64());
  if (v.is_double()) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v.get_double(), std::chars_format::fixed);
    if (res.ec != std::errc{}) return std::nullopt;
    return std::string(buf, res.ptr);
  }
  return std::nullopt;
}

}  // namespace

boost::json::object to_json(const Record& record) {
  boost::json::object obj;
  visit_fields(record, [&](const FieldSpec& f, const auto& member) {
    std::string text = field_text(member);
    if (!text.empty()) obj[f.code] = text;
  });
  return obj;
}

DecodedRecord record_from_json(RecordKind kind, const boost::json::value& json) {
  const auto& fields = fields_of(kind);
  const auto* obj = json.if_object();
  if (obj == nullptr) {
    DecodedRecord out{empty_record(kind), {}};
    out.issues.push_back(make_issue("", "", IssueCode::wrong_type, "记录应为 JSON 对象",
                                    "a record must be a JSON object"));
    return out;
  }
  std::vector<std::optional<std::string>> texts(fields.size());
  Issues type_issues;
  for (const auto& [key, value] : *obj) {
    const FieldSpec* f = find_field(kind, key);
    if (f == nullptr) {
      type_issues.push_back(make_issue(
          key, key, IssueCode::unknown_field, std::string(label_zh(kind)) + "记录没有此字段",
          "no such field in a " + std::string(to_string(kind)) + " record"));
      continue;
    }
    const auto index = static_cast<std::size_t>(f - fields.data());
    if (value.is_null()) continue;
    if (value.is_string()) {
      texts[index] = std::string(value.get_string());
      continue;
    }
    const bool numeric_ok = f->type == FieldType::amount || f->code == "XK_ZT";
    if (numeric_ok && value.is_number()) {
      if (auto t = number_text(value)) {
        texts[index] = *t;
        continue;
      }
    }
    type_issues.push_back(
        field_issue(*f, IssueCode::wrong_type, numeric_ok ? "应为字符串或数字" : "应为字符串",
                    numeric_ok ? "must be a string or a number" : "must be a string"));
  }
  DecodedRecord out = decode_texts(kind, texts);
  out.issues.insert(out.issues.begin(), type_issues.begin(), type_issues.end());
  return out;
}

boost::json::object issue_json(const Issue& issue) {
  return {{"field", issue.field},
          {"code", code_name(issue)},
          {"message_zh", issue.message_zh},
          {"message_en", issue.message_en}};
}

boost::json::array issues_json(const Issues& issues) {
  boost::json::array out;
  for (const auto& i : issues) out.push_back(issue_json(i));
  return out;
}

}  // namespace gongshi
