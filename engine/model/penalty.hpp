#pragma once
// 行政处罚: the 30 fields of the national standard (v2 codes CF_*), plus gongshi's disclosure
// choice.

#include <optional>
#include <string>
#include <vector>

#include "engine/model/amount.hpp"
#include "engine/model/date.hpp"
#include "engine/model/disclosure.hpp"
#include "engine/model/enums.hpp"
#include "engine/model/subject.hpp"

namespace gongshi {

struct Penalty {
  Subject subject;                            // CF_XDR_*, CF_FRDB, CF_FR_*
  std::string decision_no;                    // CF_WSH    行政处罚决定书文号
  std::string violation_type;                 // CF_WFXW   违法行为类型
  std::string facts;                          // CF_SY     违法事实
  std::string legal_basis;                    // CF_YJ     处罚依据
  std::vector<WithOther<PenaltyKind>> kinds;  // CF_CFLB   处罚类别 (';'-separated)
  std::string content;                        // CF_NR     处罚内容
  std::optional<Amount> fine;                 // CF_NR_FK  罚款金额（万元）
  std::optional<Amount> confiscated;  // CF_NR_WFFF 没收违法所得、没收非法财物的金额（万元）
  std::string suspended_or_revoked;      // CF_NR_ZKDX 暂扣或吊销证照名称及编号
  std::optional<Date> decision_date;     // CF_JDRQ   处罚决定日期
  std::optional<Date> valid_until;       // CF_YXQ    处罚有效期
  std::optional<Date> publish_until;     // CF_GSJZQ  公示截止期
  std::string authority;                 // CF_CFJG   处罚机关
  std::string authority_uscc;            // CF_CFJGDM 处罚机关统一社会信用代码
  std::string source_unit;               // CF_SJLY   数据来源单位
  std::string source_unit_uscc;          // CF_SJLYDM 数据来源单位统一社会信用代码
  std::string remarks;                   // BZ        备注
  Disclosure disclosure;                 // GKFW, GKFW_YJ (gongshi)
  std::optional<SeverityTier> severity;  // severity 失信程度 (gongshi): chooses the period
  bool has_kind(PenaltyKind k) const;
  bool operator==(const Penalty&) const = default;
};

}  // namespace gongshi
