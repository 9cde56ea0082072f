/**
 * Reports sent through HTTP all along a fault run, one after the other to each HTTP process, each
 * answer kept with when it was sent and answered: the fault suite reads from them what an outage
 * did to intake (acknowledged, refused with 503, any other 5xx, no answer at all).
 */
import { postReport } from './own-system.js';

export interface ProbeAnswer {
  /** The report's Idempotency-Key (also in its description). */
  readonly key: string;
  readonly target: string;
  readonly sentAt: number;
  readonly answeredAt: number;
  /** 0: no answer within the time limit, or the connection failed. */
  readonly status: number;
  readonly code?: string;
  readonly retryAfter: string | null;
  readonly caseId?: string;
  readonly caseNo?: string;
}

export interface ReportProbe {
  readonly answers: readonly ProbeAnswer[];
  /** Answers to reports sent in [from, to). */
  between(from: number, to: number): ProbeAnswer[];
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a loop per base URL: a report, then `pauseMs`, then the next. */
export function startReportProbe(options: {
  baseUrls: readonly string[];
  token: string;
  keyPrefix: string;
  pauseMs?: number;
}): ReportProbe {
  const answers: ProbeAnswer[] = [];
  let running = true;
  let n = 0;
  const loop = async (baseUrl: string) => {
    while (running) {
      const key = `${options.keyPrefix}-${n++}`;
      const sentAt = Date.now();
      try {
        const answer = await postReport(baseUrl, options.token, key);
        answers.push({
          key,
          target: baseUrl,
          sentAt,
          answeredAt: Date.now(),
          status: answer.status,
          code: typeof answer.body.code === 'string' ? answer.body.code : undefined,
          retryAfter: answer.retryAfter,
          caseId: typeof answer.body.id === 'string' ? answer.body.id : undefined,
          caseNo: typeof answer.body.caseNo === 'string' ? answer.body.caseNo : undefined,
        });
      } catch {
        answers.push({ key, target: baseUrl, sentAt, answeredAt: Date.now(), status: 0, retryAfter: null });
        // Refused at once while a process restarts: do not spin.
        await sleep(200);
      }
      await sleep(options.pauseMs ?? 250);
    }
  };
  const loops = options.baseUrls.map(loop);
  return {
    answers,
    between: (from, to) => answers.filter((a) => a.sentAt >= from && a.sentAt < to),
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
