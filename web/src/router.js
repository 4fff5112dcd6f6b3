// The pages and who may open them. A page for roles the user lacks sends them to the first page
// their role has; a signed-out visitor goes to /login and comes back after signing in.
import { createRouter, createWebHistory } from 'vue-router';
import { session, loadSession, hasRole, navigation } from './session.js';
import LoginPage from './pages/LoginPage.vue';
import RecordsPage from './pages/RecordsPage.vue';
import RecordFormPage from './pages/RecordFormPage.vue';
import RecordPage from './pages/RecordPage.vue';
import ImportsPage from './pages/ImportsPage.vue';
import ReviewPage from './pages/ReviewPage.vue';
import HomePage from './pages/HomePage.vue';
import BoardPage from './pages/BoardPage.vue';
import ObjectionsPage from './pages/ObjectionsPage.vue';
import RepairsPage from './pages/RepairsPage.vue';
import DepartmentsPage from './pages/DepartmentsPage.vue';
import { officeRoutes } from './office/routes.js';
import { publicRoutes } from './public/routes.js';

const roles = (path) => navigation.find((n) => n.path === path).roles;
// An objection handler opens a record from its queue and corrects it through the record's form.
const withHandler = (path) => [...roles(path), 'objection_handler'];
const page = (path, component) => ({ path, component, meta: { roles: roles(path), title: navigation.find((n) => n.path === path).title } });

const routes = [
  { path: '/login', component: LoginPage, meta: { open: true, title: '登录' } },
  { path: '/', component: HomePage, meta: { title: '首页' } },
  { path: '/records', component: RecordsPage, meta: { roles: roles('/records'), title: '我的记录' } },
  { path: '/records/new', component: RecordFormPage, meta: { roles: roles('/records/new'), title: '填报' } },
  {
    path: '/records/:region(\\d{6})/:id(\\d+)/edit',
    component: RecordFormPage,
    meta: { roles: withHandler('/records/new'), title: '修改记录' },
  },
  {
    path: '/records/:region(\\d{6})/:id(\\d+)',
    component: RecordPage,
    meta: { roles: withHandler('/records'), title: '记录详情' },
  },
  { path: '/imports', component: ImportsPage, meta: { roles: roles('/imports'), title: '批量导入' } },
  { path: '/review', component: ReviewPage, meta: { roles: roles('/review'), title: '审核' } },
  page('/board', BoardPage),
  page('/objections', ObjectionsPage),
  page('/repairs', RepairsPage),
  page('/departments', DepartmentsPage),
  ...officeRoutes.map((r) => ({ ...r, meta: { ...r.meta, roles: roles(r.path) } })),
  ...publicRoutes,
  { path: '/gongshi/:rest(.*)*', redirect: '/gongshi' }, // the public site's own "not found"
  { path: '/:rest(.*)*', component: HomePage, meta: { title: '首页' } },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  if (to.meta.public) return true; // the public site asks nothing of a session
  // In another site's frame (--embed-origin) only the public pages are shown.
  if (window.top !== window.self) return { path: '/gongshi', query: { embed: '1' } };
  if (!session.checked) await loadSession();
  if (to.meta.open) return true;
  if (!session.user) return { path: '/login', query: { next: to.fullPath } };
  if (to.meta.roles && !hasRole(...to.meta.roles)) return { path: '/' };
  return true;
});

router.afterEach((to) => {
  document.title = `${to.meta.title || ''} · 双公示信息报送系统`;
});
