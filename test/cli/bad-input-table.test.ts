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
import { closedPort } from '../support/servers';
import { createTestPki, removeTestPki, type TestPki } from '../support/pki';

const SECRET = 'Tbl-S3cret-pw!';
/** Generous on a loaded machine; a hang would be 30 s or forever. */
const BOUND_MS = 5_000;

let dir: string;
let port: number;
let pki: TestPki;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailcheck-bad-input-'));
  port = await closedPort();
  pki = await createTestPki();
  await ensureCliBuilt();
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  if (pki) await removeTestPki(pki);
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
