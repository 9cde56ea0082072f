import { findCaseById, insertMediaOnce, listCaseEvents } from '@urbangrid/db';
import { systemActor } from '@urbangrid/domain';
import { dbTest as test } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { applyCommand } from './apply-command.js';
import { createEngineContext, type EngineContext } from './engine-context.js';
import { reportTestCase, staff } from './test-support/index.js';

async function photoOf(context: EngineContext, city: string, sha256: string): Promise<string> {
  const photo = await insertMediaOnce(context.db, {
    id: `photo-${sha256}`,
    city,
    sha256,
    contentType: 'image/jpeg',
    size: 100,
    storageKey: `${sha256}.jpg`,
    createdAt: new Date(),
  });
  return photo.id;
}

/** A Hohhot case waiting for its verification by officer1. */
async function verifyingCase(context: EngineContext): Promise<string> {
  const { case: reported } = await reportTestCase(context);
  await applyCommand(context, {
    caseId: reported.id,
    command: { type: 'assignVerification', assignee: 'officer1' },
    actor: systemActor('test'),
  });
  return reported.id;
}

describe('what the rules cannot check, checked once before anything is written', () => {
  test('a photo of another city is refused like an unknown one; one of the case’s city is taken', async ({
    database,
  }) => {
    const context = createEngineContext({ db: database.db });
    const caseId = await verifyingCase(context);
    const baotou = await photoOf(context, '1502', 'b'.repeat(64));
    const verify = (mediaIds: string[]) =>
      applyCommand(context, {
        caseId,
        command: { type: 'verify', found: true },
        actor: staff.officer('officer1'),
        data: { mediaIds },
      });

    for (const ids of [[baotou], ['no-such-photo']]) {
      await expect(verify(ids)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        message: `mediaIds: unknown photo ${ids[0]}`,
      });
    }
    expect((await findCaseById(database.db, caseId))?.state).toBe('verifying');
    expect(await listCaseEvents(database.db, caseId)).toHaveLength(2);

    const hohhot = await photoOf(context, '1501', 'a'.repeat(64));
    expect((await verify([hohhot])).case.state).toBe('verified');
  });

  test('a dispatch goes only to a department of the case’s city, and only the dispatcher learns that', async ({
    database,
  }) => {
    const context = createEngineContext({ db: database.db });
    const caseId = await verifyingCase(context);
    await applyCommand(context, {
      caseId,
      command: { type: 'verify', found: true },
      actor: staff.officer('officer1'),
    });
    await applyCommand(context, { caseId, command: { type: 'file' }, actor: staff.shiftLead });
    const dispatch = (departmentId: string, actor = staff.dispatcher) =>
      applyCommand(context, { caseId, command: { type: 'dispatch', departmentId }, actor });

    // The rules speak first: whoever may not dispatch hears nothing about departments.
    await expect(dispatch('dept-1502-sanitation', staff.shiftLead)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    for (const departmentId of ['dept-1502-sanitation', 'no-such-department']) {
      await expect(dispatch(departmentId)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        message: `departmentId: no department ${departmentId} in this city`,
      });
    }
    expect((await findCaseById(database.db, caseId))?.state).toBe('filed');
    const dispatched = await dispatch('dept-1501-sanitation');
    expect(dispatched.case).toMatchObject({ state: 'dispatched', firstDepartmentId: 'dept-1501-sanitation' });
  });
});
