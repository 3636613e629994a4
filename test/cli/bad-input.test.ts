/**
 * Every kind of bad input makes the built CLI exit with 2 and a clear message, and NOTHING reaches
 * the server: a listening socket on the target port counts the connections (must stay 0).
 * The count is only meaningful when the run targets that socket (host 127.0.0.1, the recorder's
 * port, or an OAuth sign-in sent to it): cases whose bad value is the host or the port itself
 * could not reach it whatever the CLI did, so they are counted as such, not as checks.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSmtpSettings } from '../../src/cli/smtp-settings';
import { parseSmtpFlags } from '../../src/cli/smtp-options';
import { UsageError } from '../../src/cli/usage-error';
import { ensureCliBuilt, parseJsonOutput, runCli } from './cli-runner';
import { startRecordingServer, type RecordingServer } from './recording-server';

let server: RecordingServer;
let dir: string;
let notPem: string;

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startRecordingServer();
  dir = await mkdtemp(join(tmpdir(), 'mailcheck-cli-bad-'));
  notPem = join(dir, 'not-a-cert.txt');
  await writeFile(notPem, 'hello, I am not a certificate\n');
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const PASSWORD_LINE = 'a-password-for-bad-input-tests\n';

interface Case {
  name: string;
  args: (port: number) => string[];
  stdin?: string;
  /** A word the message must contain (the field it is about). */
  mentions: RegExp;
}

const base = (port: number): string[] => [
  'smtp',
  '--port',
  String(port),
  '--security',
  'starttls',
  '--timeout',
  '3000',
];
/** The base flags plus the loopback host and a user: everything but the login method. */
const withHostAndUser = (port: number): string[] => [
  ...base(port),
  '--host',
  '127.0.0.1',
  '--user',
  'me@example.com',
];
const withUser = (port: number): string[] => [...withHostAndUser(port), '--password-stdin'];

/** Not a tenant: spaces, slashes, dot-dot, empty, a bare word, a malformed id or domain. */
const BAD_TENANTS = [
  '',
  'my tenant',
  'a/b',
  '..',
  '../common',
  'contoso..com',
  'contoso',
  '-x.com',
  '1234-5678',
];
const TOKEN_LINE = 'an-access-token-for-bad-input-tests\n';
/** An OAuth run that, were the input accepted, would try to sign in (at the loopback recorder). */
const oauth = (port: number): string[] => [
  ...withHostAndUser(port),
  '--auth',
  'oauth2',
  '--client-id',
  '11111111-2222-3333-4444-555555555555',
];

