/**
 * The two ways a reporter is reached. Email through SMTP (nodemailer, SMTP_URL / MAIL_FROM); a text
 * message through the SMS provider's adapter behind a webhook (SMS_WEBHOOK_URL): a signed JSON POST
 * (`X-Urbangrid-Signature`, as webhooks are signed, with SMS_WEBHOOK_SECRET) of
 * `{id, to, message, language, caseNo, event}` that the adapter turns into the provider's call
 * (README: Reporter updates). A failure is described by its code only (`SMTP 550`, `HTTP 503`,
 * `ECONNREFUSED`): a server's message may quote the address, which must never be kept or logged.
 */
import { createTransport, type Transporter } from 'nodemailer';
import { sendWebhook } from '../webhooks/send-webhook.js';

export interface OutgoingUpdate {
  /** The send's id (case, event, channel): the SMS adapter's idempotency key. */
  id: string;
  /** The address or the phone number, opened just now. */
  to: string;
  subject: string;
  text: string;
  language: string;
  caseNo: string;
  event: string;
}

/** null when sent; else why not, without anything personal. */
export type SendUpdate = (update: OutgoingUpdate) => Promise<string | null>;

export interface EmailSettings {
  /** SMTP_URL, e.g. smtp://user:pass@mail.example.org:587 or smtps://… */
  url: string;
  /** MAIL_FROM, e.g. "城市管理 <noreply@example.org>". */
  from: string;
}

export interface SmsSettings {
  url: string;
  secret: string;
}

export interface EmailSender {
  send: SendUpdate;
  close(): void;
}

export function emailSender(settings: EmailSettings, timeoutMs: number): EmailSender {
  const transport: Transporter = createTransport({
    url: settings.url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // A few connections, reused: a burst of closes does not open a connection per message.
    pool: true,
    maxConnections: 4,
  } as Parameters<typeof createTransport>[0]);
  return {
    async send(update) {
      try {
        await transport.sendMail({
          from: settings.from,
          to: update.to,
          subject: update.subject,
          text: update.text,
          headers: { 'X-Urbangrid-Update': update.id },
        });
        return null;
      } catch (error) {
        const { responseCode, code } = error as { responseCode?: number; code?: string };
        return responseCode !== undefined ? `SMTP ${responseCode}` : (code ?? 'SMTP error');
      }
    },
    close: () => transport.close(),
  };
}

export function smsSender(settings: SmsSettings, timeoutMs: number, now: () => Date): SendUpdate {
  return async (update) => {
    const body = JSON.stringify({
      id: update.id,
      to: update.to,
      message: update.text,
      language: update.language,
      caseNo: update.caseNo,
      event: update.event,
    });
    const answer = await sendWebhook({
      url: settings.url,
      secret: settings.secret,
      deliveryId: update.id,
      event: `reporter.${update.event}`,
      body,
      at: now(),
      timeoutMs,
    });
    if (answer.error === null) return null;
    return answer.statusCode === null ? answer.error : `HTTP ${answer.statusCode}`;
  };
}
