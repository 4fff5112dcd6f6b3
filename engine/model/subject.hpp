#pragma once
// The 行政相对人 block shared by both record kinds (fields XK_XDR_* / CF_XDR_* and the 法定代表人).

#include <optional>
#include <string>

#include "engine/model/enums.hpp"

namespace gongshi {

// 行政相对人代码_1 … _6
struct SubjectCodes {
  std::string uscc;             // 统一社会信用代码 (代码_1), GB 32100
  std::string business_reg_no;  // 工商注册号 (代码_2)
  std::string org_code;         // 组织机构代码 (代码_3), GB 11714
  std::string tax_reg_no;       // 税务登记号 (代码_4)
  std::string institution_no;   // 事业单位证书号 (代码_5)
  std::string social_org_no;    // 社会组织登记证号 (代码_6)
  bool operator==(const SubjectCodes&) const = default;
};

struct Subject {
  std::string name;                         // 行政相对人名称
  std::optional<SubjectCategory> category;  // 行政相对人类别
  SubjectCodes codes;
  std::string legal_rep;                               // 法定代表人
  std::optional<WithOther<IdType>> legal_rep_id_type;  // 法定代表人证件类型
  std::string legal_rep_id_no;                         // 法定代表人证件号码
  std::optional<WithOther<IdType>> id_type;            // 证件类型 (自然人)
  std::string id_no;                                   // 证件号码 (自然人)
  bool operator==(const Subject&) const = default;
};

// The placeholder a 个体工商户 without a 统一社会信用代码 writes (then 工商注册号 is required).
inline constexpr std::string_view kIndividualBusinessPlaceholder = "00000000000000000X";

}  // namespace gongshi
