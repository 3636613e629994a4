import type { MailcheckApi } from '../../src/shared/api';
import type { IpcArgs, IpcChannel, IpcEventChannel, IpcEvents, IpcResult } from '../../src/shared/ipc';
import { encodeIpcError, type IpcErrorPayload } from '../../src/shared/ipc-error';

/**
 * A recording stand-in for window.api in component tests (happy-dom has no main process). The
 * end-to-end tests use the real main handlers instead; here only the renderer's side is under test.
 */
export type Handlers = { [C in IpcChannel]?: (...args: IpcArgs<C>) => Promise<IpcResult<C>> | IpcResult<C> };

export interface FakeApi extends MailcheckApi {
  calls: { channel: IpcChannel; args: unknown[] }[];
  emit<E extends IpcEventChannel>(channel: E, payload: IpcEvents[E]): void;
}

export function createFakeApi(handlers: Handlers): FakeApi {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const calls: FakeApi['calls'] = [];
  return {
    calls,
    async invoke(channel, ...args) {
      calls.push({ channel, args });
      const handler = handlers[channel] as ((...a: unknown[]) => unknown) | undefined;
      if (!handler) throw new Error(`no fake handler for ${channel}`);
      return (await handler(...args)) as never;
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(channel, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    emit(channel, payload) {
      for (const l of listeners.get(channel) ?? []) (l as (p: typeof payload) => void)(payload);
    },
  };
}

/** What Electron's invoke() rejects with when main throws toIpcError(…): the payload behind its prefix. */
export function ipcError(channel: IpcChannel, payload: IpcErrorPayload): Error {
  return new Error(`Error invoking remote method '${channel}': Error: ${encodeIpcError(payload)}`);
}
