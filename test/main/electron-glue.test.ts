/**
 * The Electron glue around the pure checks, driven through a mocked `electron` module (the Electron
 * binary cannot run on the build machines, so test/electron/app.test.ts is skipped there):
 * - handle() (src/main/ipc/handle.ts): a subframe, another web contents, a destroyed or missing
 *   window, a gone frame or a foreign page is refused BEFORE the handler runs;
 * - setupWebContentsSecurity: navigation, frame navigation, redirects, <webview>, window.open;
 * - setupPermissions, the CSP header and the request filter (src/main/security.ts).
 * The mock records what the code registers (ipcMain.handle, app.on, contents.on, session
 * handlers) so that the test can call those callbacks the way Electron would.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

const electron = vi.hoisted(() => ({
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  appListeners: new Map<string, Listener[]>(),
  openExternal: vi.fn(async (_url: string) => undefined),
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
      if (electron.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      electron.ipcHandlers.set(channel, fn);
    },
  },
  app: {
    on: (event: string, fn: Listener) => {
      electron.appListeners.set(event, [...(electron.appListeners.get(event) ?? []), fn]);
    },
  },
  shell: { openExternal: electron.openExternal },
}));

const { handle, createEmitter, UNTRUSTED_SENDER_MESSAGE } = await import('../../src/main/ipc/handle');
const { setupWebContentsSecurity, setupPermissions, setupContentSecurityPolicy, setupRequestFilter } =
  await import('../../src/main/security');
const { decodeIpcError } = await import('../../src/shared/ipc-error');
const { CONTENT_SECURITY_POLICY } = await import('../../src/shared/csp');

const INDEX = '/opt/Mailcheck/resources/app.asar/out/renderer/index.html';
const APP_URL = pathToFileURL(INDEX).href;
const origins = { rendererIndexPath: INDEX };

/** A BrowserWindow as handle() sees it: its web contents and whether it was destroyed. */
function fakeWindow() {
  const webContents = { id: 1, send: vi.fn() };
  const state = { destroyed: false };
  return { webContents, isDestroyed: () => state.destroyed, state };
}

type FakeWindow = ReturnType<typeof fakeWindow>;

