import * as oidc from 'openid-client';
import {
  authorityUrl,
  HTTP_TIMEOUT_SECONDS,
  isLoopbackHttp,
  resolveClientId,
  type OAuthConfig,
} from './config';
import { OAuthError, toOAuthError } from './errors';
import { OAUTH_DIAGNOSIS_IDS } from '../../shared/diagnoses/oauth';

/**
 * Discovered configurations, by authority URL (host + tenant) and client id, for the life of the
 * process. The metadata of a Microsoft authority does not change between sign-ins, so each
 * sign-in and refresh after the first skips a round trip (and the JWKS openid-client caches on
 * the Configuration is reused too). The promise is kept, so concurrent callers share one
 * discovery; a failed one is dropped, so the next call tries again.
 */
const discovered = new Map<string, Promise<oidc.Configuration>>();

/**
 * The openid-client Configuration for one app + tenant, from the authority's OpenID metadata.
 * Discovery (rather than hard-coded endpoints) lets openid-client apply its Microsoft Entra rule:
 * for `organizations`/`common` the ID token issuer names the user's own tenant.
 */
export async function discoverClient(cfg: OAuthConfig): Promise<oidc.Configuration> {
  const clientId = resolveClientId(cfg.clientId, {});
  if (!clientId) {
    throw new OAuthError(
      'client-id-missing',
      OAUTH_DIAGNOSIS_IDS.clientIdMissing,
      'No client id configured for Sign in with Microsoft.',
    );
  }
  let server: URL;
  try {
    server = authorityUrl(cfg);
  } catch (err) {
    throw new OAuthError(
      'invalid-config',
      OAUTH_DIAGNOSIS_IDS.accountTypeNotAllowed,
      err instanceof Error ? err.message : 'Invalid sign-in settings.',
    );
  }
  const key = `${server.href}\n${clientId}`;
  let pending = discovered.get(key);
  if (!pending) {
    pending = discover(server, clientId);
    discovered.set(key, pending);
    pending.catch(() => {
      if (discovered.get(key) === pending) discovered.delete(key);
    });
  }
  return pending;
}

async function discover(server: URL, clientId: string): Promise<oidc.Configuration> {
  const insecure = isLoopbackHttp(server);
  try {
    // Public client: no secret, so token requests authenticate with client_id only (None()).
    const config = await oidc.discovery(server, clientId, undefined, oidc.None(), {
      timeout: HTTP_TIMEOUT_SECONDS,
      ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
    config.timeout = HTTP_TIMEOUT_SECONDS;
    return config;
  } catch (err) {
    throw toOAuthError(err);
  }
}

/** Tokens as our callers see them. The refresh token goes to the keychain, never elsewhere. */
export interface IssuedTokens {
  user: string | null;
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  refreshToken: string | null;
}

const DEFAULT_ACCESS_TOKEN_LIFETIME_S = 3600;

/** The signed-in address from the ID token: preferred_username (Microsoft), else email / upn. */
export function userFromClaims(claims: oidc.IDToken | undefined): string | null {
  if (!claims) return null;
  for (const key of ['preferred_username', 'email', 'upn'] as const) {
    const value = claims[key];
    if (typeof value === 'string' && value.includes('@')) return value;
  }
  return null;
}

export function toIssuedTokens(
  response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
): IssuedTokens {
  const expiresIn = response.expiresIn() ?? DEFAULT_ACCESS_TOKEN_LIFETIME_S;
  return {
    user: userFromClaims(response.claims()),
    accessToken: response.access_token,
    expiresAt: Date.now() + expiresIn * 1000,
    refreshToken: response.refresh_token ?? null,
  };
}
