// The region an office page shows — ?region= (a city's or the province's 信用办 looking at a
// county; the national system administrator choosing one), else the user's own — and that
// region's departments (GET /api/v1/departments?region=), asked once per region.
import { get } from './api.js';
import { session } from './session.js';
import { memoByKey } from './memo.js';

export { nameIn } from './session.js';

export const isRegion = (s) => typeof s === 'string' && /^\d{6}$/.test(s);

export function shownRegion(route) {
  return isRegion(route.query.region) ? route.query.region : session.user.region;
}

const departmentsOf = memoByKey((region) => get('/api/v1/departments', { region }).then((d) => d.items));

// After a merge, or when the user signs out: ask again.
export const forgetDepartments = () => departmentsOf.clear();

export function departmentsIn(region) {
  if (region === session.user.region && session.departments.length) return Promise.resolve(session.departments);
  return departmentsOf(region);
}
