/**
 * Sign in with Microsoft in the system browser: authorization code + PKCE, loopback redirect.
 * The "browser" is fetch following the real redirects of a real OAuth server on 127.0.0.1.
 */
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { OAuthError, signInWithBrowser, SIGN_IN_SCOPES } from '../../src/engine/oauth';
import { actLikeBrowser, type BrowserVisit } from './fixtures/browser';
import { IdentityServer, MS_ERRORS } from './fixtures/identity-server';
import { keychainAccounts, realKeychain, uniqueProfile } from './fixtures/keychain';

const CLIENT_ID = '3f1c2d4e-0000-4000-8000-00000000c11e';
let idp: IdentityServer;

beforeAll(async () => {
  idp = await IdentityServer.start();
});
afterAll(async () => {
  await idp.stop();
});

function cfg() {
  return { clientId: CLIENT_ID, tenant: 'consumers', authorityHost: idp.base };
}

/** Signs in, letting `browse` play the browser; returns the result or the error, and the visit. */
async function signIn(
  browse: (url: string) => Promise<BrowserVisit | void> = actLikeBrowser,
  extra: { signal?: AbortSignal; timeoutMs?: number; profile?: string } = {},
) {
  let visit: BrowserVisit | void = undefined;
  let opened = '';
  let browsing: Promise<unknown> = Promise.resolve();
  const outcome = await signInWithBrowser(cfg(), {
    openBrowser: async (url) => {
      opened = url;
      // The browser runs on its own: don't block the flow on it (its failure shows in `visit`).
      browsing = browse(url).then(
        (v) => (visit = v),
        () => undefined,
      );
    },
    ...(extra.signal ? { signal: extra.signal } : {}),
    ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}),
    ...(extra.profile ? { persist: { profile: extra.profile, store: realKeychain() } } : {}),
  }).catch((err: unknown) => err);
  // The browser finishes reading its page after the flow ended: wait for it (an event, bounded by
  // the browser fixture's own timeouts), not for a guessed delay.
  await browsing;
  return { outcome, visit: visit as BrowserVisit | undefined, opened };
}

