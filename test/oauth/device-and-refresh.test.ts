/**
 * Device-code sign-in (the test plays the person entering the code), silent refresh from the
 * real keychain on a later run, sign-out, and the OAuth errors of these flows as diagnoses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOAuthService,
  createTokenProvider,
  getAccessTokenSilently,
  OAuthError,
  signInWithDeviceCode,
  signOut,
  type DeviceCodeInfo,
} from '../../src/engine/oauth';
import { IdentityServer, MS_ERRORS } from './fixtures/identity-server';
import { keychainAccounts, realKeychain, uniqueProfile } from './fixtures/keychain';
import { actLikeBrowser } from './fixtures/browser';

const CLIENT_ID = '3f1c2d4e-0000-4000-8000-00000000d3v1';
let idp: IdentityServer;

beforeAll(async () => {
  idp = await IdentityServer.start();
});
afterAll(async () => {
  await idp.stop();
});

const cfg = () => ({ clientId: CLIENT_ID, tenant: 'consumers', authorityHost: idp.base });

/** Runs a device sign-in; `person` does what the user does once the code is shown. */
async function deviceSignIn(
  person: (info: DeviceCodeInfo) => Promise<unknown>,
  extra: { profile?: string; signal?: AbortSignal } = {},
) {
  const shown: DeviceCodeInfo[] = [];
  const outcome = await signInWithDeviceCode(cfg(), {
    onCode: (info) => {
      shown.push(info);
      void person(info);
    },
    ...(extra.signal ? { signal: extra.signal } : {}),
    ...(extra.profile ? { persist: { profile: extra.profile, store: realKeychain() } } : {}),
  }).catch((err: unknown) => err);
  return { outcome, shown };
}

