// The departments a public page filters by and names (GET /public/departments?region=): asked
// once per region and shared by the pages.
import { get } from '../api.js';
import { memoByKey } from '../memo.js';

export const loadDepartments = memoByKey((region) =>
  get('/public/departments', { region }).then((d) => (d && d.items) || []),
);

export function departmentNameIn(list, id) {
  const d = (list || []).find((x) => x.id === id);
  return d ? d.name : '';
}
