/**
 * The main handlers end to end, minus Electron: dispatch() (parseArgs + handler + safe errors)
 * against a real smtp-server on loopback (STARTTLS with a test CA), the real keychain (run inside
 * scripts/with-keyring.sh) and a real profiles file.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSameSecret } from '../credentials/expect-secret';
import { createKeychainStore } from '../../src/engine/credentials';
import {
  createMainHandlers,
  UNEXPECTED_ERROR_MESSAGE,
  UNEXPECTED_ERROR_MESSAGE_IT,
  type MainDeps,
  type MainOAuth,
} from '../../src/main/handlers';
import { dispatch } from '../../src/main/ipc/dispatch';
import { IPC_CHANNELS, type IpcChannel, type IpcEvents } from '../../src/shared/ipc';
import { createTestPki, removeTestPki, type TestPki } from '../support/pki';
import { ipcFailure } from './ipc-failure';
import { startRecordingSmtp, type RecordingSmtp } from './recording-smtp';

const USER = 'tester@example.test';
const PASSWORD = `Correct-Horse-${process.pid}`;
const RUN = `h${process.pid}-${Date.now()}`;
const SERVER_TIMEOUT_MS = 5_000;

let pki: TestPki;
let smtp: SMTPServer;
let smtpPort: number;
let hanging: Server;
let hangingPort: number;
const hangingSockets = new Set<Socket>();
let dir: string;
/** A second server, reached as "localhost": where a leaked saved secret would arrive. */
let elsewhere: RecordingSmtp;
const credentials = createKeychainStore();
const profileNames: string[] = [];
const receivedPasswords: string[] = [];
const receivedTokens: string[] = [];
const ACCESS_TOKEN = `access-token-${process.pid}`;

interface Recorder {
  deps: MainDeps;
  events: Array<IpcEvents['probe:progress']>;
  opened: string[];
  clipboard: string[];
  reports: Array<{ name: string; text: string }>;
}

function recorder(overrides: Partial<MainDeps> = {}): Recorder {
  const r: Recorder = { events: [], opened: [], clipboard: [], reports: [], deps: undefined as never };
  r.deps = {
    profilesFile: join(dir, `profiles-${Math.random().toString(36).slice(2)}.json`),
    credentials,
    caPem: pki.ca.cert,
    emit: (channel, payload) => {
      if (channel === 'probe:progress') r.events.push(payload as IpcEvents['probe:progress']);
    },
    saveReport: async (name, text) => {
      r.reports.push({ name, text });
      return { saved: true, path: join(dir, name) };
    },
    writeClipboard: async (text) => {
      r.clipboard.push(text);
    },
    openExternal: async (url) => {
      r.opened.push(url);
    },
    appInfo: () => ({ version: '0.1.0', locale: 'it', platform: process.platform }),
    ...overrides,
  };
  return r;
}

function call<C extends IpcChannel>(r: Recorder, channel: C, ...args: unknown[]) {
  return dispatch(createHandlersFor(r), channel, args);
}
const handlersByRecorder = new WeakMap<Recorder, ReturnType<typeof createMainHandlers>>();
function createHandlersFor(r: Recorder) {
  let h = handlersByRecorder.get(r);
  if (!h) {
    h = createMainHandlers(r.deps);
    handlersByRecorder.set(r, h);
  }
  return h;
}

function profileName(base: string): string {
  const name = `${base}-${RUN}`;
  profileNames.push(name);
  return name;
}

const request = (auth?: { method: 'password'; user: string; password: string }) => ({
  host: '127.0.0.1',
  port: smtpPort,
  security: 'starttls' as const,
  timeoutMs: SERVER_TIMEOUT_MS,
  ...(auth ? { auth } : {}),
});

