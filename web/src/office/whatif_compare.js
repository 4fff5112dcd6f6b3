// The before/after 通报 of a what-if side by side: the two totals, then every department and
// township whose 迟报, 漏报 or 合格 would move; and the units that would join or leave the list of
// those that must explain themselves, or stay on it for other reasons.
const moved = (a, b) => a.late !== b.late || a.missing !== b.missing || a.qualified !== b.qualified;

const pair = (name, a, b) => ({
  name,
  late: [a.late, b.late],
  missing: [a.missing, b.missing],
  qualified_rate: [a.qualified_rate, b.qualified_rate],
  changed: moved(a, b),
});

export function compareRows(before, after) {
  const rows = [pair(before.department_total.name, before.department_total, after.department_total)];
  rows.push(pair('乡镇' + before.township_total.name, before.township_total, after.township_total));
  for (const key of ['departments', 'townships']) {
    const next = new Map(after[key].map((r) => [r.department_id, r]));
    for (const r of before[key]) {
      const n = next.get(r.department_id);
      if (n && moved(r, n)) rows.push(pair(r.name, r, n));
    }
  }
  return rows;
}

export function escalationMoves(before, after) {
  const had = new Map(before.escalations.map((e) => [e.department_id, e]));
  const has = new Map(after.escalations.map((e) => [e.department_id, e]));
  return {
    joined: after.escalations.filter((e) => !had.has(e.department_id)),
    left: before.escalations.filter((e) => !has.has(e.department_id)),
    changed: after.escalations
      .filter((e) => had.has(e.department_id) && had.get(e.department_id).reasons_zh.join('；') !== e.reasons_zh.join('；'))
      .map((e) => ({ ...e, before_zh: had.get(e.department_id).reasons_zh })),
  };
}
