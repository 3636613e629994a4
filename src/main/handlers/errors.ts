/**
 * Errors that cross IPC. Electron passes only an Error's message to the renderer, so every
 * failure leaves main as `new Error(encodeIpcError({ code, diagnosisId?, en, it }))`
 * (src/shared/ipc-error.ts): a stable code, a catalogue diagnosis when one explains it, and the
 * text in both languages. Known errors keep their (secret-free) words; anything unexpected
 * becomes a generic message, its details staying in the main process.
 */
import { encodeIpcError, type IpcErrorPayload } from '../../shared/ipc-error';
import { getDiagnosis } from '../../shared/diagnoses';

export class UserFacingError extends Error {
  readonly code: string;
  readonly messageIt: string;
  /** A catalogue diagnosis that explains the failure, when there is one. */
  readonly diagnosisId: string | undefined;
  constructor(message: string, options: { code?: string; messageIt: string; diagnosisId?: string }) {
    super(message);
    this.name = 'UserFacingError';
    this.code = options.code ?? 'USER_ERROR';
    this.messageIt = options.messageIt;
    this.diagnosisId = options.diagnosisId;
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

export const UNEXPECTED_ERROR_CODE = 'UNEXPECTED';
export const UNEXPECTED_ERROR_MESSAGE =
  'Something unexpected went wrong in Mailcheck. Please try again; if it keeps happening, restart the app.';
export const UNEXPECTED_ERROR_MESSAGE_IT =
  "Si è verificato un problema imprevisto in Mailcheck. Riprova; se continua a succedere, riavvia l'app.";

export function isUserFacing(error: unknown): error is Error {
  return error instanceof Error && USER_FACING_NAMES.has(error.name);
}

/** The fields the user-facing errors above carry (each class declares its own). */
interface KnownErrorFields {
  code?: unknown;
  messageIt?: unknown;
  diagnosisId?: unknown;
  reply?: unknown;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/**
 * An OAuthError as the catalogue explains it (title and explanation in both languages), plus
 * Microsoft's own words when it said something; or the error's own bilingual text when it has
 * one (e.g. "use the code on screen instead").
 */
function oauthPayload(error: Error & KnownErrorFields): IpcErrorPayload {
  const code = `OAUTH_${String(error.code ?? 'failed')
    .toUpperCase()
    .replace(/-/g, '_')}`;
  const diagnosisId = text(error.diagnosisId);
  const ownIt = text(error.messageIt);
  const entry = diagnosisId ? getDiagnosis(diagnosisId) : undefined;
  if (ownIt || !entry) {
    return { code, ...(diagnosisId ? { diagnosisId } : {}), en: error.message, it: ownIt ?? error.message };
  }
  const reply = text(error.reply);
  const said = (lang: 'en' | 'it'): string =>
    reply ? ` ${lang === 'it' ? 'Risposta di Microsoft' : 'Microsoft said'}: ${reply}` : '';
  return {
    code,
    diagnosisId: entry.id,
    en: `${entry.title.en}. ${entry.explanation.en}${said('en')}`,
    it: `${entry.title.it}. ${entry.explanation.it}${said('it')}`,
  };
}

/** The structured payload for any failure of a handler. */
export function toIpcErrorPayload(error: unknown): IpcErrorPayload {
  if (!isUserFacing(error)) {
    return { code: UNEXPECTED_ERROR_CODE, en: UNEXPECTED_ERROR_MESSAGE, it: UNEXPECTED_ERROR_MESSAGE_IT };
  }
  const known = error as Error & KnownErrorFields;
  if (error.name === 'OAuthError') return oauthPayload(known);
  const diagnosisId = text(known.diagnosisId);
  return {
    code: text(known.code) ?? 'USER_ERROR',
    ...(diagnosisId ? { diagnosisId } : {}),
    en: error.message,
    // Every user-facing class carries an Italian text; the English one is a last resort.
    it: text(known.messageIt) ?? error.message,
  };
}

/** The Error to throw across IPC for any failure of a handler. */
export function toIpcError(error: unknown): Error {
  return new Error(encodeIpcError(toIpcErrorPayload(error)));
}
