/**
 * The only place (with the preload) that touches ipcMain: every channel goes through handle(),
 * which checks the sender, validates the arguments (parseArgs) and makes errors safe to send.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import {
  IPC_CHANNELS,
  type IpcArgs,
  type IpcChannel,
  type IpcEventChannel,
  type IpcEvents,
  type IpcResult,
} from '../../shared/ipc';
import { encodeIpcError } from '../../shared/ipc-error';
import type { MainHandlers } from '../handlers';
import { invokeValidated } from './dispatch';
import { isTrustedSender, type TrustedOrigins } from './trusted-sender';

export const UNTRUSTED_SENDER_MESSAGE = 'Refused: this request did not come from the Mailcheck window.';
const UNTRUSTED_SENDER_MESSAGE_IT = 'Rifiutata: questa richiesta non viene dalla finestra di Mailcheck.';

export interface IpcContext {
  /** The app's main window, or null before it exists / after it closed. */
  getWindow: () => BrowserWindow | null;
  origins: TrustedOrigins;
}

function senderIsTrusted(event: IpcMainInvokeEvent, context: IpcContext): boolean {
  const frame = event.senderFrame;
  const window = context.getWindow();
  return isTrustedSender(
    frame?.url,
    frame !== null && frame.parent === null,
    window !== null && !window.isDestroyed() && event.sender === window.webContents,
    context.origins,
  );
}

/** Registers one channel: sender check, argument validation, safe errors. */
export function handle<C extends IpcChannel>(
  channel: C,
  fn: (...args: IpcArgs<C>) => Promise<IpcResult<C>>,
  context: IpcContext,
): void {
  ipcMain.handle(channel, async (event, ...rawArgs: unknown[]) => {
    if (!senderIsTrusted(event, context)) {
      throw new Error(
        encodeIpcError({
          code: 'UNTRUSTED_SENDER',
          en: UNTRUSTED_SENDER_MESSAGE,
          it: UNTRUSTED_SENDER_MESSAGE_IT,
        }),
      );
    }
    return invokeValidated(channel, fn, rawArgs);
  });
}

/** Registers every channel of the contract. */
export function setupIpc(handlers: MainHandlers, context: IpcContext): void {
  for (const channel of IPC_CHANNELS) {
    handle(channel, handlers[channel] as (...args: IpcArgs<typeof channel>) => Promise<never>, context);
  }
}

/** Sends an event to our window (dropped when it is gone). */
export function createEmitter(getWindow: () => BrowserWindow | null) {
  return <E extends IpcEventChannel>(channel: E, payload: IpcEvents[E]): void => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(channel, payload);
  };
}
