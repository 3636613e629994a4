import { createContext, useContext } from 'react';
import type { MailcheckApi } from '../../../shared/api';

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

/** A readable message from whatever an IPC call rejected with. */
export function errorMessage(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  // Electron prefixes IPC errors with "Error invoking remote method '<channel>': Error: ".
  return raw.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
}
