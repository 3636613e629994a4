/**
 * The one IPC contract between the main process, the preload bridge and the renderer.
 * Every channel is listed here with its argument and result types; main validates each payload
 * at runtime (src/main/ipc/schemas.ts) and the preload exposes exactly these channels.
 * Dependency-free on purpose: the sandboxed preload bundles this file.
 */
import type { Lang, ProbeEvent, ProbeRequest, ProbeResult } from './probe-types';
import type { IpcErrorPayload } from './ipc-error';
import type { KeychainStatus, Profile, RunRecord } from './profile-types';

/** What the renderer asks the main process to test. */
export interface RunProbeInput {
  /** Chosen by the renderer so that progress events can be matched before the result arrives. */
  runId: string;
  /** The settings to test. A password typed in the window travels in memory only. */
  request: Omit<ProbeRequest, 'caPem'>;
  /** Use the password (or OAuth token) saved in the keychain for this profile. */
  profileName?: string;
  /** Save settings (and the typed password, in the keychain) under this name after the test. */
  saveAs?: string;
  /**
   * With saveAs: also store the typed password in the keychain (default true). False saves the
   * settings only, which is how the user continues when no keychain is available.
   */
  savePassword?: boolean;
}

/** What probe:run answers: the test's result, and why saving it failed when it did. */
export interface RunProbeOutput extends ProbeResult {
  /**
   * The test ran, but saving its settings, password or verdict afterwards failed (a full disk, a
   * keychain that went away mid-test…). The result is still returned: nothing the test found is lost.
   */
  saveProblem?: IpcErrorPayload;
}

/** How to sign in with Microsoft: the system browser with a loopback redirect, or a device code. */
export type OAuthFlow = 'browser' | 'device';

export interface OAuthSignInInput {
  profileName: string;
  clientId: string;
  tenant: string;
  /** Default 'browser'; 'device' is the fallback when the browser redirect cannot work. */
  flow?: OAuthFlow;
}

export interface AppInfo {
  version: string;
  locale: Lang;
  platform: string;
  /**
   * The Microsoft app registration (client id, not a secret) this copy signs in with, when its
   * distribution configured one (docs/oauth.md); absent: "Sign in with Microsoft" is not available.
   */
  msClientId?: string;
}

export interface SaveProfileInput {
  profile: Profile;
  /** When given, stored in the keychain under the profile's name. */
  password?: string;
}

export interface IpcContract {
  'app:info': { args: []; result: AppInfo };
  'app:open-external': { args: [url: string]; result: void };
  'clipboard:write': { args: [text: string]; result: void };
  'report:save': {
    args: [input: { suggestedName: string; text: string }];
    result: { saved: boolean; path?: string };
  };
  'probe:run': { args: [input: RunProbeInput]; result: RunProbeOutput };
  'probe:cancel': { args: [runId: string]; result: void };
  /** `warning`/`warningIt`: why the profiles file had to be set aside (shown once, in the user's language). */
  'profiles:list': { args: []; result: { profiles: Profile[]; warning?: string; warningIt?: string } };
  'profiles:save': { args: [input: SaveProfileInput]; result: { savedSecret: boolean } };
  'profiles:delete': { args: [name: string]; result: void };
  /** The last runs of every saved account (newest first), by account name. */
  'history:list': { args: []; result: { runs: Record<string, RunRecord[]> } };
  'keychain:status': { args: []; result: KeychainStatus };
  'oauth:sign-in': { args: [input: OAuthSignInInput]; result: { user: string } };
  /** Stops a sign-in that is waiting for the browser or the device code (it then fails as cancelled). */
  'oauth:cancel-sign-in': { args: []; result: void };
  /** Removes the profile's OAuth refresh token (and cached access token); its password, if any, stays. */
  'oauth:sign-out': { args: [profileName: string]; result: void };
}

export type IpcChannel = keyof IpcContract;
export type IpcArgs<C extends IpcChannel> = IpcContract[C]['args'];
export type IpcResult<C extends IpcChannel> = IpcContract[C]['result'];

/** Main → renderer events. */
export interface IpcEvents {
  'probe:progress': { runId: string; event: ProbeEvent };
  /** A device-code sign-in is waiting: show the code and the address where the user types it. */
  'oauth:device-code': {
    profileName: string;
    userCode: string;
    verificationUri: string;
    /** ISO time when the code stops working. */
    expiresAt: string;
  };
}
export type IpcEventChannel = keyof IpcEvents;

/** Every invoke channel, as a value for the preload; the type below keeps it in step with the contract. */
export const IPC_CHANNELS = [
  'app:info',
  'app:open-external',
  'clipboard:write',
  'report:save',
  'probe:run',
  'probe:cancel',
  'profiles:list',
  'profiles:save',
  'profiles:delete',
  'history:list',
  'keychain:status',
  'oauth:sign-in',
  'oauth:cancel-sign-in',
  'oauth:sign-out',
] as const satisfies readonly IpcChannel[];

// Compile-time check that IPC_CHANNELS lists every channel of the contract.
type Missing = Exclude<IpcChannel, (typeof IPC_CHANNELS)[number]>;
const _everyChannelListed: [Missing] extends [never] ? true : Missing = true;
void _everyChannelListed;

export const IPC_EVENT_CHANNELS = [
  'probe:progress',
  'oauth:device-code',
] as const satisfies readonly IpcEventChannel[];
