// Who is signed in, as the server says (/api/v1/auth/me), the lifecycle's labels, and what the
// navigation offers each role. The server decides every permission; this only hides what a
// role could not use anyway.
import { reactive } from 'vue';
import { get, post, setCsrfToken, ApiError } from './api.js';

export const session = reactive({
  user: null,
  checked: false,
  lifecycle: null,
  departments: [],
});

export async function loadSession() {
  try {
    const me = await get('/api/v1/auth/me');
    setCsrfToken(me.csrf_token);
    session.user = me;
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
    session.user = null;
  }
  session.checked = true;
  if (session.user && !session.lifecycle) {
    session.lifecycle = await get('/api/v1/lifecycle');
    await reloadDepartments();
  }
  return session.user;
}

// The user's region's departments again (after a merge, say).
export async function reloadDepartments() {
  const deps = await get('/api/v1/departments', { region: session.user.region }).catch(() => null);
  session.departments = (deps && deps.items) || [];
}

export async function signIn(login, password) {
  const out = await post('/api/v1/auth/login', { login, password });
  setCsrfToken(out.csrf_token);
  session.user = null;
  session.lifecycle = null;
  return loadSession();
}

export async function signOut() {
  try {
    await post('/api/v1/auth/logout');
  } finally {
    setCsrfToken('');
    session.user = null;
    session.lifecycle = null;
  }
}

// The server's day in Shanghai (its clock or --now): the pages' default month and year.
export const serverToday = () => session.user.today;

export function hasRole(...roles) {
  return !!session.user && session.user.roles.some((r) => roles.includes(r));
}

export function stateLabel(name) {
  const s = session.lifecycle && session.lifecycle.states.find((x) => x.name === name);
  return s ? s.label : name;
}

export function roleLabel(name) {
  return (session.lifecycle && session.lifecycle.roles[name]) || name;
}

// The lifecycle's events and the history's notes that change no state (edit, comment, remind).
export function eventLabel(name) {
  const e = session.lifecycle && session.lifecycle.events.find((x) => x.name === name);
  if (e) return e.label;
  return (session.lifecycle && session.lifecycle.notes[name]) || name;
}

// A department's name in `list` (部门 N when it is not there, '' for none).
export function nameIn(list, id) {
  if (id === null || id === undefined) return '';
  const d = (list || []).find((x) => x.id === id);
  return d ? d.name : `部门 ${id}`;
}

export const departmentName = (id) => nameIn(session.departments, id);

// Whether the user may change the fields of a record in `state`: one of the lifecycle's editors
// of that state (the server also checks the department).
export function mayEditIn(state) {
  const s = session.lifecycle && session.lifecycle.states.find((x) => x.name === state);
  return !!s && (s.editors || []).some((r) => hasRole(r));
}

// The signed-in pages and the roles that use them: the roles the API lets do what the page does.
// A user lands on the first of them their role has (the 信用办 on the board, a department on its records).
const office = ['credit_office', 'sysadmin'];
export const navigation = [
  { path: '/board', title: '期限看板', roles: office },
  { path: '/reports/monthly', title: '月度通报', roles: office },
  { path: '/reports/catalog', title: '目录–台账核对', roles: office },
  { path: '/reports/departments', title: '部门统计', roles: office },
  { path: '/records', title: '我的记录', roles: ['filler', 'reviewer', 'dept_admin', ...office] },
  { path: '/records/new', title: '填报', roles: ['filler', 'dept_admin'] },
  { path: '/imports', title: '批量导入', roles: ['filler', 'dept_admin'] },
  { path: '/review', title: '审核', roles: ['reviewer', 'dept_admin'] },
  { path: '/objections', title: '异议处理', roles: ['objection_handler', 'credit_office', 'dept_admin'] },
  { path: '/repairs', title: '信用修复', roles: ['credit_office'] },
  { path: '/rules', title: '规则', roles: office },
  { path: '/calendar', title: '工作日历', roles: office },
  { path: '/departments', title: '部门与用户', roles: ['dept_admin', ...office] },
];
