/**
 * Errors that cross IPC: Electron passes only the message to the renderer, so the message must be
 * readable by a person and must never carry a secret. Known errors keep their message; anything
 * unexpected becomes a generic one (its details stay in the main process).
 */
export class UserFacingError extends Error {
  readonly code: string;
  readonly messageIt: string | undefined;
  constructor(message: string, options: { code?: string; messageIt?: string } = {}) {
    super(message);
    this.name = 'UserFacingError';
    this.code = options.code ?? 'USER_ERROR';
    this.messageIt = options.messageIt;
  }
}

/** Errors whose message was written for people: ours, the engine's input errors, keychain errors. */
const USER_FACING_NAMES = new Set([
  'UserFacingError',
  'IpcInputError',
  'ProbeInputError',
  'KeychainUnavailableError',
  'ProfileNameError',
  'OAuthError',
]);

export const UNEXPECTED_ERROR_MESSAGE =
  'Something unexpected went wrong in Mailcheck. Please try again; if it keeps happening, restart the app.';

export function isUserFacing(error: unknown): error is Error {
  return error instanceof Error && USER_FACING_NAMES.has(error.name);
}

/** The Error to throw across IPC for any failure of a handler. */
export function toIpcError(error: unknown): Error {
  if (isUserFacing(error)) return new Error(error.message);
  return new Error(UNEXPECTED_ERROR_MESSAGE);
}
