import { redisTest } from '@urbangrid/test-support';
import pino from 'pino';
import { describe, expect } from 'vitest';
import { bearer, buildTestApp, captureLogLines, loginAs, probeRoutes } from '../test-support/index.js';
import { createLogger, scrubText } from './logger.js';

const phone = '13987654321';

describe('logs', () => {
  redisTest(
    'never contain a phone number, a password, a token or an API key',
    async ({ database, redis }) => {
      const { lines, stream } = captureLogLines();
      const logger = createLogger({ LOG_LEVEL: 'trace' }, { destination: stream });
      const app = await buildTestApp({ database, redis }, { logger, live: false });
      await app.register(probeRoutes, { prefix: '/api/probe' });
      await app.ready();
      try {
        const { token } = await loginAs(app, 'operator1');
        // The phone in the body, nested, in the query string and in the message of a thrown error.
        const response = await app.inject({
          method: 'POST',
          url: `/api/probe/log-reporter?phone=${phone}&token=${token}`,
          headers: { ...bearer(token), 'x-api-key': 'hotline-demo-key', 'x-request-id': 'log-test-1' },
          payload: { phone, reporter: { name: 'Li', phone }, nested: { deeper: { phone } } },
        });
        expect(response.statusCode).toBe(500);
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'operator1', password: 'wrong-password-123' },
        });
      } finally {
        await app.close();
      }
      const output = lines.join('');
      expect(lines.length).toBeGreaterThan(5);
      expect(output).toContain('report received');
      expect(output).not.toContain(phone);
      expect(output).not.toContain('hotline-demo-key');
      expect(output).not.toContain('wrong-password-123');
      expect(output).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
      // Requests are traceable by their id.
      expect(lines.some((l) => JSON.parse(l).requestId === 'log-test-1')).toBe(true);
    },
  );

  redisTest('a plain pino logger handed to buildApp is made just as safe', async ({ database, redis }) => {
    const { lines, stream } = captureLogLines();
    const app = await buildTestApp(
      { database, redis },
      { logger: pino({ level: 'info' }, stream), live: false },
    );
    await app.register(probeRoutes, { prefix: '/api/probe' });
    await app.ready();
    try {
      const { token } = await loginAs(app, 'operator1');
      await app.inject({
        method: 'POST',
        url: '/api/probe/log-reporter',
        headers: bearer(token),
        payload: { phone, password: 'hunter2', deep: { a: { b: { password: 'hunter3' } } } },
      });
    } finally {
      await app.close();
    }
    const output = lines.join('');
    expect(output).toContain('report received');
    expect(output).not.toContain(phone);
    expect(output).not.toMatch(/hunter[23]/);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  redisTest('scrubText hides mobiles, landlines and URL credentials but keeps codes', () => {
    expect(scrubText('call 13812345678 or +86 13812345678 or 0471-6612345')).toBe(
      'call [phone] or [phone] or [phone]',
    );
    expect(scrubText('/api/live?token=abc.def&x=1')).toBe('/api/live?token=[Redacted]&x=1');
    // Grid codes, case numbers and timestamps are not phones.
    expect(scrubText('grid 150102001001001 case 1501-20261125-0042 at 1764050000000')).toBe(
      'grid 150102001001001 case 1501-20261125-0042 at 1764050000000',
    );
    // Nor the fraction of a JSON number, which would break the line.
    expect(scrubText('{"responseTime":66.13812345678}')).toBe('{"responseTime":66.13812345678}');
  });
});
