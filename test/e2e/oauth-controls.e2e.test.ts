/**
 * The OAuth controls from the window, end to end against the local identity server, the real OAuth
 * service and the real keychain: a pending browser sign-in cancelled; "Use a code instead" (device
 * code) completed by the test playing the person on another device; "Sign out", which removes the
 * saved sign-in but keeps the account, so that its next test asks to sign in again.
 * Run inside scripts/with-keyring.sh (see renderer.e2e.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_TEST_TIMEOUT_MS, pageErrors, screenshot } from './harness';
import { fillOAuthAccount, startOAuthE2e, type OAuthE2e } from './oauth-setup';

const CLIENT_ID = '3f1c2d4e-0000-4000-8000-0000000e2e02';
/** Each file its own fixed port (see startOAuthE2e). */
const SMTP_PORT = 24591;

let world: OAuthE2e;
/** Authorization URLs the service asked the "system browser" to open; nobody follows them here. */
const browserVisits: string[] = [];

beforeAll(async () => {
  world = await startOAuthE2e({
    smtpPort: SMTP_PORT,
    // A browser the person never finishes: the sign-in stays pending until cancelled or replaced.
    openBrowser: async (url) => void browserVisits.push(url),
  });
});

afterAll(() => world?.close());

describe.each(['en', 'it'] as const)('OAuth controls in the window, in %s', (lang) => {
  it(
    'cancels a pending sign-in, signs in with a code instead, and signs out keeping the account',
    async () => {
      const { browser, harness, idp } = world;
      const page = await harness.openApp(browser, { locale: lang });
      const account = page.locator(`[data-profile="${idp.account}"]`);
      await fillOAuthAccount(page, world, CLIENT_ID);

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
      await account.getByTestId('delete-confirm').click();
      await account.waitFor({ state: 'detached' });
    },
    E2E_TEST_TIMEOUT_MS,
  );
});
