/**
 * Remembers the main window's size and position in userData/window-state.json and restores them,
 * fitted to the displays present now (window-bounds.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, screen, type BrowserWindow, type Rectangle } from 'electron';
import { writeFileAtomic } from '../engine/profiles/atomic-write';
import {
  DEFAULT_WINDOW_HEIGHT,
  DEFAULT_WINDOW_WIDTH,
  MIN_WINDOW_HEIGHT,
  MIN_WINDOW_WIDTH,
} from './window-options';
import { clampToDisplays, parseWindowState, type WindowState } from './window-bounds';

const STATE_FILE = 'window-state.json';

function stateFile(): string {
  return join(app.getPath('userData'), STATE_FILE);
}

function readSavedState(): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(stateFile(), 'utf8')));
  } catch {
    return null; // first start, or an unreadable file: use the defaults
  }
}

/** Bounds and maximized flag to open the window with. Call after app ready (screen needs it). */
export function restoreWindowState(): { bounds: Rectangle; maximized: boolean } {
  const saved = readSavedState();
  const primary = screen.getPrimaryDisplay();
  const workAreas = [
    primary.workArea,
    ...screen
      .getAllDisplays()
      .filter((d) => d.id !== primary.id)
      .map((d) => d.workArea),
  ];
  const bounds = clampToDisplays(
    saved?.bounds ?? null,
    workAreas,
    { width: DEFAULT_WINDOW_WIDTH, height: DEFAULT_WINDOW_HEIGHT },
    { width: MIN_WINDOW_WIDTH, height: MIN_WINDOW_HEIGHT },
  );
  return { bounds, maximized: saved?.maximized ?? false };
}

/** Saves the window's normal (un-maximized) bounds when it closes. */
export function setupWindowState(window: BrowserWindow): void {
  window.on('close', () => {
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    void writeFileAtomic(stateFile(), JSON.stringify(state)).catch(() => undefined);
  });
}
