/**
 * The error catalogue: the only place an HTTP error is born. Each entry is a stable `code` (api.md),
 * its status and a title in English and in zh-CN (`titleZh`, sent with every problem); routes and services throw these and the problem-details handler turns
 * them (and everything else) into `application/problem+json`.
 *
 *   throw new NotFoundError('case 42 not found');
 *   throw withProblemExtensions(new VersionConflictError('case moved on'), { currentVersion: 7 });
 */
import createError, { type FastifyError } from '@fastify/error';

export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, title: 'Validation failed', titleZh: '输入有误' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication required', titleZh: '需要登录' },
  FORBIDDEN: { status: 403, title: 'Forbidden', titleZh: '无权操作' },
  /** An account made or reset by an admin: only POST /api/auth/password (and logout) until it is changed. */
  PASSWORD_CHANGE_REQUIRED: { status: 403, title: 'Password change required', titleZh: '需要修改密码' },
  NOT_FOUND: { status: 404, title: 'Not found', titleZh: '未找到' },
  /** A point outside every unit grid (网格). */
  OUTSIDE_GRID: { status: 404, title: 'Outside every grid', titleZh: '不在任何单元网格内' },
  /** A report into a city retired (撤销) by the day it is made. */
  CITY_RETIRED: { status: 409, title: 'City retired', titleZh: '城市已撤销' },
  /** A report into a district, street or community retired (撤销) by the day it is made. */
  AREA_RETIRED: { status: 409, title: 'Area retired', titleZh: '区域已撤销' },
  TRANSITION_NOT_ALLOWED: { status: 409, title: 'Transition not allowed', titleZh: '当前状态不允许此操作' },
  /** A value outside the range of its unit (a percentage above 100, a yes/no other than 0 or 1). */
  VALUE_OUT_OF_RANGE: { status: 400, title: 'Value out of range', titleZh: '数值超出范围' },
  /** A report for a period that is not open for reports (not begun, past its deadline, or published). */
  PERIOD_CLOSED: { status: 409, title: 'Period closed', titleZh: '填报期已关闭' },
  VERSION_CONFLICT: { status: 409, title: 'Version conflict', titleZh: '数据已被他人修改' },
  /** A conflict that is not about a case's version, e.g. an Idempotency-Key reused with another body. */
  CONFLICT: { status: 409, title: 'Conflict', titleZh: '操作冲突' },
  /** The same Idempotency-Key came back with a different request. */
  IDEMPOTENCY_KEY_REUSED: { status: 409, title: 'Idempotency key reused', titleZh: '幂等键已用于其他请求' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large', titleZh: '内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type', titleZh: '不支持的内容类型' },
  RATE_LIMITED: { status: 429, title: 'Too many requests', titleZh: '请求过于频繁' },
  INTERNAL: { status: 500, title: 'Internal error', titleZh: '系统内部错误' },
  /** PostgreSQL or Redis does not answer. */
  SERVICE_UNAVAILABLE: { status: 503, title: 'Service unavailable', titleZh: '服务暂不可用' },
} as const satisfies Record<string, { status: number; title: string; titleZh: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalogue, value);
}

type StatusOf<C extends ErrorCode> = (typeof errorCatalogue)[C]['status'];

// The message is the problem's `detail`: say what went wrong for this request, never internals.
const define = <C extends ErrorCode>(code: C) =>
  createError<C, StatusOf<C>, [detail: string]>(code, '%s', errorCatalogue[code].status);

