/**
 * Every kind of bad input makes the built CLI exit with 2 and a clear message, and NOTHING reaches
 * the server: a listening socket on the target port counts the connections (must stay 0).
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
const withUser = (port: number): string[] => [
  ...base(port),
  '--host',
  '127.0.0.1',
  '--user',
  'me@example.com',
  '--password-stdin',
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
    mentions: /--verbose/,
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
    mentions: /--password/,
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
];

describe('mailcheck smtp: bad input exits 2 and sends nothing', () => {
  it.each(CASES)('$name', async ({ args, stdin, mentions }) => {
    const before = server.connections();
    const run = await runCli(args(server.port), {
      stdin,
      env: { MAILCHECK_CONFIG_DIR: join(dir, 'config') },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mailcheck: /);
    expect(run.stderr).toMatch(mentions);
    expect(run.stdout).toBe('');
    // Give a stray connection time to arrive before counting.
    await new Promise((r) => setTimeout(r, 50));
    expect(server.connections()).toBe(before);
    expect(run.stderr).not.toContain('argv-secret-9f3b');
    expect(run.stderr).not.toContain(PASSWORD_LINE.trim());
  });

  it('with --json, stdout is one JSON object naming the field, in Italian with --lang it', async () => {
    const before = server.connections();
    const run = await runCli(['smtp', '--host', '127.0.0.1', '--port', '99999', '--json', '--lang', 'it']);
    expect(run.code).toBe(2);
    const json = parseJsonOutput(run);
    expect(json).toMatchObject({ ok: false, error: { kind: 'usage', field: 'port' } });
    expect(String((json.error as { message: string }).message)).toMatch(/deve essere un numero/);
    expect(server.connections()).toBe(before);
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
  ])('%s with NUL is refused before any network use', async (field, extra) => {
    const before = server.connections();
    const flags = parseSmtpFlags(['--host', '127.0.0.1', ...extra]);
    const error = await resolveSmtpSettings(flags, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).field).toBe(field);
    expect(server.connections()).toBe(before);
  });
});
