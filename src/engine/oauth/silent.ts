import * as oidc from 'openid-client';
import { ACCESS_TOKEN_RENEW_MARGIN_MS, SIGN_IN_SCOPE, type OAuthConfig } from './config';
import { discoverClient, toIssuedTokens, type IssuedTokens } from './client';
import { OAuthError, toOAuthError } from './errors';
import { REFRESH_TOKEN_KIND, type RefreshTokenStore } from './store';
import { OAUTH_DIAGNOSIS_IDS } from '../../shared/diagnoses/oauth';

export interface SilentTokenResult {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** The address from the ID token Microsoft sends with the refresh, when it sends one. */
  user: string | null;
}

/**
 * A fresh access token from the refresh token saved for the profile, without any prompt.
 * Microsoft may rotate the refresh token: the new one replaces the old in the keychain.
 * Throws OAuthError `not-signed-in` when nothing is saved, `oauth.grant-expired` when Microsoft
 * no longer accepts it; keychain errors (KeychainUnavailableError) pass through unchanged.
 */
export async function getAccessTokenSilently(
  profile: string,
  cfg: OAuthConfig,
  store: RefreshTokenStore,
): Promise<SilentTokenResult> {
  const refreshToken = await store.read(profile, REFRESH_TOKEN_KIND);
  if (!refreshToken) {
    throw new OAuthError(
      'not-signed-in',
      OAUTH_DIAGNOSIS_IDS.grantExpired,
      `No saved Microsoft sign-in for profile "${profile}": sign in first.`,
    );
  }
  const config = await discoverClient(cfg);
  let tokens: IssuedTokens;
  try {
    const response = await oidc.refreshTokenGrant(config, refreshToken, { scope: SIGN_IN_SCOPE });
    tokens = toIssuedTokens(response);
  } catch (err) {
    throw toOAuthError(err);
  }
  if (tokens.refreshToken && tokens.refreshToken !== refreshToken) {
    await store.save(profile, tokens.refreshToken, REFRESH_TOKEN_KIND);
  }
  return { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt, user: tokens.user };
}

/** An access token kept in memory (never stored, never logged). */
export interface CachedAccessToken {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/**
 * What the SMTP probe calls for each XOAUTH2 login (nodemailer's provisionCallback pattern, via
 * AuthInput.getAccessToken). Keeps the access token in memory and renews it shortly before expiry;
 * concurrent callers share one refresh. `onRenewed` hears of each renewed token, so a longer-lived
 * owner (the app's OAuth service) can hand it to the next provider instead of refreshing again.
 */
export function createTokenProvider(
  profile: string,
  cfg: OAuthConfig,
  store: RefreshTokenStore,
  initial?: CachedAccessToken,
  onRenewed?: (token: CachedAccessToken) => void,
): () => Promise<string> {
  let cached = initial ?? null;
  let pending: Promise<string> | null = null;
  return () => {
    if (cached && cached.expiresAt - ACCESS_TOKEN_RENEW_MARGIN_MS > Date.now()) {
      return Promise.resolve(cached.accessToken);
    }
    pending ??= getAccessTokenSilently(profile, cfg, store)
      .then((result) => {
        cached = { accessToken: result.accessToken, expiresAt: result.expiresAt };
        onRenewed?.(cached);
        return result.accessToken;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}

/**
 * Forgets the sign-in: removes the profile's refresh token from the keychain. A password saved
 * for the same profile stays: signing out of Microsoft is not deleting the account.
 */
export async function signOut(profile: string, store: RefreshTokenStore): Promise<void> {
  await store.delete(profile, REFRESH_TOKEN_KIND);
}
