/**
 * Notices that matter (issue 16.9): when a department's case runs out of time (red), its handler's
 * bell turns red with the number of urgent notices waiting; the urgent one is listed first, marked
 * 紧急, stays after "mark all read" and is cleared by acknowledging it (确认收到). The handler's
 * signing for the case tells the dispatcher nothing (it is no work of theirs).
 */
import { createDatabase } from '@urbangrid/db';
import { type Stage, systemActor } from '@urbangrid/domain';
import { applyCommand, createEngineContext } from '@urbangrid/engine';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiCase, apiAs, officerReport } from './api.js';
import { roleSessions } from './browser.js';
import { artifacts } from './server.js';

const baseUrl = inject('consoleUrl');
const databaseUrl = inject('databaseUrl');
const sessions = roleSessions(baseUrl, `${artifacts}browser-urgent-notices.log`);

interface Department {
  id: string;
  code: string;
}
interface Inbox {
  items: Array<{ caseId: string | null; event: string }>;
}

/** What only time does: the stage deadline of the case runs out, through the engine as its timer would. */
async function runOutOfTime(caseId: string): Promise<void> {
  const database = createDatabase(databaseUrl, { max: 1 });
  try {
    const context = createEngineContext({ db: database.db });
    const detail = await apiAs<{ deadline: { stage: Stage } }>(baseUrl, 'shiftlead1', `/api/cases/${caseId}`);
    await applyCommand(context, {
      caseId,
      command: { type: 'markOverdue', stage: detail.deadline.stage, light: 'red' },
      actor: systemActor('deadline'),
    });
  } finally {
    await database.close();
  }
}

describe('notices that matter', () => {
  beforeAll(() => sessions.start());
  afterEach(() => sessions.closeAll());
  afterAll(() => sessions.stop());

  it('a red case stands out in its handler’s bell until acknowledged; signing tells the dispatcher nothing', async () => {
    expect(databaseUrl, 'the walk needs the database (CONSOLE_E2E_DATABASE_URL)').not.toBe('');
    const reported = await officerReport(baseUrl, '紧急通知：人行道垃圾堆放，请清理');
    const filed = await apiAs<ApiCase>(baseUrl, 'shiftlead1', `/api/dispatch/cases/${reported.id}/file`, {});
    const departmentId = filed.suggestedDepartmentId ?? '';
    const departments = await apiAs<Department[]>(baseUrl, 'admin', '/api/departments');
    const handler = `handler-${departments.find((d) => d.id === departmentId)?.code}`;
    await apiAs(baseUrl, 'dispatcher1', `/api/dispatch/cases/${reported.id}/dispatch`, { departmentId });
    await apiAs(baseUrl, handler, `/api/handling/cases/${reported.id}/accept`, {});

    const page = await sessions.asRole(handler);
    await page.locator('[data-test="notice-bell"]').waitFor();
    expect(await page.locator('[data-test="notice-urgent"]').count()).toBe(0);
    await runOutOfTime(reported.id);

    // Live: the bell turns red and says one urgent notice waits.
    const waiting = page.locator('[data-test="notice-urgent"]');
    await waiting.waitFor();
    expect(await waiting.textContent()).toContain('1 条紧急通知待确认');
    await page.locator('[data-test="notice-bell"]').click();
    const first = page.locator('[data-test="notice-panel"] li').first();
    expect(await first.locator('[data-urgent]').count()).toBe(1);
    expect(await first.textContent()).toContain('紧急');
    expect(await first.textContent()).toContain(reported.caseNo);
    await page.screenshot({ path: `${artifacts}notices-urgent-handler.png` });

    // "Mark all read" clears the others, not the urgent one.
    await page.locator('[data-test="notice-mark-all"]').click();
    await expect.poll(() => page.locator('[data-test="notice-panel"] .inbox-item.unread').count()).toBe(1);
    expect(await waiting.isVisible()).toBe(true);
    await first.locator('[data-test="notice-acknowledge"]').click();
    await waiting.waitFor({ state: 'detached' });
    expect(await page.locator('[data-test="notice-count"]').count()).toBe(0);

    // The dispatcher heard of the filing (work: dispatch it), not of the department signing for it.
    const dispatcher = await apiAs<Inbox>(baseUrl, 'dispatcher1', '/api/notices?limit=200');
    const about = dispatcher.items.filter((n) => n.caseId === reported.id).map((n) => n.event);
    expect(about).toContain('case.filed');
    expect(about).not.toContain('case.accepted');
  });
});
