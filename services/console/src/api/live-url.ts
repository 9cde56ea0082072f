/** The WebSocket address of `/api/live` on the page's own origin (the dev server proxies it). */
export function liveUrl(token: string, origin: string = window.location.origin): string {
  const url = new URL('/api/live', origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  return url.toString();
}
