/**
 * The region's inspections and surveys as admins start them: `POST /api/admin/region/inspections`
 * (检查考评轮次, region admins) and `POST /api/admin/surveys` (民意调查, a city's admin for their
 * city, a region admin for any). Both audited; results are read under /api/region.
 */

import { z } from 'zod';
import type { RouteAccess } from '../auth/route-access.js';
import type { ServicePlugin } from '../service-plugin.js';
import { changeRecorder } from './admin-changes.js';
import { administeredCity, requireRegionAdmin } from './admin-scope.js';
import { inspectionRoundInput, inspectionRoundView, planInspectionRound } from './inspection-round-admin.js';
import {
  createSurveyCampaign,
  surveyCampaignInput,
  surveyCampaignView,
  surveyInvitationView,
} from './survey-campaign-admin.js';

const admins: RouteAccess = { roles: ['admin'] };

export const regionProgramAdminRoutes: ServicePlugin = async (app) => {
  app.post(
    '/region/inspections',
    {
      config: { access: admins },
      schema: {
        tags: ['admin', 'region'],
        summary:
          'Plans an inspection round (检查考评): cities, days and a checklist of plan targets and categories (region admins)',
        description:
          'Every city must be of the region, every `target` line a plan indicator (GET /api/region/targets) and every `category` line a catalogue category; each unknown one is named in `errors` (400). The region inspectors record findings during the round’s days (POST /api/intake/inspections/findings).',
        body: inspectionRoundInput,
        response: { 201: inspectionRoundView },
      },
    },
    async (request, reply) => {
      const { actor, record } = changeRecorder(request);
      requireRegionAdmin(actor, 'plans inspection rounds');
      const round = await planInspectionRound(app.db, app.reference, record, {
        ...request.body,
        createdBy: actor.username,
        now: new Date(),
      });
      return reply.code(201).send(round);
    },
  );

  app.post(
    '/surveys',
    {
      config: { access: admins },
      schema: {
        tags: ['admin', 'region'],
        summary:
          'Starts a public opinion survey (民意调查) of a city: questions, days, a sample of closed cases’ reporters and public links',
        description:
          'Every campaign asks the overall satisfaction (satisfied, basically satisfied, unsatisfied); `questions` add ratings (1–5), yes/no and texts. The sampled cases’ reporters are called by the hotline (GET /api/intake/survey-calls) or answer by their link; each `token` is shown only here and opens /survey/<token> once.',
        body: surveyCampaignInput,
        response: {
          201: z.object({ campaign: surveyCampaignView, invitations: z.array(surveyInvitationView) }),
        },
      },
    },
    async (request, reply) => {
      const { actor, record } = changeRecorder(request);
      await administeredCity(actor, request.body.city, app.reference);
      const created = await createSurveyCampaign(app.db, record, {
        ...request.body,
        createdBy: actor.username,
        now: new Date(),
      });
      return reply.code(201).send(created);
    },
  );
};
