/**
 * Certificates and security modes against real smtp-server fixtures: trusted via caPem, untrusted,
 * expired and mismatched certificates (always refused, details still captured), implicit TLS, and
 * mode mismatches both ways (found with a diagnostic second connection).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProbe } from '../../src/engine/probe';
import type { ProbeEvent, ProbeResult } from '../../src/shared/probe-types';
import { USER, microsoftServer, request } from '../fixtures/providers';
import { createTestPki, removeTestPki, type TestCert, type TestPki } from '../support/pki';
import { answerByVerb, startScriptedSmtp } from '../support/scripted-smtp';
import { startRawServer, startSmtpServer } from '../support/servers';
import * as hostile from '../fixtures/hostile';
import { SILENT_PORT_PROBE_AFTER_MS } from '../../src/engine/probe/constants';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki();
});
afterAll(async () => {
  if (pki) await removeTestPki(pki);
});

const PASSWORD = 'Tls-test-password-77';
/**
 * Long enough that a test finishing well before it proves the probe did not wait for it: every
 * bound below (the behaviour plus SLACK_MS) stays far under it. This file runs in the serial
 * "timing" project of vitest.config.ts; the bounds are generous all the same.
 */
const LONG_TIMEOUT_MS = 20_000;
/** Scheduling slack on a busy 2-core machine. */
const SLACK_MS = 5_000;

/** Resolves once `condition` holds (polled by expect.poll), failing after `limitMs`. */
async function waitFor(condition: () => boolean, limitMs: number): Promise<void> {
  await expect.poll(condition, { timeout: limitMs }).toBe(true);
}

function stepOf(result: ProbeResult, id: string) {
  return result.steps.find((s) => s.id === id);
}

async function probeWith(
  cert: TestCert,
  opts: {
    secure?: boolean;
    security?: 'auto' | 'starttls' | 'tls' | 'none';
    caPem?: string | undefined;
    host?: string;
  } = {},
): Promise<{ result: ProbeResult; authAttempts: number }> {
  let authAttempts = 0;
  const server = await startSmtpServer({
    ...microsoftServer(pki),
    key: cert.key,
    cert: cert.cert,
    secure: opts.secure ?? false,
    onAuth(_auth, _session, callback) {
      authAttempts++;
      callback(null, { user: USER });
    },
  });
  try {
    const req = request(server.port, pki, {
      security: opts.security ?? 'starttls',
      auth: { method: 'password', user: USER, password: PASSWORD },
      host: opts.host ?? 'localhost',
    });
    if ('caPem' in opts) req.caPem = opts.caPem;
    const result = await runProbe(req);
    return { result, authAttempts };
  } finally {
    await server.close();
  }
}