const CASES: Case[] = [
  { name: 'missing host', args: (p) => base(p), mentions: /--host/ },
  { name: 'empty host', args: (p) => [...base(p), '--host', ''], mentions: /host/i },
  { name: 'malformed host', args: (p) => [...base(p), '--host', 'bad..host'], mentions: /server name|host/i },
  { name: 'host with a space', args: (p) => [...base(p), '--host', 'smtp example.com'], mentions: /host/i },
  { name: 'host with CR/LF', args: (p) => [...base(p), '--host', '127.0.0.1\r\nQUIT'], mentions: /host/i },
  { name: 'host with a trailing LF', args: (p) => [...base(p), '--host', '127.0.0.1\n'], mentions: /host/i },
  {
    name: 'host longer than 253',
    args: (p) => [...base(p), '--host', `${'a'.repeat(60)}.`.repeat(5) + 'com'],
    mentions: /253/,
  },
  { name: 'port 0', args: () => ['smtp', '--host', '127.0.0.1', '--port', '0'], mentions: /65535/ },
  { name: 'port 65536', args: () => ['smtp', '--host', '127.0.0.1', '--port', '65536'], mentions: /65535/ },
  {
    name: 'port not a number',
    args: () => ['smtp', '--host', '127.0.0.1', '--port', '58x'],
    mentions: /65535/,
  },
  { name: 'negative port', args: () => ['smtp', '--host', '127.0.0.1', '--port=-1'], mentions: /65535/ },
  {
    name: 'unknown security',
    args: (p) => [...base(p), '--host', '127.0.0.1', '--security', 'ssl'],
    mentions: /security/,
  },
  {
    name: 'bad timeout',
    args: (p) => [...base(p), '--host', '127.0.0.1', '--timeout', 'soon'],
    mentions: /timeout/,
  },
  {
    name: 'timeout beyond the engine limit',
    args: (p) => [...base(p), '--host', '127.0.0.1', '--timeout', '999999'],
    mentions: /timeout/i,
  },
  { name: 'bad lang', args: (p) => [...base(p), '--host', '127.0.0.1', '--lang', 'fr'], mentions: /lang/ },
  {
    name: 'user with CR/LF',
    args: (p) => [...base(p), '--host', '127.0.0.1', '--user', 'me@example.com\r\nRSET', '--password-stdin'],
    stdin: PASSWORD_LINE,
    mentions: /--user/,
  },
  {
    name: 'sender with CR/LF',
    args: (p) => [...withUser(p), '--from', 'me@example.com\r\nRCPT TO:<x@y.z>', '--to', 'you@example.com'],
    stdin: PASSWORD_LINE,
    mentions: /--from/,
  },
  {
    name: 'malformed recipient',
    args: (p) => [...withUser(p), '--from', 'me@example.com', '--to', 'not an address'],
    stdin: PASSWORD_LINE,
    mentions: /recipient|to/i,
  },
  {
    name: '--from without --to',
    args: (p) => [...withUser(p), '--from', 'me@example.com'],
    stdin: PASSWORD_LINE,
    mentions: /--to/,
  },
  {
    name: 'unreadable CA file',
    args: (p) => [...withUser(p), '--ca', '/nonexistent/ca.pem'],
    stdin: PASSWORD_LINE,
    mentions: /CA file/,
  },
  {
    name: 'CA file that is not PEM',
    args: (p) => [...withUser(p), '--ca', notPem],
    stdin: PASSWORD_LINE,
    mentions: /PEM/,
  },
  { name: '--user with empty stdin', args: (p) => withUser(p), stdin: '', mentions: /password/i },
  {
    name: '--user with an empty first line',
    args: (p) => withUser(p),
    stdin: '\nsecond-line\n',
    mentions: /password/i,
  },
  {
    name: '--user without --password-stdin',
    args: (p) => [...base(p), '--host', '127.0.0.1', '--user', 'me@example.com'],
    mentions: /--password-stdin/,
  },
  {
    name: 'unknown flag',
    args: (p) => [...base(p), '--host', '127.0.0.1', '--verbose'],
    // By position and kind, never by value (issue 9).
    mentions: /Argument \d+ is an unknown option/,
  },
  {
    name: 'a password on the command line is refused (unknown flag)',
    args: (p) => [
      ...base(p),
      '--host',
      '127.0.0.1',
      '--user',
      'me@example.com',
      '--password=argv-secret-9f3b',
    ],
    mentions: /Argument \d+ is an unknown option/,
  },
  {
    name: 'unexpected positional',
    args: (p) => [...base(p), '--host', '127.0.0.1', 'extra'],
    mentions: /extra|argument/i,
  },
  {
    name: 'unknown profile',
    args: (p) => [...base(p), '--profile', 'no-such-profile'],
    mentions: /no-such-profile/,
  },
  {
    name: 'bad profile name for --save',
    args: (p) => [...base(p), '--host', '127.0.0.1', '--save', ' padded '],
    mentions: /profile name/i,
  },
  ...BAD_TENANTS.map((tenant): Case => ({
    name: `--tenant ${JSON.stringify(tenant)}`,
    // The = form: parseArgs would take a value starting with "-" for a missing argument.
    args: (p) => [...oauth(p), `--tenant=${tenant}`],
    mentions: /--tenant must be consumers/,
  })),
  {
    name: '--access-token-stdin with --auth password',
    args: (p) => [
      ...oauth(p).filter((a) => a !== 'oauth2' && a !== '--auth'),
      '--auth',
      'password',
      '--access-token-stdin',
    ],
    stdin: TOKEN_LINE,
    mentions: /--access-token-stdin .*--auth password/,
  },
  {
    name: '--access-token-stdin with --auth none',
    args: (p) => [...base(p), '--host', '127.0.0.1', '--auth', 'none', '--access-token-stdin'],
    stdin: TOKEN_LINE,
    mentions: /--access-token-stdin .*--auth none/,
  },
  {
    name: '--access-token-stdin together with --password-stdin',
    args: (p) => [...withUser(p), '--access-token-stdin'],
    stdin: TOKEN_LINE,
    mentions: /--access-token-stdin and --password-stdin/,
  },
  {
    name: '--access-token-stdin without --user',
    args: (p) => [...base(p), '--host', '127.0.0.1', '--access-token-stdin'],
    stdin: TOKEN_LINE,
    mentions: /--access-token-stdin needs --user/,
  },
  {
    name: '--password-stdin with --auth oauth2',
    args: (p) => [...withUser(p), '--auth', 'oauth2'],
    stdin: PASSWORD_LINE,
    mentions: /--password-stdin cannot be used with --auth oauth2/,
  },
];

