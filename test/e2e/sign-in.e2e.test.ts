/**
 * "Sign in with Microsoft" from the window, end to end: the real OAuth service (auth code + PKCE +
 * loopback redirect) against the OAuth engineer's local identity server, the refresh token in the
 * real keychain, then an XOAUTH2 login on an Outlook-like STARTTLS server that accepts only tokens
 * that identity server issued. Run inside scripts/with-keyring.sh (see renderer.e2e.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actLikeBrowser } from '../oauth/fixtures/browser';
import { E2E_TEST_TIMEOUT_MS, pageErrors, screenshot } from './harness';
import { fillOAuthAccount, startOAuthE2e, type OAuthE2e } from './oauth-setup';

const CLIENT_ID = '3f1c2d4e-0000-4000-8000-0000000e2e01';
/** Each file its own fixed port (see startOAuthE2e). */
const SMTP_PORT = 24590;

let world: OAuthE2e;

beforeAll(async () => {
  world = await startOAuthE2e({
    smtpPort: SMTP_PORT,
    // The "system browser": follows the identity server's redirect to the loopback listener.
    openBrowser: async (url) => void actLikeBrowser(url).catch(() => undefined),
  });
});

afterAll(() => world?.close());

describe.each(['it', 'en'] as const)('Sign in with Microsoft, from the window in %s', (lang) => {
  it(
    'signs in, keeps the refresh token in the keychain, and the test logs in with XOAUTH2',
    async () => {
      const { browser, harness, idp } = world;
      const page = await harness.openApp(browser, { locale: lang });
      await fillOAuthAccount(page, world, CLIENT_ID);
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
      await page.locator(`[data-profile="${idp.account}"]`).getByTestId('delete-confirm').click();
      await page.locator(`[data-profile="${idp.account}"]`).waitFor({ state: 'detached' });
      expect(await harness.credentials.read(idp.account, 'oauth-refresh')).toBeNull();
    },
    E2E_TEST_TIMEOUT_MS,
  );
});
