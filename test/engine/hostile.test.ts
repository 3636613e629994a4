/**
 * Hostile and broken servers (raw TCP scripts): every one ends with a diagnosis within the time
 * limit (plus, for a silent port, one bounded follow-up), never a hang. Also: refused and unknown
 * hosts, and cancellation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runProbe } from '../../src/engine/probe';
import type { ProbeEvent, ProbeRequest } from '../../src/shared/probe-types';
import { SILENT_PORT_PROBE_AFTER_MS } from '../../src/engine/probe/constants';
import * as hostile from '../fixtures/hostile';
import { closedPort, startRawServer, type RunningServer } from '../support/servers';

/**
 * Durations are asserted only where they are the behaviour, as generous upper bounds (this file
 * runs in the serial "timing" project of vitest.config.ts, but the machine may still be busy):
 * - a run that must wait for the watchdog uses TIMEOUT_MS and ends within WATCHDOG_BOUND_MS (or
 *   WORST_CASE_MS with the silent-port follow-up);
 * - a run that must end EARLY, without waiting for any watchdog, gets EARLY_TIMEOUT_MS and must end
 *   before it: were the engine to wait, the bound would be crossed.
 */
const TIMEOUT_MS = 1500;
const SLACK_MS = 5_000;
const WATCHDOG_BOUND_MS = TIMEOUT_MS + SLACK_MS;
/** The watchdog, one follow-up connection of the same bound, and scheduling slack. */
const WORST_CASE_MS = 2 * TIMEOUT_MS + SLACK_MS;
const EARLY_TIMEOUT_MS = 15_000;

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function req(port: number, extra: Partial<ProbeRequest> = {}): ProbeRequest {
  return { host: '127.0.0.1', port, security: 'starttls', timeoutMs: TIMEOUT_MS, ...extra };
}