/** The flag followed by the value, in that order (`--port 123`, not `--port=123`). */
const hasFlag = (args: string[], flag: string, value: string): boolean =>
  args.some((a, i) => a === flag && args[i + 1] === value);

/** Were its input accepted, would this run connect to the recorder? */
const targetsRecorder = (args: string[], port: number): boolean =>
  hasFlag(args, '--host', '127.0.0.1') && hasFlag(args, '--port', String(port));

const cliEnv = (port: number): NodeJS.ProcessEnv => ({
  MAILCHECK_CONFIG_DIR: join(dir, 'config'),
  // Were an OAuth case wrongly accepted, its sign-in would reach the recorder, never Microsoft.
  MAILCHECK_MS_AUTHORITY_HOST: `http://127.0.0.1:${port}`,
});

describe('mailcheck smtp: bad input exits 2 and sends nothing', () => {
  it('most cases target the recorder, so "nothing reached it" is a real check', () => {
    const targeting = CASES.filter((c) => targetsRecorder(c.args(server.port), server.port));
    // All but the 12 whose bad value is the host or the port itself, or that give no host.
    expect(CASES.length - targeting.length).toBe(12);
    expect(targeting.length).toBeGreaterThanOrEqual(30);
  });

  it('the check can fail: accepted input does reach the recorder', async () => {
    const before = server.connections();
    const run = await runCli(
      [
        'smtp',
        '--host',
        '127.0.0.1',
        '--port',
        String(server.port),
        '--security',
        'starttls',
        '--timeout',
        '1000',
      ],
      {
        env: cliEnv(server.port),
      },
    );
    expect(run.code).toBe(1);
    await server.settle();
    // Connection 1, plus (the recorder never greets) the engine's implicit-TLS follow-up.
    expect(server.connections()).toBeGreaterThan(before);
  });

  it.each(CASES)('$name', async ({ args, stdin, mentions }) => {
    const before = server.connections();
    const argv = args(server.port);
    const run = await runCli(argv, { stdin, env: cliEnv(server.port) });
    if (targetsRecorder(argv, server.port)) {
      // Counted first: a guard that stopped working shows up as a connection, not a timeout.
      await server.settle();
      expect(server.connections(), 'connections to the recorder').toBe(before);
    }
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mailcheck: /);
    expect(run.stderr).toMatch(mentions);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toContain('argv-secret-9f3b');
    expect(run.stderr).not.toContain(PASSWORD_LINE.trim());
    expect(run.stderr).not.toContain(TOKEN_LINE.trim());
  });

  it('with --json, stdout is one JSON object naming the field, in Italian with --lang it', async () => {
    const before = server.connections();
    const run = await runCli([
      'smtp',
      '--host',
      '127.0.0.1',
      '--port',
      String(server.port),
      '--timeout',
      '999999',
      '--json',
      '--lang',
      'it',
    ]);
    await server.settle();
    expect(server.connections()).toBe(before);
    expect(run.code).toBe(2);
    const json = parseJsonOutput(run);
    expect(json).toMatchObject({ ok: false, error: { kind: 'usage', field: 'timeoutMs' } });
    expect(String((json.error as { message: string }).message)).toMatch(/Il tempo massimo deve essere tra/);
  });

  it('the language follows the locale when --lang is absent (LC_ALL over LANG)', async () => {
    const italian = await runCli(['smtp', '--host', '127.0.0.1', '--port', '0'], {
      env: { LANG: 'it_IT.UTF-8' },
    });
    expect(italian.stderr).toMatch(/--port deve essere un numero da 1 a 65535/);
    const english = await runCli(['smtp', '--host', '127.0.0.1', '--port', '0'], {
      env: { LANG: 'it_IT.UTF-8', LC_ALL: 'en_GB.UTF-8' },
    });
    expect(english.stderr).toMatch(/--port must be a number from 1 to 65535/);
  });

  it('an unknown command exits 2', async () => {
    const run = await runCli(['smpt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command "smpt"/);
  });
});

describe('input checks the command line cannot even carry (NUL)', () => {
  it.each([
    ['user', ['--user', 'me\u0000@example.com']],
    ['from', ['--from', 'me\u0000@example.com', '--to', 'you@example.com']],
  ])('%s with NUL is refused by the settings resolver (before any network use)', async (field, extra) => {
    // resolveSmtpSettings itself opens no connection, so there is no connection to count here.
    const flags = parseSmtpFlags(['--host', '127.0.0.1', '--port', String(server.port), ...extra]);
    const error = await resolveSmtpSettings(flags, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).field).toBe(field);
  });
});

