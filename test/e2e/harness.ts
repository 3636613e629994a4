/**
 * End-to-end harness: the BUILT renderer (out/renderer) in Debian's Chromium, with `window.api`
 * provided by an init script that forwards every call to the REAL main handlers
 * (createMainHandlers, through the app's own dispatch: parseArgs validation and errors encoded
 * with toIpcError exactly as Electron would carry them; the real keychain, a temp profiles file)
 * and pushes their events back into the page. Only Electron's own glue (ipcMain, the sender check,
 * the preload) is left out.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createKeychainStore, type CredentialStore } from '../../src/engine/credentials';
import { createMainHandlers, type MainDeps, type MainOAuth } from '../../src/main/handlers';
import { dispatch } from '../../src/main/ipc/dispatch';
import type { IpcChannel, IpcEventChannel, IpcEvents } from '../../src/shared/ipc';
import type { Lang } from '../../src/shared/probe-types';
import { UI_TIMEOUT_MS } from './chromium';

export { launchChromium } from './chromium';

/** The built renderer; MAILCHECK_E2E_RENDERER may point at another build of it. */
export const RENDERER_INDEX =
  process.env.MAILCHECK_E2E_RENDERER ?? resolve(__dirname, '../../out/renderer/index.html');
export const SCREENSHOT_DIR = resolve(__dirname, '../../docs/screenshots');
/** Bounds one end-to-end test: several servers, a browser and a few runs. */
export const E2E_TEST_TIMEOUT_MS = 60_000;

export function assertRendererBuilt(): void {
  if (!existsSync(RENDERER_INDEX)) {
    throw new Error(
      `The built renderer is missing (${RENDERER_INDEX}). Run \`npm run build\` (or \`npx electron-vite build\`) first.`,
    );
  }
}

export interface Harness {
  dir: string;
  profilesFile: string;
  credentials: CredentialStore;
  clipboard: string[];
  savedReports: { name: string; path: string; text: string }[];
  openedUrls: string[];
  /** Opens the app in a fresh page with the OS language `locale`. */
  openApp(browser: Browser, opts?: { locale?: Lang; colorScheme?: 'light' | 'dark' }): Promise<Page>;
  close(): Promise<void>;
}

type Outcome = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Runs in the page before the app: window.api backed by the exposed binding. A string, so that no
 * test-runner transform of a function body can leak into the page.
 */
const BRIDGE_SCRIPT = `(() => {
  const listeners = new Map();
  window.__mailcheckEmit = (channel, payload) => {
    for (const l of listeners.get(channel) ?? []) l(payload);
  };
  window.api = Object.freeze({
    async invoke(channel, ...args) {
      const outcome = await window.__mailcheckInvoke(channel, args);
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome.value;
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  });
})();`;

export async function createHarness(opts: {
  caPem: string;
  locale?: Lang;
  oauth?: MainOAuth;
  /** Where discovery asks (a local DNS server): the main side's own option, as the app's env sets it. */
  discovery?: MainDeps['discovery'];
}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'mailcheck-e2e-'));
  const profilesFile = join(dir, 'profiles.json');
  const credentials = createKeychainStore();
  const clipboard: string[] = [];
  const savedReports: Harness['savedReports'] = [];
  const openedUrls: string[] = [];
  let currentPage: Page | null = null;
  let locale: Lang = opts.locale ?? 'en';

  const handlers = createMainHandlers({
    profilesFile,
    credentials,
    caPem: opts.caPem,
    ...(opts.oauth ? { oauth: opts.oauth } : {}),
    ...(opts.discovery ? { discovery: opts.discovery } : {}),
    emit: <E extends IpcEventChannel>(channel: E, payload: IpcEvents[E]) => {
      const page = currentPage;
      if (!page || page.isClosed()) return;
      void page
        .evaluate(`window.__mailcheckEmit(${JSON.stringify(channel)}, ${JSON.stringify(payload)})`)
        .catch(() => undefined);
    },
    saveReport: async (suggestedName, text) => {
      const path = join(dir, suggestedName);
      await writeFile(path, text);
      savedReports.push({ name: suggestedName, path, text });
      return { saved: true, path };
    },
    writeClipboard: async (text) => {
      clipboard.push(text);
    },
    openExternal: async (url) => {
      openedUrls.push(url);
    },
    appInfo: () => ({ version: '0.1.0-e2e', locale, platform: process.platform }),
  });

  async function invoke(channel: string, args: unknown[]): Promise<Outcome> {
    try {
      return { ok: true, value: (await dispatch(handlers, channel as IpcChannel, args)) ?? null };
    } catch (err) {
      // Electron's invoke() rejects with this prefix before main's message; the renderer strips it.
      const message = err instanceof Error ? err.message : String(err);
      return { ok: false, message: `Error invoking remote method '${channel}': Error: ${message}` };
    }
  }

  return {
    dir,
    profilesFile,
    credentials,
    clipboard,
    savedReports,
    openedUrls,
    async openApp(browser, pageOpts = {}) {
      locale = pageOpts.locale ?? opts.locale ?? 'en';
      const context = await browser.newContext({
        viewport: { width: 1100, height: 820 },
        colorScheme: pageOpts.colorScheme ?? 'light',
        locale: locale === 'it' ? 'it-IT' : 'en-US',
      });
      context.setDefaultTimeout(UI_TIMEOUT_MS);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      (page as Page & { jsErrors?: string[] }).jsErrors = errors;
      await page.exposeFunction('__mailcheckInvoke', invoke);
      await page.addInitScript({ content: BRIDGE_SCRIPT });
      currentPage = page;
      await page.goto(pathToFileURL(RENDERER_INDEX).href);
      await page.getByTestId('account-screen').waitFor();
      return page;
    },
    async close() {
      if (currentPage)
        await currentPage
          .context()
          .close()
          .catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Console messages that are expected: `frame-ancestors` only works as an HTTP header (the main
 * process sends it); in the meta tag, which must equal the header's policy, Chromium ignores it.
 */
const EXPECTED_CONSOLE_ERRORS = [
  /directive 'frame-ancestors' is ignored when delivered via a <meta> element/,
];

/** Errors the page logged (script errors, CSP violations…), minus the expected ones. */
export function pageErrors(page: Page): string[] {
  const all = (page as Page & { jsErrors?: string[] }).jsErrors ?? [];
  return all.filter((e) => !EXPECTED_CONSOLE_ERRORS.some((re) => re.test(e)));
}

/** Two animation frames: a colour-scheme switch or a late layout has been painted (fewer PNG changes). */
const SETTLE_SCRIPT = 'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))';

/**
 * Where a screenshot goes: docs/screenshots/<name>.png only when asked (`npm run screenshots`,
 * which sets MAILCHECK_SCREENSHOTS=1), so that a normal test run leaves the working tree clean.
 * Otherwise the screenshot is still taken (the page must render it) but kept in memory.
 */
export function screenshotPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.MAILCHECK_SCREENSHOTS === '1' ? join(SCREENSHOT_DIR, `${name}.png`) : undefined;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(SETTLE_SCRIPT);
  const path = screenshotPath(name);
  const png = await page.screenshot({
    ...(path ? { path } : {}),
    fullPage: true,
    animations: 'disabled',
  });
  if (png.length === 0) throw new Error(`empty screenshot ${name}`);
}
