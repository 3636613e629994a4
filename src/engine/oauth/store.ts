/**
 * Where the refresh token lives: the OS keychain, through the credential module, under the
 * profile's name with kind 'oauth-refresh'. Access tokens are never stored.
 */
import type { CredentialStore, SecretKind } from '../credentials';

/** The part of the credential store that OAuth uses (tests may pass any CredentialStore). */
export type RefreshTokenStore = Pick<CredentialStore, 'save' | 'read' | 'delete'>;

export const REFRESH_TOKEN_KIND: SecretKind = 'oauth-refresh';

/** Which profile, in which store, receives the refresh token of a sign-in. */
export interface PersistTarget {
  profile: string;
  store: RefreshTokenStore;
}
