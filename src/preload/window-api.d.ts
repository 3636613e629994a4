import type { MailcheckApi } from '../shared/api';

declare global {
  interface Window {
    /** The preload bridge (src/preload/index.ts): the renderer's only way to the main process. */
    api: MailcheckApi;
  }
}

export {};