/** `promise`, or a failure naming the bound when it takes longer than `ms`. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function timed(r: ProbeRequest) {
  const started = Date.now();
  const result = await runProbe(r);
  return { result, elapsed: Date.now() - started };
}

describe('hostile servers', () => {
  it('never greets → smtp.no-greeting', async () => {
    server = await startRawServer(hostile.neverGreets);
    const { result, elapsed } = await timed(req(server.port));
    expect(result.diagnosis?.id).toBe('smtp.no-greeting');
    expect(result.steps.find((s) => s.id === 'greeting')?.status).toBe('fail');
    expect(elapsed).toBeLessThan(WORST_CASE_MS);
  });

  it('garbage instead of a greeting → smtp.not-smtp, with the reply', async () => {
    server = await startRawServer(hostile.garbage);
    const { result, elapsed } = await timed(req(server.port, { timeoutMs: EARLY_TIMEOUT_MS }));
    expect(result.diagnosis?.id).toBe('smtp.not-smtp');
    expect(result.diagnosis?.reply).toContain('HTTP/1.1 400 Bad Request');
    expect(elapsed).toBeLessThan(EARLY_TIMEOUT_MS);
  });

  it('a 1 MB line → smtp.not-smtp, stopped early', async () => {
    server = await startRawServer(hostile.megabyteLine);
    const { result, elapsed } = await timed(req(server.port, { timeoutMs: EARLY_TIMEOUT_MS }));
    expect(result.diagnosis?.id).toBe('smtp.not-smtp');
    expect(elapsed).toBeLessThan(EARLY_TIMEOUT_MS);
    expect(JSON.stringify(result).length).toBeLessThan(100_000);
  });

  it('drips a byte a second → smtp.no-greeting within the timeout', async () => {
    server = await startRawServer(hostile.dripsBytes);
    const { result, elapsed } = await timed(req(server.port));
    expect(result.diagnosis?.id).toBe('smtp.no-greeting');
    // Bytes arrived, so no follow-up: just the watchdog.
    expect(elapsed).toBeLessThan(WATCHDOG_BOUND_MS);
  });

  it('closes mid TLS handshake → tls.handshake-failed', async () => {
    server = await startRawServer(hostile.closesMidHandshake);
    const { result, elapsed } = await timed(req(server.port, { security: 'tls' }));
    expect(result.diagnosis?.id).toBe('tls.handshake-failed');
    expect(result.diagnosis?.step).toBe('tls');
    expect(elapsed).toBeLessThan(WORST_CASE_MS);
  });

  it('hangs up in the middle of the STARTTLS handshake → tls.handshake-failed', async () => {
    server = await startRawServer(hostile.closesAfterStarttls);
    const { result, elapsed } = await timed(req(server.port, { timeoutMs: EARLY_TIMEOUT_MS }));
    expect(result.diagnosis?.id).toBe('tls.handshake-failed');
    expect(result.steps.find((s) => s.id === 'ehlo')?.status).toBe('pass');
    expect(result.steps.find((s) => s.id === 'tls')?.status).toBe('fail');
    expect(elapsed).toBeLessThan(EARLY_TIMEOUT_MS);
  });

  it('closes right after accepting → net.closed', async () => {
    server = await startRawServer(hostile.closesImmediately);
    const { result, elapsed } = await timed(req(server.port, { timeoutMs: EARLY_TIMEOUT_MS }));
    expect(result.diagnosis?.id).toBe('net.closed');
    expect(elapsed).toBeLessThan(EARLY_TIMEOUT_MS);
  });

  it('greets, then never answers EHLO → smtp.timeout on the ehlo step', async () => {
    server = await startRawServer(hostile.silentAfterGreeting);
    const { result, elapsed } = await timed(req(server.port));
    expect(result.diagnosis?.id).toBe('smtp.timeout');
    expect(result.diagnosis?.step).toBe('ehlo');
    expect(elapsed).toBeLessThan(WATCHDOG_BOUND_MS);
  });
});

describe('network', () => {
  it('nothing listening → net.refused', async () => {
    const { result } = await timed(req(await closedPort()));
    expect(result.diagnosis?.id).toBe('net.refused');
    expect(result.steps.find((s) => s.id === 'tcp')?.status).toBe('fail');
  });

  it('a name that does not exist → dns.not-found', async () => {
    const { result } = await timed(req(25, { host: 'no-such-host.mailcheck.invalid' }));
    expect(result.diagnosis?.id).toBe('dns.not-found');
    expect(result.steps.map((s) => s.status)).toEqual([
      'fail',
      'skip',
      'skip',
      'skip',
      'skip',
      'skip',
      'skip',
    ]);
  });
});

describe('cancellation', () => {
  it('closes the socket at once and reports cancelled: true', async () => {
    server = await startRawServer(hostile.neverGreets);
    const controller = new AbortController();
    const events: ProbeEvent[] = [];
    const pending = runProbe(req(server.port, { timeoutMs: 60_000 }), {
      signal: controller.signal,
      onEvent: (e) => {
        events.push(e);
        // Cancel while the greeting is awaited (the server never sends it).
        if (e.type === 'step-start' && e.id === 'greeting') queueMicrotask(() => controller.abort());
      },
    });
    // "At once", generously: far below the 60 s the run would otherwise wait.
    const result = await within(5_000, pending);
    expect(result.cancelled).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.diagnosis).toBeNull();
    expect(result.steps.find((s) => s.id === 'greeting')?.summary.en).toBe('Cancelled');
    expect(events.some((e) => e.type === 'step-end' && e.step.id === 'greeting')).toBe(true);
  });

  it('while the parallel implicit-TLS follow-up is waiting: both connections close at once', async () => {
    let open = 0;
    server = await startRawServer((socket) => {
      socket.resume(); // reads (and drops) the ClientHello, so it sees our side close
      open++;
      socket.on('close', () => open--);
    });
    const controller = new AbortController();
    const pending = runProbe(req(server.port, { security: 'auto', timeoutMs: 60_000 }), {
      signal: controller.signal,
    });
    // Connection 2 starts after SILENT_PORT_PROBE_AFTER_MS; cancel once both are open.
    await expect.poll(() => open, { timeout: SILENT_PORT_PROBE_AFTER_MS + SLACK_MS }).toBe(2);
    controller.abort();
    const result = await within(5_000, pending);
    expect(result.cancelled).toBe(true);
    expect(result.diagnosis).toBeNull();
    await expect.poll(() => open, { timeout: 5_000 }).toBe(0);
  });

  // The server accepts TCP (and, for STARTTLS, says go ahead), reads the ClientHello and never
  // answers it: only the cancel can end the run before its 60 s limit.
  it.each(['tls', 'starttls'] as const)(
    'during a TLS handshake the server never answers (%s): cancelled at once, the socket closed',
    async (security) => {
      let helloSeen!: () => void;
      const clientHello = new Promise<void>((resolve) => (helloSeen = resolve));
      let socketClosed!: () => void;
      const closed = new Promise<void>((resolve) => (socketClosed = resolve));
      server = await startRawServer((socket) => {
        socket.on('close', () => socketClosed());
        if (security === 'tls') {
          socket.once('data', () => helloSeen());
          return;
        }
        socket.write('220 stall.test ESMTP\r\n');
        let buffer = '';
        const onData = (chunk: Buffer): void => {
          buffer += chunk.toString('latin1');
          if (/^EHLO .*\r\n$/im.test(buffer)) {
            buffer = '';
            socket.write('250-stall.test\r\n250 STARTTLS\r\n');
          } else if (/^STARTTLS\r\n$/im.test(buffer)) {
            socket.off('data', onData);
            socket.once('data', () => helloSeen());
            socket.write('220 2.0.0 Ready to start TLS\r\n');
          }
        };
        socket.on('data', onData);
      });
      const controller = new AbortController();
      const events: ProbeEvent[] = [];
      const pending = runProbe(req(server.port, { security, timeoutMs: 60_000 }), {
        signal: controller.signal,
        onEvent: (e) => events.push(e),
      });
      await clientHello;
      const running = events.filter((e) => e.type === 'step-start').at(-1);
      expect(running).toEqual({ type: 'step-start', id: 'tls' });
      controller.abort();
      // "At once", generously: far below the 60 s limit the run would otherwise wait for.
      const result = await within(5_000, pending);
      expect(result.cancelled).toBe(true);
      expect(result.ok).toBe(false);
      expect(result.diagnosis).toBeNull();
      expect(result.steps.find((s) => s.id === 'tls')?.summary.en).toBe('Cancelled');
      expect(result.steps.filter((s) => s.id === 'auth' || s.id === 'send').map((s) => s.status)).toEqual([
        'skip',
        'skip',
      ]);
      await within(5_000, closed);
    },
  );

  it('an already aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await runProbe(req(await closedPort()), { signal: controller.signal });
    expect(result.cancelled).toBe(true);
    expect(result.steps.every((s) => s.status === 'skip')).toBe(true);
  });
});
