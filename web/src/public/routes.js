// The public pages (no sign-in) for the 行政相对人 and everyone else: the published records, one
// record with 提出异议 / 申请信用修复, the progress of an application by its query code, and the
// 事项目录. meta.open lets them past the sign-in check (App.vue shows them bare); meta.public marks
// them as the public site's.
import GongshiListPage from './GongshiListPage.vue';
import PublicRecordPage from './PublicRecordPage.vue';
import FilingPage from './FilingPage.vue';
import QueryPage from './QueryPage.vue';
import CatalogPage from './CatalogPage.vue';

const open = (title, extra = {}) => ({ open: true, public: true, title, ...extra });

export const publicRoutes = [
  { path: '/gongshi', component: GongshiListPage, meta: open('公示查询') },
  { path: '/gongshi/catalog', component: CatalogPage, meta: open('事项目录') },
  { path: '/gongshi/query', component: QueryPage, meta: open('办理进度查询') },
  { path: '/gongshi/:region(\\d{6})/:id(\\d+)', component: PublicRecordPage, meta: open('公示信息') },
  {
    path: '/gongshi/:region(\\d{6})/:id(\\d+)/objection',
    component: FilingPage,
    meta: open('提出异议', { filing: 'objection' }),
  },
  {
    path: '/gongshi/:region(\\d{6})/:id(\\d+)/repair',
    component: FilingPage,
    meta: open('申请信用修复', { filing: 'repair' }),
  },
];
