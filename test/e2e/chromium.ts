/**
 * Debian's Chromium, launched the one way the end-to-end tests and the renderer benchmark need it.
 * Kept apart from harness.ts so that the benchmark does not load the main handlers and the keychain.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Bounds every wait on the page: a broken run fails fast instead of hanging the suite. */
export const UI_TIMEOUT_MS = 15_000;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--no-first-run',
      // Module scripts from file:// need this in Chromium; Electron grants it to its app protocol.
      '--allow-file-access-from-files',
    ],
    timeout: UI_TIMEOUT_MS,
  });
}
