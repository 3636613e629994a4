/**
 * One IPC call from untrusted arguments to a safe answer: validate with parseArgs, run the
 * handler, turn any failure into an error fit for the renderer. Electron-free, so tests exercise
 * exactly what the app runs (handle.ts adds only the sender check around it).
 */
import type { IpcArgs, IpcChannel, IpcResult } from '../../shared/ipc';
import { isUserFacing, toIpcError, type MainHandlers } from '../handlers';
import { parseArgs } from './schemas';

export async function invokeValidated<C extends IpcChannel>(
  channel: C,
  fn: (...args: IpcArgs<C>) => Promise<IpcResult<C>>,
  rawArgs: unknown[],
): Promise<IpcResult<C>> {
  try {
    return await fn(...parseArgs(channel, rawArgs));
  } catch (error) {
    if (!isUserFacing(error)) {
      // Only the error's kind is logged: its message could, in theory, quote user input.
      console.error(
        `IPC ${channel} failed unexpectedly:`,
        error instanceof Error ? error.name : typeof error,
      );
    }
    throw toIpcError(error);
  }
}

export function dispatch<C extends IpcChannel>(
  handlers: MainHandlers,
  channel: C,
  rawArgs: unknown[],
): Promise<IpcResult<C>> {
  return invokeValidated(
    channel,
    handlers[channel] as (...args: IpcArgs<C>) => Promise<IpcResult<C>>,
    rawArgs,
  );
}
