#pragma once
// The field list of each record kind, written once as a visitor over the struct's members. The
// JSON codec, the column-header codec and the generic validation checks all walk this list, so a
// field is described in exactly one place.

#include <concepts>
#include <string_view>
#include <type_traits>
#include <vector>

#include "engine/model/field_spec.hpp"
#include "engine/model/record.hpp"

namespace gongshi {

namespace detail {

constexpr std::string_view pick(RecordKind k, std::string_view license_code,
                                std::string_view penalty_code) {
  return k == RecordKind::license ? license_code : penalty_code;
}

template <class S, class V>
void visit_subject(RecordKind k, S& s, V& v) {
  using FT = FieldType;
  using P = Presence;
  using Pub = Publicity;
  v(FieldSpec{pick(k, "XK_XDR_MC", "CF_XDR_MC"),
              "行政相对人名称",
              FT::text,
              200,
              P::required,
              {},
              false,
              Pub::person_name},
    s.name);
  v(FieldSpec{pick(k, "XK_XDR_LB", "CF_XDR_LB"), "行政相对人类别", FT::enumeration, 0, P::required},
    s.category);
  v(FieldSpec{pick(k, "XK_XDR_SHXYM", "CF_XDR_SHXYM"), "统一社会信用代码", FT::code, 18,
              P::conditional, "行政相对人代码_1|行政相对人代码_1(统一社会信用代码)"},
    s.codes.uscc);
  v(FieldSpec{pick(k, "XK_XDR_GSZC", "CF_XDR_GSZC"), "工商注册号", FT::code, 50, P::conditional,
              "行政相对人代码_2|行政相对人代码_2(工商注册号)"},
    s.codes.business_reg_no);
  v(FieldSpec{pick(k, "XK_XDR_ZZJG", "CF_XDR_ZZJG"), "组织机构代码", FT::code, 9, P::optional,
              "行政相对人代码_3|行政相对人代码_3(组织机构代码)"},
    s.codes.org_code);
  v(FieldSpec{pick(k, "XK_XDR_SWDJ", "CF_XDR_SWDJ"), "税务登记号", FT::code, 15, P::optional,
              "行政相对人代码_4|行政相对人代码_4(税务登记号)"},
    s.codes.tax_reg_no);
  v(FieldSpec{pick(k, "XK_XDR_SYDW", "CF_XDR_SYDW"), "事业单位证书号", FT::code, 12, P::optional,
              "行政相对人代码_5|行政相对人代码_5(事业单位证书号)"},
    s.codes.institution_no);
  v(FieldSpec{pick(k, "XK_XDR_SHZZ", "CF_XDR_SHZZ"), "社会组织登记证号", FT::code, 50, P::optional,
              "行政相对人代码_6|行政相对人代码_6(社会组织登记证号)"},
    s.codes.social_org_no);
  v(FieldSpec{pick(k, "XK_FRDB", "CF_FRDB"), "法定代表人", FT::text, 50, P::conditional},
    s.legal_rep);
  v(FieldSpec{pick(k, "XK_FR_ZJLX", "CF_FR_ZJLX"),
              "法定代表人证件类型",
              FT::enumeration,
              0,
              P::optional,
              {},
              false,
              Pub::shared_only},
    s.legal_rep_id_type);
  v(FieldSpec{pick(k, "XK_FR_ZJHM", "CF_FR_ZJHM"),
              "法定代表人证件号码",
              FT::code,
              64,
              P::conditional,
              {},
              false,
              Pub::shared_only},
    s.legal_rep_id_no);
  v(FieldSpec{pick(k, "XK_XDR_ZJLX", "CF_XDR_ZJLX"), "证件类型", FT::enumeration, 0, P::conditional,
              "行政相对人证件类型"},
    s.id_type);
  v(FieldSpec{pick(k, "XK_XDR_ZJHM", "CF_XDR_ZJHM"), "证件号码", FT::code, 64, P::conditional,
              "行政相对人证件号码", false, Pub::id_number},
    s.id_no);
}

template <class D, class V>
void visit_disclosure(D& d, V& v) {
  v(FieldSpec{"GKFW", "公开范围", FieldType::enumeration, 0, Presence::optional, "公示范围", true},
    d.scope);
  v(FieldSpec{"GKFW_YJ", "不公开依据", FieldType::text, 512, Presence::conditional,
              "公开范围依据|不予公开依据", true},
    d.basis);
}

}  // namespace detail

template <class R>
concept LicenseLike = std::same_as<std::remove_const_t<R>, License>;
template <class R>
concept PenaltyLike = std::same_as<std::remove_const_t<R>, Penalty>;

template <LicenseLike R, class V>
void visit_fields(R& r, V&& v) {
  using FT = FieldType;
  using P = Presence;
  detail::visit_subject(RecordKind::license, r.subject, v);
  v(FieldSpec{"XK_XKWS", "行政许可决定文书名称", FT::text, 64, P::required}, r.document_name);
  v(FieldSpec{"XK_WSH",
              "行政许可决定文书号",
              FT::text,
              64,
              P::required,
              {},
              false,
              Publicity::identifier},
    r.document_no);
  v(FieldSpec{"XK_XKLB", "许可类别", FT::enumeration, 0, P::required}, r.category);
  v(FieldSpec{"XK_XKZS", "许可证书名称", FT::text, 64, P::optional}, r.certificate_name);
  v(FieldSpec{"XK_XKBH", "许可编号", FT::text, 64, P::optional, {}, false, Publicity::identifier},
    r.license_no);
  v(FieldSpec{"XK_NR", "许可内容", FT::text, 4000, P::required}, r.content);
  v(FieldSpec{"XK_JDRQ", "许可决定日期", FT::date, 0, P::required}, r.decision_date);
  v(FieldSpec{"XK_YXQZ", "有效期自", FT::date, 0, P::required}, r.valid_from);
  v(FieldSpec{"XK_YXQZI", "有效期至", FT::date_open, 0, P::required}, r.valid_to);
  v(FieldSpec{"XK_XKJG", "许可机关", FT::text, 200, P::required}, r.authority);
  v(FieldSpec{"XK_XKJGDM", "许可机关统一社会信用代码", FT::code, 18, P::required},
    r.authority_uscc);
  v(FieldSpec{"XK_ZT", "当前状态", FT::enumeration, 0, P::required}, r.status);
  v(FieldSpec{"XK_LYDW", "数据来源单位", FT::text, 200, P::required}, r.source_unit);
  v(FieldSpec{"XK_LYDWDM", "数据来源单位统一社会信用代码", FT::code, 18, P::required},
    r.source_unit_uscc);
  v(FieldSpec{"BZ", "备注", FT::text, 512, P::optional}, r.remarks);
  detail::visit_disclosure(r.disclosure, v);
}

template <PenaltyLike R, class V>
void visit_fields(R& r, V&& v) {
  using FT = FieldType;
  using P = Presence;
  detail::visit_subject(RecordKind::penalty, r.subject, v);
  v(FieldSpec{"CF_WSH",
              "行政处罚决定书文号",
              FT::text,
              128,
              P::required,
              {},
              false,
              Publicity::identifier},
    r.decision_no);
  v(FieldSpec{"CF_WFXW", "违法行为类型", FT::text, 2000, P::required}, r.violation_type);
  v(FieldSpec{"CF_SY", "违法事实", FT::text, 5000, P::required}, r.facts);
  v(FieldSpec{"CF_YJ", "处罚依据", FT::text, 2048, P::required}, r.legal_basis);
  v(FieldSpec{"CF_CFLB", "处罚类别", FT::enum_list, 0, P::required}, r.kinds);
  v(FieldSpec{"CF_NR", "处罚内容", FT::text, 4000, P::required}, r.content);
  v(FieldSpec{"CF_NR_FK", "罚款金额（万元）", FT::amount, 0, P::conditional, "罚款金额"}, r.fine);
  v(FieldSpec{"CF_NR_WFFF", "没收违法所得、没收非法财物的金额（万元）", FT::amount, 0,
              P::conditional, "没收违法所得、没收非法财物的金额|没收金额(万元)"},
    r.confiscated);
  v(FieldSpec{"CF_NR_ZKDX", "暂扣或吊销证照名称及编号", FT::text, 200, P::conditional},
    r.suspended_or_revoked);
  v(FieldSpec{"CF_JDRQ", "处罚决定日期", FT::date, 0, P::required}, r.decision_date);
  v(FieldSpec{"CF_YXQ", "处罚有效期", FT::date, 0, P::required}, r.valid_until);
  v(FieldSpec{"CF_GSJZQ", "公示截止期", FT::date, 0, P::optional}, r.publish_until);
  v(FieldSpec{"CF_CFJG", "处罚机关", FT::text, 200, P::required}, r.authority);
  v(FieldSpec{"CF_CFJGDM", "处罚机关统一社会信用代码", FT::code, 18, P::required},
    r.authority_uscc);
  v(FieldSpec{"CF_SJLY", "数据来源单位", FT::text, 200, P::required}, r.source_unit);
  v(FieldSpec{"CF_SJLYDM", "数据来源单位统一社会信用代码", FT::code, 18, P::required},
    r.source_unit_uscc);
  v(FieldSpec{"BZ", "备注", FT::text, 512, P::optional}, r.remarks);
  detail::visit_disclosure(r.disclosure, v);
  v(FieldSpec{"severity", "失信程度", FT::enumeration, 0, P::optional,
              "失信严重程度|严重程度|失信等级", true},
    r.severity);
}

// Visits the fields of whichever kind the record holds.
template <class V>
void visit_fields(Record& r, V&& v) {
  std::visit([&](auto& rec) { visit_fields(rec, v); }, r);
}
template <class V>
void visit_fields(const Record& r, V&& v) {
  std::visit([&](const auto& rec) { visit_fields(rec, v); }, r);
}

// The field list of a kind, in the standard's order (extensions last).
const std::vector<FieldSpec>& fields_of(RecordKind k);
// nullptr when the kind has no such code.
const FieldSpec* find_field(RecordKind k, std::string_view code);

}  // namespace gongshi