export const ValidationFailedError = define('VALIDATION_FAILED');
export const UnauthenticatedError = define('UNAUTHENTICATED');
export const ForbiddenError = define('FORBIDDEN');
export const PasswordChangeRequiredError = define('PASSWORD_CHANGE_REQUIRED');
export const NotFoundError = define('NOT_FOUND');
export const OutsideGridError = define('OUTSIDE_GRID');
export const CityRetiredError = define('CITY_RETIRED');
export const AreaRetiredError = define('AREA_RETIRED');
export const TransitionNotAllowedError = define('TRANSITION_NOT_ALLOWED');
export const ValueOutOfRangeError = define('VALUE_OUT_OF_RANGE');
export const PeriodClosedError = define('PERIOD_CLOSED');
export const VersionConflictError = define('VERSION_CONFLICT');
export const ConflictError = define('CONFLICT');
export const IdempotencyKeyReusedError = define('IDEMPOTENCY_KEY_REUSED');
export const PayloadTooLargeError = define('PAYLOAD_TOO_LARGE');
export const UnsupportedMediaTypeError = define('UNSUPPORTED_MEDIA_TYPE');
export const RateLimitedError = define('RATE_LIMITED');
export const InternalError = define('INTERNAL');
export const ServiceUnavailableError = define('SERVICE_UNAVAILABLE');

/** The constructor of each code, for code that maps a domain refusal (e.g. a RuleRefusal) to HTTP. */
export const errorsByCode = {
  VALIDATION_FAILED: ValidationFailedError,
  UNAUTHENTICATED: UnauthenticatedError,
  FORBIDDEN: ForbiddenError,
  PASSWORD_CHANGE_REQUIRED: PasswordChangeRequiredError,
  NOT_FOUND: NotFoundError,
  OUTSIDE_GRID: OutsideGridError,
  CITY_RETIRED: CityRetiredError,
  AREA_RETIRED: AreaRetiredError,
  TRANSITION_NOT_ALLOWED: TransitionNotAllowedError,
  VALUE_OUT_OF_RANGE: ValueOutOfRangeError,
  PERIOD_CLOSED: PeriodClosedError,
  VERSION_CONFLICT: VersionConflictError,
  CONFLICT: ConflictError,
  IDEMPOTENCY_KEY_REUSED: IdempotencyKeyReusedError,
  PAYLOAD_TOO_LARGE: PayloadTooLargeError,
  UNSUPPORTED_MEDIA_TYPE: UnsupportedMediaTypeError,
  RATE_LIMITED: RateLimitedError,
  INTERNAL: InternalError,
  SERVICE_UNAVAILABLE: ServiceUnavailableError,
} satisfies { [C in ErrorCode]: unknown };

/** Builds the error of `code` with `detail`. */
export function httpError(code: ErrorCode, detail: string): FastifyError & { code: ErrorCode } {
  return new errorsByCode[code](detail);
}

/** One failing input field, as listed in a VALIDATION_FAILED problem's `errors`. */
export interface FieldError {
  /** Which part of the request: body, querystring, params or headers. */
  in: string;
  /** Dotted path inside that part, e.g. `location.lat`; empty for the part as a whole. */
  path: string;
  message: string;
}

const extensionsKey = Symbol.for('urbangrid.problemExtensions');

type WithExtensions = { [extensionsKey]?: Record<string, unknown> };

/** Adds members to the problem document of an error (RFC 9457 extensions), e.g. `errors` or `currentVersion`. */
export function withProblemExtensions<E extends Error>(error: E, extensions: Record<string, unknown>): E {
  (error as E & WithExtensions)[extensionsKey] = extensions;
  return error;
}

export function problemExtensionsOf(error: unknown): Record<string, unknown> | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  return (error as WithExtensions)[extensionsKey];
}

/** VALIDATION_FAILED naming the fields that failed. */
export function validationFailed(detail: string, errors: FieldError[]): FastifyError {
  return withProblemExtensions(new ValidationFailedError(detail), { errors });
}

/**
 * A problem a citizen reads on a public page: its detail in English and, as `detailZh`, in zh-CN
 * (the console's catalogue names only the code; this says what exactly was wrong).
 */
export function bilingualError(
  code: ErrorCode,
  detail: string,
  detailZh: string,
  extensions: Record<string, unknown> = {},
): FastifyError & { code: ErrorCode } {
  return withProblemExtensions(httpError(code, detail), { ...extensions, detailZh });
}
