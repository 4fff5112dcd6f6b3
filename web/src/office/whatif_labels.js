// The Chinese names of what a what-if compares (engine/service/rules_whatif.hpp ChangedValue::what)
// and of the values of 及时性 and 校验.
export const whatLabels = {
  publish_by: '应公示日期（期限）',
  late_after: '迟报起算',
  missing_after: '漏报起算',
  publication_end: '公示截止',
  repair_from: '可申请修复日',
  scope: '公开范围',
  flags: '标记',
  timeliness: '及时性',
  valid: '校验',
};

const valueLabels = {
  timeliness: { on_time: '按时', late: '迟报', missing: '漏报', pending: '待定' },
  valid: { valid: '通过', invalid: '不通过' },
};

export const whatLabel = (what) => whatLabels[what] || what;

export function valueLabel(what, value) {
  if (value === '' || value == null) return '（空）';
  const names = valueLabels[what];
  return (names && names[value]) || value;
}

// "on_time→late" → "按时→迟报".
export const moveLabel = (move) =>
  move
    .split('→')
    .map((v) => valueLabel('timeliness', v))
    .join(' → ');
