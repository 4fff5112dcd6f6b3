#pragma once
// The enumerations of the national standard, with their Chinese labels and, where the standard has
// one, their code. Input accepts the label, the code, or a listed alias; output writes the code
// where the standard has one (当前状态 1/2) and the label otherwise.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace gongshi {

// 行政相对人类别
enum class SubjectCategory { legal_entity, natural_person, individual_business };

// 证件类型 (of the 相对人 or of the 法定代表人)
enum class IdType {
  id_card,                      // 身份证
  passport,                     // 护照号
  hk_macao_permit,              // 港澳居民来往内地通行证
  taiwan_permit,                // 台湾居民来往大陆通行证
  foreign_permanent_residence,  // 外国人永久居留身份证
  other,                        // 其他-…
};

// 许可类别
enum class LicenseCategory { ordinary, franchise, recognition, approval, registration, other };

// 处罚类别: the kinds of 《行政处罚法》(2021) art. 9, plus the two pre-2021 labels still in use.
enum class PenaltyKind {
  warning,                           // 警告
  public_criticism,                  // 通报批评
  fine,                              // 罚款
  confiscate_illegal_gains,          // 没收违法所得
  confiscate_illegal_property,       // 没收非法财物
  suspend_permit,                    // 暂扣许可证件
  lower_qualification,               // 降低资质等级
  revoke_permit,                     // 吊销许可证件
  restrict_business,                 // 限制开展生产经营活动
  order_suspension,                  // 责令停产停业
  order_closure,                     // 责令关闭
  restrict_employment,               // 限制从业
  detention,                         // 行政拘留
  other,                             // 其他-…
  legacy_suspend_or_revoke_permit,   // 暂扣或者吊销许可证 (before 2021)
  legacy_suspend_or_revoke_license,  // 暂扣或者吊销执照 (before 2021)
};

// 当前状态 (licenses)
enum class LicenseStatus { valid, invalid };

// 公开范围: 社会公开 by default; the other two need a written legal basis.
enum class PublicScope { social, government_shared, authorized_query };

// 失信程度 of a penalty (gongshi's field `severity`; the v2 standard has none): the tiers of
// 《信用修复管理办法》(国家发展改革委令2025年第36号) that choose its publication period.
enum class SeverityTier { minor, general, serious };

template <class E>
struct EnumEntry {
  E value;
  std::string_view label;    // the Chinese label of the standard
  std::string_view code;     // the standard's code, "" where it has none
  std::string_view aliases;  // other accepted spellings, '|'-separated
};

template <class E>
std::span<const EnumEntry<E>> enum_entries();

template <>
std::span<const EnumEntry<SubjectCategory>> enum_entries<SubjectCategory>();
template <>
std::span<const EnumEntry<IdType>> enum_entries<IdType>();
template <>
std::span<const EnumEntry<LicenseCategory>> enum_entries<LicenseCategory>();
template <>
std::span<const EnumEntry<PenaltyKind>> enum_entries<PenaltyKind>();
template <>
std::span<const EnumEntry<LicenseStatus>> enum_entries<LicenseStatus>();
template <>
std::span<const EnumEntry<PublicScope>> enum_entries<PublicScope>();
template <>
std::span<const EnumEntry<SeverityTier>> enum_entries<SeverityTier>();

bool alias_listed(std::string_view aliases, std::string_view text);

template <class E>
std::optional<E> enum_from_text(std::string_view text) {
  for (const auto& e : enum_entries<E>()) {
    if (text == e.label || (!e.code.empty() && text == e.code) || alias_listed(e.aliases, text)) {
      return e.value;
    }
  }
  return std::nullopt;
}

template <class E>
const EnumEntry<E>& enum_entry(E value) {
  for (const auto& e : enum_entries<E>()) {
    if (e.value == value) return e;
  }
  return enum_entries<E>().front();  // unreachable: every value has an entry (tested)
}

template <class E>
std::string_view enum_label(E value) {
  return enum_entry(value).label;
}

// What JSON output writes: the standard's code where it has one, else the label.
template <class E>
std::string_view enum_output(E value) {
  const auto& e = enum_entry(value);
  return e.code.empty() ? e.label : e.code;
}

// "法人及非法人组织、自然人、个体工商户" for messages.
template <class E>
std::string enum_labels_joined() {
  std::string out;
  for (const auto& e : enum_entries<E>()) {
    if (!out.empty()) out += "、";
    out += e.label;
  }
  return out;
}

// An enum value that may be 其他 with a free-text suffix, as in "其他-临时许可".
template <class E>
struct WithOther {
  E value{};
  std::string other_text;  // only for E::other; may be empty when the text was a bare 其他
  bool operator==(const WithOther&) const = default;
};

// Splits "其他-…" (also "其他－…", "其他—…", "其他：…", "其他:…"); plain labels pass through.
template <class E>
std::optional<WithOther<E>> with_other_from_text(std::string_view text);

template <class E>
std::string with_other_to_text(const WithOther<E>& v) {
  std::string out(enum_label(v.value));
  if (!v.other_text.empty()) out += "-" + v.other_text;
  return out;
}

bool is_suspension_or_revocation(PenaltyKind k);  // needs 暂扣或吊销证照名称及编号
bool is_confiscation(PenaltyKind k);              // needs 没收金额

}  // namespace gongshi
