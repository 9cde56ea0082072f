/**
 * `npm start`'s prestart: builds the console once when services/console/dist is missing, so a
 * fresh checkout serves it at `/` without a separate build step. An existing build is left alone
 * (`npm run build` rebuilds it).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { consoleDistExists } from './serve.js';

if (!consoleDistExists()) {
  process.stdout.write('console: no build found, running vite build once…\n');
  const root = fileURLToPath(new URL('.', import.meta.url));
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    // The API still starts; only `/` stays without the console until it is built.
    process.stderr.write('console: vite build failed; the API starts without the console\n');
  }
}
