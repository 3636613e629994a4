/**
 * `mailcheck discover` and `mailcheck smtp --email`, run as the BUILT CLI in a child process, with
 * every DNS query sent to a local dns2 server (MAILCHECK_DNS_SERVERS), the test CA trusted through
 * NODE_EXTRA_CA_CERTS, the live ISPDB pointed at a closed local port (MAILCHECK_ISPDB_URL) and
 * fake servers on 127.77.2.x: nothing leaves the machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, parseJsonOutput, runCli } from '../cli/cli-runner';
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
  type Counter,
} from './mail-fixtures';

const IP = {
  smtp: '127.77.2.1',
  imap: '127.77.2.2',
  httpOnly: '127.77.2.3',
  configs: '127.77.2.4',
  tarpit: '127.77.2.5',
  counter: '127.77.2.9',
};
const PASSWORD = 'correct horse';

let pki: TestPki;
let dns: TestDnsServer;
let counter: Counter;
const servers: Closable[] = [];

beforeAll(async () => {
  await ensureCliBuilt();
  pki = await createTestPki();
  const smtpCert = await issueCert(pki, ['smtp.shop-c.test']);
  const imapCert = await issueCert(pki, ['imap.shop-c.test']);
  dns = await startDnsServer({
    'shop-c.test': { TXT: ['v=spf1 -all', 'hostile \u001b[31mred\u001b[0m\nline'] },
    'smtp.shop-c.test': { A: [IP.smtp] },
    'imap.shop-c.test': { A: [IP.imap] },
    'm365.test': { MX: [{ exchange: 'm365-test.mail.protection.outlook.com', priority: 0 }] },
    'ovh-customer.test': { MX: [{ exchange: 'mx1.mail.ovh.net', priority: 1 }] },
    '_submissions._tcp.srv.test': { SRV: [{ priority: 0, weight: 1, port: 465, target: 'mail.srv.test' }] },
    '_imaps._tcp.srv.test': { SRV: [{ priority: 0, weight: 1, port: 993, target: 'imap.mailhost.example' }] },
    '_pop3._tcp.srv.test': { SRV: [{ priority: 0, weight: 0, port: 0, target: '.' }] },
    'autoconfig.http-only.test': { A: [IP.httpOnly] },
    'smtp.quiet.test': { A: [IP.counter] },
    'ispdb.local.test': { A: [IP.configs] },
    'smtp.tarpit-c.test': { A: [IP.tarpit] },
    'config.pointer-host.test': { A: [IP.configs] },
    'pointer.test': { TXT: ['v=spf1 -all', 'mailconf=https://config.pointer-host.test/mail/pointer.xml'] },
    'mail.quiet.test': { A: [IP.counter] },
  });
  servers.push(await startSmtp(IP.smtp, 587, 'starttls', smtpCert, PASSWORD));
  servers.push(await startMailbox(IP.imap, 993, 'imap', 'tls', imapCert));
  servers.push(
    await startConfigServer(
      IP.httpOnly,
      smtpCert,
      {
        '/mail/config-v1.1.xml': configXml('http-only.test', [
          { type: 'smtp', host: 'smtp.http-only.test', port: 465, socket: 'SSL' },
        ]),
      },
      { http: true, https: false },
    ),
  );
  const configCert = await issueCert(pki, ['ispdb.local.test', 'config.pointer-host.test']);
  servers.push(
    await startConfigServer(IP.configs, configCert, {
      '/v1.1/live-only.test': configXml(
        'live-only.test',
        [{ type: 'smtp', host: 'smtp.live-only.test', port: 465, socket: 'SSL', auth: 'OAuth2' }],
        'Live-only provider',
      ),
      '/mail/pointer.xml': configXml('pointer.test', [
        { type: 'smtp', host: 'smtp.pointer.test', port: 587, socket: 'STARTTLS' },
      ]),
    }),
  );
  servers.push(await startSilent(IP.tarpit, 587));
  counter = await startCounter(IP.counter, 587);
  servers.push(counter);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await dns?.close();
  if (pki) await removeTestPki(pki);
});

function env(): NodeJS.ProcessEnv {
  return {
    MAILCHECK_DNS_SERVERS: dns.server,
    NODE_EXTRA_CA_CERTS: pki.ca.certFile,
    MAILCHECK_ISPDB_URL: 'https://127.0.0.1:9/v1.1/',
  };
}

const discover = (args: string[], stdin?: string) => runCli(['discover', ...args], { env: env(), stdin });

describe('mailcheck discover', () => {
  it('guesses and verifies a server known only to the local DNS (exit 0, the JSON contract)', async () => {
    const run = await discover(['info@shop-c.test', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const json = parseJsonOutput(run);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['address', 'domain', 'smtp', 'imap', 'pop3', 'oauth', 'candidates', 'lookups']),
    );
    expect(json.address).toBe('info@shop-c.test');
    expect(json.domain).toBe('shop-c.test');
    expect(json.smtp).toEqual({
      host: 'smtp.shop-c.test',
      port: 587,
      security: 'starttls',
      username: 'info@shop-c.test',
      source: 'guess',
      verified: true,
    });
    expect(json.imap).toMatchObject({ host: 'imap.shop-c.test', port: 993, security: 'tls', verified: true });
    expect(json.pop3).toBeNull();
    expect(json.oauth).toBe(false);
    const candidates = json.candidates as Array<Record<string, unknown>>;
    for (const c of candidates) {
      expect(Object.keys(c).sort()).toEqual([
        'host',
        'ms',
        'port',
        'protocol',
        'reachable',
        'security',
        'source',
      ]);
    }
    for (const p of json.problems as Array<Record<string, unknown>>) expect(typeof p.problem).toBe('string');
    // Every guess of a resolving host is listed, answered or not.
    expect(candidates).toContainEqual(
      expect.objectContaining({ host: 'smtp.shop-c.test', port: 587, reachable: true, source: 'guess' }),
    );
    expect(candidates).toContainEqual(expect.objectContaining({ host: 'smtp.shop-c.test', port: 465 }));
    const lookups = json.lookups as Array<Record<string, unknown>>;
    expect(lookups).toContainEqual(
      expect.objectContaining({ kind: 'a', target: 'smtp.shop-c.test', outcome: 'found' }),
    );
    for (const l of lookups) expect(typeof l.ms).toBe('number');
    // Every name went to the local DNS server, including the autoconfig fetch's host name.
    expect(dns.questions).toContain('A autoconfig.shop-c.test');
  });

  it('shows hostile DNS text as visible escapes in the text output, in Italian', async () => {
    const run = await discover(['info@shop-c.test', '--lang', 'it', '--no-probe']);
    expect(run.stdout).toContain('Impostazioni per info@shop-c.test');
    expect(run.stdout).toContain('hostile \\x1b[31mred\\x1b[0m\\nline');
    expect(run.stdout).not.toContain('\u001b');
  });

  it('recognises Microsoft 365 from the MX, marks OAuth, and makes no connection with --no-probe', async () => {
    const run = await discover(['boss@m365.test', '--json', '--no-probe']);
    expect(run.code, run.stderr).toBe(0);
    const json = parseJsonOutput(run);
    expect(json.smtp).toEqual({
      host: 'smtp.office365.com',
      port: 587,
      security: 'starttls',
      username: 'boss@m365.test',
      source: 'mx',
      verified: false,
    });
    expect(json.oauth).toBe(true);
    expect(json.imap).toMatchObject({ host: 'outlook.office365.com', port: 993, security: 'tls' });
  });

  it('in English text, says the provider wants OAuth2 and that nothing was probed', async () => {
    const run = await discover(['boss@m365.test', '--no-probe', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('smtp.office365.com port 587 STARTTLS');
    expect(run.stdout).toContain('This provider wants OAuth2');
    expect(run.stdout).toContain('not probed (--no-probe)');
  });

  it('finds the hoster through the MX host and the bundled ISPDB (ovh.net)', async () => {
    const run = await discover(['shop@ovh-customer.test', '--json', '--no-probe']);
    expect(run.code, run.stderr).toBe(0);
    const json = parseJsonOutput(run);
    expect(json.smtp).toMatchObject({ host: 'ssl0.ovh.net', port: 465, security: 'tls', source: 'mx' });
    expect((json.trust as { smtp: { flags: string[] } }).smtp.flags).toEqual([]);
  });

  it('reads SRV records (RFC 6186/8314), flags a target outside the domain, honours "." as no service', async () => {
    const run = await discover(['a@srv.test', '--json', '--no-probe']);
    expect(run.code, run.stderr).toBe(0);
    const json = parseJsonOutput(run);
    expect(json.smtp).toMatchObject({ host: 'mail.srv.test', port: 465, security: 'tls', source: 'srv' });
    expect(json.imap).toMatchObject({ host: 'imap.mailhost.example', port: 993, source: 'srv' });
    expect((json.trust as { imap: { flags: string[] } }).imap.flags).toEqual(['foreign-host']);
    expect(json.pop3).toBeNull();
  });

  it('uses the bundled ISPDB with no network at all (libero.it)', async () => {
    const run = await discover(['mario@libero.it', '--json', '--no-probe']);
    expect(run.code, run.stderr).toBe(0);
    const json = parseJsonOutput(run);
    expect(json.smtp).toEqual({
      host: 'smtp.libero.it',
      port: 465,
      security: 'tls',
      username: 'mario@libero.it',
      source: 'ispdb',
      verified: false,
    });
    const lookups = json.lookups as Array<Record<string, unknown>>;
    expect(lookups).toContainEqual(
      expect.objectContaining({ kind: 'ispdb-snapshot', target: 'libero.it', outcome: 'found' }),
    );
    expect(lookups.some((l) => l.kind === 'ispdb-live')).toBe(false);
  });

  it('asks the live ISPDB at MAILCHECK_ISPDB_URL for a domain the snapshot lacks (host name via the test DNS)', async () => {
    const run = await runCli(['discover', 'a@live-only.test', '--json', '--no-probe'], {
      env: { ...env(), MAILCHECK_ISPDB_URL: 'https://ispdb.local.test/v1.1/' },
    });
    expect(run.code, run.stderr).toBe(0);
    const json = parseJsonOutput(run);
    expect(json.smtp).toMatchObject({ host: 'smtp.live-only.test', port: 465, source: 'ispdb' });
    expect(json.oauth).toBe(true);
    expect(json.provider).toBe('Live-only provider');
    expect((json.trust as { smtp: { flags: string[]; origin: string } }).smtp).toMatchObject({
      flags: ['live-ispdb'],
      origin: 'https://ispdb.local.test/v1.1/live-only.test',
    });
  });

  it('follows a DNS TXT mailconf= pointer over HTTPS, flagged', async () => {
    const run = await discover(['a@pointer.test', '--json', '--no-probe']);
    expect(run.code, run.stderr).toBe(0);
    const json = parseJsonOutput(run);
    expect(json.smtp).toMatchObject({ host: 'smtp.pointer.test', source: 'autoconfig' });
    expect((json.trust as { smtp: { flags: string[] } }).smtp.flags).toEqual(['dns-pointer']);
  });

  it('flags a config that only came over plain http', async () => {
    const run = await discover(['me@http-only.test', '--json', '--no-probe']);
    expect(run.code, run.stderr).toBe(0);
    const json = parseJsonOutput(run);
    expect(json.smtp).toMatchObject({ host: 'smtp.http-only.test', source: 'autoconfig' });
    expect((json.trust as { smtp: { flags: string[] } }).smtp.flags).toEqual(['http']);
  });

  it('exits 1 when nothing is found', async () => {
    const run = await discover(['nobody@nothing-here.test', '--json']);
    expect(run.code, run.stderr).toBe(1);
    const json = parseJsonOutput(run);
    expect(json.smtp).toBeNull();
    expect(json.candidates).toEqual([]);
    const text = await discover(['nobody@nothing-here.test']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('No outgoing (SMTP) server found');
  });

  it('--no-probe makes no connection to any mail server, and never chooses a guess', async () => {
    const before = counter.connections;
    const run = await discover(['x@quiet.test', '--json', '--no-probe']);
    expect(counter.connections).toBe(before);
    expect(run.code).toBe(1);
    const json = parseJsonOutput(run);
    expect(json.smtp).toBeNull();
    const candidates = json.candidates as Array<Record<string, unknown>>;
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.every((c) => c.reachable === null)).toBe(true);
    // Without --no-probe the same run does connect: the counter is real.
    await discover(['x@quiet.test', '--json', '--timeout', '3000']);
    expect(counter.connections).toBeGreaterThan(before);
  });

  it('Ctrl-C stops a discovery waiting on a silent server: exit 130, cancelled in the JSON', async () => {
    const started = Date.now();
    const run = await runCli(['discover', 'x@tarpit-c.test', '--json'], {
      env: env(),
      onSpawn: (child) => setTimeout(() => child.kill('SIGINT'), 1_000),
    });
    expect(run.code).toBe(130);
    expect(parseJsonOutput(run)).toMatchObject({ cancelled: true, smtp: null });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.each([
    [['not-an-address']],
    [['two@@at.test']],
    [['a@b.test', 'c@d.test']],
    [[]],
    [['a@b.test', '--timeout', 'soon']],
    [['a@b.test', '--lang', 'fr']],
    [['a@b.test', '--unknown']],
  ])('exits 2 on bad usage: %j', async (args) => {
    const run = await discover(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mailcheck: /);
  });

  it('--help prints the usage in both languages (exit 0), and the main help lists discover', async () => {
    const en = await discover(['--help', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Usage: mailcheck discover ADDRESS');
    const italian = await discover(['--help', '--lang', 'it']);
    expect(italian.stdout).toContain('Uso: mailcheck discover INDIRIZZO');
    const main = await runCli(['--help']);
    expect(main.stdout).toContain('mailcheck discover ADDRESS');
  });

  it('exits 2 on a bad MAILCHECK_DNS_SERVERS, with the JSON error when --json is given', async () => {
    const run = await runCli(['discover', 'a@b.test', '--json'], {
      env: { ...env(), MAILCHECK_DNS_SERVERS: 'dns.example.com' },
    });
    expect(run.code).toBe(2);
    expect(parseJsonOutput(run)).toMatchObject({
      ok: false,
      error: { kind: 'usage', field: 'MAILCHECK_DNS_SERVERS' },
    });
  });
});

describe('mailcheck smtp --email', () => {
  it('discovers the server, then tests the login with the password (exit 0)', async () => {
    const run = await runCli(['smtp', '--email', 'info@shop-c.test', '--password-stdin', '--json'], {
      env: env(),
      stdin: `${PASSWORD}\n`,
    });
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const json = parseJsonOutput(run);
    expect(json.request).toMatchObject({
      host: 'smtp.shop-c.test',
      port: 587,
      security: 'starttls',
      user: 'info@shop-c.test',
    });
    const steps = json.steps as Array<{ id: string; status: string }>;
    expect(steps.find((s) => s.id === 'auth')?.status).toBe('pass');
    expect((json.discovery as { smtp: { source: string } }).smtp.source).toBe('guess');
    expect(run.stdout).not.toContain(PASSWORD);
  });

  it('says what it found on stderr in text mode, and a wrong password is the test result (exit 1)', async () => {
    const run = await runCli(['smtp', '--email', 'info@shop-c.test', '--password-stdin', '--lang', 'en'], {
      env: env(),
      stdin: 'wrong password\n',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('found smtp.shop-c.test:587 (starttls) via tried and answered, verified');
  });

  it('with --host, the probe still resolves through MAILCHECK_DNS_SERVERS', async () => {
    const run = await runCli(['smtp', '--host', 'smtp.shop-c.test', '--security', 'starttls', '--json'], {
      env: env(),
    });
    expect(run.code, run.stdout).toBe(0);
    const dnsStep = (
      parseJsonOutput(run).steps as Array<{ id: string; details: { a: { addresses: string[] } } }>
    )[0];
    expect(dnsStep?.details.a.addresses).toEqual([IP.smtp]);
  });

  it('exits 1 when discovery finds no server', async () => {
    const run = await runCli(['smtp', '--email', 'nobody@nothing-here.test'], { env: env() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No outgoing (SMTP) server found');
  });
});
