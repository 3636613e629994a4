/**
 * "Sign in with Microsoft" from the window, end to end: the real OAuth service (auth code + PKCE +
 * loopback redirect) against the OAuth engineer's local identity server, the refresh token in the
 * real keychain, then an XOAUTH2 login on an Outlook-like STARTTLS server that accepts only tokens
 * that identity server issued. Run inside scripts/with-keyring.sh (see renderer.e2e.test.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychainStore } from '../../src/engine/credentials';
import { createOAuthService } from '../../src/engine/oauth';
import { createTestPki } from '../mta/pki';
import { actLikeBrowser } from '../oauth/fixtures/browser';
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

const CLIENT_ID = '3f1c2d4e-0000-4000-8000-0000000e2e01';
const E2E_TEST_TIMEOUT_MS = 60_000;
/** A fixed loopback port so that screenshots do not change with each run (any free port if taken). */
const SMTP_PORT = 24590;

let browser: Browser;
let harness: Harness;
let idp: IdentityServer;
let smtp: OutlookLikeServer;
let pkiDir: string;

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
    // The "system browser": follows the identity server's redirect to the loopback listener.
    openBrowser: async (url) => void actLikeBrowser(url).catch(() => undefined),
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

describe.each(['it', 'en'] as const)('Sign in with Microsoft, from the window in %s', (lang) => {
  it(
    'signs in, keeps the refresh token in the keychain, and the test logs in with XOAUTH2',
    async () => {
      const page = await harness.openApp(browser, { locale: lang });
      await page.getByTestId('email').fill(idp.account);
      await page.getByTestId('host').fill('127.0.0.1');
      await page.getByTestId('port').fill(String(smtp.port));
      await page.getByTestId('auth-oauth2').check();
      await page.getByTestId('oauth-client-id').fill(CLIENT_ID);
      await page.getByTestId('oauth-sign-in').click();
      await page.getByTestId('oauth-sign-in-status').filter({ hasText: idp.account }).waitFor();
      await screenshot(page, `oauth-signed-in-${lang}`);
      expect(await harness.credentials.read(idp.account, 'oauth-refresh')).toBe(idp.issued.refresh.at(-1));
      await page.locator(`[data-profile="${idp.account}"]`).waitFor();

      await page.getByTestId('run').click();
      await page.getByTestId('settings-card').waitFor();
      expect(await page.locator('[data-step="auth"]').getAttribute('data-state')).toBe('pass');

      // No token of any kind reached the page.
      const html = await page.content();
      for (const token of [...idp.issued.access, ...idp.issued.refresh, ...idp.issued.id]) {
        expect(html).not.toContain(token);
      }
      expect(pageErrors(page)).toEqual([]);

      // Deleting the account removes its refresh token too.
      await page.getByTestId('back').click();
      await page.locator(`[data-profile="${idp.account}"]`).getByTestId('delete').click();
      await page.locator(`[data-profile="${idp.account}"]`).waitFor({ state: 'detached' });
      expect(await harness.credentials.read(idp.account, 'oauth-refresh')).toBeNull();
    },
    E2E_TEST_TIMEOUT_MS,
  );
});
