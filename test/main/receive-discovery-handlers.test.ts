/**
 * receive:run / receive:cancel and discovery:run / discovery:cancel through dispatch() (parseArgs +
 * handler + safe errors), against real components: the real Dovecot (IMAP and POP3 over TLS), the
 * real keychain (run inside scripts/with-keyring.sh), a real profiles file; a dns2 DNS server on
 * loopback that the handlers use through MainDeps.discovery, a real smtp-server and a scripted IMAP
 * server found through DNS SRV records.
 */
import { createSocket } from 'node:dgram';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychainStore } from '../../src/engine/credentials';
import { createMainHandlers, type MainDeps } from '../../src/main/handlers';
import { discoveryFromEnv } from '../../src/main/discovery-env';
import { toAnswer } from '../../src/main/handlers/discovery';
import { dispatch } from '../../src/main/ipc/dispatch';
import type { IpcChannel, IpcEvents } from '../../src/shared/ipc';
import { RECEIVE_STEP_IDS } from '../../src/shared/probe-types';
import type { Profile } from '../../src/shared/profile-types';
import { startDnsServer, type TestDnsServer } from '../discovery/dns-server';
import { issueCert, startMailbox, startSmtp, type Closable } from '../discovery/mail-fixtures';
import { startDovecot, type RunningDovecot } from '../mta/dovecot';
import { createTestPki, removeTestPki, type TestPki } from '../support/pki';
import { leakedForms, secretForms } from '../support/secret-forms';
import { ipcFailure } from './ipc-failure';

const RUN = `rd${process.pid}-${Date.now()}`;
const TIMEOUT_MS = 5_000;

let dovecot: RunningDovecot;
let pki: TestPki;
let dns: TestDnsServer;
let dir: string;
let hanging: Server;
let hangingPort: number;
const hangingSockets = new Set<Socket>();
const servers: Closable[] = [];
const credentials = createKeychainStore();
const profileNames: string[] = [];
let smtpPort: number;
let imapPort: number;

