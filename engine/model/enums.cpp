#include "engine/model/enums.hpp"

#include <array>

#include "engine/model/text.hpp"

namespace gongshi {
namespace {

using SC = SubjectCategory;
constexpr std::array<EnumEntry<SC>, 3> kSubjectCategories{{
    {SC::legal_entity, "法人及非法人组织", "", "法人|法人及其他组织|法人和非法人组织"},
    {SC::natural_person, "自然人", "", ""},
    {SC::individual_business, "个体工商户", "", ""},
}};

constexpr std::array<EnumEntry<IdType>, 6> kIdTypes{{
    {IdType::id_card, "身份证", "", "居民身份证|身份证号"},
    {IdType::passport, "护照号", "", "护照"},
    {IdType::hk_macao_permit, "港澳居民来往内地通行证", "", ""},
    {IdType::taiwan_permit, "台湾居民来往大陆通行证", "", ""},
    {IdType::foreign_permanent_residence, "外国人永久居留身份证", "", ""},
    {IdType::other, "其他", "", ""},
}};

using LC = LicenseCategory;
constexpr std::array<EnumEntry<LC>, 6> kLicenseCategories{{
    {LC::ordinary, "普通", "", ""},
    {LC::franchise, "特许", "", ""},
    {LC::recognition, "认可", "", ""},
    {LC::approval, "核准", "", ""},
    {LC::registration, "登记", "", ""},
    {LC::other, "其他", "", ""},
}};

using PK = PenaltyKind;
constexpr std::array<EnumEntry<PK>, 16> kPenaltyKinds{{
    {PK::warning, "警告", "", ""},
    {PK::public_criticism, "通报批评", "", ""},
    {PK::fine, "罚款", "", ""},
    {PK::confiscate_illegal_gains, "没收违法所得", "", ""},
    {PK::confiscate_illegal_property, "没收非法财物", "", ""},
    {PK::suspend_permit, "暂扣许可证件", "", ""},
    {PK::lower_qualification, "降低资质等级", "", ""},
    {PK::revoke_permit, "吊销许可证件", "", ""},
    {PK::restrict_business, "限制开展生产经营活动", "", ""},
    {PK::order_suspension, "责令停产停业", "", ""},
    {PK::order_closure, "责令关闭", "", ""},
    {PK::restrict_employment, "限制从业", "", ""},
    {PK::detention, "行政拘留", "", ""},
    {PK::other, "其他", "", ""},
    {PK::legacy_suspend_or_revoke_permit, "暂扣或者吊销许可证", "", ""},
    {PK::legacy_suspend_or_revoke_license, "暂扣或者吊销执照", "", ""},
}};

constexpr std::array<EnumEntry<LicenseStatus>, 2> kLicenseStatuses{{
    {LicenseStatus::valid, "有效", "1", ""},
    {LicenseStatus::invalid, "无效", "2", ""},
}};

constexpr std::array<EnumEntry<PublicScope>, 3> kPublicScopes{{
    {PublicScope::social, "社会公开", "", ""},
    // Seed 001 (长治) calls the non-public choice 政务公开.
    {PublicScope::government_shared, "政务共享", "", "政务公开"},
    {PublicScope::authorized_query, "授权查询", "", ""},
}};

constexpr std::array<EnumEntry<SeverityTier>, 3> kSeverityTiers{{
    {SeverityTier::minor, "轻微", "", "轻微失信|minor"},
    {SeverityTier::general, "一般", "", "一般失信|general"},
    {SeverityTier::serious, "严重", "", "严重失信|serious"},
}};

constexpr std::array<std::string_view, 6> kOtherSeparators{"-", "－", "—", "：", ":", "_"};

}  // namespace

template <>
std::span<const EnumEntry<SubjectCategory>> enum_entries<SubjectCategory>() {
  return kSubjectCategories;
}
template <>
std::span<const EnumEntry<IdType>> enum_entries<IdType>() {
  return kIdTypes;
}
template <>
std::span<const EnumEntry<LicenseCategory>> enum_entries<LicenseCategory>() {
  return kLicenseCategories;
}
template <>
std::span<const EnumEntry<PenaltyKind>> enum_entries<PenaltyKind>() {
  return kPenaltyKinds;
}
template <>
std::span<const EnumEntry<LicenseStatus>> enum_entries<LicenseStatus>() {
  return kLicenseStatuses;
}
template <>
std::span<const EnumEntry<PublicScope>> enum_entries<PublicScope>() {
  return kPublicScopes;
}
template <>
std::span<const EnumEntry<SeverityTier>> enum_entries<SeverityTier>() {
  return kSeverityTiers;
}

bool alias_listed(std::string_view aliases, std::string_view text) {
  return any_listed(aliases, [text](std::string_view item) { return item == text; });
}

template <class E>
std::optional<WithOther<E>> with_other_from_text(std::string_view text) {
  if (auto plain = enum_from_text<E>(text)) return WithOther<E>{*plain, {}};
  const std::string_view other_label = enum_label(E::other);
  if (!text.starts_with(other_label)) return std::nullopt;
  auto rest = text.substr(other_label.size());
  for (auto sep : kOtherSeparators) {
    if (rest.starts_with(sep)) {
      rest.remove_prefix(sep.size());
      return WithOther<E>{E::other, std::string(rest)};
    }
  }
  return std::nullopt;
}

template std::optional<WithOther<IdType>> with_other_from_text<IdType>(std::string_view);
template std::optional<WithOther<LicenseCategory>> with_other_from_text<LicenseCategory>(
    std::string_view);
template std::optional<WithOther<PenaltyKind>> with_other_from_text<PenaltyKind>(std::string_view);

bool is_suspension_or_revocation(PenaltyKind k) {
  return k == PK::suspend_permit || k == PK::revoke_permit ||
         k == PK::legacy_suspend_or_revoke_permit || k == PK::legacy_suspend_or_revoke_license;
}

bool is_confiscation(PenaltyKind k) {
  return k == PK::confiscate_illegal_gains || k == PK::confiscate_illegal_property;
}

}  // namespace gongshi
