/**
 * The main-process OAuth service (createOAuthService): the device-code flow with the prompt the
 * window shows, cancelling a pending sign-in, and sign-out, against the local identity server
 * and the real keychain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOAuthService,
  loopbackUnavailableError,
  OAuthError,
  type DeviceCodePrompt,
} from '../../src/engine/oauth';
import { IdentityServer } from './fixtures/identity-server';
import { keychainAccounts, realKeychain, uniqueProfile } from './fixtures/keychain';

const CLIENT_ID = '3f1c2d4e-0000-4000-8000-0000000005e7';
const SETTINGS = { clientId: CLIENT_ID, tenant: 'consumers' };
const WAIT_MS = 5_000;
let idp: IdentityServer;

beforeAll(async () => {
  idp = await IdentityServer.start();
});
afterAll(async () => {
  await idp.stop();
});

function service(openBrowser: (url: string) => Promise<void> = async () => undefined) {
  return createOAuthService({ store: realKeychain(), authorityHost: idp.base, openBrowser });
}

describe('OAuth service for the app', () => {
  it('signs in with a device code: hands the prompt to the window, then saves the refresh token', async () => {
    const profile = uniqueProfile('svc-device');
    const oauth = service(async () => {
      throw new Error('the device flow must not open a browser');
    });
    const prompts: DeviceCodePrompt[] = [];
    const before = Date.now();
    const { user } = await oauth.signIn(
      { profileName: profile, ...SETTINGS, flow: 'device' },
      {
        onDeviceCode: (prompt) => {
          prompts.push(prompt);
          void idp.completeDeviceLogin(prompt.userCode);
        },
      },
    );
    expect(user).toBe('alice@outlook.com');
    expect(prompts).toHaveLength(1);
    const prompt = prompts[0]!;
    expect(prompt.userCode).toMatch(/^[0-9A-F]{9}$/);
    expect(prompt.verificationUri).toBe(`${idp.base}/devicelogin`);
    expect(Object.keys(prompt).sort()).toEqual(['expiresAt', 'userCode', 'verificationUri']);
    // ISO time about 900 s (the server's expires_in) from now.
    expect(new Date(prompt.expiresAt).toISOString()).toBe(prompt.expiresAt);
    const lifetimeS = (Date.parse(prompt.expiresAt) - before) / 1000;
    expect(lifetimeS).toBeGreaterThan(890);
    expect(lifetimeS).toBeLessThan(910);

    expect(await realKeychain().read(profile, 'oauth-refresh')).toBe(idp.issued.refresh.at(-1));
    // The first test after signing in uses the token of the sign-in: no refresh request.
    const requests = idp.tokenRequests.length;
    expect(await oauth.tokenProvider(profile, SETTINGS)()).toBe(idp.issued.access.at(-1));
    expect(idp.tokenRequests.length).toBe(requests);
    await realKeychain().delete(profile);
  });

  it('cancelSignIn stops a browser sign-in that waits for the redirect: oauth.cancelled', async () => {
    const profile = uniqueProfile('svc-cancel');
    let opened = '';
    const oauth = service(async (url) => {
      opened = url; // the person never comes back from the browser
    });
    const started = Date.now();
    const pending = oauth.signIn({ profileName: profile, ...SETTINGS }).catch((e: unknown) => e);
    await expect.poll(() => opened, { timeout: WAIT_MS }).not.toBe('');
    const redirectUri = new URL(opened).searchParams.get('redirect_uri') ?? '';
    oauth.cancelSignIn();
    const outcome = await pending;
    expect(outcome).toBeInstanceOf(OAuthError);
    expect(outcome).toMatchObject({ code: 'cancelled', diagnosisId: 'oauth.cancelled' });
    expect(Date.now() - started).toBeLessThan(WAIT_MS);
    // The loopback port is closed and nothing was saved.
    await expect(fetch(redirectUri, { signal: AbortSignal.timeout(WAIT_MS) })).rejects.toThrow();
    expect(await realKeychain().read(profile, 'oauth-refresh')).toBeNull();
    // Cancelling when nothing is pending is harmless.
    expect(() => oauth.cancelSignIn()).not.toThrow();
  });

  it('cancelSignIn stops a device-code sign-in while it polls', async () => {
    const oauth = service();
    const prompts: DeviceCodePrompt[] = [];
    const pending = oauth
      .signIn(
        { profileName: uniqueProfile('svc-cancel-device'), ...SETTINGS, flow: 'device' },
        { onDeviceCode: (prompt) => prompts.push(prompt) },
      )
      .catch((e: unknown) => e);
    await expect.poll(() => prompts.length, { timeout: WAIT_MS }).toBe(1);
    const started = Date.now();
    oauth.cancelSignIn();
    expect(await pending).toMatchObject({ code: 'cancelled', diagnosisId: 'oauth.cancelled' });
    expect(Date.now() - started).toBeLessThan(WAIT_MS);
  });

  it('sign-out removes the refresh token but keeps a password saved for the same profile', async () => {
    const profile = uniqueProfile('svc-signout');
    const password = `Password-${profile}`;
    await realKeychain().save(profile, password, 'password');
    const oauth = service();
    await oauth.signIn(
      { profileName: profile, ...SETTINGS, flow: 'device' },
      { onDeviceCode: (prompt) => void idp.completeDeviceLogin(prompt.userCode) },
    );
    expect(await keychainAccounts()).toEqual(expect.arrayContaining([profile, `${profile}#oauth-refresh`]));

    await oauth.signOut(profile);
    const accounts = await keychainAccounts();
    expect(accounts).toContain(profile);
    expect(accounts).not.toContain(`${profile}#oauth-refresh`);
    expect(await realKeychain().read(profile, 'password')).toBe(password);
    const after = await oauth
      .tokenProvider(profile, SETTINGS)()
      .catch((e: unknown) => e);
    expect(after).toMatchObject({ code: 'not-signed-in', diagnosisId: 'oauth.grant-expired' });
    await realKeychain().delete(profile);
    expect(await keychainAccounts()).not.toContain(profile);
  });

  it('after the sign-in token expired, two probe runs make one refresh and no new discovery', async () => {
    // A client id of its own: no other test has discovered its configuration in this process.
    const settings = { clientId: `${CLIENT_ID}-expiry`, tenant: 'consumers' };
    const profile = uniqueProfile('svc-expiry');
    const oauth = service();
    const discoveriesBefore = idp.metadataRequests;
    // Shorter than the renew margin (2 min): the sign-in's token counts as expired at once.
    idp.accessTokenLifetimeS = 60;
    try {
      await oauth.signIn(
        { profileName: profile, ...settings, flow: 'device' },
        { onDeviceCode: (prompt) => void idp.completeDeviceLogin(prompt.userCode) },
      );
    } finally {
      idp.accessTokenLifetimeS = 3600;
    }
    const signInToken = idp.issued.access.at(-1);
    const signInRefresh = await realKeychain().read(profile, 'oauth-refresh');
    expect(idp.metadataRequests - discoveriesBefore).toBe(1);
    const requestsBefore = idp.tokenRequests.length;

    // First probe run: the expired token is refreshed; Microsoft rotates the refresh token.
    const first = await oauth.tokenProvider(profile, settings)();
    expect(first).toBe(idp.issued.access.at(-1));
    expect(first).not.toBe(signInToken);
    expect(idp.tokenRequests.slice(requestsBefore).map((r) => r['grant_type'])).toEqual(['refresh_token']);
    const rotated = await realKeychain().read(profile, 'oauth-refresh');
    expect(rotated).toBe(idp.issued.refresh.at(-1));
    expect(rotated).not.toBe(signInRefresh);

    // Second probe run, a new provider as probe:run makes: the refreshed token from memory.
    expect(await oauth.tokenProvider(profile, settings)()).toBe(first);
    expect(idp.tokenRequests.length - requestsBefore).toBe(1);
    expect(idp.metadataRequests - discoveriesBefore).toBe(1);

    // Sign-out forgets the refreshed token too: the next run finds nothing, in memory or keychain.
    await oauth.signOut(profile);
    const after = await oauth
      .tokenProvider(profile, settings)()
      .catch((e: unknown) => e);
    expect(after).toMatchObject({ code: 'not-signed-in', diagnosisId: 'oauth.grant-expired' });
  });

  it('a refresh still running when the profile signs out keeps neither its token nor the rotated refresh token', async () => {
    const profile = uniqueProfile('svc-race');
    const oauth = service();
    idp.accessTokenLifetimeS = 60;
    try {
      await oauth.signIn(
        { profileName: profile, ...SETTINGS, flow: 'device' },
        { onDeviceCode: (prompt) => void idp.completeDeviceLogin(prompt.userCode) },
      );
    } finally {
      idp.accessTokenLifetimeS = 3600;
    }
    let release = (): void => undefined;
    idp.holdTokenRequests = new Promise<void>((resolve) => {
      release = resolve;
    });
    const requestsBefore = idp.tokenRequests.length;
    let refreshing: Promise<unknown>;
    try {
      refreshing = oauth
        .tokenProvider(profile, SETTINGS)()
        .catch((e: unknown) => e);
      await expect.poll(() => idp.tokenRequests.length, { timeout: WAIT_MS }).toBe(requestsBefore + 1);
      await oauth.signOut(profile);
    } finally {
      idp.holdTokenRequests = null;
      release();
    }
    // The refresh itself succeeds (Microsoft answered), but its results are not kept.
    expect(await refreshing).toBe(idp.issued.access.at(-1));
    expect(await keychainAccounts()).not.toContain(`${profile}#oauth-refresh`);
    const after = await oauth
      .tokenProvider(profile, SETTINGS)()
      .catch((e: unknown) => e);
    expect(after).toMatchObject({ code: 'not-signed-in', diagnosisId: 'oauth.grant-expired' });
  });

  it('a loopback port that cannot be opened suggests the device code, in both languages', () => {
    const error = loopbackUnavailableError('EACCES');
    expect(error).toMatchObject({ code: 'loopback-unavailable', diagnosisId: 'oauth.failed' });
    expect(error.message).toMatch(/Sign in with a code on screen instead \(device code\)/);
    expect(error.messageIt).toMatch(/Accedi invece con un codice a schermo \(device code\)/);
  });
});
