/**
 * The structured, bilingual error an IPC call failed with, decoded as the renderer decodes it
 * (src/shared/ipc-error.ts). Fails the test when the call succeeded or carried no payload.
 */
import { decodeIpcError, type IpcErrorPayload } from '../../src/shared/ipc-error';

export async function ipcFailure(call: Promise<unknown>): Promise<IpcErrorPayload> {
  let error: unknown;
  try {
    await call;
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) throw new Error('The IPC call succeeded; a failure was expected.');
  const payload = decodeIpcError(error);
  if (!payload) throw new Error(`The IPC error carried no structured payload: ${String(error)}`);
  return payload;
}
