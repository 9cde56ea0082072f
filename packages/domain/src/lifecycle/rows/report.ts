/** 上报 / 受理: the one command that creates a case — who may report, and the state a new case starts in. */
import { z } from 'zod';
import { urgencySchema } from '../../codes/urgency.js';
import { assignTask, notify } from '../follow-ups.js';
import { creation } from '../rule.js';

/** Where a report came from (案件来源). */
export const reportSources = [
  'hotline',
  'app',
  'officer',
  'public',
  'video',
  'inspection',
  'police110',
] as const;
export type ReportSource = (typeof reportSources)[number];

/** `police110`: an urban-management call the 110 police desk handed over (its own key, signed). */
const intakeSources: readonly string[] = ['hotline', 'app', 'public', 'video', 'police110'];

export const reportRule = creation({
  term: '上报',
  issuers: { roles: ['intake_operator', 'grid_officer', 'region_inspector'], integrations: true },
  body: z.object({
    source: z.enum(reportSources),
    /** 自行处置: an officer fixed it on the spot; only for source `officer`. */
    selfHandled: z.boolean().optional(),
    urgency: urgencySchema.optional(),
  }),
  accepts: (command, actor) => {
    if (command.selfHandled === true && command.source !== 'officer') {
      return { code: 'VALIDATION_FAILED', reason: 'only an officer report can be self-handled (自行处置)' };
    }
    const isOfficer = actor.kind === 'user' && actor.roles.includes('grid_officer');
    const isIntake =
      actor.kind === 'integration' || (actor.kind === 'user' && actor.roles.includes('intake_operator'));
    if (command.source === 'officer' && !isOfficer) {
      return { code: 'FORBIDDEN', reason: "only a grid officer may make a report with source 'officer'" };
    }
    const isInspector = actor.kind === 'user' && actor.roles.includes('region_inspector');
    if (command.source === 'inspection' && !isInspector) {
      return {
        code: 'FORBIDDEN',
        reason: "only a region inspector may make a report with source 'inspection'",
      };
    }
    if (intakeSources.includes(command.source) && !isIntake) {
      return {
        code: 'FORBIDDEN',
        reason: `a '${command.source}' report is registered by an intake operator or an integration`,
      };
    }
    return null;
  },
  outcome: (command, actor) => {
    // The reporter is the user who saw the problem: the officer. A hotline or public report comes
    // from a citizen, whose contact details live with the report, not in the rules.
    const sawIt = command.source === 'officer' || command.source === 'inspection';
    const reporter = sawIt && actor.kind === 'user' ? actor.username : null;
    const base = {
      source: command.source,
      reporter,
      selfHandled: false,
      checkPassed: false,
      urgency: command.urgency ?? 'normal',
    } as const;
    if (!sawIt) {
      // Reports from outside the patrol are verified on site first (核实).
      return {
        to: 'reported',
        set: base,
        followUps: [assignTask('verification'), notify('intake_operator', 'case.reported')],
      };
    }
    if (command.selfHandled === true) {
      // The officer's after-photo is the check: the report is the verification, the fix and the
      // check at once, and the case waits only for the shift lead to close it.
      return {
        to: 'reviewed',
        set: { ...base, selfHandled: true, checkPassed: true },
        stamps: ['verified', 'handled', 'reviewed'],
        followUps: [notify('shift_lead', 'case.selfHandled')],
      };
    }
    // An officer (or the region's inspector, 检查考评) saw it on site: no verification needed.
    return {
      to: 'verified',
      set: base,
      stamps: ['verified'],
      followUps: [notify('shift_lead', 'case.verified')],
    };
  },
});
