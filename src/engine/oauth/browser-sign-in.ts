import * as oidc from 'openid-client';
import { BROWSER_SIGN_IN_TIMEOUT_MS, SIGN_IN_SCOPE, type OAuthConfig } from './config';
import { discoverClient, toIssuedTokens, type IssuedTokens } from './client';
import { cancelledError, toOAuthError } from './errors';
import { startLoopbackReceiver } from './loopback';
import { completeSignIn, type SignInResult } from './sign-in-result';
import type { PersistTarget } from './store';

export interface BrowserSignInOptions {
  /** Opens the URL in the system browser (Electron shell.openExternal, `open`…). */
  openBrowser(url: string): Promise<void>;
  signal?: AbortSignal;
  /** Where to keep the refresh token; without it the sign-in is for this run only. */
  persist?: PersistTarget;
  /** How long to wait for the redirect; default 5 minutes. */
  timeoutMs?: number;
}

/**
 * Authorization code + PKCE in the system browser with a loopback redirect (RFC 8252): the user
 * signs in on Microsoft's own page; we never see the password.
 */
export async function signInWithBrowser(cfg: OAuthConfig, opts: BrowserSignInOptions): Promise<SignInResult> {
  const config = await discoverClient(cfg);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const receiver = await startLoopbackReceiver({
    expectedState: state,
    timeoutMs: opts.timeoutMs ?? BROWSER_SIGN_IN_TIMEOUT_MS,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  let tokens: IssuedTokens;
  try {
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: receiver.redirectUri,
      scope: SIGN_IN_SCOPE,
      response_type: 'code',
      response_mode: 'query',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      prompt: 'select_account',
      ...(cfg.loginHint ? { login_hint: cfg.loginHint } : {}),
    });
    await opts.openBrowser(authorizationUrl.href);
    const callbackUrl = await receiver.callback;
    if (opts.signal?.aborted) throw cancelledError('Sign-in was cancelled.');
    const response = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    tokens = toIssuedTokens(response);
  } catch (err) {
    throw toOAuthError(err, { aborted: opts.signal?.aborted === true });
  } finally {
    receiver.close();
  }
  // Outside the try: a keychain error must reach the caller as itself, not as a sign-in error.
  return completeSignIn(tokens, opts.persist);
}
