/**
 * The real desktop app in a real Electron, driven by Playwright. Electron's binary cannot be
 * downloaded on this machine: without it the test is reported as skipped, with that reason in its
 * title (never as a pass).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MailcheckApi } from '../../src/shared/api';

/** window.api, as seen inside the page (this file is typed for Node, without the DOM). */
type PageGlobals = { api: MailcheckApi };

const ROOT = join(__dirname, '../..');
const MAIN = join(ROOT, 'out/main/index.js');
const LAUNCH_TIMEOUT_MS = 30_000;

/** The binary's path as the electron package records it, without loading that package (it would try to download). */
function electronBinary(): string | null {
  const pkg = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const hasBinary = binary !== null;
const title = hasBinary
  ? 'launches the built app: one sandboxed window with window.api and no Node'
  : 'launches the built app (skipped: no Electron binary)';

describe('Electron app', () => {
  it.skipIf(!hasBinary)(
    title,
    async () => {
      expect(existsSync(MAIN), 'build first: npx electron-vite build').toBe(true);
      const userData = await mkdtemp(join(tmpdir(), 'mailcheck-electron-'));
      const app = await electron.launch({
        executablePath: binary!,
        args: [MAIN, `--user-data-dir=${userData}`],
        env: { ...process.env, ELECTRON_RENDERER_URL: '' },
        timeout: LAUNCH_TIMEOUT_MS,
      });
      try {
        const page = await app.firstWindow({ timeout: LAUNCH_TIMEOUT_MS });
        await page.waitForLoadState('domcontentloaded');
        expect(await page.title()).toBe('Mailcheck');
        expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
          'undefined',
        );
        expect(await page.evaluate(() => typeof (globalThis as unknown as PageGlobals).api.invoke)).toBe(
          'function',
        );
        const info = await page.evaluate(() => (globalThis as unknown as PageGlobals).api.invoke('app:info'));
        expect(info).toMatchObject({ version: '0.1.0' });
        // A channel outside the contract is refused by the preload.
        await expect(
          page.evaluate(() =>
            ((globalThis as unknown as PageGlobals).api.invoke as (c: string) => Promise<unknown>)(
              'shell:exec',
            ),
          ),
        ).rejects.toThrow(/Unknown channel/);
        expect(app.windows()).toHaveLength(1);
      } finally {
        await app.close();
        await rm(userData, { recursive: true, force: true });
      }
    },
    LAUNCH_TIMEOUT_MS * 2,
  );
});
