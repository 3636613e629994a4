/**
 * The main window's options, as a PURE function so that tests can assert every security setting.
 * Every webPreferences flag is spelled out even where it equals Electron's default: a default can
 * change between versions, an explicit value cannot.
 */
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export const MIN_WINDOW_WIDTH = 720;
export const MIN_WINDOW_HEIGHT = 560;
export const DEFAULT_WINDOW_WIDTH = 1040;
export const DEFAULT_WINDOW_HEIGHT = 760;

export interface WindowOptionsInput {
  preloadPath: string;
  bounds?: Partial<Rectangle>;
  iconPath?: string;
}

export function getWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: input.bounds?.width ?? DEFAULT_WINDOW_WIDTH,
    height: input.bounds?.height ?? DEFAULT_WINDOW_HEIGHT,
    ...(input.bounds?.x !== undefined && input.bounds?.y !== undefined
      ? { x: input.bounds.x, y: input.bounds.y }
      : {}),
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    title: 'Mailcheck',
    // Shown once the first paint is ready, so the user never sees a white flash.
    show: false,
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      // The page and the preload live in separate JavaScript worlds: the page cannot touch
      // Electron or Node objects, only the window.api the preload exposes.
      contextIsolation: true,
      // The renderer runs in Chromium's OS-level sandbox, and the preload with it.
      sandbox: true,
      // No Node.js in the page, in its workers or in any frame.
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // Same-origin policy on; no http content inside an https page.
      webSecurity: true,
      allowRunningInsecureContent: false,
      // No <webview> (an embedded browser with its own preferences).
      webviewTag: false,
      // No experimental Chromium features; enableBlinkFeatures is deliberately never set.
      experimentalFeatures: false,
      // Dropping a file on the window must not navigate to it.
      navigateOnDragDrop: false,
      // The spell checker would send typed words (addresses, server names) to a dictionary service.
      spellcheck: false,
      // A middle-click on a link would otherwise open a new window (denied anyway by the open handler).
      disableBlinkFeatures: 'Auxclick',
      // A page that opens dialogs in a loop gets a "prevent more dialogs" checkbox.
      safeDialogs: true,
    },
  };
}
