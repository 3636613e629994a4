/**
 * discover() driven directly, against real components on loopback: a dns2 DNS server (every query
 * goes there through `dnsServers`), an HTTPS autoconfig server with the test CA, a real
 * smtp-server and scripted IMAP servers on 127.77.1.x at the standard ports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, type DiscoveryEvent } from '../../src/engine/discovery';
import { createTestPki, removeTestPki, type TestPki } from '../support/pki';
import { startDnsServer, type TestDnsServer } from './dns-server';
import {
  configXml,
  issueCert,
  startConfigServer,
  startCounter,
  startMailbox,
  startSilent,
  startSmtp,
  type Closable,
  type ConfigServer,
  type Counter,
} from './mail-fixtures';

const IP = {
  autoconfig: '127.77.1.1',
  smtpA: '127.77.1.2',
  imapA: '127.77.1.3',
  guessSmtp: '127.77.1.4',
  guessImap: '127.77.1.5',
  counter: '127.77.1.6',
  silent: '127.77.1.7',
  foreignAutoconfig: '127.77.1.8',
};
const AUTOCONFIG_PATH = '/mail/config-v1.1.xml';

let pki: TestPki;
let dns: TestDnsServer;
let autoconfig: ConfigServer;
let foreignAutoconfig: ConfigServer;
let counter: Counter;
let silent: Counter;
let tarpit: Counter;
const servers: Closable[] = [];

beforeAll(async () => {
  pki = await createTestPki();
  const certA = await issueCert(pki, [
    'autoconfig.shop-a.test',
    'autoconfig.shop-f.test',
    'autoconfig.shop-big.test',
  ]);
  const smtpA = await issueCert(pki, ['smtp.shop-a.test']);
  const imapA = await issueCert(pki, ['imap.shop-a.test']);
  const guessSmtp = await issueCert(pki, ['smtp.shop-g.test']);
  const guessImap = await issueCert(pki, ['mail.shop-g.test']);
  dns = await startDnsServer({
    'shop-a.test': { MX: [{ exchange: 'mx.shop-a.test', priority: 10 }] },
    'autoconfig.shop-a.test': { A: [IP.autoconfig] },
    'smtp.shop-a.test': { A: [IP.smtpA] },
    'imap.shop-a.test': { A: [IP.imapA] },
    'shop-g.test': {},
    'smtp.shop-g.test': { A: [IP.guessSmtp] },
    'mail.shop-g.test': { A: [IP.guessImap] },
    'shop-f.test': {},
    'autoconfig.shop-f.test': { A: [IP.foreignAutoconfig] },
    'shop-big.test': {},
    'autoconfig.shop-big.test': { A: [IP.autoconfig] },
    'mail.hoster-elsewhere.test': { A: [IP.silent] },
    'smtp.quiet.test': { A: [IP.counter] },
    'smtp.slow.test': { A: [IP.silent] },
  });
  autoconfig = await startConfigServer(IP.autoconfig, certA, {
    // A hostile config server: a valid document padded far beyond any real one.
    [`autoconfig.shop-big.test${AUTOCONFIG_PATH}`]: configXml('shop-big.test', [
      { type: 'smtp', host: 'smtp.shop-big.test', port: 587, socket: 'STARTTLS' },
    ]).replace('<clientConfig version="1.1">', `<clientConfig version="1.1"><!--${'x'.repeat(300_000)}-->`),
    [AUTOCONFIG_PATH]: configXml('shop-a.test', [
      { type: 'smtp', host: 'smtp.shop-a.test', port: 465, socket: 'SSL' },
      { type: 'imap', host: 'imap.shop-a.test', port: 993, socket: 'SSL' },
    ]),
  });
  foreignAutoconfig = await startConfigServer(IP.foreignAutoconfig, certA, {
    [AUTOCONFIG_PATH]: configXml('shop-f.test', [
      { type: 'smtp', host: 'mail.hoster-elsewhere.test', port: 587, socket: 'STARTTLS' },
    ]),
  });
  servers.push(autoconfig, foreignAutoconfig);
  servers.push(await startSmtp(IP.smtpA, 465, 'tls', smtpA));
  servers.push(await startMailbox(IP.imapA, 993, 'imap', 'tls', imapA));
  servers.push(await startSmtp(IP.guessSmtp, 587, 'starttls', guessSmtp));
  tarpit = await startSilent(IP.guessSmtp, 465);
  servers.push(tarpit);
  servers.push(await startMailbox(IP.guessImap, 143, 'imap', 'starttls', guessImap));
  counter = await startCounter(IP.counter, 587);
  servers.push(counter);
  // Accepts and never says a word: a probe there waits until it is cancelled or times out.
  silent = await startSilent(IP.silent, 587);
  servers.push(silent);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await dns?.close();
  if (pki) await removeTestPki(pki);
});

const base = () => ({
  dnsServers: [dns.server],
  caPem: pki.ca.cert,
  // Nothing may leave the machine: the live ISPDB is a closed local port.
  ispdbUrl: 'https://127.0.0.1:9/v1.1/',
  timeoutMs: 10_000,
});

describe('discover() against local servers', () => {
  it('takes the provider autoconfig over HTTPS and verifies SMTP and IMAP without a password', async () => {
    const events: DiscoveryEvent[] = [];
    const result = await discover('info@shop-a.test', { ...base(), onEvent: (e) => events.push(e) });
    expect(result.smtp).toMatchObject({
      host: 'smtp.shop-a.test',
      port: 465,
      security: 'tls',
      username: 'info@shop-a.test',
      source: 'autoconfig',
      verified: true,
      flags: [],
    });
    expect(result.smtp?.authMethods).toContain('PLAIN');
    expect(result.imap).toMatchObject({
      host: 'imap.shop-a.test',
      port: 993,
      source: 'autoconfig',
      verified: true,
    });
    expect(result.pop3).toBeNull();
    expect(autoconfig.requests).toContain(
      `https autoconfig.shop-a.test${AUTOCONFIG_PATH}?emailaddress=info%40shop-a.test`,
    );
    // The fetch's host name was asked of our DNS server, not the system's.
    expect(dns.questions).toContain('A autoconfig.shop-a.test');
    const fetch = result.lookups.find(
      (l) => l.kind === 'https' && l.target.includes('autoconfig.shop-a.test'),
    );
    expect(fetch?.outcome).toBe('found');
    expect(result.lookups.find((l) => l.kind === 'mx')).toMatchObject({
      outcome: 'found',
      detail: '10 mx.shop-a.test',
    });
    const tried = result.candidates.find((c) => c.source === 'autoconfig' && c.protocol === 'smtp');
    expect(tried).toMatchObject({ reachable: true });
    expect(tried?.ms).toBeGreaterThanOrEqual(0);
    // Live progress: every lookup, the autoconfig finding, the probed servers.
    expect(events.filter((e) => e.type === 'lookup')).toHaveLength(result.lookups.length);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'finding',
        finding: expect.objectContaining({ source: 'autoconfig' }),
      }),
    );
    expect(events).toContainEqual({
      type: 'candidate',
      candidate: expect.objectContaining({ host: 'smtp.shop-a.test', port: 465, reachable: true }),
    });
  });

  it('flags an autoconfig that points outside the address domain, and reports it unverified when it does not answer', async () => {
    const result = await discover('me@shop-f.test', { ...base(), timeoutMs: 1_500 });
    expect(result.smtp).toMatchObject({
      host: 'mail.hoster-elsewhere.test',
      source: 'autoconfig',
      verified: false,
      flags: ['foreign-host'],
    });
  });

  it('refuses a config bigger than 256 KB', async () => {
    const result = await discover('me@shop-big.test', { ...base(), probe: false });
    expect(result.smtp).toBeNull();
    const fetch = result.lookups.find(
      (l) => l.kind === 'https' && l.target.startsWith('https://autoconfig.shop-big.test/'),
    );
    expect(fetch).toMatchObject({ outcome: 'error', detail: 'ETOOBIG' });
  });

  it('guesses smtp./mail. hosts, STARTTLS on 587 and 143, and proves them', async () => {
    const result = await discover('someone@shop-g.test', base());
    expect(result.smtp).toMatchObject({
      host: 'smtp.shop-g.test',
      port: 587,
      security: 'starttls',
      source: 'guess',
      verified: true,
    });
    expect(result.imap).toMatchObject({
      host: 'mail.shop-g.test',
      port: 143,
      security: 'starttls',
      verified: true,
    });
    expect(result.imap?.authMethods).toEqual(['PLAIN', 'LOGIN']);
    // Every guess for a resolving host is listed. mail.shop-g.test:993 ranks above :143, so it ran
    // to its end (refused); smtp.shop-g.test:465 (a tarpit) ranks below :587, which answered, so it
    // was stopped instead of holding the result up for a whole probe timeout.
    const above = result.candidates.find((c) => c.host === 'mail.shop-g.test' && c.port === 993);
    expect(above).toMatchObject({ source: 'guess', reachable: false });
    const below = result.candidates.find((c) => c.host === 'smtp.shop-g.test' && c.port === 465);
    expect(below).toMatchObject({ source: 'guess', reachable: null, ms: null });
    expect(tarpit.connections).toBeGreaterThan(0);
    expect(result.totalMs).toBeLessThan(4_000);
  });

  it('with probe: false opens no connection to any mail server and chooses no guess', async () => {
    const before = counter.connections;
    const result = await discover('x@quiet.test', { ...base(), probe: false });
    expect(counter.connections).toBe(before);
    expect(result.smtp).toBeNull();
    expect(result.candidates.filter((c) => c.host === 'smtp.quiet.test')).toHaveLength(3);
    expect(result.candidates.every((c) => c.reachable === null && c.ms === null)).toBe(true);
  });

  it('stops at once when cancelled, even with a server that never greets', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = discover('x@slow.test', { ...base(), signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 400));
    controller.abort();
    const result = await pending;
    expect(silent.connections).toBeGreaterThan(0);
    expect(result.cancelled).toBe(true);
    expect(result.timedOut).toBe(false);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('ends within its timeout when a server never greets', async () => {
    const started = Date.now();
    const before = silent.connections;
    const result = await discover('x@slow.test', { ...base(), timeoutMs: 1_000 });
    expect(silent.connections).toBeGreaterThan(before);
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(result.cancelled).toBe(false);
    expect(result.timedOut).toBe(true);
    expect(result.smtp).toBeNull();
  });
});
