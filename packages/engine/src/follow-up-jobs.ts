/**
 * Follow-ups (后续动作) of a transition as outbox rows: which stage queue does the work, under which
 * job id. Job ids derive from the event id (and the follow-up's place in the plan), deadline timers
 * from case + stage + armed version + light, so relaying a row twice adds nothing new.
 *
 * One job per transition (beside its deadline timer): its notices ride in the job of its other
 * work (a task to hand out, a department to suggest), or in one notice job when it has none, each
 * notice under the id its own job would have had.
 */
import type { CaseRow, NewOutboxRow } from '@urbangrid/db';
import type { Audience, FollowUp } from '@urbangrid/domain';
import type { DeadlineTimer } from './deadline-clock.js';
import type { JobPayloads, QueueKind } from './queues.js';

interface OutboxJob<K extends QueueKind> {
  queue: K;
  jobName: string;
  jobId: string;
  payload: JobPayloads[K];
  runAt?: Date;
}

type AnyOutboxJob = { [K in QueueKind]: OutboxJob<K> }[QueueKind];

export function deadlineJobId(
  caseId: string,
  timer: Pick<DeadlineTimer, 'stage' | 'armedVersion' | 'light'>,
): string {
  return `deadline-${caseId}-${timer.stage}-v${timer.armedVersion}-${timer.light}`;
}

export interface FollowUpContext {
  after: CaseRow;
  eventId: string;
  /** The department before the command (a notice about a return goes to the one that returned it). */
  departmentBefore: string | null;
}

const noticeJobNames: Partial<Record<Audience, string>> = {
  department: 'notifyDepartment',
  reporter: 'notifyReporter',
};

function jobFor(followUp: FollowUp, index: number, context: FollowUpContext): AnyOutboxJob | null {
  const { after, eventId } = context;
  const base = { caseId: after.id, city: after.city, eventId, caseVersion: after.version };
  const jobId = `${eventId}-${index}`;
  switch (followUp.kind) {
    case 'assignTask':
      return {
        queue: 'task',
        jobName: followUp.task === 'verification' ? 'assignVerification' : 'startReview',
        jobId,
        payload: { ...base, task: followUp.task },
      };
    case 'suggestDepartment':
      return { queue: 'dispatchSuggestion', jobName: 'dispatchStage', jobId, payload: base };
    case 'notify': {
      // A department's or the reporter's notice names the department concerned; a desk's does not.
      const concerned = followUp.audience === 'department' || followUp.audience === 'reporter';
      return {
        queue: 'notice',
        jobName: noticeJobNames[followUp.audience] ?? 'staffNotice',
        jobId,
        payload: {
          ...base,
          audience: followUp.audience,
          event: followUp.event,
          departmentId: concerned ? (after.departmentId ?? context.departmentBefore) : null,
        },
      };
    }
    // The clock follow-ups are written by the deadline clock as timers.
    case 'armDeadline':
    case 'stopClock':
    case 'resumeClock':
      return null;
  }
}

type CarriedNotice = NonNullable<JobPayloads['notice']['notices']>[number];

/** The transition's jobs with its notices gathered into one of them (see the module note). */
function oneJobPerTransition(jobs: readonly AnyOutboxJob[]): AnyOutboxJob[] {
  const isNotice = (job: AnyOutboxJob): job is OutboxJob<'notice'> => job.queue === 'notice';
  const notices = jobs.filter(isNotice);
  const others = jobs.filter((job) => !isNotice(job));
  const carrier = others.find((job) => job.queue === 'task' || job.queue === 'dispatchSuggestion');
  const [first, ...rest] = notices;
  if (first === undefined) return others;
  const carried = (carrier === undefined ? rest : notices).map(
    ({ jobId, payload }): CarriedNotice => ({
      id: jobId,
      audience: payload.audience,
      event: payload.event,
      departmentId: payload.departmentId,
    }),
  );
  if (carrier === undefined) {
    return [
      ...others,
      carried.length === 0 ? first : { ...first, payload: { ...first.payload, notices: carried } },
    ];
  }
  return others.map((job) =>
    job === carrier ? ({ ...job, payload: { ...job.payload, notices: carried } } as AnyOutboxJob) : job,
  );
}

export function outboxRowsFor(
  followUps: readonly FollowUp[],
  timers: readonly DeadlineTimer[],
  context: FollowUpContext,
): NewOutboxRow[] {
  const { after, eventId } = context;
  const planned: AnyOutboxJob[] = [];
  followUps.forEach((followUp, index) => {
    const job = jobFor(followUp, index, context);
    if (job !== null) planned.push(job);
  });
  const jobs = oneJobPerTransition(planned);
  for (const timer of timers) {
    jobs.push({
      queue: 'deadline',
      jobName: `deadline.${timer.light}`,
      jobId: deadlineJobId(after.id, timer),
      payload: {
        caseId: after.id,
        city: after.city,
        stage: timer.stage,
        armedVersion: timer.armedVersion,
        light: timer.light,
        at: timer.at.toISOString(),
      },
      runAt: timer.at,
    });
  }
  return jobs.map((job) => ({
    city: after.city,
    caseId: after.id,
    eventId,
    queue: job.queue,
    jobName: job.jobName,
    jobId: job.jobId,
    payload: job.payload,
    // createdAt and availableAt default to the database clock: the outbox runs on real time,
    // whatever business clock the command used.
    runAt: job.runAt ?? null,
  }));
}
