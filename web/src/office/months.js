// Months as the reports name them ("2024-07"): the one before a date, the last n ending at one,
// and whether a text is one.
const pad = (n) => String(n).padStart(2, '0');

export const isMonth = (s) => typeof s === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

// The month before the month of `today` ("2024-11-20" → "2024-10"): the server's day
// (session.user.today), never the browser's clock.
export function previousMonth(today) {
  return addMonths(today.slice(0, 7), -1);
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
