/**
 * Issue 12 end to end, in the built window in real Chromium, against real SMTP servers on
 * 127.0.0.1, the real main handlers and the real keychain (run inside scripts/with-keyring.sh):
 * - a hotmail.it address used from a website builder with only a password field → the
 *   basic-disabled reply → the plain verdict and the way-out panel → the Gmail alternative in one
 *   click → a passing test (a local server stands in for smtp.gmail.com);
 * - the mode-mismatch one-click fix ("Use STARTTLS on … and test again");
 * - a saved account's history (last test with date, outcome and diagnosis; earlier tests).
 * Screenshots (through the harness's helper): way-out-*, fix-and-retest-*, history-*.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki } from '../mta/pki';
import {
  assertRendererBuilt,
  createHarness,
  E2E_TEST_TIMEOUT_MS,
  launchChromium,
  pageErrors,
  screenshot,
  type Harness,
} from './harness';
import { startOutlookLikeServer, type OutlookLikeServer } from './outlook-like-server';

const HOTMAIL = 'mario.rossi@hotmail.it';
const GMAIL = 'mario.rossi@gmail.com';
/** Unique per run: a leak search cannot match anything else. */
const HOTMAIL_PASSWORD = `hotmail-${process.pid}-${Date.now()}`;
const APP_PASSWORD = `abcd efgh ijkl ${process.pid}`;
/** Fixed loopback ports beside the other e2e suites' (any free port when taken). */
const FIXED_PORTS = { outlook: 24592, gmail: 24593 } as const;

let browser: Browser;
let harness: Harness;
let pkiDir: string;
let outlook: OutlookLikeServer;
let gmail: OutlookLikeServer;

beforeAll(async () => {
  assertRendererBuilt();
  pkiDir = await mkdtemp(join(tmpdir(), 'mailcheck-e2e-wayout-'));
  const pki = await createTestPki(pkiDir);
  const tls = { certFile: pki.certFile, keyFile: pki.keyFile };
  outlook = await startOutlookLikeServer({
    ...tls,
    mode: 'basic-disabled',
    user: HOTMAIL,
    password: HOTMAIL_PASSWORD,
    port: FIXED_PORTS.outlook,
  });
  gmail = await startOutlookLikeServer({
    ...tls,
    mode: 'accept',
    user: GMAIL,
    password: APP_PASSWORD,
    port: FIXED_PORTS.gmail,
  });
  harness = await createHarness({ caPem: pki.caPem });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await Promise.all([outlook?.close(), gmail?.close()]);
  if (pkiDir) await rm(pkiDir, { recursive: true, force: true });
});

async function runAndWait(page: Page) {
  await page.getByTestId('run').click();
  await page.getByTestId('test-screen').waitFor();
  await page.locator('[data-testid="test-screen"][data-running="false"]').waitFor();
}

/** The local server stands in for the provider's: same form, another address. */
async function pointAtLocalServer(page: Page, port: number) {
  await page.getByTestId('host').fill('127.0.0.1');
  await page.getByTestId('port').fill(String(port));
}

