/**
 * The preload: the only bridge between the sandboxed page and the main process. It exposes
 * exactly window.api (src/shared/api.ts), with the contract's channels and nothing else; the raw
 * ipcRenderer never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridgeApi } from './bridge';

contextBridge.exposeInMainWorld('api', createBridgeApi(ipcRenderer));
