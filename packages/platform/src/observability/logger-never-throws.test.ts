import { DrizzleQueryError } from 'drizzle-orm/errors';
import fc from 'fast-check';
import pg from 'pg';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { captureLogLines } from '../test-support/log-lines.js';
import { createLogger, withRedaction } from './logger.js';

const levels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

/** What the process has met in its error handlers, and worse. */
function awkwardValues(): unknown[] {
  const cyclic: Record<string, unknown> = { name: 'cyclic' };
  cyclic.self = cyclic;
  cyclic.list = [cyclic, { back: cyclic }];
  const noStack = new Error('no stack here');
  noStack.stack = undefined;
  const numericMessage = new Error('x');
  (numericMessage as unknown as { message: unknown }).message = 42;
  const cyclicCause = new Error('cause loop');
  cyclicCause.cause = cyclicCause;
  const throwingGetter = Object.defineProperty({}, 'message', {
    enumerable: true,
    get() {
      throw new Error('getter refused');
    },
  });
  const errorWithThrowingField = Object.defineProperty(new Error('field refuses'), 'code', {
    enumerable: true,
    get() {
      throw new Error('code refused');
    },
  });
  return [
    'a string',
    '',
    undefined,
    null,
    0,
    Number.NaN,
    10n,
    Symbol('s'),
    () => 1,
    cyclic,
    noStack,
    numericMessage,
    cyclicCause,
    throwingGetter,
    errorWithThrowingField,
    { message: 'error-like, no stack' },
    { message: 7, stack: 8 },
    new AggregateError([new Error('one'), 'two', undefined], 'many'),
    Object.create(null),
    Object.freeze({ password: 'frozen-secret', nested: Object.freeze({ token: 'frozen-token' }) }),
    new Map([['a', 1]]),
  ];
}

describe('the logger never throws', () => {
  it('whatever is logged, under whatever key, at whatever level', () => {
    const { lines, stream } = captureLogLines();
    const logger = createLogger({ LOG_LEVEL: 'trace' }, { destination: stream });
    const child = logger.child({ requestId: 'r1' });
    const value = fc.oneof(
      fc.anything({
        maxDepth: 3,
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withObjectString: true,
        withSparseArray: true,
        withTypedArray: true,
      }),
      // Text in any script (withUnicodeString makes generation itself take seconds a run).
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(...awkwardValues()),
    );
    const key = fc.oneof(
      fc.constantFrom('err', 'error', 'req', 'res', 'msg', 'cause', 'headers'),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...levels),
        fc.dictionary(key, value, { maxKeys: 4 }),
        fc.oneof(fc.constant(undefined), fc.string(), value),
        fc.boolean(),
        (level, fields, message, fromChild) => {
          const target = fromChild ? child : logger;
          const before = lines.length;
          expect(() => target[level](fields, message as string)).not.toThrow();
          // A value alone (an error, a string, an object) as the only argument.
          expect(() => target[level](message as object)).not.toThrow();
          expect(() => target[level]({ err: message })).not.toThrow();
          // Every call wrote a line, and every line is JSON.
          expect(lines.length).toBe(before + 3);
          for (const line of lines.slice(before)) expect(() => JSON.parse(line)).not.toThrow();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a phone-shaped number is scrubbed without breaking the line (fast-check once found -13000000000)', () => {
    const { lines, stream } = captureLogLines();
    const logger = createLogger({ LOG_LEVEL: 'info' }, { destination: stream });
    logger.info({ err: [[-13000000000]], contact: 13912345678, list: [8613912345678, 1] }, 'numbers');
    const line = JSON.parse(lines[0] ?? '');
    expect(line.contact).toBe('[phone]');
    expect(line.list).toEqual(['[phone]', 1]);
    expect(JSON.stringify(line)).not.toMatch(/13912345678|13000000000/);
  });

  it('format strings that cannot be formatted still give a line', () => {
    const { lines, stream } = captureLogLines();
    const logger = createLogger({ LOG_LEVEL: 'info' }, { destination: stream });
    expect(() =>
      Reflect.apply(logger.info, logger, ['%d and %s', Symbol('no number'), Symbol('s')]),
    ).not.toThrow();
    expect(lines).toHaveLength(1);
  });

  it('a plain pino logger made safe (withRedaction) and its children never throw either', () => {
    const { lines, stream } = captureLogLines();
    const logger = withRedaction(pino({ level: 'info' }, stream)).child({ service: 'x' });
    for (const value of awkwardValues()) {
      expect(() => logger.warn({ err: value }, 'redis connection error')).not.toThrow();
      expect(() => logger.warn({ err: value })).not.toThrow();
    }
    expect(lines).toHaveLength(awkwardValues().length * 2);
  });
});

describe('a failed query logged', () => {
  const values = ['李小红', '13912345678', '呼和浩特市新城区海拉尔东街 12 号'];

  function failedQuery(): DrizzleQueryError {
    const driverError = new pg.DatabaseError(
      `invalid input syntax for type uuid: "${values[0]}"`,
      100,
      'error',
    );
    driverError.code = '22P02';
    driverError.detail = `Key (reporter_name)=(${values[0]}) already exists.`;
    driverError.table = 'cases';
    return new DrizzleQueryError(
      'insert into "cases" ("reporter_name", "reporter_phone", "address") values ($1, $2, $3)',
      values,
      driverError,
    );
  }

  it('never shows the values it was sent with, under any key or as the only argument', () => {
    const { lines, stream } = captureLogLines();
    const logger = createLogger({ LOG_LEVEL: 'info' }, { destination: stream });
    const error = failedQuery();
    logger.error({ err: error }, 'report failed');
    logger.error({ err: error });
    logger.error(error);
    logger.warn({ error, nested: { deeper: error }, list: [error] }, 'with the error elsewhere');
    logger.warn({ err: error.message }, 'only its message, a string');
    const output = lines.join('');
    expect(lines).toHaveLength(5);
    for (const value of values) expect(output).not.toContain(value);
    expect(output).not.toContain('(reporter_name)=');
    // What is left still tells the story: the statement, the SQLSTATE and the table.
    const first = JSON.parse(lines[0] ?? '{}');
    expect(first.msg).toBe('report failed');
    expect(first.err.message).toMatch(/^Failed query: insert into "cases"/);
    expect(first.err.query).toContain('values ($1, $2, $3)');
    expect(first.err.cause).toMatchObject({ type: 'DatabaseError', code: '22P02', table: 'cases' });
    expect(first.err.stack).toMatch(/\n\s+at /);
    expect(JSON.parse(lines[2] ?? '{}').msg).toMatch(/^Failed query:/);
  });
});
