// Months as the reports name them ("2024-07"): the one before a date, the last n ending at one,
// and whether a text is one.
const pad = (n) => String(n).padStart(2, '0');

export const isMonth = (s) => typeof s === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

// The month before the given date's month (the browser's date by default).
export function previousMonth(today = new Date()) {
  const y = today.getFullYear();
  const m = today.getMonth(); // 0-based: this is already the previous month's 1-based number
  return m === 0 ? `${y - 1}-12` : `${y}-${pad(m)}`;
}

// The month `delta` months after `month` (negative: before).
export function addMonths(month, delta) {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + delta;
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
}

// The n months ending at `month`, oldest first.
export function monthsEndingAt(month, n) {
  const out = [];
  for (let k = n - 1; k >= 0; k--) out.push(addMonths(month, -k));
  return out;
}

// "2024-07-01"-style first and last day of a month.
export function monthRange(month) {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${month}-01`, `${month}-${pad(last)}`];
}
