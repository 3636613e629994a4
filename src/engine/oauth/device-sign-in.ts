import * as oidc from 'openid-client';
import { SIGN_IN_SCOPE, type OAuthConfig } from './config';
import { discoverClient, toIssuedTokens, type IssuedTokens } from './client';
import { cancelledError, toOAuthError } from './errors';
import { completeSignIn, type SignInResult } from './sign-in-result';
import type { PersistTarget } from './store';

export interface DeviceCodeInfo {
  userCode: string;
  verificationUri: string;
  /** Microsoft's own sentence ("To sign in, use a web browser to open … and enter the code …"). */
  message: string;
  /** Epoch milliseconds after which the code no longer works. */
  expiresAt: number;
}

export interface DeviceSignInOptions {
  /** Shows the code and the address to the user. */
  onCode(info: DeviceCodeInfo): void;
  signal?: AbortSignal;
  persist?: PersistTarget;
}

/**
 * Device authorization grant (RFC 8628): the user opens a Microsoft page on any device and types
 * a short code. Works without a local browser (CLI, SSH) and without a redirect URI.
 */
export async function signInWithDeviceCode(
  cfg: OAuthConfig,
  opts: DeviceSignInOptions,
): Promise<SignInResult> {
  const config = await discoverClient(cfg);
  let tokens: IssuedTokens;
  // Our own expiry signal, so that "the code expired" can be told apart from other timeouts.
  const controller = new AbortController();
  let expired = false;
  let expiryTimer: NodeJS.Timeout | undefined;
  const onAbort = (): void => controller.abort();
  try {
    if (opts.signal?.aborted) throw cancelledError('Sign-in was cancelled.');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const device = await oidc.initiateDeviceAuthorization(config, { scope: SIGN_IN_SCOPE });
    const expiresInMs = device.expires_in * 1000;
    expiryTimer = setTimeout(() => {
      expired = true;
      controller.abort();
    }, expiresInMs);
    const message = typeof device['message'] === 'string' ? device['message'] : '';
    opts.onCode({
      userCode: device.user_code,
      verificationUri: device.verification_uri,
      message:
        message || `To sign in, open ${device.verification_uri} and enter the code ${device.user_code}.`,
      expiresAt: Date.now() + expiresInMs,
    });
    const response = await oidc.pollDeviceAuthorizationGrant(config, device, undefined, {
      signal: controller.signal,
    });
    tokens = toIssuedTokens(response);
  } catch (err) {
    if (expired) throw cancelledError('The sign-in code expired before it was entered.');
    throw toOAuthError(err, { aborted: opts.signal?.aborted === true });
  } finally {
    clearTimeout(expiryTimer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
  return completeSignIn(tokens, opts.persist);
}
