/**
 * End to end: a token from the sign-in flows logs in over SMTP XOAUTH2 through the real probe
 * engine, against an SMTP server that verifies the JWT against the identity server's JWKS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOAuthService,
  createTokenProvider,
  signInWithDeviceCode,
  OAuthError,
} from '../../src/engine/oauth';
import { runProbe } from '../../src/engine/probe';
import type { ProbeRequest } from '../../src/shared/probe-types';
import { IdentityServer, MS_ERRORS } from './fixtures/identity-server';
import { actLikeBrowser } from './fixtures/browser';
import { realKeychain, uniqueProfile } from './fixtures/keychain';
import { startXOAuth2Smtp, type XOAuth2Smtp } from './fixtures/xoauth2-smtp';
import { REPLIES } from '../fixtures/providers';

const CLIENT_ID = '3f1c2d4e-0000-4000-8000-0000000058a1';
const PROBE_TIMEOUT_MS = 5_000;
let idp: IdentityServer;
let smtp: XOAuth2Smtp;
const profile = uniqueProfile('xoauth2');

const cfg = () => ({ clientId: CLIENT_ID, tenant: 'consumers', authorityHost: idp.base });

beforeAll(async () => {
  idp = await IdentityServer.start();
  smtp = await startXOAuth2Smtp({ jwksUrl: idp.jwksUrl(), issuer: idp.issuerFor('consumers') });
  await signInWithDeviceCode(cfg(), {
    onCode: (info) => void idp.completeDeviceLogin(info.userCode),
    persist: { profile, store: realKeychain() },
  });
});
afterAll(async () => {
  await realKeychain().delete(profile);
  await smtp.stop();
  await idp.stop();
});

function request(auth: ProbeRequest['auth']): ProbeRequest {
  return {
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    allowPlaintextAuth: true,
    timeoutMs: PROBE_TIMEOUT_MS,
    auth,
  };
}

/** XOAUTH2 as `user`, with a token refreshed from the sign-in saved in beforeAll. */
function probeWithSavedSignIn(user: string) {
  return runProbe(
    request({ method: 'oauth2', user, getAccessToken: createTokenProvider(profile, cfg(), realKeychain()) }),
  );
}

describe('XOAUTH2 through runProbe', () => {
  it('logs in with a token refreshed from the keychain (235)', async () => {
    const result = await probeWithSavedSignIn('alice@outlook.com');
    expect(smtp.attempts.at(-1)).toEqual({ user: 'alice@outlook.com', rejected: null });
    expect(result.steps.find((s) => s.id === 'auth')?.status).toBe('pass');
    expect(result.ok).toBe(true);
    expect(result.request.authMethod).toBe('oauth2');
  });

  it('logs in with the token of a browser sign-in made through the main-process service', async () => {
    const appProfile = uniqueProfile('xoauth2-app');
    const service = createOAuthService({
      store: realKeychain(),
      authorityHost: idp.base,
      openBrowser: async (url) => void actLikeBrowser(url),
    });
    const { user } = await service.signIn({
      profileName: appProfile,
      clientId: CLIENT_ID,
      tenant: 'consumers',
    });
    const result = await runProbe(
      request({
        method: 'oauth2',
        user,
        getAccessToken: service.tokenProvider(appProfile, { clientId: CLIENT_ID, tenant: 'consumers' }),
      }),
    );
    expect(smtp.attempts.at(-1)).toEqual({ user: 'alice@outlook.com', rejected: null });
    expect(result.ok).toBe(true);
    await service.signOut(appProfile);
  });

  it('a token used for another mailbox is refused like Outlook does (535 5.7.3) and diagnosed', async () => {
    smtp.failureMode = 'direct';
    const result = await probeWithSavedSignIn('bob@outlook.com');
    expect(smtp.attempts.at(-1)).toEqual({ user: 'bob@outlook.com', rejected: 'token of another user' });
    expect(result.ok).toBe(false);
    expect(result.diagnosis?.step).toBe('auth');
    expect(result.diagnosis?.id).toBe('oauth.token-rejected');
    expect(result.diagnosis?.reply).toContain('535 5.7.3 Authentication unsuccessful');
  });

  it('the 334 error challenge (base64 JSON status 401) is diagnosed the same way', async () => {
    smtp.failureMode = 'challenge';
    try {
      const result = await probeWithSavedSignIn('bob@outlook.com');
      expect(result.ok).toBe(false);
      expect(result.diagnosis?.id).toBe('oauth.token-rejected');
      expect(result.transcript.some((line) => line.dir === 'server' && line.text.startsWith('334'))).toBe(
        true,
      );
    } finally {
      smtp.failureMode = 'direct';
    }
  });

  it('"SmtpClientAuthentication is disabled for the Tenant" is an admin setting, not a token problem', async () => {
    smtp.failureMode = 'smtp-auth-disabled';
    try {
      const result = await probeWithSavedSignIn('alice@outlook.com');
      expect(smtp.attempts.at(-1)).toEqual({
        user: 'alice@outlook.com',
        rejected: 'SMTP AUTH disabled for the tenant',
      });
      expect(result.ok).toBe(false);
      expect(result.steps.find((s) => s.id === 'auth')?.status).toBe('fail');
      expect(result.diagnosis?.id).toBe('auth.smtp-auth-disabled');
      expect(result.diagnosis?.reply).toBe(REPLIES.m365SmtpAuthTenant);
    } finally {
      smtp.failureMode = 'direct';
    }
  });

  it('a token the identity server did not sign is refused', async () => {
    const forged = [
      Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'nope' })).toString('base64url'),
      Buffer.from(JSON.stringify({ aud: 'https://outlook.office.com', upn: 'alice@outlook.com' })).toString(
        'base64url',
      ),
      'c2lnbmF0dXJl',
    ].join('.');
    const result = await runProbe(
      request({ method: 'oauth2', user: 'alice@outlook.com', accessToken: forged }),
    );
    expect(smtp.attempts.at(-1)?.rejected).toBe('unknown signing key');
    expect(result.diagnosis?.id).toBe('oauth.token-rejected');
  });

  it('an expired saved sign-in becomes the oauth.grant-expired diagnosis, before any AUTH is sent', async () => {
    const doomed = uniqueProfile('doomed');
    await signInWithDeviceCode(cfg(), {
      onCode: (info) => void idp.completeDeviceLogin(info.userCode),
      persist: { profile: doomed, store: realKeychain() },
    });
    idp.revokeAllRefreshTokens(MS_ERRORS.refreshExpired);
    const attemptsBefore = smtp.attempts.length;
    const getAccessToken = createTokenProvider(doomed, cfg(), realKeychain());
    await expect(getAccessToken()).rejects.toBeInstanceOf(OAuthError);
    const result = await runProbe(request({ method: 'oauth2', user: 'alice@outlook.com', getAccessToken }));
    expect(result.diagnosis?.id).toBe('oauth.grant-expired');
    expect(smtp.attempts.length).toBe(attemptsBefore);
    await realKeychain().delete(doomed);
  });
});
