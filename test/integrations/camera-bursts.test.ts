/**
 * Issue 18.5, camera feeds at volume: a video-analytics key's detections of the same category at
 * the same place by one camera within the window (10 minutes) make one case with a count and the
 * latest photo. 500 detections from 5 cameras in a minute, sent 50 at a time, make 10 cases (each
 * camera sees two problems) however they interleave; a detection after the window opens a new one.
 */
import { randomUUID } from 'node:crypto';
import { cameraBursts, cases, media } from '@urbangrid/db';
import { redisTest } from '@urbangrid/test-support';
import { eq, like } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { lifecycleForFile, monday0900 } from '../lifecycle/lifecycle-harness.js';

const cameras = ['cam-01', 'cam-02', 'cam-03', 'cam-04', 'cam-05'];
const categories = ['E0101', 'E0103'];
/** Each camera's spot, about 150 m apart in Xincheng district. */
const spotOf = (camera: number) => ({ lat: 40.85 + camera * 0.0015, lng: 111.7 });

interface Answer {
  status: number;
  id: string;
  cameraBurst?: { detections: number; latestMediaId: string | null };
}

describe('camera detections at volume', () => {
  const life = lifecycleForFile();

  async function detect(camera: number, category: string, mediaIds?: string[]): Promise<Answer> {
    const response = await life.app.inject({
      method: 'POST',
      url: '/api/intake/reports',
      headers: { 'x-api-key': 'video-demo-key' },
      payload: {
        source: 'video',
        categoryCode: category,
        description: `AI detection ${category}`,
        location: spotOf(camera),
        cameraId: cameras[camera],
        ...(mediaIds ? { mediaIds } : {}),
      },
    });
    const body = response.json() as { id: string; cameraBurst?: Answer['cameraBurst'] };
    expect([200, 201], response.body).toContain(response.statusCode);
    return { status: response.statusCode, id: body.id, cameraBurst: body.cameraBurst };
  }

  redisTest(
    '500 detections from 5 cameras in a minute make 10 cases, each with its count and latest photo',
    async ({ database }) => {
      const { db } = database;
      const photo = async () => {
        const id = `media-${randomUUID()}`;
        await db.insert(media).values({
          id,
          city: '1501',
          sha256: randomUUID().replaceAll('-', ''),
          contentType: 'image/jpeg',
          size: 1000,
          storageKey: `test/${id}`,
          createdAt: new Date(),
        });
        return id;
      };
      const firstPhoto = await photo();
      const lastPhoto = await photo();

      const detections = Array.from({ length: 500 }, (_, i) => ({
        camera: i % cameras.length,
        category: categories[Math.floor(i / cameras.length) % categories.length] ?? 'E0101',
        at: new Date(monday0900.getTime() + i * 110),
        photo: i === 0 ? firstPhoto : i === 490 ? lastPhoto : undefined,
      }));
      const answers: Answer[] = [];
      // 50 at once: detections of one burst race each other to open its case.
      for (let from = 0; from < detections.length; from += 50) {
        const batch = detections.slice(from, from + 50);
        life.clock.now = batch[0]?.at ?? monday0900;
        answers.push(
          ...(await Promise.all(
            batch.map((d) => detect(d.camera, d.category, d.photo ? [d.photo] : undefined)),
          )),
        );
      }
      expect(answers.filter((a) => a.status === 201)).toHaveLength(10);
      expect(answers.filter((a) => a.status === 200)).toHaveLength(490);
      const videoCases = await db.select().from(cases).where(eq(cases.source, 'video'));
      expect(videoCases).toHaveLength(10);
      expect(new Set(answers.map((a) => a.id))).toEqual(new Set(videoCases.map((c) => c.id)));

      const bursts = await db.select().from(cameraBursts);
      expect(bursts).toHaveLength(10);
      expect(bursts.map((b) => b.detections)).toEqual(Array(10).fill(50));
      const firstCase = answers[0]?.id;
      const ofFirst = bursts.find((b) => b.caseId === firstCase);
      expect(ofFirst).toMatchObject({ cameraId: 'cam-01', categoryCode: 'E0101', latestMediaId: lastPhoto });
      // The shift lead's case view shows the count and the latest photo.
      expect((await life.read(firstCase ?? '')).cameraBurst).toMatchObject({
        cameraId: 'cam-01',
        detections: 50,
        latestMediaId: lastPhoto,
      });
      // Each answer told the running count; the last of a burst says 50.
      expect(
        Math.max(...answers.filter((a) => a.id === firstCase).map((a) => a.cameraBurst?.detections ?? 0)),
      ).toBe(50);

      // Within the window a detection still joins; past it, the same detection is a new case.
      life.clock.now = new Date(monday0900.getTime() + 65_000);
      expect(await detect(1, 'E0103')).toMatchObject({ status: 200, cameraBurst: { detections: 51 } });
      life.clock.now = new Date(monday0900.getTime() + 60_000 + 11 * 60_000);
      const later = await detect(0, 'E0101');
      expect(later).toMatchObject({ status: 201, cameraBurst: { detections: 1 } });
      expect(later.id).not.toBe(firstCase);
      const [retired] = await db
        .select()
        .from(cameraBursts)
        .where(eq(cameraBursts.caseId, firstCase ?? ''));
      expect(retired).toMatchObject({ current: false, detections: 50 });
    },
  );

  redisTest(
    'a retried detection under the same Idempotency-Key answers as before and counts once',
    async ({ database }) => {
      life.clock.now = monday0900;
      const send = (key: string, camera = 2) =>
        life.app.inject({
          method: 'POST',
          url: '/api/intake/reports',
          headers: { 'x-api-key': 'video-demo-key', 'idempotency-key': key },
          payload: {
            source: 'video',
            categoryCode: 'E0101',
            description: 'AI detection E0101',
            location: spotOf(camera),
            // A camera of its own: the bursts of the test above are current still.
            cameraId: `cam-retry-${camera}`,
          },
        });
      const detections = async (caseId: string) =>
        (await database.db.select().from(cameraBursts).where(eq(cameraBursts.caseId, caseId)))[0]?.detections;

      // The detection that opens the burst, sent twice: one case, counted once.
      const opened = await send('det-1');
      expect(opened.statusCode).toBe(201);
      const caseId = (opened.json() as { id: string }).id;
      const openedAgain = await send('det-1');
      expect(openedAgain.statusCode).toBe(201);
      expect(openedAgain.headers['idempotent-replayed']).toBe('true');
      expect(openedAgain.json()).toMatchObject({ id: caseId, cameraBurst: { detections: 1 } });
      expect(await detections(caseId)).toBe(1);

      // A detection counted into the burst, retried in a row and five times at once: counted once.
      const joined = await send('det-2');
      expect(joined.statusCode).toBe(200);
      expect(joined.json()).toMatchObject({ id: caseId, cameraBurst: { detections: 2 } });
      const retries = [
        await send('det-2'),
        ...(await Promise.all(Array.from({ length: 5 }, () => send('det-2')))),
      ];
      for (const retry of retries) {
        expect(retry.statusCode).toBe(200);
        expect(retry.headers['idempotent-replayed']).toBe('true');
        expect(retry.json()).toMatchObject({ id: caseId });
      }
      // Five new detections at once, each under its own key, each sent twice at once: five more.
      await Promise.all(['a', 'b', 'c', 'd', 'e'].flatMap((k) => [send(`det-${k}`), send(`det-${k}`)]));
      expect(await detections(caseId)).toBe(7);
      const retryCases = await database.db
        .select()
        .from(cameraBursts)
        .where(like(cameraBursts.cameraId, 'cam-retry-%'));
      expect(retryCases).toHaveLength(1);

      // The same key for another detection is refused, and counts nothing.
      const reused = await send('det-2', 3);
      expect(reused.statusCode).toBe(409);
      expect(await detections(caseId)).toBe(7);
    },
  );

  redisTest('a camera id belongs to video reports only', async () => {
    const response = await life.post('operator1', '/api/intake/reports', {
      source: 'hotline',
      categoryCode: 'E0101',
      description: 'a call',
      location: spotOf(0),
      cameraId: 'cam-01',
    });
    expect(response.status).toBe(400);
  });
});
