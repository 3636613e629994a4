import { signInWithBrowser } from './browser-sign-in';
import { PERSONAL_TENANT, type OAuthConfig } from './config';
import { createTokenProvider, signOut } from './silent';
import type { RefreshTokenStore } from './store';

export interface OAuthServiceDeps {
  store: RefreshTokenStore;
  /** Opens the system browser (Electron: shell.openExternal). */
  openBrowser(url: string): Promise<void>;
  /** Sign-in host; only tests change it. */
  authorityHost?: string;
  /** How long to wait for the browser redirect. */
  browserTimeoutMs?: number;
}

export interface OAuthProfileSettings {
  clientId: string;
  tenant: string;
}

/** What the main process needs (MainDeps.oauth): sign in and out per saved profile. */
export interface OAuthService {
  signIn(input: { profileName: string } & OAuthProfileSettings): Promise<{ user: string }>;
  signOut(profileName: string): Promise<void>;
  /** For probe:run on an OAuth profile: AuthInput.getAccessToken. */
  tokenProvider(profileName: string, settings: OAuthProfileSettings): () => Promise<string>;
}

export function createOAuthService(deps: OAuthServiceDeps): OAuthService {
  // Access tokens from a sign-in are kept in memory for this process only, so the first test
  // after signing in needs no refresh.
  const freshTokens = new Map<string, { key: string; accessToken: string; expiresAt: number }>();
  // One browser sign-in at a time: a new one cancels the previous (its tab may have been closed).
  let running: AbortController | null = null;

  const configFor = (settings: OAuthProfileSettings): OAuthConfig => ({
    clientId: settings.clientId,
    tenant: settings.tenant || PERSONAL_TENANT,
    ...(deps.authorityHost ? { authorityHost: deps.authorityHost } : {}),
  });
  const keyOf = (settings: OAuthProfileSettings): string => `${settings.clientId}\n${settings.tenant}`;

  return {
    async signIn({ profileName, clientId, tenant }) {
      running?.abort();
      const controller = new AbortController();
      running = controller;
      try {
        const result = await signInWithBrowser(configFor({ clientId, tenant }), {
          openBrowser: deps.openBrowser,
          signal: controller.signal,
          persist: { profile: profileName, store: deps.store },
          ...(deps.browserTimeoutMs ? { timeoutMs: deps.browserTimeoutMs } : {}),
        });
        freshTokens.set(profileName, {
          key: keyOf({ clientId, tenant }),
          accessToken: result.accessToken,
          expiresAt: result.expiresAt,
        });
        return { user: result.user };
      } finally {
        if (running === controller) running = null;
      }
    },
    async signOut(profileName) {
      freshTokens.delete(profileName);
      await signOut(profileName, deps.store);
    },
    tokenProvider(profileName, settings) {
      const fresh = freshTokens.get(profileName);
      const initial = fresh && fresh.key === keyOf(settings) ? fresh : undefined;
      return createTokenProvider(profileName, configFor(settings), deps.store, initial);
    },
  };
}
