/**
 * `timeoutMs` bounds EACH network wait, not a whole step (issue 9): a server that takes 0.6 × the
 * timeout for every reply and handshake round trip is slow but alive and must pass, although steps
 * such as `tls` (STARTTLS, handshake, EHLO) and `send` (MAIL, RCPT, DATA, message) wait several times.
 * A server that stalls still fails within the timeout of that one wait. The overall deadline is a
 * backstop derived from the timeout (deadline.ts).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDelayProxy, type DelayProxy } from '../../bench/delay-proxy';
import { runProbe } from '../../src/engine/probe';
import { overallDeadlineMs, plannedWaits } from '../../src/engine/probe/deadline';
import { USER, gmailServer, request } from '../fixtures/providers';
import { lineServer } from '../fixtures/hostile';
import { createTestPki, removeTestPki, type TestPki } from '../support/pki';
import { startRawServer, startSmtpServer, type RunningServer } from '../support/servers';

const TIMEOUT_MS = 1000;
/** Each direction: a round trip is 0.6 × the timeout. */
const ONE_WAY_MS = 300;

let pki: TestPki;
let servers: Array<RunningServer | DelayProxy> = [];
beforeAll(async () => {
  pki = await createTestPki();
});
afterAll(async () => {
  if (pki) await removeTestPki(pki);
});
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

describe('timeoutMs bounds each wait', () => {
  it('every round trip at 0.6 × the timeout: STARTTLS, login and send all pass', async () => {
    const smtp = await startSmtpServer(gmailServer(pki));
    const proxy = await startDelayProxy({ targetPort: smtp.port, delayMs: ONE_WAY_MS });
    servers.push(proxy, smtp);
    const req = request(proxy.port, pki, {
      timeoutMs: TIMEOUT_MS,
      auth: { method: 'password', user: USER, password: 'Lento-ma-vivo-1' },
      send: { from: USER, to: 'anna.bianchi@example.it' },
    });
    const result = await runProbe(req);
    expect(result.diagnosis).toBeNull();
    expect(result.ok).toBe(true);
    // The point: steps that wait several times took longer than one timeout, and still passed.
    const tls = result.steps.find((s) => s.id === 'tls');
    expect(tls?.status).toBe('pass');
    expect(tls?.ms).toBeGreaterThan(TIMEOUT_MS);
    expect(result.steps.find((s) => s.id === 'send')?.status).toBe('pass');
    expect(result.totalMs).toBeLessThan(overallDeadlineMs(req, TIMEOUT_MS));
  }, 30_000);

  it('a server that stops answering at RCPT fails on send within one timeout of its last reply', async () => {
    let lastReplyAt = 0;
    const server = await startRawServer(
      lineServer('220 slow.example ESMTP', (line) => {
        const verb = line.split(/[ :]/)[0]?.toUpperCase();
        lastReplyAt = Date.now();
        if (verb === 'EHLO') return '250-slow.example\r\n250 AUTH PLAIN';
        if (verb === 'AUTH') return '235 2.7.0 ok';
        if (verb === 'MAIL') return '250 2.1.0 ok';
        return null; // RCPT and anything after: silence
      }),
    );
    servers.push(server);
    const result = await runProbe({
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      allowPlaintextAuth: true,
      timeoutMs: TIMEOUT_MS,
      auth: { method: 'password', user: USER, password: 'Fermo-1' },
      send: { from: USER, to: 'anna.bianchi@example.it' },
    });
    const finished = Date.now();
    expect(result.ok).toBe(false);
    expect(result.diagnosis?.step).toBe('send');
    expect(finished - lastReplyAt).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(finished - lastReplyAt).toBeLessThan(TIMEOUT_MS + 1500);
  }, 30_000);
});

describe('the overall deadline', () => {
  it('counts the waits a run can have, each at the limit', () => {
    expect(plannedWaits({ security: 'none' })).toBe(5);
    expect(plannedWaits({ security: 'starttls' })).toBe(8);
    const auth = { method: 'password' as const, user: 'u', password: 'p' };
    expect(plannedWaits({ security: 'auto', auth })).toBe(11);
    expect(plannedWaits({ security: 'tls', auth, send: { from: 'a@b', to: 'c@d' } })).toBe(15);
    expect(overallDeadlineMs({ security: 'starttls', auth }, 15_000)).toBe(165_000);
  });
});
