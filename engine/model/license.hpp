#pragma once
// 行政许可: the 28 fields of the national standard (v2 codes XK_*), plus gongshi's disclosure
// choice.

#include <optional>
#include <string>

#include "engine/model/date.hpp"
#include "engine/model/disclosure.hpp"
#include "engine/model/enums.hpp"
#include "engine/model/subject.hpp"

namespace gongshi {

struct License {
  Subject subject;                                     // XK_XDR_* , XK_FRDB, XK_FR_*
  std::string document_name;                           // XK_XKWS  行政许可决定文书名称
  std::string document_no;                             // XK_WSH   行政许可决定文书号
  std::optional<WithOther<LicenseCategory>> category;  // XK_XKLB 许可类别
  std::string certificate_name;                        // XK_XKZS  许可证书名称
  std::string license_no;                              // XK_XKBH  许可编号
  std::string content;                                 // XK_NR    许可内容
  std::optional<Date> decision_date;                   // XK_JDRQ  许可决定日期
  std::optional<Date> valid_from;                      // XK_YXQZ  有效期自
  std::optional<Date> valid_to;         // XK_YXQZI 有效期至 (长期 = 9999-12-31)
  std::string authority;                // XK_XKJG  许可机关
  std::string authority_uscc;           // XK_XKJGDM 许可机关统一社会信用代码
  std::optional<LicenseStatus> status;  // XK_ZT    当前状态
  std::string source_unit;              // XK_LYDW  数据来源单位
  std::string source_unit_uscc;         // XK_LYDWDM 数据来源单位统一社会信用代码
  std::string remarks;                  // BZ       备注
  Disclosure disclosure;                // GKFW, GKFW_YJ (gongshi)
  bool operator==(const License&) const = default;
};

}  // namespace gongshi
