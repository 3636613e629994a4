/**
 * The BUILT CLI (node bin/mailcheck.js … --json, password on stdin) against the real Postfix:
 * the same success and failure cases as the engine test, as people and scripts see them
 * (exit code, the JSON object, the human text).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, parseJsonOutput, runCli, type CliRun } from '../cli/cli-runner';
import { leakedForms, secretForms } from '../support/secret-forms';
import { MTA_LOCAL_RECIPIENT, startMta, type RunningMta } from '../mta/mta';

const TIMEOUT_FLAG = ['--timeout', '4000'];
let mta: RunningMta;

beforeAll(async () => {
  await Promise.all([ensureCliBuilt(), startMta().then((m) => (mta = m))]);
});

afterEach(async ({ task }) => {
  // Postfix's and Dovecot's own view of a failed case is usually the fastest explanation.
  if (task.result?.state === 'fail') await mta?.dumpLogs();
});

afterAll(async () => {
  await mta?.stop();
});

interface Run extends CliRun {
  json: Record<string, unknown>;
}

/** `mailcheck smtp` at the local Postfix as the test user, password on stdin, human output. */
function humanCli(args: string[], password = mta.password): Promise<CliRun> {
  return runCli(
    ['smtp', '--host', '127.0.0.1', '--user', mta.user, '--password-stdin', ...TIMEOUT_FLAG, ...args],
    { stdin: `${password}\n`, env: { MAILCHECK_CONFIG_DIR: '/nonexistent-mailcheck-config' } },
  );
}

/** The same with --json, checked for leaks of the password. */
async function cli(args: string[], password = mta.password): Promise<Run> {
  const run = await humanCli(['--json', ...args], password);
  expect(leakedForms(run.stdout + run.stderr, secretForms(mta.password, mta.user))).toEqual([]);
  return { ...run, json: parseJsonOutput(run) };
}

const diagnosisId = (run: Run): unknown => (run.json.diagnosis as { id?: string } | null)?.id;

describe('CLI × Postfix', () => {
  it('STARTTLS on submission: exit 0, JSON with every step, no diagnosis', async () => {
    const run = await cli([
      '--port',
      String(mta.submissionPort),
      '--security',
      'starttls',
      '--ca',
      mta.caFile,
    ]);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ ok: true, diagnosis: null, tls: { mode: 'starttls', trusted: true } });
    const steps = run.json.steps as Array<{ id: string; status: string; ms: number; summary: unknown }>;
    expect(steps.map((s) => s.id)).toEqual(
      expect.arrayContaining(['tcp', 'greeting', 'ehlo', 'tls', 'auth']),
    );
    for (const step of steps) {
      expect(typeof step.summary).toBe('string');
      expect(typeof step.ms).toBe('number');
    }
    expect(run.json).toHaveProperty('transcript');
    expect(run.json).toHaveProperty('server');
    expect(run.json).toHaveProperty('request');
    expect(typeof run.json.totalMs).toBe('number');
  });

  it('a password piped with a CRLF line end (Windows) works: only the line end is stripped', async () => {
    const run = await cli(['--port', String(mta.submissionPort), '--ca', mta.caFile], `${mta.password}\r`);
    expect(run.code, run.stderr).toBe(0);
  });

  it('implicit TLS on smtps: exit 0', async () => {
    const run = await cli(['--port', String(mta.smtpsPort), '--security', 'tls', '--ca', mta.caFile]);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ ok: true, tls: { mode: 'implicit' } });
  });

  it('auto on the implicit-TLS port: continues over SSL/TLS, exit 0, and the text says to read the warning', async () => {
    const human = await humanCli(['--port', String(mta.smtpsPort), '--security', 'auto', '--ca', mta.caFile]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/⚠ encryption \(TLS\).*implicit TLS \(SSL\/TLS\), not STARTTLS/);
    expect(human.stdout).toMatch(/It works, but read the warning/);
    expect(human.stdout).not.toMatch(/All steps passed/);
  });

  it('--from/--to: the test message is queued', async () => {
    const run = await cli([
      '--port',
      String(mta.submissionPort),
      '--ca',
      mta.caFile,
      '--from',
      mta.user,
      '--to',
      MTA_LOCAL_RECIPIENT,
    ]);
    expect(run.code).toBe(0);
    const send = (run.json.steps as Array<{ id: string; status: string }>).find((s) => s.id === 'send');
    expect(send?.status).toBe('pass');
    expect(JSON.stringify(run.json.transcript)).toMatch(/queued as [0-9A-F]+/);
  });

  it('wrong password: exit 1, auth.rejected with advice', async () => {
    const run = await cli(['--port', String(mta.submissionPort), '--ca', mta.caFile], 'wrong-password');
    expect(run.code).toBe(1);
    expect(diagnosisId(run)).toBe('auth.rejected');
    const diagnosis = run.json.diagnosis as { title: string; advice: string[]; reply: string };
    expect(diagnosis.title.length).toBeGreaterThan(0);
    expect(diagnosis.advice.length).toBeGreaterThan(0);
    expect(diagnosis.reply).toMatch(/^535/);
  });

  it('--security tls on the STARTTLS port: exit 1, tls.mode-mismatch', async () => {
    const run = await cli(['--port', String(mta.submissionPort), '--security', 'tls', '--ca', mta.caFile]);
    expect(run.code).toBe(1);
    expect(diagnosisId(run)).toBe('tls.mode-mismatch');
  });

  it('--security starttls on the implicit-TLS port: exit 1, tls.mode-mismatch', async () => {
    const run = await cli(['--port', String(mta.smtpsPort), '--security', 'starttls', '--ca', mta.caFile]);
    expect(run.code).toBe(1);
    expect(diagnosisId(run)).toBe('tls.mode-mismatch');
  });

  it('without --ca the private CA is untrusted: exit 1, tls.untrusted', async () => {
    const run = await cli(['--port', String(mta.submissionPort)]);
    expect(run.code).toBe(1);
    expect(diagnosisId(run)).toBe('tls.untrusted');
  });

  it('human output in Italian: step lines, the diagnosis, numbered advice and the raw reply', async () => {
    const run = await humanCli(
      ['--port', String(mta.submissionPort), '--ca', mta.caFile, '--lang', 'it'],
      'wrong-password',
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✔ connessione/);
    expect(run.stdout).toMatch(/✖ accesso/);
    expect(run.stdout).toMatch(/Problema: .+\[auth\.rejected\]/);
    expect(run.stdout).toMatch(/Cosa fare:\n {2}1\. /);
    expect(run.stdout).toMatch(/Risposta del server:\n {2}535 /);
  });
});
