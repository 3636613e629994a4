/**
 * More hostile servers (issue 9), each asserting the diagnosis, a generous time bound, bounded
 * output and, where credentials were sent, that no form of the password is anywhere in the result
 * or the reports: an endless multi-line reply, a 1,500-line reply with 4,000 AUTH mechanisms, a
 * 454 to STARTTLS, and a server that echoes the AUTH payload back split across lines.
 * (Never greets, garbage, 1 MB line, byte drip, mid-handshake close: hostile.test.ts; ANSI in
 * replies: test/cli/terminal-safety.test.ts; every reply delayed: timeouts.test.ts; QUIT ignored:
 * test/cli/exit-at-verdict.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { resultToText } from '../../src/cli/render-text';
import { runProbe } from '../../src/engine/probe';
import { formatReport } from '../../src/shared/report';
import type { ProbeRequest, ProbeResult } from '../../src/shared/probe-types';
import * as hostile from '../fixtures/hostile';
import { leakedForms, secretForms } from '../support/secret-forms';
import { startRawServer, type RunningServer } from '../support/servers';

const TIMEOUT_MS = 2000;
/** One wait plus slack for a loaded machine. */
const BOUND_MS = TIMEOUT_MS + 3000;
const USER = 'mario.rossi@example.it';
const PASSWORD = 'Ostile-Segreto-77';
/** Whatever a server sends, a result stays small: 4 KB per reply, a bounded transcript. */
const MAX_RESULT_JSON = 200_000;

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function probe(behaviour: Parameters<typeof startRawServer>[0], extra: Partial<ProbeRequest> = {}) {
  server = await startRawServer(behaviour);
  const started = Date.now();
  const result = await runProbe({
    host: '127.0.0.1',
    port: server.port,
    security: 'none',
    allowPlaintextAuth: true,
    auth: { method: 'password', user: USER, password: PASSWORD },
    timeoutMs: TIMEOUT_MS,
    ...extra,
  });
  return { result, elapsed: Date.now() - started };
}

function everyOutput(result: ProbeResult): string[] {
  return [
    JSON.stringify(result),
    resultToText(result, 'en'),
    resultToText(result, 'it'),
    formatReport(result, 'en'),
    formatReport(result, 'it'),
  ];
}

function expectNoLeak(result: ProbeResult): void {
  const forms = secretForms(PASSWORD, USER);
  for (const output of everyOutput(result)) expect(leakedForms(output, forms)).toEqual([]);
}

describe('hostile servers: bounded, diagnosed, no leak', () => {
  it('an endless multi-line EHLO reply is stopped, diagnosed on ehlo, and not kept whole', async () => {
    const { result, elapsed } = await probe(hostile.endlessMultiline);
    expect(result.ok).toBe(false);
    expect(result.diagnosis?.step).toBe('ehlo');
    expect(elapsed).toBeLessThan(BOUND_MS);
    expect(JSON.stringify(result).length).toBeLessThan(MAX_RESULT_JSON);
  });

  it('a 1,500-line reply and 4,000 mechanisms: each kept to 4 KB with "bytes cut" / "more cut"', async () => {
    const { result, elapsed } = await probe(hostile.hugeEhlo);
    expect(elapsed).toBeLessThan(BOUND_MS);
    // PLAIN was the 4,001st mechanism: the choice saw the whole list, the result keeps a capped one.
    expect(result.steps.find((s) => s.id === 'auth')?.status).toBe('fail');
    expect(result.diagnosis?.id).toMatch(/^auth\./);
    const mechanisms = result.server.authMechanisms;
    expect(mechanisms.join(' ').length).toBeLessThan(4200);
    expect(mechanisms.at(-1)).toMatch(/^… \d+ more cut$/);
    expect(result.server.capabilities.at(-1)).toMatch(/^… \d+ more cut$/);
    expect(result.diagnosis?.reply).toMatch(/… \d+ bytes cut$/);
    expect(new TextEncoder().encode(result.diagnosis?.reply ?? '').length).toBeLessThan(4200);
    expect(result.transcript.some((line) => /… \d+ bytes cut$/.test(line.text))).toBe(true);
    const json = JSON.stringify(result);
    expect(json.length).toBeLessThan(MAX_RESULT_JSON);
    // Text mode: readable lines, cut with "…".
    const text = resultToText(result, 'en');
    for (const line of text.split('\n')) expect([...line].length).toBeLessThan(200);
    expect(text).toContain('…');
    expectNoLeak(result);
  });

  it('454 to STARTTLS: the tls step fails, nothing is sent in the clear', async () => {
    const { result, elapsed } = await probe(hostile.refusesStarttls, { security: 'starttls' });
    expect(elapsed).toBeLessThan(BOUND_MS);
    expect(result.ok).toBe(false);
    expect(result.diagnosis?.step).toBe('tls');
    expect(result.steps.find((s) => s.id === 'auth')?.status).toBe('skip');
    expect(result.transcript.some((l) => l.dir === 'client' && /^AUTH/i.test(l.text))).toBe(false);
    expectNoLeak(result);
  });

  it('the AUTH payload echoed back, split across lines and decoded: nothing of it survives', async () => {
    const { result, elapsed } = await probe(hostile.echoesAuthPayload);
    expect(elapsed).toBeLessThan(BOUND_MS);
    expect(result.diagnosis?.step).toBe('auth');
    expect(result.diagnosis?.id).toMatch(/^auth\./);
    expect(result.diagnosis?.reply).toContain('<redacted>');
    const payload = Buffer.from(`\u0000${USER}\u0000${PASSWORD}`).toString('base64');
    const half = Math.floor(payload.length / 2);
    for (const output of everyOutput(result)) {
      expect(output.includes(payload.slice(0, half))).toBe(false);
      expect(output.includes(payload.slice(half))).toBe(false);
    }
    expectNoLeak(result);
  });
});
