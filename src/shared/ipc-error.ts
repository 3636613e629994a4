/**
 * Errors that cross IPC. Electron's invoke() gives the renderer only an Error's message (prefixed
 * with "Error invoking remote method '…': Error: "), so a structured, bilingual error travels as a
 * marked JSON string inside that message. Main encodes (src/main/handlers/errors.ts toIpcError),
 * the renderer decodes. Dependency-free: the renderer and the sandboxed preload bundle this file.
 * Never put a secret in any field: the text is shown to the user and may be copied into a report.
 */
import type { Lang } from './probe-types';

export interface IpcErrorPayload {
  /** Stable machine-readable code, e.g. KEYCHAIN_UNAVAILABLE, PROFILE_NOT_FOUND, INVALID_INPUT, UNEXPECTED. */
  code: string;
  /** A catalogue diagnosis id (src/shared/diagnoses) when one explains the failure, e.g. oauth.consent-required. */
  diagnosisId?: string;
  /** The message in English and in Italian, written for people. */
  en: string;
  it: string;
}

const MARKER = 'MAILCHECK_IPC_ERROR:';

export function encodeIpcError(payload: IpcErrorPayload): string {
  return MARKER + JSON.stringify(payload);
}

function isPayload(value: unknown): value is IpcErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    typeof v.en === 'string' &&
    typeof v.it === 'string' &&
    (v.diagnosisId === undefined || typeof v.diagnosisId === 'string')
  );
}

/** The payload inside an IPC error (or its message), or null when it carries none. */
export function decodeIpcError(error: unknown): IpcErrorPayload | null {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const at = message.indexOf(MARKER);
  if (at < 0) return null;
  try {
    const parsed: unknown = JSON.parse(message.slice(at + MARKER.length));
    return isPayload(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** The message to show for any error from window.api.invoke, in the user's language. */
export function ipcErrorMessage(error: unknown, lang: Lang): string {
  const payload = decodeIpcError(error);
  if (payload) return lang === 'it' ? payload.it : payload.en;
  return error instanceof Error ? error.message : String(error);
}
