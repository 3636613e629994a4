/** The Electron side of MainDeps: dialogs, clipboard, browser, app facts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, clipboard, dialog, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { AppInfo } from '../shared/ipc';
import type { MainDeps } from './handlers';
import { openInBrowser } from './security';

/** Extra CA certificates for private servers: a PEM file named by this variable (also used by e2e tests). */
export const EXTRA_CA_ENV = 'MAILCHECK_CA_FILE';

export function profilesFileInUserData(): string {
  return join(app.getPath('userData'), 'profiles.json');
}

export function appInfo(): AppInfo {
  return {
    version: app.getVersion(),
    locale: app.getLocale().toLowerCase().startsWith('it') ? 'it' : 'en',
    platform: process.platform,
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
