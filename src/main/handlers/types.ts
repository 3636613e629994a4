import type { CredentialStore } from '../../engine/credentials';
import type {
  AppInfo,
  IpcArgs,
  IpcChannel,
  IpcEventChannel,
  IpcEvents,
  IpcResult,
  OAuthSignInInput,
} from '../../shared/ipc';

/** What a device-code sign-in shows while it waits (the 'oauth:device-code' event adds the profile). */
export type DeviceCodePrompt = Omit<IpcEvents['oauth:device-code'], 'profileName'>;

/** What the main process needs from OAuth (src/engine/oauth createOAuthService() provides it). */
export interface MainOAuth {
  signIn(
    input: OAuthSignInInput,
    hooks?: { onDeviceCode?: (prompt: DeviceCodePrompt) => void },
  ): Promise<{ user: string }>;
  /** Stops the pending sign-in, which then fails with the oauth.cancelled diagnosis. */
  cancelSignIn(): void;
  /** Removes the profile's OAuth refresh token only (a saved password stays). */
  signOut(profileName: string): Promise<void>;
  /** For probe:run on an OAuth profile: gives AuthInput.getAccessToken (refreshed from the keychain). */
  tokenProvider?(profileName: string, settings: { clientId: string; tenant: string }): () => Promise<string>;
}

/** Everything the handlers touch outside themselves: Electron provides it in the app, tests provide real stand-ins. */
export interface MainDeps {
  profilesFile: string;
  credentials: CredentialStore;
  emit: <E extends IpcEventChannel>(channel: E, payload: IpcEvents[E]) => void;
  saveReport: (suggestedName: string, text: string) => Promise<{ saved: boolean; path?: string }>;
  writeClipboard: (text: string) => Promise<void>;
  openExternal: (url: string) => Promise<void>;
  appInfo: () => AppInfo;
  /** Extra CA certificates trusted by every probe (private servers, tests); never from the renderer. */
  caPem?: string;
  oauth?: MainOAuth;
}

export type MainHandlers = { [C in IpcChannel]: (...args: IpcArgs<C>) => Promise<IpcResult<C>> };
