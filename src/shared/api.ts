import type { IpcArgs, IpcChannel, IpcEventChannel, IpcEvents, IpcResult } from './ipc';

/**
 * What the preload bridge exposes as `window.api`: exactly the contract's channels, nothing else.
 * The end-to-end tests provide the same shape from Playwright, wired to the real main handlers.
 */
export interface MailcheckApi {
  invoke<C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>>;
  on<E extends IpcEventChannel>(channel: E, listener: (payload: IpcEvents[E]) => void): () => void;
}
