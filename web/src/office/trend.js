// 迟报 and 漏报 of a region over the twelve months ending at a month, one 通报 request a month:
// the region's totals (departments and townships, as the 通报's summary counts them). A month
// whose request fails is a gap (null), not a zero.
import { get } from '../api.js';
import { monthsEndingAt } from './months.js';

export async function loadTrend(region, month) {
  const months = monthsEndingAt(month, 12);
  const reports = await Promise.all(
    months.map((m) => get('/api/v1/reports/monthly', { region, month: m }).catch(() => null)),
  );
  return months.map((m, i) => {
    const r = reports[i];
    if (!r) return { month: m, late: null, missing: null };
    return {
      month: m,
      late: r.department_total.late + r.township_total.late,
      missing: r.department_total.missing + r.township_total.missing,
    };
  });
}
