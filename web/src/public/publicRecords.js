// What the public pages say about a published record (GET /public/records…): its link, document
// number, decision date, publication period and how its status is tagged; and the ?region= a
// page was opened with. Names come as the server sent them (a natural person's already masked).
import { shanghaiTime } from '../records.js';

export const publicLink = (r) => `/gongshi/${r.region}/${r.id}`;

export function documentNo(r) {
  const f = r.fields || {};
  return f.CF_WSH || f.XK_WSH || '';
}

export function decisionDate(r) {
  const f = r.fields || {};
  return f.CF_JDRQ || f.XK_JDRQ || '';
}

// published_at is a UTC time: its Shanghai date.
export const publishedDate = (r) => (r.published_at ? shanghaiTime(r.published_at).slice(0, 10) : '');

export function publicationPeriod(r) {
  const from = publishedDate(r);
  if (from && r.publication_end) return `${from} 至 ${r.publication_end}`;
  if (from) return `自 ${from} 起`;
  return r.publication_end ? `至 ${r.publication_end}` : '';
}

// The status is worth a tag when it is not plain 已公示; 异议处理中 stands out.
export const PLAIN_STATUS = '已公示';
export const statusNotable = (r) => !!r.status_label && r.status_label !== PLAIN_STATUS;
export function statusTag(label) {
  if (label === '异议处理中') return { type: 'warning', effect: 'dark' };
  if (label === PLAIN_STATUS) return { type: 'success', effect: 'light' };
  return { type: 'warning', effect: 'light' };
}

// ?region=410500 when a page was linked for one region; '' lets the server choose.
export function regionOf(route) {
  const r = route.query.region;
  return typeof r === 'string' && /^\d{6}$/.test(r) ? r : '';
}

// ?department=12 → 12, else null.
export function departmentOf(route) {
  const d = route.query.department;
  return typeof d === 'string' && /^\d+$/.test(d) ? Number(d) : null;
}

// The progress page, filled in for one application.
export const queryLink = (kind, number, code) => ({
  path: '/gongshi/query',
  query: { type: kind, number, code },
});

// ?embed=1: the list is framed by a department's own website (gongshi serve --embed-origin): no
// header or footer, and a record opens on the full site in a new tab.
export const embeddedIn = (route) => route.query.embed === '1';
