/**
 * window.api, built from a minimal ipcRenderer-like object so that the channel checks can be tested
 * without Electron. Dependency-free apart from the shared IPC contract (the preload is sandboxed
 * and bundled).
 */
import type { MailcheckApi } from '../shared/api';
import { IPC_CHANNELS, IPC_EVENT_CHANNELS } from '../shared/ipc';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const INVOKE_CHANNELS: ReadonlySet<string> = new Set(IPC_CHANNELS);
const EVENT_CHANNELS: ReadonlySet<string> = new Set(IPC_EVENT_CHANNELS);

export function createBridgeApi(ipc: IpcRendererLike): MailcheckApi {
  return Object.freeze({
    invoke(channel, ...args) {
      if (!INVOKE_CHANNELS.has(channel)) {
        return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
      }
      return ipc.invoke(channel, ...args) as never;
    },
    on(channel, listener) {
      if (!EVENT_CHANNELS.has(channel)) throw new Error(`Unknown event channel: ${String(channel)}`);
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
      // The IpcRendererEvent (with its sender) is never passed to the page, only the payload.
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload as never);
      ipc.on(channel, wrapped);
      return () => {
        ipc.removeListener(channel, wrapped);
      };
    },
  } satisfies MailcheckApi);
}
