/**
 * Where the built console lives, for the backend to serve with @fastify/static (see README.md).
 * Plain JavaScript so the backend can import it from source and from dist without a build step.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of the console's `vite build` output (services/console/dist). */
export const consoleDistPath = fileURLToPath(new URL('./dist/', import.meta.url));

/** Whether the console has been built: dist/index.html exists. */
export function consoleDistExists() {
  return existsSync(fileURLToPath(new URL('./dist/index.html', import.meta.url)));
}

/** Paths that are never the SPA's: the backend answers them (404 as problem+json when unknown). */
export const consoleServerPrefixes = ['/api/', '/open311/', '/docs', '/health', '/metrics'];

/** Whether a GET for `url` that matched no file should be answered with the console's index.html. */
export function isConsoleRoute(url) {
  const path = url.split('?')[0] ?? url;
  return !consoleServerPrefixes.some(
    (prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix),
  );
}
