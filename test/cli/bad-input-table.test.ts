/**
 * Careless input, flag by flag (issue 9): every flag of `mailcheck smtp` given a bad value, and every
 * file input given something that is not a small regular file. Each case asserts the exit code 2
 * (nothing sent), what the message names, a time bound, and that a secret on stdin never comes back.
 * The real binary runs the cases where the process itself could hang (a FIFO, /dev/zero).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli } from './cli-runner';
import { runSmtpInProcess } from '../support/in-process-cli';
import { closedPort, startRawServer, type RunningServer } from '../support/servers';
import { createTestPki, removeTestPki, type TestPki } from '../support/pki';

const SECRET = 'Tbl-S3cret-pw!';
/** Generous on a loaded machine; a hang would be 30 s or forever. */
const BOUND_MS = 5_000;

let dir: string;
let port: number;
let pki: TestPki;
/** The target of every table row: a usage error must not even connect to it. */
let target: RunningServer;
let connections = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailcheck-bad-input-'));
  port = await closedPort();
  pki = await createTestPki();
  target = await startRawServer((socket) => {
    connections++;
    socket.destroy();
  });
  await ensureCliBuilt();
}, 120_000);
afterAll(async () => {
  await target?.close();
  await rm(dir, { recursive: true, force: true });
  if (pki) await removeTestPki(pki);
});

interface Row {
  flag: string;
  bad: string;
  args: (targetPort: number) => string[];
  stdin?: string;
  mentions: RegExp;
}

const at = (p: number): string[] => ['--host', '127.0.0.1', '--port', String(p)];
const login = (p: number): string[] => [...at(p), '--user', 'mario@example.it', '--password-stdin'];
const SECRET_LINE = `${SECRET}\n`;

/** Every flag of `mailcheck smtp`, given something careless. */
const TABLE: Row[] = [
  { flag: '--host', bad: 'missing', args: () => ['--port', '25'], mentions: /Missing --host/ },
  {
    flag: '--host',
    bad: 'with CR/LF',
    args: () => ['--host', 'a.example\r\nQUIT'],
    mentions: /--host must be/,
  },
  {
    flag: '--host',
    bad: 'an ESC sequence',
    args: () => ['--host', 'a\u001b[2Jb'],
    mentions: /--host must be/,
  },
  {
    flag: '--host',
    bad: 'no value',
    args: () => ['--host'],
    mentions: /Argument 1 is an option that needs a value/,
  },
  {
    flag: '--email',
    bad: 'not an address',
    args: (p) => [...at(p), '--email', 'not an address'],
    mentions: /--email must be an e-mail address/,
  },
  { flag: '--port', bad: 'zero', args: (p) => [...at(p), '--port', '0'], mentions: /--port must be/ },
  { flag: '--port', bad: 'a word', args: (p) => [...at(p), '--port', 'smtp'], mentions: /--port must be/ },
  {
    flag: '--security',
    bad: 'unknown',
    args: (p) => [...at(p), '--security', 'ssl'],
    mentions: /--security must be/,
  },
  {
    flag: '--user',
    bad: 'with LF',
    args: (p) => [...at(p), '--user', 'a@b.it\nRSET', '--password-stdin'],
    stdin: SECRET_LINE,
    mentions: /--user must not/,
  },
  {
    flag: '--user',
    bad: 'surrounding spaces',
    args: (p) => [...at(p), '--user', ' a@b.it', '--password-stdin'],
    stdin: SECRET_LINE,
    mentions: /--user must not/,
  },
  {
    flag: '--password-stdin',
    bad: 'without --user',
    args: (p) => [...at(p), '--password-stdin'],
    stdin: SECRET_LINE,
    mentions: /needs --user/,
  },
  {
    flag: '--password-stdin',
    bad: 'given a value',
    args: (p) => [...login(p).slice(0, -1), `--password-stdin=${SECRET}`],
    mentions: /takes none/,
  },
  {
    flag: '--password-stdin',
    bad: 'a password on argv',
    args: (p) => [...login(p), SECRET],
    stdin: SECRET_LINE,
    mentions: /value without an option/,
  },
  {
    flag: '--ca',
    bad: 'a folder',
    args: (p) => [...login(p), '--ca', '/'],
    stdin: SECRET_LINE,
    mentions: /is a folder/,
  },
  {
    flag: '--from',
    bad: 'without --to',
    args: (p) => [...login(p), '--from', 'a@b.it'],
    stdin: SECRET_LINE,
    mentions: /both --from and --to/,
  },
  {
    flag: '--to',
    bad: 'with CR/LF',
    args: (p) => [...login(p), '--from', 'a@b.it', '--to', 'c@d.it\r\nDATA'],
    stdin: SECRET_LINE,
    mentions: /--to must not/,
  },
  {
    flag: '--timeout',
    bad: 'fractional',
    args: (p) => [...at(p), '--timeout', '1.5'],
    mentions: /--timeout must be/,
  },
  {
    flag: '--timeout',
    bad: 'beyond the limit',
    args: (p) => [...at(p), '--timeout', '999999'],
    mentions: /timeout/i,
  },
  { flag: '--lang', bad: 'unknown', args: (p) => [...at(p), '--lang', 'fr'], mentions: /--lang must be/ },
  { flag: '--json', bad: 'given a value', args: (p) => [...at(p), '--json=yes'], mentions: /takes none/ },
  {
    flag: '--allow-plaintext-auth',
    bad: 'given a value',
    args: (p) => [...at(p), '--allow-plaintext-auth=1'],
    mentions: /takes none/,
  },
  {
    flag: '--save',
    bad: 'an empty name',
    args: (p) => [...at(p), '--save', ''],
    mentions: /profile name is empty/,
  },
  { flag: '--profile', bad: 'unknown', args: () => ['--profile', 'nessuno'], mentions: /No saved profile/ },
  { flag: '--auth', bad: 'unknown', args: (p) => [...at(p), '--auth', 'ntlm'], mentions: /--auth must be/ },
  {
    flag: '--auth',
    bad: 'without --user',
    args: (p) => [...at(p), '--auth', 'password'],
    mentions: /needs --user/,
  },
  { flag: '--client-id', bad: 'no value', args: (p) => [...at(p), '--client-id'], mentions: /needs a value/ },
  {
    flag: '--tenant',
    bad: 'a path',
    args: (p) => [...at(p), '--user', 'a@b.it', '--auth', 'oauth2', '--tenant', '../evil'],
    mentions: /--tenant must be/,
  },
  {
    flag: '--access-token-stdin',
    bad: 'with --password-stdin',
    args: (p) => [...login(p), '--access-token-stdin'],
    stdin: SECRET_LINE,
    mentions: /cannot be used together/,
  },
  { flag: '--help', bad: 'given a value', args: (p) => [...at(p), '--help=me'], mentions: /takes none/ },
  {
    flag: '(none)',
    bad: 'an unknown flag',
    args: (p) => [...at(p), '--verbose'],
    mentions: /unknown option/,
  },
];

