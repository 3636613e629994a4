import type { IssuedTokens } from './client';
import { OAuthError } from './errors';
import { REFRESH_TOKEN_KIND, type PersistTarget } from './store';
import { OAUTH_DIAGNOSIS_IDS } from '../../shared/diagnoses/oauth';

/** What a sign-in returns. The access token stays in memory; the refresh token is in the keychain. */
export interface SignInResult {
  /** The signed-in address, from the ID token. */
  user: string;
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Checks the ID token named an address, keeps the refresh token, hands back the rest. */
export async function completeSignIn(
  tokens: IssuedTokens,
  persist: PersistTarget | undefined,
): Promise<SignInResult> {
  if (!tokens.user) {
    throw new OAuthError(
      'invalid-response',
      OAUTH_DIAGNOSIS_IDS.failed,
      'The sign-in did not say which address was signed in (no preferred_username or email in the ID token).',
    );
  }
  if (persist) {
    if (!tokens.refreshToken) {
      throw new OAuthError(
        'invalid-response',
        OAUTH_DIAGNOSIS_IDS.failed,
        'Microsoft returned no refresh token (is offline_access allowed?), so the sign-in cannot be saved.',
      );
    }
    await persist.store.save(persist.profile, tokens.refreshToken, REFRESH_TOKEN_KIND);
  }
  return { user: tokens.user, accessToken: tokens.accessToken, expiresAt: tokens.expiresAt };
}
