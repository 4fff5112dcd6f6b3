#include "engine/model/field_codec.hpp"

#include "engine/model/text.hpp"

namespace gongshi {
namespace {

constexpr std::string_view kLongTerm = "长期";

template <class E>
std::string optional_enum_text(const std::optional<E>& v) {
  return v ? std::string(enum_output(*v)) : std::string();
}

template <class E>
std::string optional_other_text(const std::optional<WithOther<E>>& v) {
  return v ? with_other_to_text(*v) : std::string();
}

template <class E>
Issue bad_enum(const FieldSpec& f, std::string_view t) {
  const std::string labels = enum_labels_joined<E>();
  return field_issue(f, IssueCode::invalid_enum,
                     "「" + std::string(t) + "」不是有效值，应为：" + labels,
                     "'" + std::string(t) + "' is not a valid value; expected one of: " + labels);
}

template <class E>
std::optional<Issue> set_enum(const FieldSpec& f, std::string_view t, std::optional<E>& v) {
  v.reset();
  if (t.empty()) return std::nullopt;
  v = enum_from_text<E>(t);
  if (!v) return bad_enum<E>(f, t);
  return std::nullopt;
}

template <class E>
std::optional<Issue> set_other(const FieldSpec& f, std::string_view t,
                               std::optional<WithOther<E>>& v) {
  v.reset();
  if (t.empty()) return std::nullopt;
  v = with_other_from_text<E>(t);
  if (!v) return bad_enum<E>(f, t);
  return std::nullopt;
}

}  // namespace

Issue field_issue(const FieldSpec& f, IssueCode code, std::string_view detail_zh,
                  std::string_view detail_en) {
  return make_issue(f.code, f.name_zh, code, detail_zh, detail_en);
}

std::string field_text(const std::string& v) {
  return v;
}
std::string field_text(const std::optional<Date>& v) {
  return v ? format_date(*v) : "";
}
std::string field_text(const std::optional<Amount>& v) {
  return v ? format_amount(*v) : "";
}
std::string field_text(const std::optional<SubjectCategory>& v) {
  return optional_enum_text(v);
}
std::string field_text(const std::optional<LicenseStatus>& v) {
  return optional_enum_text(v);
}
std::string field_text(const std::optional<PublicScope>& v) {
  return optional_enum_text(v);
}
std::string field_text(const std::optional<SeverityTier>& v) {
  return optional_enum_text(v);
}
std::string field_text(const std::optional<WithOther<IdType>>& v) {
  return optional_other_text(v);
}
std::string field_text(const std::optional<WithOther<LicenseCategory>>& v) {
  return optional_other_text(v);
}
std::string field_text(const std::vector<WithOther<PenaltyKind>>& v) {
  std::string out;
  for (const auto& k : v) {
    if (!out.empty()) out += ';';
    out += with_other_to_text(k);
  }
  return out;
}

std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t, std::string& v) {
  v = f.type == FieldType::code ? ascii_upper(t) : std::string(t);
  return std::nullopt;
}

std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::optional<Date>& v) {
  v.reset();
  if (t.empty()) return std::nullopt;
  if (f.type == FieldType::date_open && t == kLongTerm) {
    v = make_date(9999, 12, 31);
    return std::nullopt;
  }
  v = parse_date(t);
  if (v) return std::nullopt;
  const std::string extra_zh = f.type == FieldType::date_open ? "，长期填 9999-12-31" : "";
  const std::string extra_en = f.type == FieldType::date_open ? "; long-term is 9999-12-31" : "";
  return field_issue(
      f, IssueCode::invalid_date,
      "「" + std::string(t) + "」不是有效日期，格式应为 YYYY-MM-DD 或 YYYY/MM/DD" + extra_zh,
      "'" + std::string(t) + "' is not a valid date (YYYY-MM-DD or YYYY/MM/DD)" + extra_en);
}

std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::optional<Amount>& v) {
  v.reset();
  if (t.empty()) return std::nullopt;
  const AmountParse p = parse_amount(t);
  if (p.value) {
    v = p.value;
    return std::nullopt;
  }
  const std::string shown(t);
  switch (p.error) {
    case AmountError::too_many_decimals:
      return field_issue(f, IssueCode::invalid_amount,
                         "「" + shown + "」小数位超过6位（单位为万元）",
                         "'" + shown + "' has more than 6 decimals (unit: 10,000 yuan)");
    case AmountError::too_large:
      return field_issue(f, IssueCode::invalid_amount, "「" + shown + "」整数部分超过12位",
                         "'" + shown + "' has more than 12 integer digits");
    case AmountError::negative:
      return field_issue(f, IssueCode::invalid_amount, "「" + shown + "」不能为负数",
                         "'" + shown + "' must not be negative");
    case AmountError::not_a_number:
      break;
  }
  return field_issue(f, IssueCode::invalid_amount,
                     "「" + shown + "」不是有效金额，应为以万元为单位的数字，如 0.2",
                     "'" + shown + "' is not an amount in 10,000 yuan, e.g. 0.2");
}

std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::optional<SubjectCategory>& v) {
  return set_enum(f, t, v);
}
std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::optional<LicenseStatus>& v) {
  return set_enum(f, t, v);
}
std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::optional<PublicScope>& v) {
  return set_enum(f, t, v);
}
std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::optional<SeverityTier>& v) {
  return set_enum(f, t, v);
}
std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::optional<WithOther<IdType>>& v) {
  return set_other(f, t, v);
}
std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::optional<WithOther<LicenseCategory>>& v) {
  return set_other(f, t, v);
}

std::optional<Issue> set_field_text(const FieldSpec& f, std::string_view t,
                                    std::vector<WithOther<PenaltyKind>>& v) {
  v.clear();
  std::string bad;
  std::string_view rest = t;
  while (!rest.empty()) {
    // Separators: ';' and the full-width '；' (EF BC 9B).
    std::size_t cut = rest.size(), skip = 0;
    if (auto p = rest.find(';'); p != std::string_view::npos) cut = p, skip = 1;
    if (auto p = rest.find("\xEF\xBC\x9B"); p != std::string_view::npos && p < cut) {
      cut = p, skip = 3;
    }
    const std::string item = trim(rest.substr(0, cut));
    rest = cut == rest.size() ? std::string_view{} : rest.substr(cut + skip);
    if (item.empty()) continue;
    if (auto k = with_other_from_text<PenaltyKind>(item)) {
      v.push_back(*k);
    } else {
      if (!bad.empty()) bad += "、";
      bad += item;
    }
  }
  if (bad.empty()) return std::nullopt;
  v.clear();
  return bad_enum<PenaltyKind>(f, bad);
}

}  // namespace gongshi
