/** Headless Chromium (Debian's /usr/bin/chromium) through playwright-core, with this machine's flags. */
import { appendFileSync, writeFileSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A Hohhot point inside the demo grids, where phones say they are. */
export const inTheGrid = { latitude: 40.83, longitude: 111.67 };

/** Waits are generous: a slow two-core machine runs the server, its workers and Chromium at once. */
export const waitMs = 60_000;

export async function newRoleContext(
  browser: Browser,
  phone = false,
  viewport = phone ? { width: 390, height: 844 } : { width: 1440, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    geolocation: inTheGrid,
    permissions: ['geolocation'],
    ...(phone ? { isMobile: true, hasTouch: true } : {}),
  });
  context.setDefaultTimeout(waitMs);
  context.setDefaultNavigationTimeout(waitMs);
  return context;
}

/**
 * Appends what a page says to `file`: console warnings and errors, uncaught exceptions, failed
 * requests and every API answer of 400 or more (the first place to look when a step times out).
 */
export function recordPage(page: Page, who: string, file: string): void {
  const write = (line: string) => appendFileSync(file, `${new Date().toISOString()} [${who}] ${line}\n`);
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      write(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => write(`page error: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) =>
    write(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400)
      write(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
}

/**
 * Collects every Content-Security-Policy violation the page reports into `into` (the console must
 * cause none): the document's securitypolicyviolation events, and Chromium's own console lines.
 */
export async function watchContentSecurity(page: Page, who: string, into: string[]): Promise<void> {
  // A string: this file is typed for node, the script runs in the page.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) => {
    console.error('securitypolicyviolation: ' + event.violatedDirective + ' blocked ' + event.blockedURI);
  });`);
  page.on('console', (message) => {
    const text = message.text();
    if (/securitypolicyviolation|Content Security Policy/i.test(text)) into.push(`[${who}] ${text}`);
  });
}

export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', process.env.DEMO_PASSWORD ?? 'urbangrid');
  await page.press('input[name="password"]', 'Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A 2x2 PNG, the smallest photo the media route takes as an image. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * The signed-in pages of one test file: `asRole` opens a fresh context per person (its console
 * messages into `log`), `closeAll` closes those of a test; `start`/`stop` the browser itself.
 */
export function roleSessions(baseUrl: string, log: string) {
  let browser: Browser | undefined;
  const open: BrowserContext[] = [];
  return {
    async start(): Promise<void> {
      writeFileSync(log, '');
      browser = await launchBrowser();
    },
    async asRole(username: string): Promise<Page> {
      if (!browser) throw new Error('the browser did not start');
      const context = await newRoleContext(browser);
      open.push(context);
      const page = await context.newPage();
      recordPage(page, username, log);
      await signIn(page, baseUrl, username);
      return page;
    },
    async closeAll(): Promise<void> {
      await Promise.all(open.splice(0).map((context) => context.close().catch(() => undefined)));
    },
    async stop(): Promise<void> {
      await browser?.close();
    },
  };
}
