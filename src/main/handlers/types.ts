import type { CredentialStore } from '../../engine/credentials';
import type { OAuthService } from '../../engine/oauth';
import type { AppInfo, IpcArgs, IpcChannel, IpcEventChannel, IpcEvents, IpcResult } from '../../shared/ipc';

/**
 * What the main process needs from OAuth: src/engine/oauth createOAuthService() provides it
 * (tokenProvider is optional so that tests can leave it out).
 */
export type MainOAuth = Omit<OAuthService, 'tokenProvider'> & Partial<Pick<OAuthService, 'tokenProvider'>>;

/** Everything the handlers touch outside themselves: Electron provides it in the app, tests provide real stand-ins. */
export interface MainDeps {
  profilesFile: string;
  /** The runs history; default `history.json` beside the profiles file. */
  historyFile?: string;
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
