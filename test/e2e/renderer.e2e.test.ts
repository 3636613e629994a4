/**
 * The built window in real Chromium, driven like a user, against real SMTP servers on 127.0.0.1,
 * the real main handlers and the real keychain. Run inside scripts/with-keyring.sh:
 *   npm run build && bash scripts/with-keyring.sh npx vitest run test/e2e
 * Takes screenshots of every main screen, in both languages; they are written to docs/screenshots/
 * only by `npm run screenshots` (MAILCHECK_SCREENSHOTS=1), so a test run leaves the tree clean.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
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

const USER = 'tester@outlook.com';
/** Unique per run, so that a leak search cannot match anything else. */
const PASSWORD = `pw-${process.pid}-${Date.now()}-secret`;
/** Long enough to catch the "auth running" state on screen, short enough for the suite. */
const SLOW_AUTH_MS = 5_000;
/**
 * Fixed loopback ports (below Linux's ephemeral range), so that the screenshots show the same
 * port on every run; a taken port falls back to any free one (see startOutlookLikeServer).
 */
const FIXED_PORTS = { ok: 24587, basic: 24588, slow: 24589 } as const;

let browser: Browser;
let harness: Harness;
let pkiDir: string;
let okServer: OutlookLikeServer;
let basicServer: OutlookLikeServer;
let slowServer: OutlookLikeServer;

beforeAll(async () => {
  assertRendererBuilt();
  pkiDir = await mkdtemp(join(tmpdir(), 'mailcheck-e2e-pki-'));
  const pki = await createTestPki(pkiDir);
  const common = { certFile: pki.certFile, keyFile: pki.keyFile, user: USER, password: PASSWORD };
  okServer = await startOutlookLikeServer({ ...common, mode: 'accept', port: FIXED_PORTS.ok });
  basicServer = await startOutlookLikeServer({ ...common, mode: 'basic-disabled', port: FIXED_PORTS.basic });
  slowServer = await startOutlookLikeServer({
    ...common,
    mode: 'accept',
    authDelayMs: SLOW_AUTH_MS,
    port: FIXED_PORTS.slow,
  });
  harness = await createHarness({ caPem: pki.caPem });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await Promise.all([okServer?.close(), basicServer?.close(), slowServer?.close()]);
  if (pkiDir) await rm(pkiDir, { recursive: true, force: true });
});

/** Fills the account form the way a user would for the local Outlook-like server. */
async function fillAccount(page: Page, port: number, opts: { security?: string; password?: string } = {}) {
  await page.getByTestId('email').fill(USER);
  await page.getByTestId('host').fill('127.0.0.1');
  await page.getByTestId('port').fill(String(port));
  if (opts.security) await page.getByTestId('security').selectOption(opts.security);
  await page.getByTestId('password').fill(opts.password ?? PASSWORD);
}

async function runAndWait(page: Page) {
  await page.getByTestId('run').click();
  await page.getByTestId('test-screen').waitFor();
  await page.locator('[data-testid="test-screen"][data-running="false"]').waitFor();
}

function expectNoSecretIn(text: string) {
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(Buffer.from(PASSWORD).toString('base64'));
  expect(text).not.toContain(Buffer.from(`\0${USER}\0${PASSWORD}`).toString('base64'));
}

