import { signInWithBrowser } from './browser-sign-in';
import { PERSONAL_TENANT, type OAuthConfig } from './config';
import { signInWithDeviceCode } from './device-sign-in';
import type { SignInResult } from './sign-in-result';
import { createTokenProvider, signOut, type CachedAccessToken } from './silent';
import type { PersistTarget, RefreshTokenStore } from './store';

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

/** Browser with a loopback redirect (default), or a code typed on Microsoft's page. */
export type OAuthSignInFlow = 'browser' | 'device';

export interface OAuthSignInRequest extends OAuthProfileSettings {
  profileName: string;
  flow?: OAuthSignInFlow;
}

/** What the window shows while a device-code sign-in waits for the person. */
export interface DeviceCodePrompt {
  userCode: string;
  verificationUri: string;
  /** ISO time when the code stops working. */
  expiresAt: string;
}

export interface OAuthSignInHooks {
  /** Called once the device code is known (flow 'device' only). */
  onDeviceCode?(prompt: DeviceCodePrompt): void;
}

/** What the main process needs (MainDeps.oauth): sign in and out per saved profile. */
export interface OAuthService {
  /** Signs in and keeps the refresh token in the keychain under the profile's name. */
  signIn(input: OAuthSignInRequest, hooks?: OAuthSignInHooks): Promise<{ user: string }>;
  /** Stops the sign-in in progress, if any: it then fails with the oauth.cancelled diagnosis. */
  cancelSignIn(): void;
  /** Removes the profile's refresh token (and the access token in memory); a saved password stays. */
  signOut(profileName: string): Promise<void>;
  /** For probe:run on an OAuth profile: AuthInput.getAccessToken. */
  tokenProvider(profileName: string, settings: OAuthProfileSettings): () => Promise<string>;
}

export function createOAuthService(deps: OAuthServiceDeps): OAuthService {
  // Access tokens, from a sign-in or from the last refresh, are kept in memory for this process
  // only, so the next probe:run on the profile needs no refresh until the token nears expiry.
  const freshTokens = new Map<string, CachedAccessToken & { key: string }>();
  // Bumped by each sign-in and sign-out of a profile: a refresh that was already running then
  // finishes for a grant that is gone or replaced, and its token must not be kept.
  const grantVersions = new Map<string, number>();
  const grantVersion = (profileName: string): number => grantVersions.get(profileName) ?? 0;
  const replaceGrant = (profileName: string): void => {
    grantVersions.set(profileName, grantVersion(profileName) + 1);
  };
  // One sign-in at a time: a new one cancels the previous (its tab may have been closed), and
  // cancelSignIn() aborts it through the same controller, whichever flow it uses.
  let running: AbortController | null = null;

  const configFor = (settings: OAuthProfileSettings): OAuthConfig => ({
    clientId: settings.clientId,
    tenant: settings.tenant || PERSONAL_TENANT,
    ...(deps.authorityHost ? { authorityHost: deps.authorityHost } : {}),
  });
  const keyOf = (settings: OAuthProfileSettings): string => `${settings.clientId}\n${settings.tenant}`;

  function runFlow(
    input: OAuthSignInRequest,
    signal: AbortSignal,
    hooks: OAuthSignInHooks,
  ): Promise<SignInResult> {
    const config = configFor(input);
    const persist: PersistTarget = { profile: input.profileName, store: deps.store };
    if (input.flow === 'device') {
      return signInWithDeviceCode(config, {
        signal,
        persist,
        onCode: (info) =>
          hooks.onDeviceCode?.({
            userCode: info.userCode,
            verificationUri: info.verificationUri,
            expiresAt: new Date(info.expiresAt).toISOString(),
          }),
      });
    }
    return signInWithBrowser(config, {
      openBrowser: deps.openBrowser,
      signal,
      persist,
      ...(deps.browserTimeoutMs ? { timeoutMs: deps.browserTimeoutMs } : {}),
    });
  }

  return {
    async signIn(input, hooks = {}) {
      running?.abort();
      const controller = new AbortController();
      running = controller;
      try {
        const result = await runFlow(input, controller.signal, hooks);
        replaceGrant(input.profileName);
        freshTokens.set(input.profileName, {
          key: keyOf(input),
          accessToken: result.accessToken,
          expiresAt: result.expiresAt,
        });
        return { user: result.user };
      } finally {
        if (running === controller) running = null;
      }
    },
    cancelSignIn() {
      running?.abort();
    },
    async signOut(profileName) {
      replaceGrant(profileName);
      freshTokens.delete(profileName);
      await signOut(profileName, deps.store);
    },
    tokenProvider(profileName, settings) {
      const key = keyOf(settings);
      const fresh = freshTokens.get(profileName);
      const initial = fresh && fresh.key === key ? fresh : undefined;
      const version = grantVersion(profileName);
      const sameGrant = (): boolean => grantVersion(profileName) === version;
      // A refresh token Microsoft rotated during a refresh that outlived a sign-out (or a new
      // sign-in) is dropped: saving it would bring back the sign-in the user just removed.
      const store: RefreshTokenStore = {
        read: (...args) => deps.store.read(...args),
        delete: (...args) => deps.store.delete(...args),
        save: (...args) => (sameGrant() ? deps.store.save(...args) : Promise.resolve()),
      };
      return createTokenProvider(profileName, configFor(settings), store, initial, (renewed) => {
        if (!sameGrant()) return;
        freshTokens.set(profileName, { key, accessToken: renewed.accessToken, expiresAt: renewed.expiresAt });
      });
    },
  };
}
