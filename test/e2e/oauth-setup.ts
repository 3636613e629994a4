/**
 * What the OAuth end-to-end tests share: the local identity server, an Outlook-like STARTTLS server
 * that accepts only the access tokens that identity server issued, the real OAuth service with the
 * real keychain, the harness and Chromium. Each test file says only how the "system browser" acts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createKeychainStore } from '../../src/engine/credentials';
import { createOAuthService } from '../../src/engine/oauth';
import { createTestPki } from '../mta/pki';
import { IdentityServer } from '../oauth/fixtures/identity-server';
import { assertRendererBuilt, createHarness, launchChromium, type Harness } from './harness';
import { startOutlookLikeServer, type OutlookLikeServer } from './outlook-like-server';

export interface OAuthE2e {
  browser: Browser;
  harness: Harness;
  idp: IdentityServer;
  smtp: OutlookLikeServer;
  /** Stops everything started, in reverse order. */
  close(): Promise<void>;
}

export async function startOAuthE2e(opts: {
  /** A fixed loopback port so that screenshots do not change with each run (any free port if taken). */
  smtpPort: number;
  /** The "system browser" the OAuth service opens the authorization URL in. */
  openBrowser: (url: string) => Promise<void>;
}): Promise<OAuthE2e> {
  assertRendererBuilt();
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const closeOne of closers.reverse()) await closeOne();
  };
  try {
    const idp = await IdentityServer.start();
    closers.push(() => idp.stop());
    const pkiDir = await mkdtemp(join(tmpdir(), 'mailcheck-e2e-pki-'));
    closers.push(() => rm(pkiDir, { recursive: true, force: true }));
    const pki = await createTestPki(pkiDir);
    const smtp = await startOutlookLikeServer({
      certFile: pki.certFile,
      keyFile: pki.keyFile,
      mode: 'xoauth2',
      user: idp.account,
      password: 'unused',
      acceptsToken: (user, token) => user === idp.account && idp.issued.access.includes(token),
      port: opts.smtpPort,
    });
    closers.push(() => smtp.close());
    const oauth = createOAuthService({
      store: createKeychainStore(),
      openBrowser: opts.openBrowser,
      authorityHost: idp.base,
    });
    const harness = await createHarness({ caPem: pki.caPem, oauth });
    closers.push(() => harness.close());
    const browser = await launchChromium();
    closers.push(() => browser.close());
    return { browser, harness, idp, smtp, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Fills the Account form for the identity server's account on the Outlook-like server, with OAuth. */
export async function fillOAuthAccount(page: Page, world: OAuthE2e, clientId: string): Promise<void> {
  await page.getByTestId('email').fill(world.idp.account);
  await page.getByTestId('host').fill('127.0.0.1');
  await page.getByTestId('port').fill(String(world.smtp.port));
  await page.getByTestId('auth-oauth2').check();
  // This harness configures no distribution client id: type one under "Advanced".
  await page.getByTestId('oauth-advanced').locator('summary').click();
  await page.getByTestId('oauth-client-id').fill(clientId);
}