describe('browser sign-in (auth code + PKCE + loopback)', () => {
  it('signs in, names the account from the ID token and keeps the refresh token in the keychain', async () => {
    const profile = uniqueProfile('browser');
    const { outcome, visit, opened } = await signIn(actLikeBrowser, { profile });
    expect(outcome).not.toBeInstanceOf(Error);
    const result = outcome as { user: string; accessToken: string; expiresAt: number };
    expect(result.user).toBe('alice@outlook.com');
    expect(result.accessToken).toBe(idp.issued.access.at(-1));
    expect(result.expiresAt).toBeGreaterThan(Date.now() + 50 * 60_000);

    // What went to Microsoft: PKCE S256, explicit scopes, loopback redirect on localhost.
    const query = new URL(opened).searchParams;
    expect(query.get('client_id')).toBe(CLIENT_ID);
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('scope')?.split(' ')).toEqual([...SIGN_IN_SCOPES]);
    // One sign-in for sending and receiving.
    expect(query.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining([
        'https://outlook.office.com/SMTP.Send',
        'https://outlook.office.com/IMAP.AccessAsUser.All',
        'https://outlook.office.com/POP.AccessAsUser.All',
      ]),
    );
    expect(query.get('scope')).not.toContain('.default');
    expect(query.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+\/$/);
    expect(query.get('state')).toBeTruthy();
    expect(query.get('nonce')).toBeTruthy();

    // The token request carried the verifier whose S256 is the challenge, and no secret.
    const tokenRequest = idp.tokenRequests.at(-1) ?? {};
    expect(tokenRequest['grant_type']).toBe('authorization_code');
    expect(tokenRequest['client_secret']).toBeUndefined();
    const verifier = tokenRequest['code_verifier'] ?? '';
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(query.get('code_challenge'));
    expect(tokenRequest['redirect_uri']).toBe(query.get('redirect_uri'));

    // The browser saw the bilingual "you can close this tab" page.
    expect(visit?.status).toBe(200);
    expect(visit?.page).toContain('You can close this tab');
    expect(visit?.page).toContain('Puoi chiudere questa scheda');

    // The refresh token is in the real keychain, under the profile, kind oauth-refresh.
    expect(await realKeychain().read(profile, 'oauth-refresh')).toBe(idp.issued.refresh.at(-1));
    expect(await keychainAccounts()).toContain(`${profile}#oauth-refresh`);
    await realKeychain().delete(profile);
  });

  it('listens on 127.0.0.1 only and closes the port after the one redirect', async () => {
    let port = 0;
    const { outcome } = await signIn(async (url) => {
      port = Number(new URL(new URL(url).searchParams.get('redirect_uri') ?? '').port);
      const ipv6 = await new Promise<string>((resolve) => {
        const socket = connect({ host: '::1', port }, () => resolve('connected'));
        socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
        socket.setTimeout(2_000, () => resolve('timeout'));
      }).finally(() => undefined);
      expect(ipv6).not.toBe('connected');
      return actLikeBrowser(url);
    });
    expect(outcome).not.toBeInstanceOf(Error);
    await expect(
      fetch(`http://127.0.0.1:${port}/?code=x&state=y`, { signal: AbortSignal.timeout(2_000) }),
    ).rejects.toThrow();
  });

  it("ignores a redirect with someone else's state and still completes with the right one", async () => {
    const { outcome, visit } = await signIn(async (url) => {
      const redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
      const forged = await fetch(`${redirectUri}?code=stolen&state=not-ours`, {
        signal: AbortSignal.timeout(2_000),
      });
      expect(forged.status).toBe(400);
      return actLikeBrowser(url);
    });
    expect(outcome).not.toBeInstanceOf(Error);
    expect(visit?.status).toBe(200);
  });

  it('maps a declined consent (access_denied, AADSTS65004) to oauth.cancelled and tells the browser', async () => {
    idp.nextAuthorizeError = MS_ERRORS.userDeclinedConsent;
    const { outcome, visit } = await signIn();
    expect(outcome).toBeInstanceOf(OAuthError);
    expect(outcome).toMatchObject({ code: 'cancelled', diagnosisId: 'oauth.cancelled', aadsts: '65004' });
    expect(visit?.page).toContain('Sign-in not completed');
  });

  it('maps "needs admin approval" (AADSTS90094) to oauth.consent-required', async () => {
    idp.nextAuthorizeError = MS_ERRORS.adminApprovalRequired;
    const { outcome } = await signIn();
    expect(outcome).toMatchObject({ diagnosisId: 'oauth.consent-required', oauthError: 'access_denied' });
  });

  it('maps a personal account refused by an org-only app (AADSTS50020) to oauth.account-type-not-allowed', async () => {
    idp.nextAuthorizeError = MS_ERRORS.accountFromOtherTenant;
    const { outcome } = await signIn();
    expect(outcome).toMatchObject({ diagnosisId: 'oauth.account-type-not-allowed', aadsts: '50020' });
    expect((outcome as OAuthError).reply).toContain('AADSTS50020');
  });

  it('gives up with oauth.cancelled when the browser never comes back', async () => {
    const started = Date.now();
    const { outcome } = await signIn(async () => undefined, { timeoutMs: 300 });
    expect(outcome).toMatchObject({ code: 'cancelled', diagnosisId: 'oauth.cancelled' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops at once when cancelled', async () => {
    const controller = new AbortController();
    const { outcome } = await signIn(
      async () => {
        controller.abort();
      },
      { signal: controller.signal },
    );
    expect(outcome).toMatchObject({ code: 'cancelled', diagnosisId: 'oauth.cancelled' });
  });

  it('refuses to start without a client id (oauth.client-id-missing)', async () => {
    const err = await signInWithBrowser(
      { clientId: '  ', authorityHost: idp.base },
      { openBrowser: async () => undefined },
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'client-id-missing', diagnosisId: 'oauth.client-id-missing' });
  });

  it('refuses a bad tenant and a non-https sign-in host before any request', async () => {
    const badTenant = await signInWithBrowser(
      { clientId: CLIENT_ID, tenant: 'consumers/../x', authorityHost: idp.base },
      { openBrowser: async () => undefined },
    ).catch((e: unknown) => e);
    expect(badTenant).toMatchObject({ code: 'invalid-config' });
    const plainHttp = await signInWithBrowser(
      { clientId: CLIENT_ID, authorityHost: 'http://login.example.test' },
      { openBrowser: async () => undefined },
    ).catch((e: unknown) => e);
    expect(plainHttp).toMatchObject({ code: 'invalid-config' });
    expect((plainHttp as Error).message).toContain('https');
  });

  it('an unreachable sign-in service becomes oauth.timed-out', async () => {
    // A port that was just free: nothing listens there any more.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const err = await signInWithBrowser(
      { clientId: CLIENT_ID, authorityHost: `http://127.0.0.1:${port}` },
      { openBrowser: async () => undefined },
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout', diagnosisId: 'oauth.timed-out' });
  });

  it('keeps token-like text out of error messages and replies', async () => {
    const jwtLike = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';
    idp.nextAuthorizeError = {
      error: 'invalid_request',
      error_description: `AADSTS90014: bad request ${jwtLike}`,
    };
    const { outcome } = await signIn();
    expect(outcome).toMatchObject({ diagnosisId: 'oauth.failed', aadsts: '90014' });
    const err = outcome as OAuthError;
    expect(err.reply).toContain('AADSTS90014');
    expect(`${err.message} ${err.reply}`).not.toContain(jwtLike);
    expect(`${err.message} ${err.reply}`).toContain('[redacted]');
  });
});
