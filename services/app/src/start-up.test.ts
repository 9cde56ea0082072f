/**
 * A REDIS_URL the server refuses ends the start-up with one line naming the variable (issue 13),
 * never a stack trace: the process is started as `npm start` starts it (services/app/src/main.ts).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { dbTest } from '@urbangrid/test-support';
import { testEnvironment } from '@urbangrid/test-support/environment';
import { describe, expect } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** Runs main.ts with `env` until it exits (at most `timeoutMs`): its exit code and output. */
function runMain(env: Record<string, string>, timeoutMs = 60_000) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', path.join(root, 'services/app/src/main.ts')],
      { cwd: root, env: { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', ...env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`main.ts still ran after ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('a REDIS_URL that cannot work', () => {
  const server = testEnvironment.redis.kind === 'server' ? testEnvironment.redis.url : undefined;

  // (A REDIS_URL whose path is no number is refused by the configuration: config.test.ts.)
  dbTest.runIf(server !== undefined)(
    'a database the server does not have ends the start-up with one line naming it',
    { timeout: 90_000 },
    async ({ database }) => {
      const url = `${(server ?? '').replace(/\/\d*$/, '')}/16`;
      const result = await runMain({ DATABASE_URL: database.url, REDIS_URL: url, QUEUE_PREFIX: 'startup' });
      expect(result.code).toBe(1);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr.trim()).toMatch(
        /^Invalid environment variable REDIS_URL: the Redis server refuses redis:\/\/\S+\/16 \(ERR DB index is out of range\)$/,
      );
      // No stack trace anywhere, and nothing started before the line.
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
      expect(result.stdout).not.toContain('started');
    },
  );
});
