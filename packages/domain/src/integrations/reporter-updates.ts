/**
 * Reporter updates (进度告知): a citizen who left a phone or an email hears when their case is filed
 * (立案), dispatched (派遣) and closed (结案), and at the close is asked whether they are satisfied
 * (满意度), through a link to the public page where they answer or opt out. The words of every
 * message, in zh-CN and English, live here; the engine's sender only fills them in.
 */
import type { TransitionPlan } from '../lifecycle/plan.js';
import { webhookEventOf } from './webhook-events.js';

export const reporterLanguages = ['zh-CN', 'en'] as const;
export type ReporterLanguage = (typeof reporterLanguages)[number];

export const reporterUpdateEvents = ['case.filed', 'case.dispatched', 'case.closed'] as const;
export type ReporterUpdateEvent = (typeof reporterUpdateEvents)[number];

/** How a reporter is reached: an email (SMTP) or a text message (the SMS provider's webhook). */
export const reporterUpdateChannels = ['email', 'sms'] as const;
export type ReporterUpdateChannel = (typeof reporterUpdateChannels)[number];

/** The reporter update a planned step raises, or null when the reporter hears nothing of it. */
export function reporterUpdateEventOf(
  plan: Pick<TransitionPlan, 'command' | 'to' | 'changes'>,
): ReporterUpdateEvent | null {
  const event = webhookEventOf(plan);
  return (reporterUpdateEvents as readonly string[]).includes(event ?? '')
    ? (event as ReporterUpdateEvent)
    : null;
}

export interface ReporterUpdateFacts {
  caseNo: string;
  /** The public page of the case: progress, the satisfaction question at close, the opt-out. */
  pageUrl: string;
}

export interface ReporterUpdateMessage {
  /** An email's subject. */
  subject: string;
  /** An email's body (plain text). */
  text: string;
  /** A text message: short, with the link. */
  sms: string;
}

type Words = Record<ReporterUpdateEvent, { subject: string; line: string }> & {
  satisfaction: string;
  link: string;
  optOut: string;
  signature: string;
};

const words: Record<ReporterLanguage, Words> = {
  'zh-CN': {
    'case.filed': {
      subject: '您反映的问题已立案',
      line: '您反映的问题（案件编号 {caseNo}）已立案，我们将尽快安排处理。',
    },
    'case.dispatched': {
      subject: '您反映的问题已派遣处理',
      line: '您反映的问题（案件编号 {caseNo}）已派遣至责任部门处理。',
    },
    'case.closed': {
      subject: '您反映的问题已办结',
      line: '您反映的问题（案件编号 {caseNo}）已处理完毕并结案。',
    },
    satisfaction: '您对处理结果是否满意？请在此评价：',
    link: '查看进度：',
    optOut: '如不再接收进度通知，可在同一页面退订。',
    signature: '城市综合管理服务平台',
  },
  en: {
    'case.filed': {
      subject: 'Your report has been registered',
      line: 'Your report (case {caseNo}) has been registered as a case and will be handled soon.',
    },
    'case.dispatched': {
      subject: 'Your report has been sent to a department',
      line: 'Your report (case {caseNo}) has been sent to the department responsible for it.',
    },
    'case.closed': {
      subject: 'Your report has been resolved',
      line: 'Your report (case {caseNo}) has been dealt with and the case is closed.',
    },
    satisfaction: 'Are you satisfied with the outcome? Tell us here:',
    link: 'Follow its progress:',
    optOut: 'To stop these updates, use the same page.',
    signature: 'City management service',
  },
};

/** The message of an update in a language; at the close it asks for the reporter's satisfaction. */
export function reporterUpdateMessage(
  event: ReporterUpdateEvent,
  language: ReporterLanguage,
  facts: ReporterUpdateFacts,
): ReporterUpdateMessage {
  const w = words[language];
  const line = w[event].line.replace('{caseNo}', facts.caseNo);
  const ask = event === 'case.closed' ? w.satisfaction : w.link;
  const tag = language === 'zh-CN' ? `【${w.signature}】` : `[${w.signature}] `;
  return {
    subject: `${w[event].subject} (${facts.caseNo})`,
    text: [line, '', `${ask} ${facts.pageUrl}`, '', w.optOut, '', w.signature].join('\n'),
    sms: `${tag}${line}${ask}${facts.pageUrl}`,
  };
}
