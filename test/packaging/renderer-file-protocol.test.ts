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
/** How long each outcome may take to show on a busy machine; it is waited for, never slept. */
const OUTCOME_TIMEOUT_MS = 20_000;
const ROOT_HAS_CONTENT = "(document.getElementById('root')?.childElementCount ?? 0) > 0";

/**
 * Opens the built index.html and waits for its outcome, decided by events: either the console
 * says the module was blocked (CORS), or the root gets content. Nothing else runs after a refused
 * module (it is the page's only script), so "blocked" is final.
 */
async function openIndex(
  extraArgs: string[],
): Promise<{ outcome: 'blocked' | 'rendered'; messages: string[] }> {
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
    const blocked = page
      .waitForEvent('console', {
        predicate: (m) => /blocked by CORS policy/.test(m.text()),
        timeout: OUTCOME_TIMEOUT_MS,
      })
      .then(() => 'blocked' as const);
    const rendered = page
      .waitForFunction(ROOT_HAS_CONTENT, undefined, { timeout: OUTCOME_TIMEOUT_MS })
      .then(() => 'rendered' as const);
    // The loser's timeout must not reject unobserved.
    blocked.catch(() => undefined);
    rendered.catch(() => undefined);
    await page.goto(pathToFileURL(INDEX).href, { timeout: LAUNCH_TIMEOUT_MS });
    const outcome = await Promise.race([blocked, rendered]);
    if (outcome === 'blocked') {
      // A string: this file is typed for Node, without the DOM.
      expect(await page.evaluate<boolean>(ROOT_HAS_CONTENT)).toBe(false);
    }
    return { outcome, messages };
  } finally {
    await browser.close();
  }
}

describe('renderer over file://', () => {
  it('needs file:// privileges for its module script (so the fuse stays on)', async () => {
    expect(existsSync(INDEX), 'build the renderer first: npx electron-vite build').toBe(true);
    const plain = await openIndex([]);
    expect(plain.outcome, plain.messages.join('\n')).toBe('blocked');
    const privileged = await openIndex(['--allow-file-access-from-files']);
    expect(privileged.outcome, privileged.messages.join('\n')).toBe('rendered');
  }, 90_000);
});
