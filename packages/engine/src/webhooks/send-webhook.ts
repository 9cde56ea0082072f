/**
 * One HTTP attempt of a delivery: a signed JSON POST with a time limit, so a slow receiver costs
 * that limit and no more. Redirects are not followed (a receiver answers where it was registered).
 */
import { signatureHeader, webhookSignature } from './webhook-signature.js';

export interface WebhookRequest {
  url: string;
  secret: string;
  deliveryId: string;
  event: string;
  /** The exact bytes sent and signed. */
  body: string;
  /** The signature's time. */
  at: Date;
  timeoutMs: number;
}

export interface WebhookAnswer {
  /** The receiver's status; null when none came (refused, reset, timed out). */
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

export async function sendWebhook(request: WebhookRequest): Promise<WebhookAnswer> {
  const started = performance.now();
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'urbangrid-webhooks/1',
        [signatureHeader]: webhookSignature(request.secret, request.at, request.body),
        'x-urbangrid-delivery': request.deliveryId,
        'x-urbangrid-event': request.event,
      },
      body: request.body,
    });
    // The answer's body is not read: the socket goes back to the pool at once.
    await response.body?.cancel().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return {
      statusCode: response.status,
      latencyMs: performance.now() - started,
      error: ok ? null : `the receiver answered ${response.status}`,
    };
  } catch (error) {
    return { statusCode: null, latencyMs: performance.now() - started, error: describeFailure(error) };
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return 'the receiver did not answer in time';
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