describe.each(['en', 'it'] as const)('the window in %s', (lang) => {
  it(
    'recognises Outlook.com from the address and offers the guide',
    async () => {
      const page = await harness.openApp(browser, { locale: lang });
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await page.getByTestId('email').fill('mario.rossi@hotmail.it');
      expect(await page.getByTestId('provider').inputValue()).toBe('outlook');
      expect(await page.getByTestId('host').inputValue()).toBe('smtp-mail.outlook.com');
      expect(await page.getByTestId('port').inputValue()).toBe('587');
      expect(await page.getByTestId('security').inputValue()).toBe('starttls');
      await page.getByTestId('oauth-recommended').waitFor();
      await screenshot(page, `account-${lang}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, `account-dark-${lang}`);
      expect(pageErrors(page)).toEqual([]);
    },
    E2E_TEST_TIMEOUT_MS,
  );

  it(
    'shows the steps live while the test runs, and Stop cancels it',
    async () => {
      const page = await harness.openApp(browser, { locale: lang });
      await fillAccount(page, slowServer.port);
      await page.getByTestId('run').click();
      await page.locator('[data-step="auth"][data-state="running"]').waitFor();
      for (const step of ['tcp', 'greeting', 'ehlo', 'tls']) {
        expect(await page.locator(`[data-step="${step}"]`).getAttribute('data-state')).toBe('pass');
      }
      await screenshot(page, `test-running-${lang}`);
      await page.getByTestId('stop').click();
      await page.getByTestId('cancelled').waitFor();
      expect(pageErrors(page)).toEqual([]);
    },
    E2E_TEST_TIMEOUT_MS,
  );

  it(
    'a passing Outlook-like STARTTLS account gives the settings that work, with copy buttons and a report',
    async () => {
      const page = await harness.openApp(browser, { locale: lang });
      await fillAccount(page, okServer.port);
      await runAndWait(page);
      const card = page.getByTestId('settings-card');
      await card.waitFor();
      expect(await card.locator('dd code').allTextContents()).toEqual([
        '127.0.0.1',
        String(okServer.port),
        'STARTTLS',
        USER,
      ]);
      const states = await page
        .locator('[data-step]')
        .evaluateAll((els) =>
          els.map((e) => `${e.getAttribute('data-step')}:${e.getAttribute('data-state')}`),
        );
      expect(states).toEqual(['dns:skip', 'tcp:pass', 'greeting:pass', 'ehlo:pass', 'tls:pass', 'auth:pass']);
      await screenshot(page, `result-ok-${lang}`);

      await card.locator('[data-field="result.field.server"] button').click();
      await card.getByText(lang === 'en' ? 'Copied' : 'Copiato').waitFor();
      expect(harness.clipboard.at(-1)).toBe('127.0.0.1');

      await page.getByTestId('copy-report').click();
      await page.locator('.report-actions [role="status"]', { hasText: /./ }).waitFor();
      const report = harness.clipboard.at(-1) ?? '';
      expect(report).toContain('127.0.0.1');
      expectNoSecretIn(report);

      await page.getByTestId('save-report').click();
      await page.locator('.report-actions [role="status"]', { hasText: harness.dir }).waitFor();
      expect(harness.savedReports.at(-1)?.name).toMatch(/^mailcheck-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.md$/);

      // The details open on demand and show the redacted transcript, never the password.
      for (const summary of await page.getByTestId('details').locator('summary').all()) await summary.click();
      const transcript = await page.getByTestId('transcript').textContent();
      expect(transcript).toContain('STARTTLS');
      // The login of this real run, as the engine redacted it (not a fixture's own "<redacted>").
      expect(transcript).toMatch(/^ *\d+ C: AUTH PLAIN <redacted>$/m);
      expect(await page.getByTestId('details').textContent()).toContain('CN=Mailcheck Test CA');
      await screenshot(page, `result-details-${lang}`);
      expectNoSecretIn(await page.content());
      expect(pageErrors(page)).toEqual([]);
    },
    E2E_TEST_TIMEOUT_MS,
  );

  it(
    '"535 5.7.139 … basic authentication is disabled" leads to the modern-auth guide step',
    async () => {
      const page = await harness.openApp(browser, { locale: lang });
      await fillAccount(page, basicServer.port);
      await runAndWait(page);
      const panel = page.getByTestId('diagnosis');
      expect(await panel.getAttribute('data-diagnosis')).toBe('auth.basic-disabled');
      expect(await panel.textContent()).toContain('535 5.7.139');
      expect(await page.locator('[data-step="auth"]').getAttribute('data-state')).toBe('fail');
      await screenshot(page, `result-basic-disabled-${lang}`);

      await page.getByTestId('open-guide-step').click();
      const guide = page.getByTestId('guide');
      expect(await guide.getAttribute('data-current-step')).toBe('modern-auth');
      expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe(
        'guide-step-modern-auth',
      );
      expect(await page.getByTestId('guide-notice').textContent()).toContain(
        lang === 'it' ? '2 dicembre 2026' : '2 December 2026',
      );
      // Every illustration loads (bundled as assets, allowed by the CSP).
      const images = page.locator('img.guide-image');
      expect(await images.count()).toBe(7);
      expect(
        await page.evaluate<boolean>(
          '[...document.querySelectorAll("img.guide-image")].every((i) => i.complete && i.naturalWidth > 0)',
        ),
      ).toBe(true);
      await screenshot(page, `guide-${lang}`);

      // No client id configured: the guide says what is missing instead of offering a dead button.
      expect(await page.getByTestId('guide').getByTestId('oauth-not-configured').count()).toBe(1);
      expect(await page.getByTestId('guide-sign-in').count()).toBe(0);
      expect(pageErrors(page)).toEqual([]);
    },
    E2E_TEST_TIMEOUT_MS,
  );

  it(
    'SSL/TLS on a STARTTLS port is diagnosed as the wrong security mode',
    async () => {
      const page = await harness.openApp(browser, { locale: lang });
      await fillAccount(page, okServer.port, { security: 'tls' });
      await runAndWait(page);
      expect(await page.getByTestId('diagnosis').getAttribute('data-diagnosis')).toBe('tls.mode-mismatch');
      await screenshot(page, `result-tls-mismatch-${lang}`);
      expect(pageErrors(page)).toEqual([]);
    },
    E2E_TEST_TIMEOUT_MS,
  );
});

describe('language and saved accounts', () => {
  it('starts in the OS language and switches without reloading', async () => {
    const page = await harness.openApp(browser, { locale: 'it' });
    await page.getByRole('heading', { name: 'Il tuo account di posta' }).waitFor();
    await page.getByTestId('lang-switch').selectOption('en');
    await page.getByRole('heading', { name: 'Your mail account' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // Keyboard only: Tab reaches the email field through the header, typing works, Enter runs.
    await page.locator('body').focus();
    let tabs = 0;
    while ((await page.evaluate<string | undefined>('document.activeElement?.dataset?.testid')) !== 'email') {
      expect(++tabs).toBeLessThan(10);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('x@libero.it');
    expect(await page.getByTestId('host').inputValue()).toBe('smtp.libero.it');
    expect(pageErrors(page)).toEqual([]);
  });

  it('the optional test message is sent and shown as its own step', async () => {
    const page = await harness.openApp(browser, { locale: 'it' });
    await fillAccount(page, okServer.port);
    await page.getByTestId('send-test').check();
    expect(await page.getByTestId('from').inputValue()).toBe(USER);
    await page.getByTestId('to').fill('someone@example.com');
    const before = okServer.messages();
    await runAndWait(page);
    await page.getByTestId('settings-card').waitFor();
    expect(await page.locator('[data-step="send"]').getAttribute('data-state')).toBe('pass');
    expect(okServer.messages()).toBe(before + 1);
    expect(pageErrors(page)).toEqual([]);
  });

  it('a damaged accounts file is moved aside and the window says so', async () => {
    await writeFile(harness.profilesFile, '{ "format": 1, "profiles": [ this is not JSON');
    const page = await harness.openApp(browser, { locale: 'en' });
    const warning = page.getByTestId('profiles').getByRole('alert');
    await warning.waitFor();
    const aside = (await readdir(dirname(harness.profilesFile))).filter((f) =>
      f.startsWith(`${basename(harness.profilesFile)}.corrupt-`),
    );
    expect(aside).toHaveLength(1);
    const asidePath = join(dirname(harness.profilesFile), aside[0] ?? '');
    expect(await warning.textContent()).toContain(
      `The file was moved to ${asidePath} and Mailcheck started with no profiles.`,
    );
    expect(await warning.textContent()).toMatch(/^The saved profiles could not be read because /);
    expect(pageErrors(page)).toEqual([]);
  });

  it('"Sign in with Microsoft" saves the account and calls oauth:sign-in, showing the answer', async () => {
    const page = await harness.openApp(browser, { locale: 'en' });
    await page.getByTestId('email').fill('mario@outlook.com');
    await page.getByTestId('auth-oauth2').check();
    // No client id configured for this copy: one sentence and a link, no button that cannot work.
    await page.getByTestId('oauth-not-configured').filter({ hasText: 'docs/oauth.md' }).waitFor();
    expect(await page.getByTestId('oauth-sign-in').count()).toBe(0);
    await page.getByTestId('oauth-advanced').locator('summary').click();
    await page.getByTestId('oauth-client-id').fill('00000000-0000-0000-0000-000000000000');
    await page.getByTestId('oauth-sign-in').click();
    // This harness wires no OAuth service, so the real handler answers "not configured", in the
    // window's language (main's bilingual error), never as the raw encoded payload.
    const error = page.getByTestId('sign-in-error');
    await error.filter({ hasText: 'not configured' }).waitFor();
    expect(await error.textContent()).not.toContain('MAILCHECK_IPC_ERROR');
    await page.getByTestId('lang-switch').selectOption('it');
    await error.filter({ hasText: 'non è configurato' }).waitFor();
    await page.getByTestId('lang-switch').selectOption('en');
    await page.locator('[data-profile="mario@outlook.com"]').waitFor();
    await page.locator('[data-profile="mario@outlook.com"]').getByTestId('delete').click();
    await page.locator('[data-profile="mario@outlook.com"]').getByTestId('delete-confirm').click();
    await page.locator('[data-profile="mario@outlook.com"]').waitFor({ state: 'detached' });
    expect(pageErrors(page)).toEqual([]);
  });

  it(
    'saves an account with its password in the keychain, reruns it in one click, and deletes it',
    async () => {
      const page = await harness.openApp(browser, { locale: 'en' });
      await fillAccount(page, okServer.port);
      await page.getByTestId('save-profile').check();
      const name = 'Outlook e2e';
      await page.getByTestId('profile-name').fill(name);
      expect(await page.getByTestId('save-password').isChecked()).toBe(true);
      await runAndWait(page);
      await page.getByTestId('settings-card').waitFor();
      expect(await harness.credentials.read(name)).toBe(PASSWORD);

      // The saved account in an Italian window (the screenshot pair), closed before the next one:
      // the harness sends main's events to the newest window.
      const italian = await harness.openApp(browser, { locale: 'it' });
      await italian.locator(`[data-profile="${name}"]`).waitFor();
      await screenshot(italian, 'saved-accounts-it');
      expect(pageErrors(italian)).toEqual([]);
      await italian.context().close();

      // A fresh window: the account is listed, and its rerun uses the keychain (the server only
      // accepts the right password, and the renderer never has it).
      const fresh = await harness.openApp(browser, { locale: 'en' });
      const item = fresh.locator(`[data-profile="${name}"]`);
      await item.waitFor();
      await screenshot(fresh, 'saved-accounts-en');
      const attemptsBefore = okServer.authAttempts();
      await item.getByTestId('rerun').click();
      await fresh.getByTestId('settings-card').waitFor();
      expect(okServer.authAttempts()).toBe(attemptsBefore + 1);
      expectNoSecretIn(await fresh.content());

      await fresh.getByTestId('nav-account').click();
      await fresh.locator(`[data-profile="${name}"]`).getByTestId('delete').click();
      await fresh.locator(`[data-profile="${name}"]`).getByTestId('delete-confirm').click();
      await item.waitFor({ state: 'detached' });
      expect(await harness.credentials.read(name)).toBeNull();
      expect(pageErrors(fresh)).toEqual([]);
    },
    E2E_TEST_TIMEOUT_MS,
  );
});
