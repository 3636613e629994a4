/**
 * The app-wide security rules, applied to every web contents Electron creates:
 * no navigation away from the app, no new windows (http/https links go to the system browser),
 * no <webview>, every permission denied, and the Content Security Policy sent as a header.
 */
import { app, shell, type Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { isHttpUrl } from './ipc/schemas';
import { isTrustedSender, type TrustedOrigins } from './ipc/trusted-sender';
import { isAllowedAppRequest } from './request-filter';

/** Opens a link in the user's browser, after checking it is http(s). */
export function openInBrowser(url: string): Promise<void> {
  if (!isHttpUrl(url)) return Promise.reject(new Error('Only http: and https: links can be opened.'));
  // Reviewed: only http(s) URLs reach the system browser (checked just above).
  return shell.openExternal(new URL(url).href); // eng-disable OPEN_EXTERNAL_JS_CHECK
}

/** Our own page, in the top frame: the only navigation allowed (a reload, or the dev server's refresh). */
function isOwnPage(url: string, origins: TrustedOrigins): boolean {
  return isTrustedSender(url, true, true, origins);
}

export function setupWebContentsSecurity(origins: TrustedOrigins): void {
  app.on('web-contents-created', (_event, contents) => {
    // The app is one page: any navigation elsewhere (a link without target, a script, a dropped
    // file) is refused. In-page navigation (#hash, history API) does not raise these events.
    contents.on('will-navigate', (event) => {
      if (!isOwnPage(event.url, origins)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame || !isOwnPage(event.url, origins)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isHttpUrl(url)) void openInBrowser(url).catch(() => undefined);
      return { action: 'deny' };
    });
  });
}

/** Denies every permission (camera, notifications, geolocation, clipboard-read, HID, USB…). */
export function setupPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Sends the CSP header with the app's own documents (the meta tag in index.html says the same). */
export function setupContentSecurityPolicy(session: Session, origins: TrustedOrigins): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const isAppContent = isTrustedSender(details.url, true, true, origins);
    if (!isAppContent) {
      callback({});
      return;
    }
    const csp = { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
    // The policy is a constant from src/shared/csp.ts: Electronegativity cannot resolve it here,
    // and evaluates the same text in index.html's meta tag.
    callback({ responseHeaders: { ...details.responseHeaders, ...csp } }); // eng-disable CSP_GLOBAL_CHECK
  });
}

/** Cancels every request that is not the app's own content (see request-filter.ts). */
export function setupRequestFilter(session: Session, origins: TrustedOrigins): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedAppRequest(details.url, origins) });
  });
}
