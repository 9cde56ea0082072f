/**
 * Routes per role. Every screen but the login wants a session; a screen for other roles sends the
 * user to their own home screen.
 */
import type { Pinia } from 'pinia';
import {
  createRouter,
  createWebHistory,
  type RouteRecordRaw,
  type Router,
  type RouterHistory,
} from 'vue-router';
import { canUse, homeScreenOf, type Screen } from '../domain/roles';
import { useAuthStore } from '../stores/auth';

declare module 'vue-router' {
  interface RouteMeta {
    screen?: Screen;
    public?: boolean;
    /** Shown without the console's bar (the big screen fills the display). */
    fullscreen?: boolean;
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('../views/LoginView.vue'),
    meta: { public: true },
  },
  {
    path: '/officer',
    name: 'officer',
    component: () => import('../views/officer/OfficerTasks.vue'),
    meta: { screen: 'officer' },
  },
  {
    path: '/officer/report',
    name: 'officer-report',
    component: () => import('../views/officer/OfficerReport.vue'),
    meta: { screen: 'officer' },
  },
  {
    path: '/officer/reports',
    name: 'officer-reports',
    component: () => import('../views/officer/MyReports.vue'),
    meta: { screen: 'officer' },
  },
  {
    path: '/officer/tasks/:id',
    name: 'officer-task',
    component: () => import('../views/officer/FieldTask.vue'),
    meta: { screen: 'officer' },
  },
  {
    path: '/intake',
    name: 'intake',
    component: () => import('../views/intake/IntakeView.vue'),
    meta: { screen: 'intake' },
  },
  {
    path: '/shift-lead',
    name: 'shift-lead',
    component: () => import('../views/boards/ShiftLeadBoard.vue'),
    meta: { screen: 'shift-lead' },
  },
  {
    path: '/dispatch',
    name: 'dispatch',
    component: () => import('../views/boards/DispatcherBoard.vue'),
    meta: { screen: 'dispatch' },
  },
  {
    path: '/department',
    name: 'department',
    component: () => import('../views/boards/DepartmentInbox.vue'),
    meta: { screen: 'department' },
  },
  {
    path: '/supervision',
    name: 'supervision',
    component: () => import('../views/supervision/SupervisorView.vue'),
    meta: { screen: 'supervision' },
  },
  {
    path: '/supervision/monthly/:month',
    name: 'monthly-report',
    component: () => import('../views/analysis/MonthlyReportView.vue'),
    meta: { screen: 'supervision' },
  },
  {
    path: '/region',
    name: 'region',
    component: () => import('../views/supervision/RegionView.vue'),
    meta: { screen: 'region' },
  },
  {
    path: '/region/inspections',
    name: 'inspection-rounds',
    component: () => import('../views/region/InspectionRoundsView.vue'),
    meta: { screen: 'region' },
  },
  // The region desk (自治区平台): targets' attainment, the cities' reports, ranking and bulletins.
  {
    path: '/region/desk',
    name: 'region-desk',
    component: () => import('../views/region/AttainmentView.vue'),
    meta: { screen: 'region-desk' },
  },
  {
    path: '/region/desk/reports',
    name: 'region-report-review',
    component: () => import('../views/region/ReportReviewView.vue'),
    meta: { screen: 'region-desk' },
  },
  {
    path: '/region/desk/ranking',
    name: 'region-ranking',
    component: () => import('../views/region/RankingView.vue'),
    meta: { screen: 'region-desk' },
  },
  {
    path: '/region/desk/bulletins/:period',
    name: 'region-bulletin',
    component: () => import('../views/region/BulletinView.vue'),
    meta: { screen: 'region-desk', fullscreen: true },
  },
  {
    path: '/supervision/indicator-reports',
    name: 'city-reports',
    component: () => import('../views/region/CityReportsView.vue'),
    meta: { screen: 'city-reports' },
  },
  {
    path: '/inspection',
    name: 'inspection',
    component: () => import('../views/region/InspectorView.vue'),
    meta: { screen: 'inspection' },
  },
  {
    path: '/survey/:token',
    name: 'survey',
    component: () => import('../views/public/SurveyView.vue'),
    meta: { public: true, fullscreen: true },
  },
  {
    path: '/admin',
    name: 'admin',
    component: () => import('../views/admin/AdminView.vue'),
    meta: { screen: 'admin' },
  },
  {
    path: '/screen',
    name: 'screen',
    component: () => import('../views/screen/CommandScreen.vue'),
    meta: { screen: 'screen', fullscreen: true },
  },
  {
    path: '/search',
    name: 'search',
    component: () => import('../views/search/CaseSearchView.vue'),
    meta: { screen: 'search' },
  },
  {
    // The reporter's page, linked from their updates (reporter updates): no sign-in.
    path: '/r/:token',
    name: 'reporter',
    component: () => import('../views/public/ReporterPageView.vue'),
    props: true,
    meta: { public: true },
  },
  { path: '/cases/:id', name: 'case', component: () => import('../views/CaseDetailView.vue') },
  { path: '/', name: 'home', component: () => import('../views/LoginView.vue') },
  { path: '/:rest(.*)*', redirect: '/' },
];

export function createConsoleRouter(pinia: Pinia, history: RouterHistory = createWebHistory('/')): Router {
  const router = createRouter({ history, routes });
  router.beforeEach((to) => {
    const auth = useAuthStore(pinia);
    if (to.meta.public) return true;
    if (!auth.signedIn) return { name: 'login', query: to.fullPath === '/' ? {} : { next: to.fullPath } };
    // An admin-set password is changed first (the login screen asks for it).
    if (auth.mustChangePassword) return { name: 'login' };
    const home = homeScreenOf(auth.roles);
    if (to.name === 'home') return home ? { name: home } : { name: 'login' };
    if (to.meta.screen && !canUse(auth.roles, to.meta.screen))
      return home ? { name: home } : { name: 'login' };
    return true;
  });
  return router;
}
