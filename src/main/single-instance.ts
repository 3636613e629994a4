/**
 * One Mailcheck at a time: a second launch focuses the existing window instead of opening another
 * one that would race on the same profiles file.
 */
import { app, type BrowserWindow } from 'electron';

/** Returns false when another instance already runs (this one should quit). */
export function setupSingleInstance(getWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const window = getWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
