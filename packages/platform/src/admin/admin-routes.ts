/**
 * Administration (系统管理) under `/api/admin`: each concern a plugin of its own, every change
 * validated, version-checked, audited and published (admin-changes.ts).
 */
import type { ServicePlugin } from '../service-plugin.js';
import { apiKeyAdminRoutes } from './api-key-admin-routes.js';
import { auditRoutes } from './audit-routes.js';
import { calendarAdminRoutes } from './calendar-admin-routes.js';
import { catalogueAdminRoutes } from './catalogue-admin-routes.js';
import { cityAdminRoutes } from './city-admin-routes.js';
import { departmentAdminRoutes } from './department-admin-routes.js';
import { evaluationAdminRoutes } from './evaluation-admin-routes.js';
import { gridAdminRoutes } from './grid-admin-routes.js';
import { matrixAdminRoutes } from './matrix-admin-routes.js';
import { phoneAccessRoutes } from './phone-access-routes.js';
import { publicationAdminRoutes } from './publication-admin-routes.js';
import { regionProgramAdminRoutes } from './region-program-admin-routes.js';
import { regionRankingAdminRoutes } from './region-ranking-admin-routes.js';
import { regionTargetAdminRoutes } from './region-target-admin-routes.js';
import { rotaAdminRoutes } from './rota-admin-routes.js';
import { acceptWorkbooks } from './spreadsheet.js';
import { userAdminRoutes } from './user-admin-routes.js';
import { webhookAdminRoutes } from './webhook-admin-routes.js';

export const adminRoutes: ServicePlugin = async (app) => {
  acceptWorkbooks(app);
  await app.register(auditRoutes);
  await app.register(calendarAdminRoutes);
  await app.register(userAdminRoutes);
  await app.register(departmentAdminRoutes);
  await app.register(rotaAdminRoutes);
  await app.register(gridAdminRoutes);
  await app.register(publicationAdminRoutes);
  await app.register(apiKeyAdminRoutes);
  await app.register(cityAdminRoutes);
  await app.register(evaluationAdminRoutes);
  await app.register(webhookAdminRoutes);
  await app.register(matrixAdminRoutes);
  await app.register(catalogueAdminRoutes);
  await app.register(phoneAccessRoutes);
  await app.register(regionTargetAdminRoutes);
  await app.register(regionProgramAdminRoutes);
  await app.register(regionRankingAdminRoutes);
};
