/**
 * Mailcheck's main process. Each concern lives in its own module with a setupX() called here:
 * single instance, security rules, window state, IPC.
 */
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { createKeychainStore } from '../engine/credentials';
import { createOAuthService } from '../engine/oauth';
import { createMainHandlers } from './handlers';
import { createEmitter, setupIpc } from './ipc/handle';
import type { TrustedOrigins } from './ipc/trusted-sender';
import { electronDeps, profilesFileInUserData, readExtraCa } from './app-deps';
import { discoveryFromEnv } from './discovery-env';
import {
  setupContentSecurityPolicy,
  setupPermissions,
  setupRequestFilter,
  setupWebContentsSecurity,
  openInBrowser,
} from './security';
import { setupSingleInstance } from './single-instance';
import { getWindowOptions } from './window-options';
import { restoreWindowState, setupWindowState } from './window-state';

const PRELOAD_PATH = join(__dirname, '../preload/index.js');
const RENDERER_INDEX = join(__dirname, '../renderer/index.html');
const ICON_PATH = join(__dirname, '../../resources/icon.png');
/** Set by `electron-vite dev` only; a packaged app always loads its own files. */
const DEV_SERVER_URL = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;

const origins: TrustedOrigins = {
  rendererIndexPath: RENDERER_INDEX,
  ...(DEV_SERVER_URL ? { devServerUrl: DEV_SERVER_URL } : {}),
};

let mainWindow: BrowserWindow | null = null;
const getWindow = (): BrowserWindow | null => mainWindow;

function createMainWindow(): BrowserWindow {
  const { bounds, maximized } = restoreWindowState();
  const options = getWindowOptions({ preloadPath: PRELOAD_PATH, bounds, iconPath: ICON_PATH });
  // Electronegativity cannot see into getWindowOptions(): sandbox, contextIsolation and the
  // Auxclick blink feature are set there, and test/main/security-pure.test.ts asserts them.
  const window = new BrowserWindow(options); // eng-disable SANDBOX_JS_CHECK CONTEXT_ISOLATION_JS_CHECK AUXCLICK_JS_CHECK
  setupWindowState(window);
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  if (DEV_SERVER_URL) void window.loadURL(DEV_SERVER_URL);
  else void window.loadFile(RENDERER_INDEX);
  return window;
}

function main(): void {
  if (!setupSingleInstance(getWindow)) {
    app.quit();
    return;
  }
  // Every renderer sandboxed, whatever its options say.
  app.enableSandbox();
  setupWebContentsSecurity(origins);

  void app.whenReady().then(() => {
    setupPermissions(session.defaultSession);
    setupRequestFilter(session.defaultSession, origins);
    setupContentSecurityPolicy(session.defaultSession, origins);

    const credentials = createKeychainStore();
    const handlers = createMainHandlers({
      profilesFile: profilesFileInUserData(),
      credentials,
      emit: createEmitter(getWindow),
      ...electronDeps(getWindow),
      caPem: readExtraCa(),
      oauth: createOAuthService({ store: credentials, openBrowser: openInBrowser }),
      discovery: discoveryFromEnv(process.env),
    });
    setupIpc(handlers, { getWindow, origins });

    mainWindow = createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

main();
