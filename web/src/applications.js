// What the objection and repair queues share: their tabs (the API's states, and the overdue ones
// among those accepted) and how an attachment is shown.
const all = () => true;

export const objectionTabs = [
  { name: 'filed', label: '待受理', states: 'filed', keep: all },
  { name: 'accepted', label: '办理中', states: 'accepted', keep: all },
  { name: 'overdue', label: '已逾期', states: 'accepted', keep: (a) => !!(a.due && a.due.overdue) },
  { name: 'settled', label: '已办结', states: 'refused,closed', keep: all },
];

export const repairTabs = [
  { name: 'filed', label: '待办理', states: 'filed,accepted', keep: all },
  { name: 'settled', label: '已办结', states: 'refused,closed', keep: all },
];

export function attachmentKind(a) {
  if ((a.media_type || '').startsWith('image/')) return 'image';
  if (a.media_type === 'application/pdf') return 'pdf';
  return 'other';
}