describe.each(['en', 'it'] as const)('the way out, in %s', (lang) => {
  it(
    'hotmail.it from a password-only website builder → basic-disabled → way-out panel → Gmail passes',
    async () => {
      const page = await harness.openApp(browser, { locale: lang });
      await page.getByTestId('email').fill(HOTMAIL);
      expect(await page.getByTestId('provider').inputValue()).toBe('outlook');
      await page.getByTestId('usage-website').check();
      await page.getByTestId('usage-signin-no').check();
      // The verdict comes before any test: this combination cannot work.
      expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('outlook-password-only');
      expect(await page.getByTestId('auth-password').isChecked()).toBe(true);

      await pointAtLocalServer(page, outlook.port);
      await page.getByTestId('password').fill(HOTMAIL_PASSWORD);
      await runAndWait(page);
      expect(await page.getByTestId('diagnosis').getAttribute('data-diagnosis')).toBe('auth.basic-disabled');
      expect(await page.getByTestId('verdict').textContent()).toContain(
        lang === 'it' ? 'settembre 2024' : 'September 2024',
      );
      const panel = page.getByTestId('way-out');
      await panel.waitFor();
      // A password-only program: no "Sign in with Microsoft" fix, only what works.
      expect(await page.getByTestId('fix-sign-in').count()).toBe(0);
      await page.getByTestId('fix-password-only').click();
      expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('way-out-heading');
      await screenshot(page, `way-out-${lang}`);

      await panel.getByTestId('try-gmail').click();
      await page.getByTestId('account-screen').waitFor();
      expect(await page.getByTestId('provider').inputValue()).toBe('gmail');
      expect(await page.getByTestId('host').inputValue()).toBe('smtp.gmail.com');
      expect(await page.getByTestId('usage-website').isChecked()).toBe(true);
      expect(await page.evaluate<string | undefined>('document.activeElement?.dataset?.testid')).toBe(
        'email',
      );
      await page.getByTestId('email').fill(GMAIL);
      await pointAtLocalServer(page, gmail.port);
      await page.getByTestId('password').fill(APP_PASSWORD);
      const attempts = gmail.authAttempts();
      await runAndWait(page);
      await page.getByTestId('settings-card').waitFor();
      expect(gmail.authAttempts()).toBe(attempts + 1);
      // The settings card speaks the website builder's language.
      expect(await page.getByTestId('program-wording').textContent()).toContain('STARTTLS');
      expect(await page.content()).not.toContain(APP_PASSWORD);
      expect(pageErrors(page)).toEqual([]);
    },
    E2E_TEST_TIMEOUT_MS,
  );

  it(
    'SSL/TLS on a STARTTLS port is fixed and tested again in one click',
    async () => {
      const page = await harness.openApp(browser, { locale: lang });
      await page.getByTestId('email').fill(GMAIL);
      await pointAtLocalServer(page, gmail.port);
      await page.getByTestId('security').selectOption('tls');
      await page.getByTestId('password').fill(APP_PASSWORD);
      await runAndWait(page);
      expect(await page.getByTestId('diagnosis').getAttribute('data-diagnosis')).toBe('tls.mode-mismatch');
      // With SSL/TLS the encryption is the step after the connection, before the greeting.
      const order = await page
        .locator('[data-step]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
      expect(order.slice(0, 4)).toEqual(['dns', 'tcp', 'tls', 'greeting']);
      const heading = await page.locator('#test-heading').textContent();
      expect(heading).toMatch(lang === 'it' ? /^Risultati per 127\.0\.0\.1/ : /^Results for 127\.0\.0\.1/);
      const fix = page.getByTestId('fix-security');
      expect(await fix.textContent()).toContain('STARTTLS');
      expect(await fix.textContent()).toContain(String(gmail.port));
      await fix.focus();
      await screenshot(page, `fix-and-retest-${lang}`);

      await fix.click();
      await page.getByTestId('settings-card').waitFor();
      const states = await page
        .locator('[data-step]')
        .evaluateAll((els) =>
          els.map((e) => `${e.getAttribute('data-step')}:${e.getAttribute('data-state')}`),
        );
      expect(states).toEqual(['dns:skip', 'tcp:pass', 'greeting:pass', 'ehlo:pass', 'tls:pass', 'auth:pass']);
      await page.getByTestId('nav-account').click();
      expect(await page.getByTestId('security').inputValue()).toBe('starttls');
      expect(pageErrors(page)).toEqual([]);
    },
    E2E_TEST_TIMEOUT_MS,
  );
});

describe('history', () => {
  it(
    'a saved account shows its last test with date, outcome and diagnosis, and its earlier tests',
    async () => {
      const name = 'Shop';
      // A run killed half-way may have left it in the keychain: start clean.
      await harness.credentials.delete(name);
      const page = await harness.openApp(browser, { locale: 'en' });
      await page.getByTestId('email').fill(GMAIL);
      await pointAtLocalServer(page, gmail.port);
      await page.getByTestId('usage-website').check();
      await page.getByTestId('save-profile').check();
      await page.getByTestId('profile-name').fill(name);
      await page.getByTestId('password').fill(APP_PASSWORD);
      await runAndWait(page);
      await page.getByTestId('settings-card').waitFor();
      // Then a wrong mode: the second run fails (and is the newest).
      await page.getByTestId('nav-account').click();
      await page.getByTestId('security').selectOption('tls');
      await runAndWait(page);
      await page.getByTestId('diagnosis').waitFor();

      for (const lang of ['en', 'it'] as const) {
        const fresh = await harness.openApp(browser, { locale: lang });
        const item = fresh.locator(`[data-profile="${name}"]`);
        await item.waitFor();
        const last = await item.getByTestId('last-run').textContent();
        expect(last).toMatch(lang === 'it' ? /Ultimo test, \d+ \w+ \d{4}/ : /Last test, \d+ \w+ \d{4}/);
        expect(last).toContain(lang === 'it' ? 'non riuscito: ' : 'failed: ');
        const history = item.getByTestId('history');
        await history.locator('summary').click();
        expect(await history.textContent()).toContain(lang === 'it' ? 'funziona' : 'working');
        await screenshot(fresh, `history-${lang}`);
        expect(pageErrors(fresh)).toEqual([]);
        if (lang === 'en') {
          // Delete asks first, and says what leaves the keychain.
          await item.getByTestId('delete').click();
          expect(await item.getByTestId('delete-confirmation').textContent()).toContain('keychain');
          await item.getByTestId('delete-cancel').click();
        } else {
          await item.getByTestId('delete').click();
          await item.getByTestId('delete-confirm').click();
          await item.waitFor({ state: 'detached' });
        }
        await fresh.context().close();
      }
      expect(await harness.credentials.read(name)).toBeNull();
    },
    E2E_TEST_TIMEOUT_MS,
  );
});