describe('a bad value for every flag: exit 2, named, nothing sent, nothing echoed', () => {
  it.each(TABLE.map((row) => [`${row.flag}: ${row.bad}`, row] as const))('%s', async (_name, row) => {
    const before = connections;
    const started = Date.now();
    const run = await runSmtpInProcess(row.args(target.port), {
      stdin: row.stdin,
      stdinTimeoutMs: 2000,
      env: { XDG_CONFIG_HOME: dir },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(row.mentions);
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
    expect(connections).toBe(before);
    expect(run.stderr + run.stdout).not.toContain(SECRET);
    // Shown, never obeyed: no raw control character reaches the terminal.
    expect(run.stderr.includes('\u001b')).toBe(false);
  });

  it('covers every flag of mailcheck smtp', async () => {
    const { SMTP_FLAG_NAMES } = await import('../../src/cli/smtp-options');
    const covered = new Set(TABLE.map((row) => row.flag.replace(/^--/, '')));
    expect(SMTP_FLAG_NAMES.filter((name) => !covered.has(name))).toEqual([]);
  });
});

const base = (): string[] => ['--host', '127.0.0.1', '--port', String(port), '--security', 'starttls'];

describe('file inputs (--ca)', () => {
  it.each([
    ['a folder', () => dir, /is a folder, not a file/],
    ['a device (/dev/null)', () => '/dev/null', /is a device, not a file/],
    ['a missing file', () => join(dir, 'missing.pem'), /does not exist/],
  ])('%s: exit 2, named', async (_name, path, message) => {
    const args = [...base(), '--user', 'mario@example.it', '--password-stdin', '--ca', path()];
    const run = await runSmtpInProcess(args, { stdin: `${SECRET}\n` });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr + run.stdout).not.toContain(SECRET);
  });

  it('a file over 1 MB: exit 2 before reading it', async () => {
    const big = join(dir, 'big.pem');
    await writeFile(big, Buffer.alloc(1_000_001, 'A'));
    const run = await runSmtpInProcess([...base(), '--ca', big]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/larger than 1 MB/);
  });

  it.each([
    ['only a PEM header', '-----BEGIN CERTIFICATE-----\n'],
    [
      'a PEM block that is not a certificate',
      '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n',
    ],
    ['no PEM at all', 'hello\n'],
  ])('%s: exit 2, no certificate', async (_name, content) => {
    const path = join(dir, 'bad.pem');
    await writeFile(path, content);
    const run = await runSmtpInProcess([...base(), '--ca', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/holds no certificate that can be read/);
  });

  it('a real CA file is accepted (the test then runs: nothing listens, exit 1)', async () => {
    const path = join(dir, 'ca.pem');
    await writeFile(path, pki.ca.cert);
    const run = await runSmtpInProcess([...base(), '--ca', path, '--timeout', '2000']);
    expect(run.code).toBe(1);
  });

  it('a FIFO with no writer: the process exits 2 at once, naming it (no hang)', async () => {
    const fifo = join(dir, 'ca.fifo');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const run = await runCli(['smtp', ...base(), '--ca', fifo, '--timeout', '1000'], { timeoutMs: 20_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/named pipe \(FIFO\)/);
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
  });

  it('/dev/zero: the process exits 2 at once without reading it', async () => {
    const started = Date.now();
    const run = await runCli(['smtp', ...base(), '--ca', '/dev/zero'], { timeoutMs: 20_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is a device/);
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
  });
});

describe('stdin', () => {
  it('a silent pipe: "no password arrived in time", exit 2', async () => {
    const started = Date.now();
    const run = await runSmtpInProcess([...base(), '--user', 'mario@example.it', '--password-stdin'], {
      stdin: 'silent',
      stdinTimeoutMs: 300,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no password arrived on standard input in time/);
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
  });

  it('an empty pipe: "held no password", exit 2', async () => {
    const run = await runSmtpInProcess([...base(), '--user', 'mario@example.it', '--password-stdin'], {
      stdin: '',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/held no password/);
  });
});