beforeAll(async () => {
  const status = await credentials.status();
  if (!status.available) throw new Error(`Run inside scripts/with-keyring.sh: ${status.reason}`);
  dir = await mkdtemp(join(tmpdir(), 'mailcheck-handlers-'));
  pki = await createTestPki();
  smtp = new SMTPServer({
    key: pki.server.key,
    cert: pki.server.cert,
    authMethods: ['PLAIN', 'LOGIN', 'XOAUTH2'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.method === 'XOAUTH2') {
        receivedTokens.push(auth.accessToken ?? '');
        if (auth.username === USER && auth.accessToken === ACCESS_TOKEN) callback(null, { user: USER });
        else callback(null, { data: { status: '401', schemes: 'bearer' } });
        return;
      }
      receivedPasswords.push(auth.password ?? '');
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else
        callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as { port: number }).port;
  // A server that accepts connections and never says a word: a probe against it waits until cancelled.
  hanging = createServer((socket) => {
    hangingSockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  hangingPort = (hanging.address() as { port: number }).port;
  elsewhere = await startRecordingSmtp();
});

afterAll(async () => {
  for (const name of profileNames) await credentials.delete(name).catch(() => undefined);
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  for (const s of hangingSockets) s.destroy();
  await new Promise<void>((resolve) => hanging?.close(() => resolve()));
  await elsewhere?.stop();
  if (pki) await removeTestPki(pki);
  await rm(dir, { recursive: true, force: true });
});

describe('probe:run', () => {
  it('runs a real test, streams every step and saves the profile and password (saveAs)', async () => {
    const r = recorder();
    const name = profileName('Saved');
    const result = await call(r, 'probe:run', {
      runId: 'run-ok',
      request: request({ method: 'password', user: USER, password: PASSWORD }),
      saveAs: name,
    });
    expect(result.ok, JSON.stringify(result.diagnosis)).toBe(true);
    expect(result.cancelled).toBe(false);
    expect(result.tls?.trusted).toBe(true); // deps.caPem reached the engine
    expect(r.events.every((e) => e.runId === 'run-ok')).toBe(true);
    const ended = r.events
      .filter((e) => e.event.type === 'step-end')
      .map((e) => (e.event as { step: { id: string } }).step.id);
    expect(ended).toEqual(result.steps.map((s) => s.id));
    const started = r.events
      .filter((e) => e.event.type === 'step-start')
      .map((e) => (e.event as { id: string }).id);
    expect(started.length).toBeGreaterThanOrEqual(5);
    for (const id of started) expect(ended).toContain(id);

    const { profiles } = (await call(r, 'profiles:list')) as unknown as {
      profiles: Array<Record<string, unknown>>;
    };
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({
      name,
      host: '127.0.0.1',
      port: smtpPort,
      security: 'starttls',
      user: USER,
      authMethod: 'password',
      lastResult: { ok: true, diagnosisId: null },
    });
    expect(await readFile(r.deps.profilesFile, 'utf8')).not.toContain(PASSWORD);
    expectSameSecret(await credentials.read(name), PASSWORD);
  });

  it('uses the password saved in the keychain for profileName, and records lastResult', async () => {
    const r = recorder();
    const name = profileName('FromKeychain');
    await savePasswordProfile(r, name);
    receivedPasswords.length = 0;
    const result = await call(r, 'probe:run', {
      runId: 'run-saved',
      request: request(),
      profileName: name,
    });
    expect(result.ok, JSON.stringify(result.diagnosis)).toBe(true);
    expect(receivedPasswords).toHaveLength(1);
    expectSameSecret(receivedPasswords[0] ?? null, PASSWORD);
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
    const { profiles } = (await call(r, 'profiles:list')) as {
      profiles: Array<{ lastResult?: { ok: boolean } }>;
    };
    expect(profiles[0]?.lastResult?.ok).toBe(true);
  });

  it('gets an OAuth token in main through deps.oauth.tokenProvider for an oauth2 profile', async () => {
    const providerCalls: unknown[] = [];
    const r = recorder({
      oauth: {
        signIn: async () => ({ user: USER }),
        cancelSignIn: () => undefined,
        signOut: async () => undefined,
        tokenProvider: (profile, settings) => {
          providerCalls.push([profile, settings]);
          return async () => ACCESS_TOKEN;
        },
      },
    });
    const name = profileName('OAuth');
    const oauth = { clientId: '11111111-2222-3333-4444-555555555555', tenant: 'consumers' };
    await saveLocalProfile(r, name, { authMethod: 'oauth2', oauth });
    receivedTokens.length = 0;
    const result = await call(r, 'probe:run', {
      runId: 'run-oauth',
      request: request(),
      profileName: name,
    });
    expect(result.ok, JSON.stringify(result.diagnosis)).toBe(true);
    expect(result.request.authMethod).toBe('oauth2');
    expect(providerCalls).toEqual([[name, oauth]]);
    expect(receivedTokens).toHaveLength(1);
    expectSameSecret(receivedTokens[0] ?? null, ACCESS_TOKEN);
    expect(JSON.stringify(result).includes(ACCESS_TOKEN)).toBe(false);
  });

  it('reports a wrong password as a failed step with a diagnosis, not an error', async () => {
    const r = recorder();
    const result = await call(r, 'probe:run', {
      runId: 'run-bad',
      request: request({ method: 'password', user: USER, password: 'wrong-password' }),
    });
    expect(result.ok).toBe(false);
    expect(result.steps.find((s) => s.id === 'auth')?.status).toBe('fail');
    expect(result.diagnosis?.step).toBe('auth');
  });

  it('cancels a running test through probe:cancel', async () => {
    const r = recorder();
    const handlers = createHandlersFor(r);
    const started = Date.now();
    const running = dispatch(handlers, 'probe:run', [
      {
        runId: 'run-hang',
        request: { host: '127.0.0.1', port: hangingPort, security: 'starttls', timeoutMs: 60_000 },
      },
    ]);
    // Cancel once the connection is open and the probe waits for the greeting.
    await expect.poll(() => hangingSockets.size, { timeout: SERVER_TIMEOUT_MS }).toBeGreaterThan(0);
    await expect(
      dispatch(handlers, 'probe:run', [
        { runId: 'run-hang', request: { host: '127.0.0.1', port: hangingPort, security: 'none' } },
      ]),
    ).rejects.toThrow(/already running/);
    await dispatch(handlers, 'probe:cancel', ['run-hang']);
    const result = await running;
    expect(result.cancelled).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Cancelling an unknown or finished run is harmless.
    await expect(dispatch(handlers, 'probe:cancel', ['run-hang'])).resolves.toBeUndefined();
  });

  it('refuses a profileName without a saved password, with a readable message', async () => {
    const r = recorder();
    const name = profileName('NoSecret');
    await saveLocalProfile(r, name, { updatedAt: 'x' });
    expect(
      await ipcFailure(call(r, 'probe:run', { runId: 'r1', request: request(), profileName: name })),
    ).toEqual({
      code: 'NO_SAVED_PASSWORD',
      en: `No password is saved for the profile "${name}". Type it and test again.`,
      it: `Nessuna password salvata per il profilo "${name}". Scrivila e ripeti la prova.`,
    });
    expect(
      await ipcFailure(call(r, 'probe:run', { runId: 'r2', request: request(), profileName: 'Missing' })),
    ).toEqual({
      code: 'PROFILE_NOT_FOUND',
      en: 'There is no saved profile named "Missing".',
      it: 'Non esiste un profilo salvato con il nome "Missing".',
    });
  });

  it("passes the engine's input errors through, without the secret", async () => {
    const r = recorder();
    const failure = await ipcFailure(
      call(r, 'probe:run', {
        runId: 'r3',
        request: {
          ...request({ method: 'password', user: USER, password: 'Secret-In-Request' }),
          send: { from: 'not-an-address', to: 'x@y.z' },
        },
      }),
    );
    expect(failure.code).toBe('PROBE_INPUT');
    expect(failure.en).toMatch(/address/i);
    expect(failure.it).not.toBe(failure.en);
    expect(failure.it).toMatch(/indirizzo/i);
    expect(JSON.stringify(failure)).not.toContain('Secret-In-Request');
  });
});

/**
 * Saves a profile for the main test server (127.0.0.1) through the IPC channel: a password
 * profile unless `overrides` say otherwise, with `password` in the keychain when one is given.
 */
async function saveLocalProfile(
  r: Recorder,
  name: string,
  overrides: Record<string, unknown> = {},
  password?: string,
) {
  await call(r, 'profiles:save', {
    profile: {
      name,
      host: '127.0.0.1',
      port: smtpPort,
      security: 'starttls',
      user: USER,
      authMethod: 'password',
      updatedAt: new Date().toISOString(),
      ...overrides,
    },
    ...(password !== undefined ? { password } : {}),
  });
}

/** A password profile for the main test server, with PASSWORD saved in the keychain. */
async function savePasswordProfile(r: Recorder, name: string, overrides: Record<string, unknown> = {}) {
  await saveLocalProfile(r, name, overrides, PASSWORD);
}

describe('a saved secret only goes to the server it was saved for', () => {
  it('the other server is reachable: a typed password does arrive there', async () => {
    const before = elsewhere.authUsers.length;
    const result = await call(recorder(), 'probe:run', {
      runId: 'elsewhere-typed',
      request: {
        host: 'localhost',
        port: elsewhere.port,
        security: 'none',
        allowPlaintextAuth: true,
        timeoutMs: SERVER_TIMEOUT_MS,
        auth: { method: 'password', user: 'someone@else.test', password: 'typed-on-purpose' },
      },
    });
    expect(result.ok, JSON.stringify(result.diagnosis)).toBe(true);
    expect(elsewhere.authUsers.slice(before)).toEqual(['someone@else.test']);
  });

  it('refuses to send the saved password to another host, in both languages, and sends nothing', async () => {
    const r = recorder();
    const name = profileName('Bound');
    await savePasswordProfile(r, name);
    const connections = elsewhere.connections;
    const auths = elsewhere.authUsers.length;
    for (const host of ['localhost', 'LOCALHOST.']) {
      const failure = await ipcFailure(
        call(r, 'probe:run', {
          runId: `mismatch-${host.length}`,
          request: {
            host,
            port: elsewhere.port,
            security: 'none',
            allowPlaintextAuth: true,
            timeoutMs: SERVER_TIMEOUT_MS,
          },
          profileName: name,
        }),
      );
      expect(failure).toEqual({
        code: 'SAVED_SECRET_HOST_MISMATCH',
        en: 'The saved password belongs to 127.0.0.1; type the password to test another server.',
        it: 'La password salvata appartiene a 127.0.0.1; scrivi la password per provare un altro server.',
      });
    }
    expect(elsewhere.connections).toBe(connections);
    expect(elsewhere.authUsers.length).toBe(auths);
    expect(r.events).toEqual([]);
  });

  it('refuses the saved secret for another user name on the same host', async () => {
    const providerCalls: string[] = [];
    const oauth: MainOAuth = {
      signIn: async () => ({ user: USER }),
      cancelSignIn: () => undefined,
      signOut: async () => undefined,
      tokenProvider: (profile) => {
        providerCalls.push(profile);
        return async () => ACCESS_TOKEN;
      },
    };
    const r = recorder({ oauth });
    const name = profileName('BoundUser');
    await saveLocalProfile(r, name, { authMethod: 'oauth2', oauth: { clientId: 'c', tenant: 'consumers' } });
    receivedTokens.length = 0;
    const failure = await ipcFailure(
      call(r, 'probe:run', {
        runId: 'other-user',
        request: { ...request(), auth: { method: 'oauth2', user: 'mallory@example.test' } },
        profileName: name,
      }),
    );
    expect(failure.code).toBe('SAVED_SECRET_HOST_MISMATCH');
    expect(failure.en).toBe(
      `The saved Microsoft sign-in belongs to ${USER} on 127.0.0.1; sign in again to test another account.`,
    );
    expect(failure.it).toMatch(/^L'accesso Microsoft salvato appartiene a /);
    expect(providerCalls).toEqual([]);
    expect(receivedTokens).toEqual([]);
    // The same user in other letter case is the same account.
    const result = await call(r, 'probe:run', {
      runId: 'same-user',
      request: { ...request(), auth: { method: 'oauth2', user: USER.toUpperCase() } },
      profileName: name,
    });
    expect(result.steps.find((s) => s.id === 'auth')?.status).toBe('pass');
  });

  it('accepts the same host in other letter case or with a final dot, and another port', async () => {
    const r = recorder();
    const name = profileName('SameHost');
    await savePasswordProfile(r, name, { host: 'LocalHost.', port: hangingPort });
    receivedPasswords.length = 0;
    const result = await call(r, 'probe:run', {
      runId: 'same-host',
      request: { ...request(), host: 'localhost' },
      profileName: name,
    });
    expect(result.ok, JSON.stringify(result.diagnosis)).toBe(true);
    expect(receivedPasswords).toHaveLength(1);
    expectSameSecret(receivedPasswords[0] ?? null, PASSWORD);
  });

  it('never sends the saved password without TLS unless the request allows it', async () => {
    const r = recorder();
    const name = profileName('NoDowngrade');
    await savePasswordProfile(r, name);
    const auths = elsewhere.authUsers.length;
    const result = await call(r, 'probe:run', {
      runId: 'downgrade',
      request: { host: '127.0.0.1', port: elsewhere.port, security: 'none', timeoutMs: SERVER_TIMEOUT_MS },
      profileName: name,
    });
    expect(result.ok).toBe(false);
    expect(result.diagnosis?.id).toBe('auth.plaintext-refused');
    expect(elsewhere.authUsers.length).toBe(auths);
  });

  it('moving a profile to another host drops its saved secrets; another port keeps them', async () => {
    const r = recorder();
    const name = profileName('Moved');
    await savePasswordProfile(r, name);
    await credentials.save(name, 'refresh-for-old-host', 'oauth-refresh');
    const base = {
      name,
      host: '127.0.0.1',
      port: smtpPort + 1,
      security: 'starttls',
      user: USER,
      authMethod: 'password',
      updatedAt: 'now',
    };
    expect(await call(r, 'profiles:save', { profile: base })).toEqual({ savedSecret: false });
    expectSameSecret(await credentials.read(name), PASSWORD);
    await call(r, 'profiles:save', { profile: { ...base, host: 'localhost', port: elsewhere.port } });
    expect(await credentials.read(name)).toBeNull();
    expect(await credentials.read(name, 'oauth-refresh')).toBeNull();
    const connections = elsewhere.connections;
    const failure = await ipcFailure(
      call(r, 'probe:run', {
        runId: 'moved',
        request: { host: 'localhost', port: elsewhere.port, security: 'none', allowPlaintextAuth: true },
        profileName: name,
      }),
    );
    expect(failure.code).toBe('NO_SAVED_PASSWORD');
    expect(elsewhere.connections).toBe(connections);
  });
});

describe('saving without the keychain (savePassword)', () => {
  /** A real keychain store whose Secret Service is absent, as on a Linux without D-Bus. */
  const noKeychain = () =>
    createKeychainStore({
      loadKeytar: () => Promise.reject(new Error('Could not connect: No such file or directory')),
    });

  it('with savePassword false saves the settings only and never the password', async () => {
    const r = recorder();
    const name = profileName('SettingsOnly');
    const result = await call(r, 'probe:run', {
      runId: 'settings-only',
      request: request({ method: 'password', user: USER, password: PASSWORD }),
      saveAs: name,
      savePassword: false,
    });
    expect(result.ok, JSON.stringify(result.diagnosis)).toBe(true);
    const { profiles } = (await call(r, 'profiles:list')) as unknown as {
      profiles: Array<Record<string, unknown>>;
    };
    expect(profiles).toEqual([
      expect.objectContaining({ name, host: '127.0.0.1', user: USER, authMethod: 'password' }),
    ]);
    expect(await credentials.read(name)).toBeNull();
    expect(await readFile(r.deps.profilesFile, 'utf8')).not.toContain(PASSWORD);
  });

  it('without a keychain, deleting an account says the account is gone and what stayed behind, in both languages', async () => {
    const r = recorder({ credentials: noKeychain() });
    const name = profileName('DeleteNoKeychain');
    await saveLocalProfile(r, name);
    const failure = await ipcFailure(call(r, 'profiles:delete', name));
    expect(failure.code).toBe('PROFILE_DELETED_SECRET_KEPT');
    expect(failure.en).toMatch(new RegExp(`^The account "${name}" was deleted, but its saved password`));
    expect(failure.en).toMatch(/service "Mailcheck"/);
    expect(failure.it).toMatch(new RegExp(`^L'account "${name}" è stato eliminato`));
    expect(((await call(r, 'profiles:list')) as { profiles: unknown[] }).profiles).toEqual([]);
  });

  it('without a keychain: savePassword false works, savePassword true fails before testing', async () => {
    const r = recorder({ credentials: noKeychain() });
    const name = profileName('NoKeychain');
    const ok = await call(r, 'probe:run', {
      runId: 'no-keychain-ok',
      request: request({ method: 'password', user: USER, password: PASSWORD }),
      saveAs: name,
      savePassword: false,
    });
    expect(ok.ok, JSON.stringify(ok.diagnosis)).toBe(true);
    expect(((await call(r, 'profiles:list')) as { profiles: unknown[] }).profiles).toHaveLength(1);
    // Its settings can still be edited, even moved to another server, without a keychain.
    const moved = { name, host: 'localhost', port: 2525, security: 'starttls', authMethod: 'password' };
    expect(await call(r, 'profiles:save', { profile: { ...moved, user: USER, updatedAt: 'now' } })).toEqual({
      savedSecret: false,
    });
    expect(((await call(r, 'profiles:list')) as { profiles: Array<{ host: string }> }).profiles).toEqual([
      expect.objectContaining({ name, host: 'localhost', port: 2525 }),
    ]);

    r.events.length = 0;
    const failure = await ipcFailure(
      call(r, 'probe:run', {
        runId: 'no-keychain-fail',
        request: request({ method: 'password', user: USER, password: PASSWORD }),
        saveAs: profileName('NoKeychainSave'),
      }),
    );
    expect(failure.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(failure.en).toMatch(/^No keychain is available: on Linux, a Secret Service/);
    expect(failure.it).toMatch(/^Nessun portachiavi disponibile/);
    expect(JSON.stringify(failure)).not.toContain(PASSWORD);
    expect(r.events).toEqual([]); // nothing was tested
    expect(await call(r, 'keychain:status')).toEqual({
      available: false,
      reason: failure.en,
      reasonIt: failure.it,
    });
  });
});

describe('a failure to save after the test keeps the result', () => {
  it('returns the result with a bilingual saveProblem when the profiles file cannot be written', async () => {
    // The profiles file's folder is a regular file: every write fails (ENOTDIR), even as root.
    const blocker = join(dir, `not-a-folder-${Math.random().toString(36).slice(2)}`);
    await writeFile(blocker, 'x');
    const r = recorder({ profilesFile: join(blocker, 'profiles.json') });
    const name = profileName('Unsavable');
    const result = await call(r, 'probe:run', {
      runId: 'unsavable',
      request: request({ method: 'password', user: USER, password: PASSWORD }),
      saveAs: name,
      savePassword: false,
    });
    expect(result.ok, JSON.stringify(result.diagnosis)).toBe(true);
    expect(result.steps.find((s) => s.id === 'auth')?.status).toBe('pass');
    expect(result.saveProblem).toEqual({
      code: 'PROFILE_SAVE_FAILED',
      en: expect.stringMatching(/could not be saved/),
      it: expect.stringMatching(/Non è stato possibile salvare/),
    });
    expect(JSON.stringify(result.saveProblem)).not.toContain(PASSWORD);
  });

  it('a saved run has no saveProblem', async () => {
    const r = recorder();
    const result = await call(r, 'probe:run', {
      runId: 'savable',
      request: request({ method: 'password', user: USER, password: PASSWORD }),
      saveAs: profileName('Savable'),
      savePassword: false,
    });
    expect(result.ok).toBe(true);
    expect(result).not.toHaveProperty('saveProblem');
  });
});

describe('profiles and keychain channels', () => {
  it('saves with a password, lists, and delete removes the profile and every secret', async () => {
    const r = recorder();
    const name = profileName('Lifecycle');
    const profile = {
      name,
      host: 'smtp-mail.outlook.com',
      port: 587,
      security: 'starttls',
      user: USER,
      authMethod: 'password',
      updatedAt: 'now',
    };
    expect(await call(r, 'profiles:save', { profile, password: 'pw-1' })).toEqual({ savedSecret: true });
    expect(await call(r, 'profiles:save', { profile })).toEqual({ savedSecret: false });
    await credentials.save(name, 'refresh-token', 'oauth-refresh');
    expectSameSecret(await credentials.read(name), 'pw-1');
    expect(((await call(r, 'profiles:list')) as { profiles: unknown[] }).profiles).toHaveLength(1);
    await call(r, 'profiles:delete', name);
    expect(((await call(r, 'profiles:list')) as { profiles: unknown[] }).profiles).toHaveLength(0);
    expect(await credentials.read(name)).toBeNull();
    expect(await credentials.read(name, 'oauth-refresh')).toBeNull();
  });

  it('keeps the last runs of each account (date, outcome, diagnosis; no secret) and forgets them on delete', async () => {
    const r = recorder();
    const name = profileName('History');
    await savePasswordProfile(r, name);
    expect((await call(r, 'probe:run', { runId: 'h-1', request: request(), profileName: name })).ok).toBe(
      true,
    );
    await saveLocalProfile(r, name, {}, 'a-wrong-password');
    const failed = await call(r, 'probe:run', { runId: 'h-2', request: request(), profileName: name });
    expect(failed.ok).toBe(false);
    const { runs } = (await call(r, 'history:list')) as {
      runs: Record<string, { at: string; ok: boolean; diagnosisId: string | null }[]>;
    };
    expect(runs[name]?.map((run) => [run.ok, run.diagnosisId])).toEqual([
      [false, failed.diagnosis?.id],
      [true, null],
    ]);
    expect(Date.parse(runs[name]?.[0]?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const file = await readFile(join(dir, 'history.json'), 'utf8');
    expect(file).not.toContain(PASSWORD);
    expect(file).not.toContain('a-wrong-password');
    await call(r, 'profiles:delete', name);
    expect(((await call(r, 'history:list')) as { runs: Record<string, unknown> }).runs[name]).toBeUndefined();
  });

  it('reports the keychain status', async () => {
    expect(await call(recorder(), 'keychain:status')).toEqual({ available: true });
  });
});

describe('app channels', () => {
  it('app:info, clipboard:write and report:save go to their deps', async () => {
    const r = recorder();
    expect(await call(r, 'app:info')).toEqual({ version: '0.1.0', locale: 'it', platform: process.platform });
    await call(r, 'clipboard:write', 'copied text');
    expect(r.clipboard).toEqual(['copied text']);
    expect(await call(r, 'report:save', { suggestedName: 'report.md', text: '# R' })).toEqual({
      saved: true,
      path: join(dir, 'report.md'),
    });
  });

  it('app:open-external opens http(s) links only', async () => {
    const r = recorder();
    await call(r, 'app:open-external', 'https://account.live.com/proofs/AppPassword');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://x/y']) {
      await expect(call(r, 'app:open-external', url)).rejects.toThrow(/Only http: and https: links/);
    }
    expect(r.opened).toEqual(['https://account.live.com/proofs/AppPassword']);
  });

  it('an unexpected failure becomes a generic message (details stay in main)', async () => {
    const r = recorder({
      saveReport: async () => {
        throw new Error('EACCES /home/me/secret-path password=hunter2');
      },
    });
    const failure = await ipcFailure(call(r, 'report:save', { suggestedName: 'r.md', text: 'x' }));
    expect(failure).toEqual({
      code: 'UNEXPECTED',
      en: UNEXPECTED_ERROR_MESSAGE,
      it: UNEXPECTED_ERROR_MESSAGE_IT,
    });
    expect(JSON.stringify(failure)).not.toMatch(/hunter2|EACCES/);
  });

  it('oauth channels say clearly when OAuth is not configured, and delegate when it is', async () => {
    await expect(
      call(recorder(), 'oauth:sign-in', { profileName: 'P', clientId: 'c', tenant: 'consumers' }),
    ).rejects.toThrow(/not configured/);
    expect(await ipcFailure(call(recorder(), 'oauth:cancel-sign-in'))).toMatchObject({
      code: 'OAUTH_NOT_CONFIGURED',
      it: "L'accesso con Microsoft non è configurato in questa versione di Mailcheck.",
    });
    const calls: unknown[] = [];
    const r = recorder({
      oauth: {
        signIn: async (input) => {
          calls.push(['in', input]);
          return { user: 'me@outlook.com' };
        },
        cancelSignIn: () => {
          calls.push(['cancel']);
        },
        signOut: async (name) => {
          calls.push(['out', name]);
        },
      },
    });
    expect(await call(r, 'oauth:sign-in', { profileName: 'P', clientId: 'c', tenant: 'consumers' })).toEqual({
      user: 'me@outlook.com',
    });
    await call(r, 'oauth:cancel-sign-in');
    await call(r, 'oauth:sign-out', 'P');
    expect(calls).toEqual([
      ['in', { profileName: 'P', clientId: 'c', tenant: 'consumers' }],
      ['cancel'],
      ['out', 'P'],
    ]);
  });

  it('every channel rejects an invalid payload before its handler runs', async () => {
    const r = recorder();
    for (const channel of IPC_CHANNELS) {
      const failure = await ipcFailure(call(r, channel, 1, 2, 3));
      expect(failure.code, channel).toBe('IPC_INVALID_ARGUMENTS');
      expect(failure.en, channel).toMatch(/^Invalid arguments for /);
      expect(failure.it, channel).toMatch(/^Argomenti non validi per /);
    }
    expect([r.opened, r.clipboard, r.reports, r.events]).toEqual([[], [], [], []]);
  });
});
