/**
 * The engine against a real Postfix + Dovecot SASL (test/mta): success on submission (STARTTLS)
 * and smtps (implicit TLS), a send to a local recipient that Postfix queues, and the diagnoses of
 * the common failures: wrong password, sending without a login or before STARTTLS, wrong TLS mode
 * both ways, untrusted certificate.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runProbe } from '../../src/engine/probe';
import { renderDiagnosis } from '../../src/shared/diagnoses';
import type { ProbeRequest, ProbeResult } from '../../src/shared/probe-types';
import { leakedForms, secretForms } from '../support/secret-forms';
import { MTA_LOCAL_RECIPIENT, startMta, type RunningMta } from '../mta/mta';

/** A wrong-mode connection ends on a timeout: keep it short so the test stays fast. */
const PROBE_TIMEOUT_MS = 4_000;
const MAILLOG_WAIT_MS = 10_000;
/** Long enough that finishing well before it shows the silent port was not waited out. */
const AUTO_TIMEOUT_MS = 10_000;

let mta: RunningMta;

beforeAll(async () => {
  mta = await startMta();
});

afterEach(async ({ task }) => {
  // Postfix's and Dovecot's own view of a failed case is usually the fastest explanation.
  if (task.result?.state === 'fail') await mta?.dumpLogs();
});

afterAll(async () => {
  await mta?.stop();
});

function request(overrides: Partial<ProbeRequest> = {}): ProbeRequest {
  return {
    host: '127.0.0.1',
    port: mta.submissionPort,
    security: 'starttls',
    auth: { method: 'password', user: mta.user, password: mta.password },
    caPem: mta.caPem,
    timeoutMs: PROBE_TIMEOUT_MS,
    ...overrides,
  };
}

async function probe(overrides: Partial<ProbeRequest> = {}): Promise<ProbeResult> {
  const result = await runProbe(request(overrides));
  // Whatever the outcome, the result (transcript, replies, details) must not carry the password.
  expect(leakedForms(JSON.stringify(result), secretForms(mta.password, mta.user))).toEqual([]);
  return result;
}

function statusOf(result: ProbeResult, id: string): string | undefined {
  return result.steps.find((s) => s.id === id)?.status;
}

