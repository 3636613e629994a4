/**
 * The OAuth controls from the window, end to end against the local identity server, the real OAuth
 * service and the real keychain: a pending browser sign-in cancelled; "Use a code instead" (device
 * code) completed by the test playing the person on another device; "Sign out", which removes the
 * saved sign-in but keeps the account, so that its next test asks to sign in again.
 * Run inside scripts/with-keyring.sh (see renderer.e2e.test.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychainStore } from '../../src/engine/credentials';
import { createOAuthService } from '../../src/engine/oauth';
import { createTestPki } from '../mta/pki';
import { IdentityServer } from '../oauth/fixtures/identity-server';
import {
  assertRendererBuilt,
  createHarness,
  launchChromium,
  pageErrors,
  screenshot,
  type Harness,
} from './harness';
import { startOutlookLikeServer, type OutlookLikeServer } from './outlook-like-server';

const CLIENT_ID = '3f1c2d4e-0000-4000-8000-0000000e2e02';
const E2E_TEST_TIMEOUT_MS = 60_000;
/** A fixed loopback port so that screenshots do not change with each run (any free port if taken). */
const SMTP_PORT = 24591;

let browser: Browser;
let harness: Harness;
let idp: IdentityServer;
let smtp: OutlookLikeServer;
let pkiDir: string;
/** Authorization URLs the service asked the "system browser" to open; nobody follows them here. */
const browserVisits: string[] = [];

beforeAll(async () => {
  assertRendererBuilt();
  idp = await IdentityServer.start();
  pkiDir = await mkdtemp(join(tmpdir(), 'mailcheck-e2e-pki-'));
  const pki = await createTestPki(pkiDir);
  smtp = await startOutlookLikeServer({
    certFile: pki.certFile,
    keyFile: pki.keyFile,
    mode: 'xoauth2',
    user: idp.account,
    password: 'unused',
    acceptsToken: (user, token) => user === idp.account && idp.issued.access.includes(token),
    port: SMTP_PORT,
  });
  const oauth = createOAuthService({
    store: createKeychainStore(),
    // A browser the person never finishes: the sign-in stays pending until cancelled or replaced.
    openBrowser: async (url) => void browserVisits.push(url),
    authorityHost: idp.base,
  });
  harness = await createHarness({ caPem: pki.caPem, oauth });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await smtp?.close();
  await idp?.stop();
  if (pkiDir) await rm(pkiDir, { recursive: true, force: true });
});

describe.each(['en', 'it'] as const)('OAuth controls in the window, in %s', (lang) => {
  it(
    'cancels a pending sign-in, signs in with a code instead, and signs out keeping the account',
    async () => {
      const page = await harness.openApp(browser, { locale: lang });
      const account = page.locator(`[data-profile="${idp.account}"]`);
      await page.getByTestId('email').fill(idp.account);
      await page.getByTestId('host').fill('127.0.0.1');
      await page.getByTestId('port').fill(String(smtp.port));
      await page.getByTestId('auth-oauth2').check();
      await page.getByTestId('oauth-client-id').fill(CLIENT_ID);

      // 1. A browser sign-in nobody finishes, cancelled from the window.
      const visitsBefore = browserVisits.length;
      await page.getByTestId('oauth-sign-in').click();
      await page.getByTestId('sign-in-cancel').waitFor();
      // The window shows "pending" at once; main opens the browser a moment later.
      await expect.poll(() => browserVisits.length).toBe(visitsBefore + 1);
      await page.getByTestId('sign-in-cancel').click();
      const cancelled = page.getByTestId('sign-in-error');
      await cancelled.waitFor();
      expect(await cancelled.getAttribute('data-diagnosis')).toBe('oauth.cancelled');
      expect(await cancelled.locator('h2').textContent()).toBe(
        lang === 'it' ? 'Accesso con Microsoft non completato' : 'Sign-in with Microsoft was not completed',
      );

      // 2. Again, then "Use a code instead": the code, its address and expiry, from main's event.
      await page.getByTestId('oauth-sign-in').click();
      await page.getByTestId('sign-in-use-code').click();
      const box = page.getByTestId('device-code');
      await box.waitFor();
      const userCode = (await box.getByTestId('device-user-code').textContent()) ?? '';
      expect(userCode).toMatch(/^[0-9A-F]{9}$/);
      expect(await box.getByTestId('device-code-link').textContent()).toBe(`${idp.base}/devicelogin`);
      expect(await box.getByTestId('device-code-expiry').textContent()).toMatch(/\d{2}[:.]\d{2}/);
      await screenshot(page, `device-code-${lang}`);
      await box.getByTestId('device-code-link').click();
      await expect.poll(() => harness.openedUrls.at(-1)).toBe(`${idp.base}/devicelogin`);
      await box.getByRole('button', { name: lang === 'it' ? 'Copia il codice' : 'Copy the code' }).click();
      await expect.poll(() => harness.clipboard.at(-1)).toBe(userCode);

      // The person types the code on another device and approves.
      expect((await idp.completeDeviceLogin(userCode)).status).toBe(200);
      await page.getByTestId('oauth-sign-in-status').filter({ hasText: idp.account }).waitFor();
      await box.waitFor({ state: 'detached' });
      expect(await harness.credentials.read(idp.account, 'oauth-refresh')).toBe(idp.issued.refresh.at(-1));

      // 3. Sign out: the saved sign-in goes, the account stays, and its next test asks to sign in again.
      await account.getByTestId('sign-out').click();
      await page.getByTestId('signed-out').waitFor();
      expect(await harness.credentials.read(idp.account, 'oauth-refresh')).toBeNull();
      await account.waitFor();
      await account.getByTestId('rerun').click();
      await page.locator('[data-testid="test-screen"][data-running="false"]').waitFor();
      expect(await page.getByTestId('diagnosis').getAttribute('data-diagnosis')).toBe('oauth.grant-expired');

      // No token of any kind reached the page.
      const html = await page.content();
      for (const token of [...idp.issued.access, ...idp.issued.refresh, ...idp.issued.id]) {
        expect(html).not.toContain(token);
      }
      expect(pageErrors(page)).toEqual([]);

      await page.getByTestId('back').click();
      await account.getByTestId('delete').click();
      await account.waitFor({ state: 'detached' });
    },
    E2E_TEST_TIMEOUT_MS,
  );
});
