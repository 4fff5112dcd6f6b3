#pragma once
// The national defaults, one place: every number here is a rule setting that a region's script may
// refine (see docs/rules.md for where each comes from and how sure it is). Publication periods of
// penalties are not here: they are data (schemas/publication_periods.json), by regime.

namespace gongshi::national {

inline constexpr int kPublishWorkingDays = 7;  // seeds 001, 002, 004: 7 个工作日
inline constexpr int kMissingAfterDays = 30;  // seed 003: 超过公示期30天 → 漏报 (calendar days)
inline constexpr int kObjectionWorkingDays = 3;  // seed 004: 三个工作日内处理完毕
inline constexpr int kWithdrawWorkingDays =
    3;  // 行政处罚法 art. 48 "三日" = working days (art. 85)
inline constexpr int kRepairWorkingDays = 5;  // not confirmed by a text at hand: a setting
// Seed 003 (殷信用办〔2024〕14号): 迟报率 above 20% needs a written explanation; 连续两次以上 →
// 约谈. The only figures at hand, so the national default; a region's settings change them.
inline constexpr double kEscalationLateRate = 0.20;
inline constexpr int kSummonsAfterRepeats = 2;

}  // namespace gongshi::national
