/** The Electron side of MainDeps: dialogs, clipboard, browser, app facts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, clipboard, dialog, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { AppInfo } from '../shared/ipc';
import { distributionClientId } from '../engine/oauth/distribution';
import type { MainDeps } from './handlers';
import { openInBrowser } from './security';

/** Extra CA certificates for private servers: a PEM file named by this variable (also used by e2e tests). */
export const EXTRA_CA_ENV = 'MAILCHECK_CA_FILE';

export function profilesFileInUserData(): string {
  return join(app.getPath('userData'), 'profiles.json');
}

/** Set by electron.vite.config.ts from MAILCHECK_MS_CLIENT_ID at build time (absent in tests). */
declare const __MAILCHECK_BAKED_MS_CLIENT_ID__: string | undefined;

/** Read once: the distribution's client id does not change while the app runs. */
let msClientId: string | null | undefined;

function configuredClientId(): string | null {
  if (msClientId === undefined) {
    const bakedIn =
      typeof __MAILCHECK_BAKED_MS_CLIENT_ID__ === 'string' ? __MAILCHECK_BAKED_MS_CLIENT_ID__ : undefined;
    msClientId =
      distributionClientId({ bakedIn, onProblem: (message) => console.error(message) })?.clientId ?? null;
  }
  return msClientId;
}

export function appInfo(): AppInfo {
  const clientId = configuredClientId();
  return {
    version: app.getVersion(),
    locale: app.getLocale().toLowerCase().startsWith('it') ? 'it' : 'en',
    platform: process.platform,
    ...(clientId ? { msClientId: clientId } : {}),
  };
}

export function readExtraCa(): string | undefined {
  const file = process.env[EXTRA_CA_ENV];
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    console.error(`${EXTRA_CA_ENV} names a file that cannot be read; ignoring it.`);
    return undefined;
  }
}

export function electronDeps(
  getWindow: () => BrowserWindow | null,
): Pick<MainDeps, 'saveReport' | 'writeClipboard' | 'openExternal' | 'appInfo'> {
  return {
    async saveReport(suggestedName, text) {
      const window = getWindow();
      const options = {
        title: 'Save report',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [
          { name: 'Markdown', extensions: ['md'] },
          { name: 'Text', extensions: ['txt'] },
        ],
      };
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false };
      await writeFile(choice.filePath, text, 'utf8');
      return { saved: true, path: choice.filePath };
    },
    async writeClipboard(text) {
      clipboard.writeText(text);
    },
    openExternal: openInBrowser,
    appInfo,
  };
}