interface Sender {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

function eventFrom(window: FakeWindow, overrides: Partial<Sender> = {}): Sender {
  return { sender: window.webContents, senderFrame: { url: APP_URL, parent: null }, ...overrides };
}

describe('handle(): the IPC sender check runs before the handler', () => {
  let window: FakeWindow;
  let current: FakeWindow | null;
  const handler = vi.fn(async () => ({ version: '9.9.9' }) as never);

  beforeEach(() => {
    electron.ipcHandlers.clear();
    handler.mockClear();
    window = fakeWindow();
    current = window;
    handle('app:info', handler, { getWindow: () => current as never, origins });
  });

  const invoke = (event: Sender, ...args: unknown[]) => {
    const registered = electron.ipcHandlers.get('app:info');
    if (!registered) throw new Error('app:info was not registered');
    return registered(event, ...args);
  };

  async function expectRefused(event: Sender): Promise<void> {
    const error = await invoke(event).then(
      () => null,
      (e: unknown) => e,
    );
    expect(decodeIpcError(error)).toEqual({
      code: 'UNTRUSTED_SENDER',
      en: UNTRUSTED_SENDER_MESSAGE,
      it: 'Rifiutata: questa richiesta non viene dalla finestra di Mailcheck.',
    });
    expect(handler).not.toHaveBeenCalled();
  }

  it('runs the handler for the main frame of our window showing our page', async () => {
    await expect(invoke(eventFrom(window))).resolves.toEqual({ version: '9.9.9' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('still validates the arguments of a trusted sender', async () => {
    const error = await invoke(eventFrom(window), 'unexpected').catch((e: unknown) => e);
    expect(decodeIpcError(error)?.code).toBe('IPC_INVALID_ARGUMENTS');
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a subframe of our window, even showing our page', async () => {
    await expectRefused(eventFrom(window, { senderFrame: { url: APP_URL, parent: { url: APP_URL } } }));
  });

  it('refuses another web contents (another window or a webview), even showing our page', async () => {
    await expectRefused(eventFrom(window, { sender: { id: 2, send: vi.fn() } }));
  });

  it('refuses a destroyed window', async () => {
    window.state.destroyed = true;
    await expectRefused(eventFrom(window));
  });

  it('refuses when there is no window (before it opens, after it closed)', async () => {
    current = null;
    await expectRefused(eventFrom(window));
  });

  it('refuses a frame that is gone', async () => {
    await expectRefused(eventFrom(window, { senderFrame: null }));
  });

  it('refuses our window showing another page', async () => {
    for (const url of ['https://evil.example/', pathToFileURL('/home/me/Downloads/index.html').href])
      await expectRefused(eventFrom(window, { senderFrame: { url, parent: null } }));
  });
});

describe('createEmitter', () => {
  it('sends to a live window and drops the event when the window is gone or destroyed', () => {
    const window = fakeWindow();
    let current: FakeWindow | null = window;
    const emit = createEmitter(() => current as never);
    emit('probe:progress', { type: 'x' } as never);
    expect(window.webContents.send).toHaveBeenCalledWith('probe:progress', { type: 'x' });
    window.state.destroyed = true;
    emit('probe:progress', { type: 'y' } as never);
    current = null;
    emit('probe:progress', { type: 'z' } as never);
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
  });
});

/** Web contents as setupWebContentsSecurity sees them: listeners and a window-open handler. */
function fakeContents() {
  const listeners = new Map<string, (event: unknown) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    on: (name: string, fn: (event: unknown) => void) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
    /** Raises `name` like Electron; true when the code called preventDefault(). */
    emit(name: string, details: Record<string, unknown> = {}): boolean {
      const fn = listeners.get(name);
      if (!fn) throw new Error(`no ${name} listener`);
      let prevented = false;
      fn({ ...details, preventDefault: () => (prevented = true) });
      return prevented;
    },
    open(url: string) {
      if (!openHandler) throw new Error('no window-open handler');
      return openHandler({ url });
    },
  };
}

describe('setupWebContentsSecurity', () => {
  let contents: ReturnType<typeof fakeContents>;

  beforeEach(() => {
    electron.appListeners.clear();
    electron.openExternal.mockClear();
    setupWebContentsSecurity(origins);
    contents = fakeContents();
    const created = electron.appListeners.get('web-contents-created') ?? [];
    expect(created).toHaveLength(1);
    (created[0] as (event: unknown, contents: unknown) => void)({}, contents);
  });

  it('refuses navigation away from the app, allows a reload of our own page', () => {
    expect(contents.emit('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(contents.emit('will-navigate', { url: pathToFileURL('/tmp/dropped.html').href })).toBe(true);
    expect(contents.emit('will-navigate', { url: 'javascript:alert(1)' })).toBe(true);
    expect(contents.emit('will-navigate', { url: APP_URL })).toBe(false);
  });

  it('refuses frame navigation except our page in the main frame', () => {
    expect(contents.emit('will-frame-navigate', { url: APP_URL, isMainFrame: true })).toBe(false);
    expect(contents.emit('will-frame-navigate', { url: APP_URL, isMainFrame: false })).toBe(true);
    expect(contents.emit('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: true })).toBe(
      true,
    );
  });

  it('refuses every redirect and every <webview>', () => {
    expect(contents.emit('will-redirect', { url: APP_URL })).toBe(true);
    expect(contents.emit('will-attach-webview')).toBe(true);
  });

  it('denies every new window; http(s) links go to the system browser, nothing else does', async () => {
    expect(contents.open('https://learn.microsoft.com/en-us/exchange/')).toEqual({ action: 'deny' });
    expect(contents.open('http://example.com/a b')).toEqual({ action: 'deny' });
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', APP_URL, 'smb://host/share'])
      expect(contents.open(url)).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(electron.openExternal).toHaveBeenCalledTimes(2));
    expect(electron.openExternal.mock.calls.map((c) => c[0])).toEqual([
      'https://learn.microsoft.com/en-us/exchange/',
      'http://example.com/a%20b',
    ]);
  });
});

/** A session as the setup functions see it: the handlers they install. */
function fakeSession() {
  const installed: Record<string, (...args: never[]) => unknown> = {};
  const keep =
    (name: string) =>
    (fn: (...args: never[]) => unknown): void => {
      installed[name] = fn;
    };
  return {
    installed,
    setPermissionRequestHandler: keep('request'),
    setPermissionCheckHandler: keep('check'),
    setDevicePermissionHandler: keep('device'),
    webRequest: { onHeadersReceived: keep('headers'), onBeforeRequest: keep('before') },
  };
}

const call = (fn: ((...args: never[]) => unknown) | undefined, ...args: unknown[]): unknown => {
  if (!fn) throw new Error('handler not installed');
  return (fn as (...a: unknown[]) => unknown)(...args);
};

describe('setupPermissions', () => {
  it('denies every permission request, check and device', () => {
    const session = fakeSession();
    setupPermissions(session as never);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'hid']) {
      const callback = vi.fn();
      call(session.installed.request, {}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(call(session.installed.check, {}, permission, APP_URL)).toBe(false);
    }
    expect(call(session.installed.device, { deviceType: 'usb', origin: APP_URL })).toBe(false);
  });
});

describe('setupContentSecurityPolicy and setupRequestFilter', () => {
  it('adds the CSP header to our documents only', () => {
    const session = fakeSession();
    setupContentSecurityPolicy(session as never, origins);
    const ours = vi.fn();
    call(session.installed.headers, { url: APP_URL, responseHeaders: { 'X-A': ['1'] } }, ours);
    expect(ours).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    const other = vi.fn();
    call(session.installed.headers, { url: 'https://example.com/', responseHeaders: {} }, other);
    expect(other).toHaveBeenCalledExactlyOnceWith({});
  });

  it('cancels every request that is not the app’s own content', () => {
    const session = fakeSession();
    setupRequestFilter(session as never, origins);
    const decide = (url: string): unknown => {
      const callback = vi.fn();
      call(session.installed.before, { url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide(pathToFileURL(join(INDEX, '..', 'assets', 'index.js')).href)).toEqual({ cancel: false });
    expect(decide('https://cdn.example/x.js')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
  });
});