describe('device code sign-in', () => {
  it('shows the code and address, waits for the person, then signs in and saves the refresh token', async () => {
    const profile = uniqueProfile('device');
    const { outcome, shown } = await deviceSignIn((info) => idp.completeDeviceLogin(info.userCode), {
      profile,
    });
    expect(outcome).toMatchObject({ user: 'alice@outlook.com' });
    expect(shown).toHaveLength(1);
    expect(shown[0]?.verificationUri).toBe(`${idp.base}/devicelogin`);
    expect(shown[0]?.message).toContain(shown[0]?.userCode ?? '?');
    // Polling went through authorization_pending at least once before the approval? Not required;
    // but the scope sent was the explicit list.
    const deviceRequest = idp.tokenRequests.find((r) => r['grant_type']?.endsWith('device_code'));
    expect(deviceRequest?.['client_id']).toBe(CLIENT_ID);
    expect(await realKeychain().read(profile, 'oauth-refresh')).toBe(idp.issued.refresh.at(-1));
    await realKeychain().delete(profile);
  });

  it('maps a declined sign-in to oauth.cancelled', async () => {
    const { outcome } = await deviceSignIn((info) => idp.completeDeviceLogin(info.userCode, 'decline'));
    expect(outcome).toMatchObject({
      code: 'cancelled',
      diagnosisId: 'oauth.cancelled',
      oauthError: 'authorization_declined',
    });
  });

  it('maps missing consent (invalid_grant + AADSTS65001) to oauth.consent-required', async () => {
    idp.nextDeviceTokenError = MS_ERRORS.consentRequired;
    const { outcome } = await deviceSignIn((info) => idp.completeDeviceLogin(info.userCode));
    expect(outcome).toMatchObject({ diagnosisId: 'oauth.consent-required', aadsts: '65001' });
  });

  it('maps an unknown app (unauthorized_client, AADSTS700016) to oauth.account-type-not-allowed', async () => {
    idp.nextDeviceAuthorizationError = MS_ERRORS.appNotFound;
    const { outcome, shown } = await deviceSignIn(async () => undefined);
    expect(shown).toHaveLength(0);
    expect(outcome).toMatchObject({ diagnosisId: 'oauth.account-type-not-allowed', aadsts: '700016' });
  });

  it('maps a code nobody entered before it expired to oauth.cancelled', async () => {
    idp.deviceExpiresIn = 2;
    try {
      const { outcome } = await deviceSignIn(async () => undefined);
      expect(outcome).toBeInstanceOf(OAuthError);
      expect(outcome).toMatchObject({ code: 'cancelled', diagnosisId: 'oauth.cancelled' });
    } finally {
      idp.deviceExpiresIn = 900;
    }
  });

  it('stops polling when cancelled', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const { outcome } = await deviceSignIn(
      async () => {
        setTimeout(() => controller.abort(), 100);
      },
      { signal: controller.signal },
    );
    expect(outcome).toMatchObject({ code: 'cancelled', diagnosisId: 'oauth.cancelled' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('silent refresh from the keychain, and sign-out', () => {
  it('a later run gets a fresh access token from the saved refresh token, which rotates', async () => {
    const profile = uniqueProfile('later-run');
    const first = await deviceSignIn((info) => idp.completeDeviceLogin(info.userCode), { profile });
    expect(first.outcome).toMatchObject({ user: 'alice@outlook.com' });
    const savedBefore = await realKeychain().read(profile, 'oauth-refresh');

    // "Later run": a new keychain handle and a new provider, nothing in memory.
    const getToken = createTokenProvider(profile, cfg(), realKeychain());
    const token = await getToken();
    expect(token).toBe(idp.issued.access.at(-1));
    expect(token).not.toBe((first.outcome as { accessToken: string }).accessToken);
    const refreshRequest = idp.tokenRequests.at(-1) ?? {};
    expect(refreshRequest['grant_type']).toBe('refresh_token');
    expect(refreshRequest['scope']).toContain('https://outlook.office.com/SMTP.Send');
    expect(refreshRequest['scope']).toContain('https://outlook.office.com/IMAP.AccessAsUser.All');
    expect(refreshRequest['scope']).toContain('https://outlook.office.com/POP.AccessAsUser.All');
    expect(refreshRequest['client_secret']).toBeUndefined();

    // Microsoft rotated it: the keychain holds the new one, and the old one is dead.
    const savedAfter = await realKeychain().read(profile, 'oauth-refresh');
    expect(savedAfter).toBe(idp.issued.refresh.at(-1));
    expect(savedAfter).not.toBe(savedBefore);

    // In memory until near expiry: a second call asks nobody.
    const requestsBefore = idp.tokenRequests.length;
    expect(await getToken()).toBe(token);
    expect(idp.tokenRequests.length).toBe(requestsBefore);

    await signOut(profile, realKeychain());
    expect(await realKeychain().read(profile, 'oauth-refresh')).toBeNull();
    expect(await keychainAccounts()).not.toContain(`${profile}#oauth-refresh`);
    const afterSignOut = await getAccessTokenSilently(profile, cfg(), realKeychain()).catch(
      (e: unknown) => e,
    );
    expect(afterSignOut).toMatchObject({ code: 'not-signed-in', diagnosisId: 'oauth.grant-expired' });
  });

  it('maps a revoked grant (invalid_grant, AADSTS50173) to oauth.grant-expired', async () => {
    const profile = uniqueProfile('revoked');
    await deviceSignIn((info) => idp.completeDeviceLogin(info.userCode), { profile });
    idp.revokeAllRefreshTokens(MS_ERRORS.refreshRevoked);
    const err = await getAccessTokenSilently(profile, cfg(), realKeychain()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'server-error', diagnosisId: 'oauth.grant-expired', aadsts: '50173' });
    await realKeychain().delete(profile);
  });

  it('maps an expired grant (AADSTS70008) to oauth.grant-expired', async () => {
    const profile = uniqueProfile('expired');
    await deviceSignIn((info) => idp.completeDeviceLogin(info.userCode), { profile });
    idp.revokeAllRefreshTokens(MS_ERRORS.refreshExpired);
    const err = await createTokenProvider(profile, cfg(), realKeychain())().catch((e: unknown) => e);
    expect(err).toMatchObject({
      diagnosisId: 'oauth.grant-expired',
      aadsts: '70008',
      oauthError: 'invalid_grant',
    });
    await realKeychain().delete(profile);
  });

  it('the main-process service signs in through the browser, serves tokens, and signs out', async () => {
    const profile = uniqueProfile('service');
    const service = createOAuthService({
      store: realKeychain(),
      authorityHost: idp.base,
      openBrowser: async (url) => {
        void actLikeBrowser(url);
      },
    });
    const { user } = await service.signIn({ profileName: profile, clientId: CLIENT_ID, tenant: 'consumers' });
    expect(user).toBe('alice@outlook.com');
    expect(await keychainAccounts()).toContain(`${profile}#oauth-refresh`);
    // The first test right after signing in reuses the token of the sign-in: no refresh.
    const requestsBefore = idp.tokenRequests.length;
    const token = await service.tokenProvider(profile, { clientId: CLIENT_ID, tenant: 'consumers' })();
    expect(token).toBe(idp.issued.access.at(-1));
    expect(idp.tokenRequests.length).toBe(requestsBefore);

    await service.signOut(profile);
    expect(await keychainAccounts()).not.toContain(`${profile}#oauth-refresh`);
    const afterSignOut = await service
      .tokenProvider(profile, { clientId: CLIENT_ID, tenant: 'consumers' })()
      .catch((e: unknown) => e);
    expect(afterSignOut).toMatchObject({ code: 'not-signed-in' });
  });
});
