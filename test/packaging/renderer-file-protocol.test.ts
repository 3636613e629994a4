/**
 * Why the GrantFileProtocolExtraPrivileges fuse stays on (electron-builder.yml): the app loads
 * its renderer from file://, and the Vite build is an ES module script. In real Chromium, without
 * file:// privileges (what the fuse turned off gives) the module is refused and the window stays
 * blank; with them it runs. If this test ever fails on its first half, the fuse can go off.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const INDEX = join(__dirname, '../../out/renderer/index.html');
const CHROMIUM = '/usr/bin/chromium';
const LAUNCH_TIMEOUT_MS = 20_000;
const SETTLE_MS = 1_500;

async function rootRenders(extraArgs: string[]): Promise<{ rendered: boolean; messages: string[] }> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      ...extraArgs,
    ],
    timeout: LAUNCH_TIMEOUT_MS,
  });
  try {
    const page = await browser.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    await page.goto(pathToFileURL(INDEX).href, { timeout: LAUNCH_TIMEOUT_MS });
    await page.waitForTimeout(SETTLE_MS);
    // A string: this file is typed for Node, without the DOM.
    const rendered = await page.evaluate<boolean>(
      "(document.getElementById('root')?.childElementCount ?? 0) > 0",
    );
    return { rendered, messages };
  } finally {
    await browser.close();
  }
}

describe('renderer over file://', () => {
  it('needs file:// privileges for its module script (so the fuse stays on)', async () => {
    expect(existsSync(INDEX), 'build the renderer first: npx electron-vite build').toBe(true);
    const plain = await rootRenders([]);
    expect(plain.rendered).toBe(false);
    expect(plain.messages.join('\n')).toMatch(/blocked by CORS policy/);
    const privileged = await rootRenders(['--allow-file-access-from-files']);
    expect(privileged.rendered, privileged.messages.join('\n')).toBe(true);
  }, 60_000);
});
