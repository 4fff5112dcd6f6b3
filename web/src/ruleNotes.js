// What the rules noted beside a record's deadlines (the record's `rules`: engine/rules/
// evaluation_notes.cpp) as labelled rows in Chinese, in the order a reader needs them: the
// severity and how it was derived, the regime and its basis, the publication period. Empty notes
// and the regime's machine id (its basis names it in words) are left out; a note this list does
// not know is shown under its own name rather than hidden.
const labels = [
  ['tier', '失信程度'],
  ['sector', '领域'],
  ['derivation', '判定依据'],
  ['regime_basis', '适用规定'],
  ['rule_basis', '公示期依据'],
  ['period_tier', '公示期档次'],
  ['min_months', '最短公示期'],
  ['max_months', '最长公示期'],
  ['latest_end', '公示期最迟截止'],
  ['calendar_provisional', '期限暂定'],
];
const hidden = new Set(['regime']);

function text(key, value) {
  if (key === 'min_months' || key === 'max_months') return `${value} 个月`;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function ruleNoteRows(notes) {
  if (!notes || typeof notes !== 'object') return [];
  const rows = [];
  const empty = (v) => v === undefined || v === null || v === '';
  for (const [key, label] of labels) {
    if (!empty(notes[key])) rows.push({ key, label, value: text(key, notes[key]) });
  }
  const known = new Set(labels.map(([k]) => k));
  for (const [key, value] of Object.entries(notes)) {
    if (!known.has(key) && !hidden.has(key) && !empty(value)) rows.push({ key, label: key, value: text(key, value) });
  }
  return rows;
}
