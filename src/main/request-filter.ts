/**
 * Which requests the app's pages may make at all: only the app's own files (or the dev server in
 * development), plus inline data: and blob: URLs the page creates itself. Remote content is never
 * loaded; the network belongs to the main process. Pure.
 */
import { dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrustedOrigins } from './ipc/trusted-sender';

const ALWAYS_ALLOWED_PROTOCOLS = new Set(['data:', 'blob:', 'devtools:']);

export function isAllowedAppRequest(rawUrl: string, origins: TrustedOrigins): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (ALWAYS_ALLOWED_PROTOCOLS.has(url.protocol)) return true;
  if (url.protocol === 'file:') {
    let path: string;
    try {
      path = fileURLToPath(url);
    } catch {
      return false;
    }
    const root = dirname(origins.rendererIndexPath) + sep;
    return path.startsWith(root);
  }
  if (origins.devServerUrl) {
    try {
      const dev = new URL(origins.devServerUrl);
      // The dev server's page and its HMR socket.
      return url.host === dev.host && ['http:', 'ws:'].includes(url.protocol);
    } catch {
      return false;
    }
  }
  return false;
}
