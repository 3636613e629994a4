/**
 * The CLI's `--auth oauth2` glue: access token from stdin, device code on stderr, silent refresh
 * from the real keychain on the next run, and OAuth failures told with the catalogue's words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAuthCliError, resolveOAuthAuth, type ResolveOAuthOptions } from '../../src/cli/oauth';
import { UsageError } from '../../src/cli/usage-error';
import { IdentityServer, MS_ERRORS } from './fixtures/identity-server';
import { realKeychain, uniqueProfile } from './fixtures/keychain';
import { CapturedStream, silentStdin, stdinWith } from './fixtures/streams';

const CLIENT_ID = '3f1c2d4e-0000-4000-8000-0000000001c1';
/** The device code line on stderr, in either language. */
const CODE_LINE = /(?:open|apri) (\S+) (?:and enter the code|e inserisci il codice) ([A-Z0-9]+)/;
let idp: IdentityServer;

beforeAll(async () => {
  idp = await IdentityServer.start();
});
afterAll(async () => {
  await idp.stop();
});

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { MAILCHECK_MS_AUTHORITY_HOST: idp.base, LANG: 'C', ...extra };
}

/** Runs resolveOAuthAuth; when a device code appears on stderr, the "person" approves it. */
async function resolve(opts: ResolveOAuthOptions, person: 'approve' | 'decline' | 'ignore' = 'approve') {
  const stderr = new CapturedStream();
  let codesShown = 0;
  stderr.onMatch(CODE_LINE, (match) => {
    codesShown += 1;
    if (person !== 'ignore') void idp.completeDeviceLogin(match[2] ?? '', person);
  });
  const outcome = await resolveOAuthAuth(opts, { stdin: silentStdin(), stderr }).catch((err: unknown) => err);
  return { outcome, stderr: stderr.text, codesShown: () => codesShown };
}

describe('resolveOAuthAuth', () => {
  it('--access-token-stdin reads the token from stdin and needs --user', async () => {
    const missingUser = await resolveOAuthAuth(
      { accessTokenStdin: true },
      { stdin: stdinWith('tok\n'), stderr: new CapturedStream() },
    ).catch((e: unknown) => e);
    expect(missingUser).toBeInstanceOf(UsageError);
    expect(missingUser).toMatchObject({ field: 'user' });

    const stderr = new CapturedStream();
    const auth = await resolveOAuthAuth(
      { accessTokenStdin: true, user: 'alice@outlook.com' },
      { stdin: stdinWith('eyJhbGciOi.from-another-tool.sig\n'), stderr },
    );
    expect(auth).toEqual({
      method: 'oauth2',
      user: 'alice@outlook.com',
      accessToken: 'eyJhbGciOi.from-another-tool.sig',
    });
    expect(stderr.text).not.toContain('from-another-tool');
  });

  it('without any client id it stops with oauth.client-id-missing, in Italian too', async () => {
    const { outcome } = await resolve({ user: 'alice@outlook.com', env: env(), lang: 'it' });
    expect(outcome).toBeInstanceOf(OAuthCliError);
    const err = outcome as OAuthCliError;
    expect(err.diagnosisId).toBe('oauth.client-id-missing');
    expect(err.localized('it')).toContain('client id');
    expect(err.localized('it')).toContain('MAILCHECK_MS_CLIENT_ID');
    expect(err.localized('it')).not.toBe(err.localized('en'));
  });

  it('signs in with a device code (client id from the environment), then refreshes silently next run', async () => {
    const profile = uniqueProfile('cli');
    const first = await resolve({
      user: 'alice@outlook.com',
      profile,
      lang: 'it',
      env: env({ MAILCHECK_MS_CLIENT_ID: CLIENT_ID }),
    });
    expect(first.stderr).toMatch(
      /per accedere con Microsoft, apri http:\/\/127\.0\.0\.1:\d+\/devicelogin e inserisci il codice [A-Z0-9]+/,
    );
    expect(first.stderr).toContain('accesso eseguito come alice@outlook.com');
    expect(first.outcome).toMatchObject({ method: 'oauth2', user: 'alice@outlook.com' });
    const auth1 = first.outcome as { getAccessToken: () => Promise<string> };
    expect(await auth1.getAccessToken()).toBe(idp.issued.access.at(-1));
    expect(await realKeychain().read(profile, 'oauth-refresh')).toBe(idp.issued.refresh.at(-1));

    // Next run: no code is shown, the saved sign-in is refreshed.
    const second = await resolve(
      { user: 'alice@outlook.com', profile, clientId: CLIENT_ID, env: env() },
      'ignore',
    );
    expect(second.codesShown()).toBe(0);
    const auth2 = second.outcome as { user: string; getAccessToken: () => Promise<string> };
    expect(auth2.user).toBe('alice@outlook.com');
    expect(idp.tokenRequests.at(-1)?.['grant_type']).toBe('refresh_token');
    expect(await auth2.getAccessToken()).toBe(idp.issued.access.at(-1));
    await realKeychain().delete(profile);
  });

  it('an expired saved sign-in says so and falls back to a new device code', async () => {
    const profile = uniqueProfile('cli-expired');
    await resolve({ user: 'alice@outlook.com', profile, clientId: CLIENT_ID, env: env() });
    idp.revokeAllRefreshTokens();
    const again = await resolve({ user: 'alice@outlook.com', profile, clientId: CLIENT_ID, env: env() });
    expect(again.stderr).toContain('the saved Microsoft sign-in has expired');
    expect(again.codesShown()).toBe(1);
    expect(again.outcome).toMatchObject({ method: 'oauth2', user: 'alice@outlook.com' });
    await realKeychain().delete(profile);
  });

  it('warns when --user is not the signed-in account', async () => {
    const { outcome, stderr } = await resolve({ user: 'bob@outlook.com', clientId: CLIENT_ID, env: env() });
    expect(outcome).toMatchObject({ user: 'bob@outlook.com' });
    expect(stderr).toContain('differs from the signed-in account alice@outlook.com');
  });

  it('a refused consent ends with the catalogue text of oauth.consent-required', async () => {
    idp.nextDeviceTokenError = MS_ERRORS.consentRequired;
    const { outcome } = await resolve({ user: 'alice@outlook.com', clientId: CLIENT_ID, env: env() });
    expect(outcome).toBeInstanceOf(OAuthCliError);
    const err = outcome as OAuthCliError;
    expect(err.diagnosisId).toBe('oauth.consent-required');
    expect(err.localized('en')).toContain('Permission to send mail was not granted');
    expect(err.localized('en')).toContain('AADSTS65001');
  });

  it('a declined device sign-in ends with oauth.cancelled', async () => {
    const { outcome } = await resolve(
      { user: 'alice@outlook.com', clientId: CLIENT_ID, env: env() },
      'decline',
    );
    expect(outcome).toMatchObject({ diagnosisId: 'oauth.cancelled' });
  });
});
