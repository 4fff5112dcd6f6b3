// The departments a public page filters by and names (GET /public/departments?region=): asked
// once per region and shared by the pages.
import { get } from '../api.js';

const cache = new Map();

export function loadDepartments(region) {
  const key = region || '';
  if (!cache.has(key)) {
    const p = get('/public/departments', { region: key })
      .then((d) => (d && d.items) || [])
      .catch((e) => {
        cache.delete(key);
        throw e;
      });
    cache.set(key, p);
  }
  return cache.get(key);
}

export function departmentNameIn(list, id) {
  const d = (list || []).find((x) => x.id === id);
  return d ? d.name : '';
}