describe('--tenant', () => {
  const settingsFor = (extra: string[]) =>
    resolveSmtpSettings(
      parseSmtpFlags(['--host', '127.0.0.1', '--user', 'me@example.com', '--auth', 'oauth2', ...extra]),
      null,
    );

  it('defaults to consumers (personal Outlook.com / Hotmail accounts)', async () => {
    expect((await settingsFor([])).tenant).toBe('consumers');
    expect((await settingsFor(['--client-id', 'app'])).oauth).toEqual({
      clientId: 'app',
      tenant: 'consumers',
    });
  });

  it.each([
    'consumers',
    'organizations',
    'common',
    '72f988bf-86f1-41af-91ab-2d7cd011db47',
    'contoso.onmicrosoft.com',
    'mail.example.co.uk',
  ])('accepts %s', async (tenant) => {
    expect((await settingsFor(['--tenant', tenant])).tenant).toBe(tenant);
  });

  it.each(BAD_TENANTS)('refuses %j with a bilingual usage error', async (tenant) => {
    const error = await settingsFor([`--tenant=${tenant}`]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).field).toBe('tenant');
    expect((error as UsageError).localized('it')).toMatch(/--tenant deve essere consumers/);
  });
});

describe('--access-token-stdin', () => {
  it('implies --auth oauth2, also over a profile that uses a password', async () => {
    const flags = parseSmtpFlags(['--host', '127.0.0.1', '--user', 'me@example.com', '--access-token-stdin']);
    expect((await resolveSmtpSettings(flags, null)).authMethod).toBe('oauth2');
    const profile = {
      name: 'p',
      host: '127.0.0.1',
      port: 587,
      security: 'starttls' as const,
      user: 'me@example.com',
      authMethod: 'password' as const,
      updatedAt: '2026-11-27T00:00:00.000Z',
    };
    const overProfile = parseSmtpFlags(['--access-token-stdin']);
    expect((await resolveSmtpSettings(overProfile, profile)).authMethod).toBe('oauth2');
  });
});
