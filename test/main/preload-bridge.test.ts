import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createBridgeApi, type IpcRendererLike } from '../../src/preload/bridge';
import type { ProbeEvent } from '../../src/shared/probe-types';

/** Electron cannot run here: an EventEmitter stands in for ipcRenderer's channel plumbing. */
function fakeIpc(): IpcRendererLike & { invoked: unknown[][]; emitter: EventEmitter } {
  const emitter = new EventEmitter();
  const invoked: unknown[][] = [];
  return {
    invoked,
    emitter,
    invoke: async (channel, ...args) => {
      invoked.push([channel, ...args]);
      return 'ok';
    },
    on: (channel, listener) => emitter.on(channel, listener),
    removeListener: (channel, listener) => emitter.removeListener(channel, listener),
  };
}

describe('preload bridge', () => {
  it('forwards contract channels and rejects any other', async () => {
    const ipc = fakeIpc();
    const api = createBridgeApi(ipc);
    await expect(api.invoke('probe:cancel', 'run-1')).resolves.toBe('ok');
    const untypedInvoke = api.invoke as (channel: string) => Promise<unknown>;
    await expect(untypedInvoke('shell:open')).rejects.toThrow(/Unknown channel/);
    await expect(untypedInvoke('probe:progress')).rejects.toThrow(/Unknown channel/);
    expect(ipc.invoked).toEqual([['probe:cancel', 'run-1']]);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('subscribes only to event channels, passes only the payload, and unsubscribes', () => {
    const ipc = fakeIpc();
    const api = createBridgeApi(ipc);
    const received: unknown[][] = [];
    const off = api.on('probe:progress', (...args) => received.push(args));
    const event: ProbeEvent = { type: 'step-start', id: 'dns' };
    ipc.emitter.emit('probe:progress', { sender: 'IpcRendererEvent' }, { runId: 'r', event });
    off();
    ipc.emitter.emit('probe:progress', {}, { runId: 'r', event });
    expect(received).toEqual([[{ runId: 'r', event }]]);
    expect(ipc.emitter.listenerCount('probe:progress')).toBe(0);
    expect(() => api.on('app:info' as never, () => undefined)).toThrow(/Unknown event channel/);
  });
});
