/**
 * Who may call the main process over IPC: only the main frame of our own window, showing our own
 * renderer (the built index.html via file://, or in development the electron-vite dev server).
 * Pure, so tests can throw foreign senders at it.
 */
import { pathToFileURL } from 'node:url';
import { isLoopbackHttp } from '../../engine/oauth/config';

export interface TrustedOrigins {
  /** Absolute path of the built renderer's index.html. */
  rendererIndexPath: string;
  /** The electron-vite dev server URL, in development only. */
  devServerUrl?: string;
}

/**
 * @param frameUrl event.senderFrame.url; undefined when the frame is gone.
 * @param isMainFrame the frame is the top frame of its page (not an iframe).
 * @param isOurWindow the frame belongs to the app's main window.
 */
export function isTrustedSender(
  frameUrl: string | undefined,
  isMainFrame: boolean,
  isOurWindow: boolean,
  origins: TrustedOrigins,
): boolean {
  if (!isMainFrame || !isOurWindow || !frameUrl) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'file:') {
    const expected = pathToFileURL(origins.rendererIndexPath);
    // The exact file: another local page (a downloaded .html) is not our app.
    return url.host === expected.host && url.pathname === expected.pathname;
  }
  if (origins.devServerUrl) {
    let dev: URL;
    try {
      dev = new URL(origins.devServerUrl);
    } catch {
      return false;
    }
    // The dev server is only ever trusted on loopback.
    return isLoopbackHttp(dev) && url.origin === dev.origin;
  }
  return false;
}
