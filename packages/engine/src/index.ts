/**
 * @urbangrid/engine, as other packages see it: commands and reports (the one way a case changes),
 * the context and the process's engine, the event log's audit, and the queue map (the supervision
 * service's publication queue goes through it; the suites and benchmarks watch it). Everything else
 * stays inside the package; tests drive it through `@urbangrid/engine/test-support`.
 */

export {
  applyCommand,
  type CaseAmendment,
  type CommandOptions,
  type CommandRequest,
  type CommandResult,
  commandApplier,
  type EvidencedCommandRequest,
} from './apply-command.js';
export {
  type AttachCallRequest,
  type AttachCallResult,
  type AttachedCaller,
  attachCall,
} from './attach-call.js';
export {
  AuditKeyError,
  type AuditKeys,
  auditKeyId,
  loadAuditKeys,
  parseSigningKey,
  parseVerifyKey,
} from './audit-keys.js';
export { canonicalJson } from './canonical-json.js';
export {
  type AnchorProblem,
  type AnchorReport,
  anchorFile,
  anchorSignatureProblem,
  type ChainAnchor,
  checkAnchorAgainstDatabase,
  makeChainAnchor,
  readChainAnchors,
  verifyAgainstAnchors,
  writeChainAnchor,
} from './chain-anchors.js';
export {
  createEngineContext,
  defaultReportGrouping,
  type EngineContext,
  type EngineContextOptions,
  type ReportGrouping,
} from './engine-context.js';
export { EngineError, type EngineErrorCode, engineErrorCodes, isEngineError } from './errors.js';
export {
  type ChainProblem,
  type ChainProblemKind,
  type ChainReport,
  verifyCaseChain,
  verifyChains,
} from './event-chain.js';
export { deadlineJobId } from './follow-up-jobs.js';
export {
  type HistoryCase,
  type HistoryStep,
  type MadeHistory,
  makeCaseHistory,
} from './history/case-history.js';
export { newId } from './ids.js';
export { localDay } from './local-day.js';
export {
  type NoticePruning,
  noticePruningSchedulerId,
  pruneNotices,
  startNoticePruning,
} from './notice-pruning.js';
export { type ReassignRequest, reassignTask } from './officer-tasks.js';
export { type EngineProcessContext, type ProcessEngine, processEngine } from './process-engine.js';
export {
  createQueueWorker,
  type JobPayloads,
  openQueue,
  parsePayload,
  type QueueKind,
  queueHashTag,
  queueKinds,
  queueMap,
  queueName,
  type ScheduledKind,
  type StageQueue,
  scheduledKinds,
} from './queues.js';
export {
  earlierReport,
  type ReportRequest,
  type ReportResult,
  reportCase,
  storeReportKey,
} from './report-case.js';
export {
  caseOfReporterToken,
  type ReporterOfToken,
  reporterLinkToken,
  reporterOfToken,
  reporterPageUrl,
} from './reporter-updates/reporter-links.js';
export {
  type ReporterUpdateSettings,
  reporterUpdateRetryDelayMs,
} from './reporter-updates/reporter-update-worker.js';
export {
  type ScheduledQueue,
  type ScheduleLogger,
  type ScheduleOptions,
  type ScheduleSpec,
  startScheduledQueue,
} from './scheduled-queue.js';
export {
  type GaugeRegistry,
  type RunningEngine,
  type StartEngineOptions,
  startEngine,
} from './start-engine.js';
export type { EventData } from './transition-checks.js';
export { evidenceData } from './transition-writes.js';
export { webhookRetryDelayMs } from './webhooks/deliver-webhook.js';
export { signatureHeader, webhookSignature } from './webhooks/webhook-signature.js';
export type { WebhookSettings } from './webhooks/webhook-worker.js';
export { storeNotices } from './workers/notices.js';
export { chooseOfficer, type OfficerChoice } from './workers/officer-choice.js';
