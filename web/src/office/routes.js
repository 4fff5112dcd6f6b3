// The credit office's pages (信用办): the monthly 通报, the catalog–ledger check, the department
// statistics, the region's rule scripts and the working-day calendar. The lead wires them into
// router.js with their roles.
import MonthlyReportPage from './MonthlyReportPage.vue';
import CatalogReportPage from './CatalogReportPage.vue';
import DepartmentStatsPage from './DepartmentStatsPage.vue';
import RulesPage from './RulesPage.vue';
import CalendarPage from './CalendarPage.vue';

export const officeRoutes = [
  { path: '/reports/monthly', component: MonthlyReportPage, meta: { title: '月度通报' } },
  { path: '/reports/catalog', component: CatalogReportPage, meta: { title: '目录–台账核对' } },
  { path: '/reports/departments', component: DepartmentStatsPage, meta: { title: '部门统计' } },
  { path: '/rules', component: RulesPage, meta: { title: '规则' } },
  { path: '/calendar', component: CalendarPage, meta: { title: '工作日历' } },
];