describe('certificates', () => {
  it('trusts a private CA given as caPem and reports the certificate', async () => {
    const { result, authAttempts } = await probeWith(pki.server);
    expect(result.ok).toBe(true);
    expect(authAttempts).toBe(1);
    expect(result.tls).toMatchObject({
      mode: 'starttls',
      trusted: true,
      trustError: null,
      hostnameMatches: true,
      subject: expect.stringContaining('CN=localhost'),
      issuer: expect.stringContaining('Mailcheck Test CA'),
    });
    expect(result.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(result.tls?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(result.tls?.subjectAltNames).toContain('DNS:localhost');
    expect(Date.parse(result.tls!.validTo!)).toBeGreaterThan(Date.now());
  });

  it('refuses the same certificate without the CA: tls.untrusted, no login attempted', async () => {
    const { result, authAttempts } = await probeWith(pki.server, { caPem: undefined });
    expect(result.diagnosis?.id).toBe('tls.untrusted');
    expect(result.steps.find((s) => s.id === 'tls')?.status).toBe('fail');
    expect(result.steps.find((s) => s.id === 'auth')?.status).toBe('skip');
    expect(authAttempts).toBe(0);
    expect(result.tls?.trusted).toBe(false);
    expect(result.tls?.trustError).toMatch(/^UNABLE_TO_(VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT_LOCALLY)$/);
    expect(result.tls?.subject).toContain('CN=localhost');
    // Nothing after the handshake: no second EHLO, no AUTH.
    const afterTls = result.transcript.filter((l) => l.dir === 'client').map((l) => l.text);
    expect(afterTls.filter((t) => t.startsWith('EHLO'))).toHaveLength(1);
    expect(afterTls.some((t) => t.startsWith('AUTH'))).toBe(false);
  });

  it('refuses a self-signed certificate even with another CA trusted', async () => {
    const { result, authAttempts } = await probeWith(pki.selfSigned);
    expect(result.diagnosis?.id).toBe('tls.untrusted');
    expect(result.tls?.trustError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(result.tls?.fingerprint256).toBeTruthy();
    expect(authAttempts).toBe(0);
  });

  it('refuses an expired certificate: tls.expired, dates captured', async () => {
    const { result, authAttempts } = await probeWith(pki.expired);
    expect(result.diagnosis?.id).toBe('tls.expired');
    expect(result.tls?.trustError).toBe('CERT_HAS_EXPIRED');
    expect(result.tls?.validTo).toBe('2020-02-01T00:00:00.000Z');
    expect(authAttempts).toBe(0);
  });

  it('refuses a certificate for another name: tls.hostname-mismatch', async () => {
    const { result, authAttempts } = await probeWith(pki.wrongHost);
    expect(result.diagnosis?.id).toBe('tls.hostname-mismatch');
    expect(result.tls).toMatchObject({
      trusted: true,
      hostnameMatches: false,
      subjectAltNames: ['DNS:wrong.example'],
    });
    expect(authAttempts).toBe(0);
  });

  it('checks the IP address when the host is an IP literal', async () => {
    const { result } = await probeWith(pki.server, { host: '127.0.0.1' });
    expect(result.ok).toBe(true);
    expect(result.steps.find((s) => s.id === 'dns')?.status).toBe('skip');
    expect(result.tls?.hostnameMatches).toBe(true);
  });
});

describe('security modes', () => {
  it('implicit TLS ("465"-style server) with security tls', async () => {
    const { result, authAttempts } = await probeWith(pki.server, { secure: true, security: 'tls' });
    expect(result.ok).toBe(true);
    expect(result.tls?.mode).toBe('implicit');
    expect(result.server.securityUsed).toBe('tls');
    expect(authAttempts).toBe(1);
    expect(result.transcript.some((l) => l.dir === 'client' && l.text === 'STARTTLS')).toBe(false);
  });

  it('implicit TLS with an untrusted certificate is refused before the greeting', async () => {
    const { result, authAttempts } = await probeWith(pki.selfSigned, { secure: true, security: 'tls' });
    expect(result.diagnosis?.id).toBe('tls.untrusted');
    expect(result.diagnosis?.step).toBe('tls');
    expect(result.steps.find((s) => s.id === 'greeting')?.status).toBe('skip');
    expect(authAttempts).toBe(0);
  });

  it('implicit TLS on a STARTTLS port → tls.mode-mismatch (plaintext greeting found by a follow-up)', async () => {
    const { result } = await probeWith(pki.server, { secure: false, security: 'tls' });
    expect(result.diagnosis?.id).toBe('tls.mode-mismatch');
    expect(result.diagnosis?.step).toBe('tls');
    expect(result.diagnosis?.reply).toMatch(/^220 /);
    expect(result.transcript.some((l) => l.dir === 'info' && /greets in plaintext/.test(l.text))).toBe(true);
  });

  it('STARTTLS on an implicit-TLS port (silent) → tls.mode-mismatch within a short timeout', async () => {
    const started = Date.now();
    const server = await startSmtpServer({ ...microsoftServer(pki), secure: true });
    try {
      const result = await runProbe(request(server.port, pki, { security: 'starttls', timeoutMs: 1500 }));
      expect(result.diagnosis?.id).toBe('tls.mode-mismatch');
      expect(result.diagnosis?.step).toBe('greeting');
      expect(result.transcript.some((l) => /answers a TLS handshake/.test(l.text))).toBe(true);
      // The follow-up starts at half the timeout at the latest and answers before it runs out.
      expect(Date.now() - started).toBeLessThan(1500 + SLACK_MS);
    } finally {
      await server.close();
    }
  });

  it('auto on a plain port uses STARTTLS when offered', async () => {
    const { result } = await probeWith(pki.server, { security: 'auto' });
    expect(result.ok).toBe(true);
    expect(result.server.securityUsed).toBe('starttls');
  });

  it('auto without STARTTLS: warns, and keeps the password to itself', async () => {
    const server = await startSmtpServer({ ...microsoftServer(pki), disabledCommands: ['STARTTLS'] });
    try {
      const result = await runProbe(
        request(server.port, pki, {
          security: 'auto',
          auth: { method: 'password', user: USER, password: PASSWORD },
        }),
      );
      expect(result.steps.find((s) => s.id === 'tls')?.status).toBe('warn');
      expect(result.diagnosis?.id).toBe('auth.plaintext-refused');
      expect(result.server.securityUsed).toBe('none');
      const noAuth = await runProbe(request(server.port, pki, { security: 'auto' }));
      expect(noAuth.ok).toBe(true);
      expect(noAuth.steps.find((s) => s.id === 'tls')?.status).toBe('warn');
    } finally {
      await server.close();
    }
  });

  it('security none with allowPlaintextAuth logs in without TLS', async () => {
    const server = await startSmtpServer({
      ...microsoftServer(pki),
      authMethods: ['PLAIN', 'LOGIN'],
      allowInsecureAuth: true,
    });
    try {
      const result = await runProbe(
        request(server.port, pki, {
          security: 'none',
          allowPlaintextAuth: true,
          auth: { method: 'password', user: USER, password: PASSWORD },
        }),
      );
      expect(result.ok).toBe(true);
      expect(result.tls).toBeNull();
      expect(result.server.securityUsed).toBe('none');
      expect(result.transcript.some((l) => l.text === 'STARTTLS')).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('implicit TLS runs the tls step before the greeting (events in real order)', async () => {
    const server = await startSmtpServer({ ...microsoftServer(pki), secure: true });
    const events: ProbeEvent[] = [];
    try {
      const result = await runProbe(request(server.port, pki, { security: 'tls' }), {
        onEvent: (e) => events.push(e),
      });
      expect(result.ok).toBe(true);
      const starts = events.flatMap((e) => (e.type === 'step-start' ? [e.id] : []));
      expect(starts).toEqual(['dns', 'tcp', 'tls', 'greeting', 'ehlo']);
      expect(result.steps.find((s) => s.id === 'ehlo')?.summary.en).toMatch(/^Already encrypted/);
    } finally {
      await server.close();
    }
  });

  it('a server that only knows HELO: ehlo warns, the session goes on unencrypted', async () => {
    const server = await startScriptedSmtp({
      key: pki.server.key,
      cert: pki.server.cert,
      greeting: '220 old.example SMTP ready',
      // EHLO is not recognized (502) either.
      answer: answerByVerb({ HELO: '250 old.example', QUIT: '221 Bye' }),
    });
    try {
      const result = await runProbe(request(server.port, pki, { security: 'auto' }));
      expect(result.ok).toBe(true);
      expect(result.steps.find((s) => s.id === 'ehlo')?.status).toBe('warn');
      expect(result.steps.find((s) => s.id === 'tls')?.status).toBe('warn');
      // QUIT is sent, but the result does not wait for the server to read it.
      await waitFor(() => server.commands.length >= 3, 2000);
      expect(server.commands.map((c) => c.split(' ')[0])).toEqual(['EHLO', 'HELO', 'QUIT']);
    } finally {
      await server.close();
    }
  });
});

describe('silent port: implicit TLS found by a parallel second connection', () => {
  it('auto: continues the whole test over implicit TLS, tls warns that the port is SSL/TLS', async () => {
    let authAttempts = 0;
    const server = await startSmtpServer({
      ...microsoftServer(pki),
      secure: true,
      onAuth(_auth, _session, callback) {
        authAttempts++;
        callback(null, { user: USER });
      },
    });
    const events: ProbeEvent[] = [];
    const started = Date.now();
    try {
      const result = await runProbe(
        request(server.port, pki, {
          security: 'auto',
          timeoutMs: LONG_TIMEOUT_MS,
          auth: { method: 'password', user: USER, password: PASSWORD },
        }),
        { onEvent: (e) => events.push(e) },
      );
      const elapsed = Date.now() - started;
      expect(result.diagnosis).toBeNull();
      expect(result.ok).toBe(true);
      expect(result.server.securityUsed).toBe('tls');
      expect(result.tls).toMatchObject({ mode: 'implicit', trusted: true, hostnameMatches: true });
      const tlsStep = stepOf(result, 'tls');
      expect(tlsStep?.status).toBe('warn');
      expect(tlsStep?.summary.en).toMatch(/implicit TLS \(SSL\/TLS\), not STARTTLS/);
      expect(tlsStep?.summary.it).toMatch(/TLS implicito \(SSL\/TLS\), non STARTTLS/);
      expect(tlsStep?.details).toMatchObject({ implicitTlsFound: true });
      // The silent wait is shown as part of finding the port's TLS: the step times add up.
      expect(tlsStep?.ms).toBeGreaterThanOrEqual(SILENT_PORT_PROBE_AFTER_MS);
      for (const id of ['greeting', 'ehlo', 'auth']) expect(stepOf(result, id)?.status).toBe('pass');
      expect(stepOf(result, 'ehlo')?.summary.en).toMatch(/^Already encrypted/);
      expect(authAttempts).toBe(1);
      // Found shortly after SILENT_PORT_PROBE_AFTER_MS, not after the 10 s greeting timeout.
      expect(elapsed).toBeGreaterThanOrEqual(SILENT_PORT_PROBE_AFTER_MS);
      expect(elapsed).toBeLessThan(SILENT_PORT_PROBE_AFTER_MS + SLACK_MS);
      // The transcript tells both connections apart; no STARTTLS was ever sent.
      const info = result.transcript.filter((l) => l.dir === 'info').map((l) => l.text);
      expect(info).toContainEqual(expect.stringMatching(/^Connection 1: no greeting after \d+ ms$/));
      expect(info).toContainEqual(expect.stringMatching(/^Connection 2: TLS handshake completed/));
      expect(info).toContainEqual(expect.stringMatching(/closing connection 1, continuing on connection 2/));
      expect(result.transcript.some((l) => l.dir === 'client' && l.text === 'STARTTLS')).toBe(false);
      expect(result.transcript.some((l) => l.dir === 'server' && /^220 /.test(l.text))).toBe(true);
      const order = events.map((e) => (e.type === 'step-start' ? `>${e.id}` : `<${e.step.id}`));
      expect(order.indexOf('<tls')).toBeLessThan(order.lastIndexOf('<greeting'));
    } finally {
      await server.close();
    }
  });

  it('auto: an untrusted certificate on the implicit-TLS port is still refused, no login', async () => {
    let authAttempts = 0;
    const server = await startSmtpServer({
      ...microsoftServer(pki),
      key: pki.selfSigned.key,
      cert: pki.selfSigned.cert,
      secure: true,
      onAuth(_auth, _session, callback) {
        authAttempts++;
        callback(null, { user: USER });
      },
    });
    try {
      const result = await runProbe(
        request(server.port, pki, {
          security: 'auto',
          timeoutMs: LONG_TIMEOUT_MS,
          auth: { method: 'password', user: USER, password: PASSWORD },
        }),
      );
      expect(result.ok).toBe(false);
      expect(result.diagnosis).toMatchObject({ id: 'tls.untrusted', step: 'tls' });
      expect(result.tls?.trustError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
      expect(authAttempts).toBe(0);
      expect(result.transcript.some((l) => l.dir === 'client')).toBe(false);
    } finally {
      await server.close();
    }
  });

  for (const security of ['starttls', 'none'] as const) {
    it(`${security}: names tls.mode-mismatch soon after ${SILENT_PORT_PROBE_AFTER_MS} ms, never continues over TLS`, async () => {
      let authAttempts = 0;
      const server = await startSmtpServer({
        ...microsoftServer(pki),
        secure: true,
        onAuth(_auth, _session, callback) {
          authAttempts++;
          callback(null, { user: USER });
        },
      });
      const started = Date.now();
      try {
        const result = await runProbe(
          request(server.port, pki, {
            security,
            timeoutMs: LONG_TIMEOUT_MS,
            allowPlaintextAuth: security === 'none',
            auth: { method: 'password', user: USER, password: PASSWORD },
          }),
        );
        expect(result.ok).toBe(false);
        expect(result.diagnosis).toMatchObject({ id: 'tls.mode-mismatch', step: 'greeting' });
        expect(Date.now() - started).toBeLessThan(SILENT_PORT_PROBE_AFTER_MS + SLACK_MS);
        expect(result.server.securityUsed).toBeNull();
        expect(result.tls).toBeNull();
        expect(authAttempts).toBe(0);
        expect(result.transcript.some((l) => l.dir === 'client')).toBe(false);
      } finally {
        await server.close();
      }
    });
  }

  it('a port that accepts and says nothing, TLS or not → smtp.no-greeting within the timeout', async () => {
    const timeoutMs = 3_000;
    const server = await startRawServer(hostile.neverGreets);
    const started = Date.now();
    try {
      const result = await runProbe(request(server.port, pki, { security: 'auto', timeoutMs }));
      const elapsed = Date.now() - started;
      expect(result.diagnosis).toMatchObject({ id: 'smtp.no-greeting', step: 'greeting' });
      expect(stepOf(result, 'greeting')?.status).toBe('fail');
      expect(result.server.securityUsed).toBeNull();
      expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 50);
      expect(elapsed).toBeLessThan(timeoutMs + SLACK_MS);
      // The second connection was tried in parallel, and got no TLS answer either.
      expect(result.transcript.some((l) => /^Connection 2: to 127\.0\.0\.1 port/.test(l.text))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('a slow greeting (after the follow-up started, before the timeout) still wins on connection 1', async () => {
    const greetingDelayMs = SILENT_PORT_PROBE_AFTER_MS + 700;
    const server = await startScriptedSmtp({
      key: pki.server.key,
      cert: pki.server.cert,
      greeting: '220 slow.example ESMTP',
      greetingDelayMs,
      answer: answerByVerb({
        EHLO: (secure) =>
          secure ? '250-slow.example\r\n250 SIZE 1000000' : '250-slow.example\r\n250 STARTTLS',
        QUIT: '221 Bye',
      }),
    });
    const started = Date.now();
    try {
      const result = await runProbe(
        request(server.port, pki, { security: 'auto', timeoutMs: LONG_TIMEOUT_MS }),
      );
      expect(result.diagnosis).toBeNull();
      expect(result.ok).toBe(true);
      expect(result.server.securityUsed).toBe('starttls');
      expect(stepOf(result, 'tls')?.status).toBe('pass');
      expect(result.server.greeting).toBe('220 slow.example ESMTP');
      expect(Date.now() - started).toBeGreaterThanOrEqual(greetingDelayMs - 50);
      expect(Date.now() - started).toBeLessThan(greetingDelayMs + SLACK_MS);
      // Connection 2 was asked, then closed when connection 1 answered; connection 1 carried the test.
      const info = result.transcript.filter((l) => l.dir === 'info').map((l) => l.text);
      expect(info).toContainEqual(expect.stringMatching(/^Connection 2: to 127\.0\.0\.1 port/));
      expect(info).toContain('Connection 1 answered: connection 2 is closed');
      expect(result.transcript.some((l) => /continuing on connection 2/.test(l.text))).toBe(false);
    } finally {
      await server.close();
    }
  });
});