async function waitForMaillog(pattern: RegExp): Promise<boolean> {
  const deadline = Date.now() + MAILLOG_WAIT_MS;
  while (Date.now() < deadline) {
    if (pattern.test(await mta.readMaillog())) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('engine × Postfix: success', () => {
  it('STARTTLS on the submission port: every step passes, trusted TLS, logged in', async () => {
    const result = await probe();
    expect(result.diagnosis).toBeNull();
    expect(result.ok).toBe(true);
    expect(statusOf(result, 'tls')).toBe('pass');
    expect(statusOf(result, 'auth')).toBe('pass');
    expect(result.steps.every((s) => s.status !== 'fail')).toBe(true);
    expect(result.tls).toMatchObject({ mode: 'starttls', trusted: true, hostnameMatches: true });
    expect(result.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(result.server.securityUsed).toBe('starttls');
    expect(result.server.greeting).toMatch(/^220 /);
    expect(result.server.authMechanisms).toEqual(expect.arrayContaining(['PLAIN', 'LOGIN']));
    // Postfix itself records the successful login of that session.
    expect(await waitForMaillog(/submission\/smtpd.*disconnect from .*starttls=1 auth=1 /)).toBe(true);
  });

  it('implicit TLS on the smtps port', async () => {
    const result = await probe({ port: mta.smtpsPort, security: 'tls' });
    expect(result.diagnosis).toBeNull();
    expect(result.ok).toBe(true);
    expect(result.tls).toMatchObject({ mode: 'implicit', trusted: true });
    expect(result.server.securityUsed).toBe('tls');
  });

  it('auto mode on the smtps port: finds implicit TLS on a second connection, continues, tls warns', async () => {
    const started = Date.now();
    const result = await probe({ port: mta.smtpsPort, security: 'auto', timeoutMs: AUTO_TIMEOUT_MS });
    expect(result.diagnosis).toBeNull();
    expect(result.ok).toBe(true);
    expect(result.server.securityUsed).toBe('tls');
    expect(result.tls).toMatchObject({ mode: 'implicit', trusted: true, hostnameMatches: true });
    expect(statusOf(result, 'tls')).toBe('warn');
    expect(result.steps.find((s) => s.id === 'tls')?.summary.en).toMatch(/SSL\/TLS\), not STARTTLS/);
    expect(statusOf(result, 'auth')).toBe('pass');
    expect(result.server.greeting).toMatch(/^220 /);
    // Found after the silent-port delay, long before the greeting timeout.
    expect(Date.now() - started).toBeLessThan(AUTO_TIMEOUT_MS / 2);
    expect(result.transcript.some((l) => /continuing on connection 2/.test(l.text))).toBe(true);
  });

  it('auto mode finds STARTTLS on the submission port', async () => {
    const result = await probe({ security: 'auto' });
    expect(result.ok).toBe(true);
    expect(result.server.securityUsed).toBe('starttls');
  });

  it('a test message to a local recipient is queued by Postfix', async () => {
    const result = await probe({ send: { from: mta.user, to: MTA_LOCAL_RECIPIENT } });
    expect(result.diagnosis).toBeNull();
    expect(statusOf(result, 'send')).toBe('pass');
    const queued = result.transcript.map((l) => l.text).find((t) => /queued as [0-9A-F]+/.test(t));
    expect(queued).toBeDefined();
    const queueId = /queued as ([0-9A-F]+)/.exec(queued ?? '')?.[1] ?? 'none';
    // Postfix's own log shows that very message going to the local recipient.
    expect(await waitForMaillog(new RegExp(`${queueId}: to=<${MTA_LOCAL_RECIPIENT}>.*status=sent`))).toBe(
      true,
    );
  });
});

describe('engine × Postfix: diagnoses', () => {
  it('wrong password → auth.rejected', async () => {
    const result = await probe({
      auth: { method: 'password', user: mta.user, password: 'not-the-password' },
    });
    expect(result.ok).toBe(false);
    expect(statusOf(result, 'auth')).toBe('fail');
    expect(result.diagnosis).toMatchObject({ id: 'auth.rejected', step: 'auth' });
    expect(result.diagnosis?.reply).toMatch(/^535/);
    // Postfix is not Microsoft: the advice fits a generic server, with no Outlook guide.
    for (const lang of ['en', 'it'] as const) {
      const rendered = renderDiagnosis(result.diagnosis!, lang);
      expect(rendered.advice.join('\n')).not.toMatch(/Outlook|Hotmail|Microsoft/);
      expect(rendered.guide).toBeNull();
    }
  });

  it('sending without a login on the submission port → send.auth-required (Postfix’s client restriction)', async () => {
    const result = await probe({ auth: undefined, send: { from: mta.user, to: MTA_LOCAL_RECIPIENT } });
    expect(result.ok).toBe(false);
    expect(result.diagnosis).toMatchObject({ id: 'send.auth-required', step: 'send' });
    expect(result.diagnosis?.reply).toMatch(/^554 5\.7\.1 .*Client host rejected: Access denied/);
  });

  it('a message before STARTTLS on a port that requires it → auth.starttls-required', async () => {
    const result = await probe({
      security: 'none',
      auth: undefined,
      send: { from: mta.user, to: MTA_LOCAL_RECIPIENT },
    });
    expect(result.ok).toBe(false);
    expect(result.diagnosis).toMatchObject({ id: 'auth.starttls-required', step: 'send' });
    expect(result.diagnosis?.reply).toMatch(/^530 5\.7\.0 Must issue a STARTTLS command first/);
  });

  it('implicit TLS against the STARTTLS port → tls.mode-mismatch', async () => {
    const result = await probe({ security: 'tls' });
    expect(result.ok).toBe(false);
    expect(result.diagnosis?.id).toBe('tls.mode-mismatch');
  });

  it('STARTTLS against the implicit-TLS port → tls.mode-mismatch', async () => {
    const result = await probe({ port: mta.smtpsPort, security: 'starttls' });
    expect(result.ok).toBe(false);
    expect(result.diagnosis?.id).toBe('tls.mode-mismatch');
  });

  it('a certificate from an unknown CA (no caPem) → tls.untrusted, and no password is sent', async () => {
    const result = await probe({ caPem: undefined });
    expect(result.ok).toBe(false);
    expect(result.diagnosis).toMatchObject({ id: 'tls.untrusted', step: 'tls' });
    // The login step never started: no AUTH command left the client, in any form.
    expect(statusOf(result, 'auth')).toBe('skip');
    expect(result.transcript.filter((l) => l.dir === 'client' && /^AUTH\b/i.test(l.text))).toEqual([]);
    expect(result.tls?.trusted).toBe(false);
  });
});