/** Free high ports for the SRV-discovered servers (SRV records carry any port). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Recorder {
  deps: MainDeps;
  receiveEvents: Array<IpcEvents['receive:progress']>;
  probeEvents: Array<IpcEvents['probe:progress']>;
}

function recorder(overrides: Partial<MainDeps> = {}): Recorder {
  const r: Recorder = { receiveEvents: [], probeEvents: [], deps: undefined as never };
  r.deps = {
    profilesFile: join(dir, `profiles-${Math.random().toString(36).slice(2)}.json`),
    credentials,
    caPem: `${dovecot.caPem}\n${pki.ca.cert}`,
    emit: (channel, payload) => {
      if (channel === 'receive:progress') r.receiveEvents.push(payload as IpcEvents['receive:progress']);
      if (channel === 'probe:progress') r.probeEvents.push(payload as IpcEvents['probe:progress']);
    },
    saveReport: async () => ({ saved: false }),
    writeClipboard: async () => undefined,
    openExternal: async () => undefined,
    appInfo: () => ({ version: '0.1.0', locale: 'en', platform: process.platform }),
    discovery: { dnsServers: [dns.server] },
    ...overrides,
  };
  return r;
}

const handlersOf = new WeakMap<Recorder, ReturnType<typeof createMainHandlers>>();
function call<C extends IpcChannel>(r: Recorder, channel: C, ...args: unknown[]) {
  let h = handlersOf.get(r);
  if (!h) {
    h = createMainHandlers(r.deps);
    handlersOf.set(r, h);
  }
  return dispatch(h, channel, args);
}

function profileName(base: string): string {
  const name = `${base}-${RUN}`;
  profileNames.push(name);
  return name;
}

beforeAll(async () => {
  const status = await credentials.status();
  if (!status.available) throw new Error(`Run inside scripts/with-keyring.sh: ${status.reason}`);
  dir = await mkdtemp(join(tmpdir(), 'mailcheck-receive-handlers-'));
  [dovecot, pki] = await Promise.all([startDovecot(), createTestPki()]);
  const smtpCert = await issueCert(pki, ['smtp.shop-w.test']);
  const imapCert = await issueCert(pki, ['imap.shop-w.test']);
  [smtpPort, imapPort] = [await freePort(), await freePort()];
  servers.push(await startSmtp('127.0.0.1', smtpPort, 'tls', smtpCert));
  servers.push(await startMailbox('127.0.0.1', imapPort, 'imap', 'tls', imapCert));
  dns = await startDnsServer({
    'shop-w.test': {},
    '_submissions._tcp.shop-w.test': {
      SRV: [{ priority: 0, weight: 1, port: smtpPort, target: 'smtp.shop-w.test' }],
    },
    '_imaps._tcp.shop-w.test': {
      SRV: [{ priority: 0, weight: 1, port: imapPort, target: 'imap.shop-w.test' }],
    },
    'smtp.shop-w.test': { A: ['127.0.0.1'] },
    'imap.shop-w.test': { A: ['127.0.0.1'] },
    'empty-w.test': {},
  });
  hanging = createServer((socket) => {
    hangingSockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  hangingPort = (hanging.address() as { port: number }).port;
}, 90_000);

afterAll(async () => {
  for (const name of profileNames) await credentials.delete(name).catch(() => undefined);
  for (const socket of hangingSockets) socket.destroy();
  await new Promise<void>((resolve) => (hanging ? hanging.close(() => resolve()) : resolve()));
  await Promise.all(servers.map((s) => s.close()));
  await dns?.close();
  await dovecot?.stop();
  if (pki) await removeTestPki(pki);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('receive:run against the real Dovecot', () => {
  it('runs IMAP with a typed password: live receive:progress events, every step passes, no password in the result', async () => {
    const r = recorder();
    const result = await call(r, 'receive:run', {
      runId: 'recv-imap',
      request: {
        protocol: 'imap',
        host: dovecot.host,
        port: dovecot.imapsPort,
        security: 'tls',
        timeoutMs: TIMEOUT_MS,
        auth: { method: 'password', user: dovecot.user, password: dovecot.password },
      },
    });
    expect(result.ok, JSON.stringify(result.diagnosis)).toBe(true);
    expect(result.protocol).toBe('imap');
    expect(result.steps.map((s) => s.id)).toEqual([...RECEIVE_STEP_IDS]);
    // Every step was announced live, on the receive channel only and with this run's id.
    const ended = r.receiveEvents.flatMap((e) => (e.event.type === 'step-end' ? [e.event.step.id] : []));
    // (With implicit TLS the handshake ends before the greeting: the order they ran.)
    expect([...ended].sort()).toEqual([...RECEIVE_STEP_IDS].sort());
    expect(new Set(r.receiveEvents.map((e) => e.runId))).toEqual(new Set(['recv-imap']));
    expect(r.probeEvents).toEqual([]);
    const everything = JSON.stringify([result, r.receiveEvents]);
    expect(leakedForms(everything, secretForms(dovecot.password, dovecot.user))).toEqual([]);
  });

  it('uses the password saved for the profile, but only for its incoming server and login', async () => {
    const r = recorder();
    const name = profileName('Receive');
    const profile: Profile = {
      name,
      host: 'smtp.example.test',
      port: 587,
      security: 'starttls',
      user: dovecot.user,
      authMethod: 'password',
      incoming: { protocol: 'pop3', host: dovecot.host, port: dovecot.pop3sPort, security: 'tls' },
      updatedAt: new Date().toISOString(),
    };
    await call(r, 'profiles:save', { profile, password: dovecot.password });
    const request = {
      protocol: 'pop3',
      host: dovecot.host,
      port: dovecot.pop3sPort,
      security: 'tls',
      timeoutMs: TIMEOUT_MS,
    };
    const ok = await call(r, 'receive:run', { runId: 'recv-saved', request, profileName: name });
    expect(ok.ok, JSON.stringify(ok.diagnosis)).toBe(true);
    expect(ok.request.user).toBe(dovecot.user);

    // The same saved password asked for another server (the hanging one, "elsewhere"): refused
    // before anything is sent or the keychain is read.
    const elsewhere = await ipcFailure(
      call(r, 'receive:run', {
        runId: 'recv-elsewhere',
        request: { ...request, host: 'localhost', port: hangingPort },
        profileName: name,
      }),
    );
    expect(elsewhere.code).toBe('SAVED_SECRET_HOST_MISMATCH');
    expect(hangingSockets.size).toBe(0);

    // Another login on the profile's own incoming server: refused as well.
    const otherUser = await ipcFailure(
      call(r, 'receive:run', {
        runId: 'recv-other-user',
        request: { ...request, auth: { method: 'oauth2', user: 'someone-else@example.test' } },
        profileName: name,
      }),
    );
    expect(otherUser.code).toBe('SAVED_SECRET_HOST_MISMATCH');
  });

  it('a profile without an incoming server gives no saved secret to a receiving test', async () => {
    const r = recorder();
    const name = profileName('NoIncoming');
    await call(r, 'profiles:save', {
      profile: {
        name,
        host: dovecot.host,
        port: 587,
        security: 'starttls',
        user: dovecot.user,
        authMethod: 'password',
        updatedAt: new Date().toISOString(),
      },
      password: dovecot.password,
    });
    const failure = await ipcFailure(
      call(r, 'receive:run', {
        runId: 'recv-no-incoming',
        request: { protocol: 'imap', host: dovecot.host, port: dovecot.imapsPort, security: 'tls' },
        profileName: name,
      }),
    );
    expect(failure.code).toBe('PROFILE_WITHOUT_INCOMING');
    expect(failure.it).toMatch(/server di posta in arrivo/);
  });

  it('receive:cancel stops a run waiting on a silent server; the result says cancelled', async () => {
    const r = recorder();
    const running = call(r, 'receive:run', {
      runId: 'recv-cancel',
      request: { protocol: 'imap', host: '127.0.0.1', port: hangingPort, security: 'starttls' },
    });
    await expect
      .poll(() => r.receiveEvents.some((e) => e.event.type === 'step-start' && e.event.id === 'greeting'), {
        timeout: 10_000,
      })
      .toBe(true);
    await call(r, 'receive:cancel', 'recv-cancel');
    const result = await running;
    expect(result.cancelled).toBe(true);
    expect(result.ok).toBe(false);
  });

  it('refuses a second run with an id that is still running', async () => {
    const r = recorder();
    const request = { protocol: 'imap', host: '127.0.0.1', port: hangingPort, security: 'starttls' };
    const first = call(r, 'receive:run', { runId: 'recv-twice', request });
    const second = await ipcFailure(call(r, 'receive:run', { runId: 'recv-twice', request }));
    expect(second.code).toBe('RUN_ID_IN_USE');
    await call(r, 'receive:cancel', 'recv-twice');
    await first;
  });
});

describe('discovery:run with the DNS servers from MainDeps', () => {
  it('finds SMTP and IMAP through DNS SRV on the local DNS server and verifies both without a password', async () => {
    const r = recorder();
    const before = dns.questions.length;
    const answer = await call(r, 'discovery:run', { discoveryId: 'disc-1', address: 'info@shop-w.test' });
    expect(answer.smtp).toMatchObject({
      host: 'smtp.shop-w.test',
      port: smtpPort,
      security: 'tls',
      source: 'srv',
      verified: true,
      username: 'info@shop-w.test',
    });
    expect(answer.imap).toMatchObject({
      host: 'imap.shop-w.test',
      port: imapPort,
      source: 'srv',
      verified: true,
    });
    expect(answer.cancelled).toBe(false);
    // The lookups went to the test's DNS server, not the system resolver.
    expect(dns.questions.slice(before)).toEqual(
      expect.arrayContaining(['SRV _submissions._tcp.shop-w.test', 'A smtp.shop-w.test']),
    );
    // The window's answer is the slim one: no candidate list or lookups cross IPC.
    expect(Object.keys(answer).sort()).toEqual(
      ['address', 'cancelled', 'domain', 'imap', 'oauth', 'pop3', 'provider', 'smtp', 'totalMs'].sort(),
    );
  });

  it('answers with nothing found for a domain without any record', async () => {
    const answer = await call(recorder(), 'discovery:run', {
      discoveryId: 'disc-2',
      address: 'a@empty-w.test',
    });
    expect([answer.smtp, answer.imap, answer.pop3]).toEqual([null, null, null]);
  });

  it('discovery:cancel ends a running search at once, as cancelled', async () => {
    // A DNS server that never answers: every lookup waits until cancelled.
    const silent = createSocket('udp4');
    silent.on('message', () => undefined);
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    const r = recorder({ discovery: { dnsServers: [`127.0.0.1:${silent.address().port}`] } });
    const running = call(r, 'discovery:run', { discoveryId: 'disc-3', address: 'a@shop-w.test' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const t0 = Date.now();
    await call(r, 'discovery:cancel', 'disc-3');
    const answer = await running;
    expect(answer.cancelled).toBe(true);
    expect(Date.now() - t0).toBeLessThan(2_500);
    silent.close();
  });

  it('takes only an address: a password field is refused at the door', async () => {
    const failure = await ipcFailure(
      call(recorder(), 'discovery:run', { discoveryId: 'disc-4', address: 'a@shop-w.test', password: 'x' }),
    );
    expect(failure.code).toBe('IPC_INVALID_ARGUMENTS');
  });
});

describe('toAnswer', () => {
  it('makes the network’s text printable and bounded: a provider name or login with escapes and line breaks', () => {
    const setting = {
      host: 'smtp.x.test',
      port: 587,
      security: 'starttls' as const,
      username: 'me\r\nAUTH PLAIN',
      source: 'autoconfig' as const,
      verified: false,
      origin: 'https://autoconfig.x.test/',
      flags: [],
      oauth: false,
      authMethods: [],
    };
    const answer = toAnswer({
      address: 'me@x.test',
      domain: 'x.test',
      smtp: setting,
      imap: null,
      pop3: null,
      oauth: false,
      provider: `Evil\u001b[2J\u202eISP${'x'.repeat(200)}`,
      candidates: [],
      lookups: [],
      probed: true,
      cancelled: false,
      timedOut: false,
      totalMs: 5,
    });
    expect(answer.smtp!.username).toBe('me\\r\\nAUTH PLAIN');
    expect(answer.provider).not.toContain('\u001b');
    expect(answer.provider).not.toContain('\u202e');
    expect(answer.provider).toContain('\\x1b');
    // Clipped to 80 characters, then each escape written out (\x1b, \u202e): well under 100.
    expect(answer.provider!.length).toBeLessThan(100);
  });
});

describe('discoveryFromEnv', () => {
  it('reads MAILCHECK_DNS_SERVERS and MAILCHECK_ISPDB_URL, and ignores (with a warning) what is not valid', () => {
    expect(
      discoveryFromEnv({
        MAILCHECK_DNS_SERVERS: '127.0.0.1:5353, [::1]:53',
        MAILCHECK_ISPDB_URL: 'https://x.test/v1.1/',
      }),
    ).toEqual({ dnsServers: ['127.0.0.1:5353', '[::1]:53'], ispdbUrl: 'https://x.test/v1.1/' });
    const warnings: string[] = [];
    expect(
      discoveryFromEnv(
        { MAILCHECK_DNS_SERVERS: 'dns.google', MAILCHECK_ISPDB_URL: 'file:///etc/passwd' },
        (m) => warnings.push(m),
      ),
    ).toEqual({});
    expect(warnings).toHaveLength(2);
    expect(discoveryFromEnv({})).toEqual({});
  });
});
