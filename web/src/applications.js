// What the objection and repair queues share: their tabs (the API's states, and the overdue ones
// among those open: an objection's clock runs from the day it was filed), every page of a queue,
// and how an attachment is shown.
import { get } from './api.js';

const all = () => true;

export const objectionTabs = [
  { name: 'filed', label: '待受理', states: 'filed', keep: all },
  { name: 'accepted', label: '办理中', states: 'accepted', keep: all },
  { name: 'overdue', label: '已逾期', states: 'filed,accepted', keep: (a) => !!(a.due && a.due.overdue) },
  { name: 'settled', label: '已办结', states: 'refused,closed', keep: all },
];

// Every page of an application list (200 a page, newest first), up to `pages` pages; truncated
// when there were more.
export async function listAll(path, query, pages = 10) {
  const items = [];
  let before = '';
  for (let i = 0; i < pages; ++i) {
    const out = await get(path, { ...query, limit: 200, before });
    items.push(...out.items);
    if (!out.next_before) return { items, truncated: false };
    before = out.next_before;
  }
  return { items, truncated: true };
}

export const repairTabs = [
  { name: 'filed', label: '待办理', states: 'filed,accepted', keep: all },
  { name: 'settled', label: '已办结', states: 'refused,closed', keep: all },
];

export function attachmentKind(a) {
  if ((a.media_type || '').startsWith('image/')) return 'image';
  if (a.media_type === 'application/pdf') return 'pdf';
  return 'other';
}
