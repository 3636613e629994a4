import { createContext, useContext } from 'react';
import type { MailcheckApi } from '../../../shared/api';
import { ipcErrorMessage } from '../../../shared/ipc-error';
import type { Lang } from '../../../shared/probe-types';

/**
 * The bridge to the main process. The preload exposes it as `window.api`; the end-to-end harness
 * provides the same shape wired to the real main handlers. Passed down by context so that every
 * component reaches it the same way.
 */
export const ApiContext = createContext<MailcheckApi | null>(null);

export function useApi(): MailcheckApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('window.api is missing: the preload bridge did not load');
  return api;
}

/** `window.api` as the preload declares it (typed here so the renderer does not depend on the d.ts). */
export function windowApi(): MailcheckApi | null {
  return (window as unknown as { api?: MailcheckApi }).api ?? null;
}

/** Electron prefixes IPC errors with "Error invoking remote method '<channel>': Error: ". */
const ELECTRON_PREFIX = /^Error invoking remote method '[^']*': (?:\w*Error: )?/;

/**
 * The message to show for whatever an IPC call rejected with, in the user's language: main's
 * bilingual payload (src/shared/ipc-error.ts) when there is one, else the bare message (a bridge
 * failure, which main never produced). Errors are kept as they came and rendered at display time,
 * so the text follows a language switch.
 */
export function uiErrorMessage(err: unknown, lang: Lang): string {
  return ipcErrorMessage(err, lang).replace(ELECTRON_PREFIX, '');
}
