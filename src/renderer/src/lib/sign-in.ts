import type { IpcEvents, OAuthFlow } from '../../../shared/ipc';
import type { MessageKey } from '../i18n/messages';

/** What a device-code sign-in shows: the code to type and where (from the 'oauth:device-code' event). */
export type DeviceCode = IpcEvents['oauth:device-code'];

/** Where "Sign in with Microsoft" stands; shown the same way on the Account screen and in the guide. */
export type SignInState =
  | { phase: 'idle' }
  /** Something must be filled in first (an account name, a client id): nothing was sent. */
  | { phase: 'missing'; key: MessageKey }
  /** Waiting for the browser redirect or for the code to be typed; `device` once main has shown one. */
  | { phase: 'pending'; flow: OAuthFlow; profileName: string; device: DeviceCode | null }
  | { phase: 'done'; user: string }
  /** The rejection of oauth:sign-in (or of the cancel), kept whole so it renders in the current language. */
  | { phase: 'failed'; error: unknown };

export const SIGN_IN_IDLE: SignInState = { phase: 'idle' };

/** The sign-in as each panel showing it gets it: where it stands, and what the person can do. */
export interface SignInControls {
  /** False when this copy has no client id (none configured, none typed): no button, a sentence instead. */
  available: boolean;
  state: SignInState;
  onSignIn: (flow: OAuthFlow) => void;
  onCancel: () => void;
}

/** Applies a device-code event to the pending sign-in it belongs to; any other state stays. */
export function withDeviceCode(state: SignInState, code: DeviceCode): SignInState {
  if (state.phase !== 'pending' || state.flow !== 'device' || state.profileName !== code.profileName) {
    return state;
  }
  return { ...state, device: code };
}
