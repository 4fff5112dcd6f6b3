// What several pages say about a record: its kind's label, its subject's name, its document number.
export const kinds = [
  { value: 'penalty', label: '行政处罚' },
  { value: 'license', label: '行政许可' },
];

export const kindLabel = (k) => (kinds.find((x) => x.value === k) || { label: k }).label;

export function subjectName(r) {
  const f = r.fields || {};
  return f.CF_XDR_MC || f.XK_XDR_MC || '';
}

export const recordLink = (r) => `/records/${r.region}/${r.id}`;

// "2024-07-05T01:00:00Z" → "2024-07-05 09:00" (Asia/Shanghai).
export function shanghaiTime(utc) {
  if (!utc) return '';
  const d = new Date(utc);
  if (Number.isNaN(d.getTime())) return utc;
  const s = new Date(d.getTime() + 8 * 3600 * 1000).toISOString();
  return s.slice(0, 10) + ' ' + s.slice(11, 16);
}
