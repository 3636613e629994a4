/**
 * Network text is hostile: IMAP and POP3 servers that send huge lines, endless answers, absurd
 * literals, escape sequences or nothing at all. Every case ends with a diagnosis, in bounded time,
 * with bounded, printable text in the result.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runReceiveCheck } from '../../src/engine/receive';
import type { ReceiveProtocol, ReceiveResult } from '../../src/shared/probe-types';
import { startLineServer, tagOf, type LineServer, type LineServerOptions } from '../support/scripted-lines';

const servers: LineServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function run(
  protocol: ReceiveProtocol,
  options: LineServerOptions,
  timeoutMs = 1500,
): Promise<ReceiveResult> {
  const server = await startLineServer(options);
  servers.push(server);
  const start = Date.now();
  const result = await runReceiveCheck({
    protocol,
    host: '127.0.0.1',
    port: server.port,
    security: 'none',
    timeoutMs,
  });
  // Never longer than the overall deadline (4 timeouts) plus scheduling slack on a busy machine.
  expect(Date.now() - start).toBeLessThan(timeoutMs * 4 + 3000);
  const json = JSON.stringify(result);
  expect(json.length).toBeLessThan(200_000);
  expect(json).not.toMatch(/\\u001b|\\u0000/);
  return result;
}

describe('hostile IMAP and POP3 servers', () => {
  it('a 100 KB greeting line without an end: refused as not IMAP', async () => {
    const result = await run('imap', { greeting: `* OK ${'x'.repeat(100_000)}` });
    expect(result.diagnosis?.id).toBe('receive.wrong-protocol');
  });

  it('a greeting with escape sequences: shown as text, no control characters', async () => {
    const result = await run('pop3', {
      greeting: '+OK \u001b[31mred\u001b[0m \u0007 ready',
      onLine: (line) => (line === 'CAPA' ? ['+OK', 'USER', '.'] : line === 'QUIT' ? '+OK' : '-ERR'),
    });
    expect(result.ok).toBe(true);
    expect(result.server.greeting).toBe('+OK ?[31mred?[0m ? ready');
  });

  it('an endless CAPABILITY answer: stopped at the bound', async () => {
    const result = await run('imap', {
      greeting: '* OK ready',
      onLine: (line) =>
        line.endsWith('CAPABILITY') ? Array.from({ length: 3000 }, (_, i) => `* X ${i}`) : undefined,
    });
    expect(result.diagnosis).toMatchObject({ id: 'receive.wrong-protocol', step: 'capabilities' });
  });

  it('an endless CAPA list: stopped at the bound', async () => {
    const result = await run('pop3', {
      greeting: '+OK ready',
      onLine: (line) =>
        line === 'CAPA' ? ['+OK', ...Array.from({ length: 3000 }, (_, i) => `X-${i}`)] : undefined,
    });
    expect(result.diagnosis).toMatchObject({ id: 'receive.wrong-protocol', step: 'capabilities' });
  });

  it('an absurd literal size is refused without waiting for it', async () => {
    const result = await run('imap', {
      greeting: '* OK ready',
      onLine: (line) => (line.endsWith('CAPABILITY') ? ['* CAPABILITY {999999999}'] : undefined),
    });
    expect(result.diagnosis).toMatchObject({ id: 'receive.wrong-protocol', step: 'capabilities' });
    expect(result.totalMs).toBeLessThan(1500);
  });

  it('silence after the greeting: receive.timeout on the step that waited', async () => {
    const result = await run('pop3', { greeting: '+OK ready' }, 800);
    expect(result.diagnosis).toMatchObject({ id: 'receive.timeout', step: 'capabilities' });
  });

  it('a silent port: receive.no-greeting (the follow-up found no implicit TLS either)', async () => {
    const result = await run('imap', { greeting: null }, 1000);
    expect(result.diagnosis).toMatchObject({ id: 'receive.no-greeting', step: 'greeting' });
    expect(result.transcript.some((l) => /Connection 2/.test(l.text))).toBe(true);
  });

  it('a reply tagged for another command: refused, not believed', async () => {
    const result = await run('imap', {
      greeting: '* OK ready',
      onLine: (line) => (line.endsWith('CAPABILITY') ? [`Z9 OK ${tagOf(line)}`] : undefined),
    });
    expect(result.diagnosis?.id).toBe('receive.wrong-protocol');
  });

  it('a server that drips its answer, each line just in time: the overall deadline ends the check', async () => {
    const timeoutMs = 400;
    const result = await run(
      'imap',
      {
        greeting: '* OK ready',
        onLine(line, socket) {
          if (!line.endsWith('CAPABILITY')) return;
          // One untagged line every 0.75 × timeout: no single wait times out, forever.
          const timer = setInterval(() => {
            if (socket.destroyed) clearInterval(timer);
            else socket.write('* X drip\r\n');
          }, timeoutMs * 0.75);
          socket.on('close', () => clearInterval(timer));
        },
      },
      timeoutMs,
    );
    expect(result.diagnosis).toMatchObject({ id: 'receive.timeout', step: 'capabilities' });
    expect(result.steps.find((s) => s.id === 'capabilities')?.details).toMatchObject({
      error: 'The check as a whole took too long',
    });
    expect(result.totalMs).toBeGreaterThanOrEqual(timeoutMs * 4 - 50);
    expect(result.totalMs).toBeLessThan(timeoutMs * 4 + 1000);
  });

  it('a server that closes mid-answer: net.closed', async () => {
    const result = await run('pop3', {
      greeting: '+OK ready',
      onLine: (_line, socket) => {
        socket.end('+OK\r\nUS');
      },
    });
    expect(result.diagnosis).toMatchObject({ id: 'net.closed', step: 'capabilities' });
  });
});

it('a one-letter password is redacted from text, never from step ids or statuses', async () => {
  const server = await startLineServer({ greeting: '+OK x ready', onLine: () => ['+OK', 'USER', '.'] });
  servers.push(server);
  const result = await runReceiveCheck({
    protocol: 'pop3',
    host: '127.0.0.1',
    port: server.port,
    security: 'none',
    auth: { method: 'password', user: 'me@example.it', password: 'x' },
  });
  expect(result.steps.map((s) => s.id)).toContain('mailbox');
  expect(result.diagnosis?.id).toBe('auth.plaintext-refused');
  expect(result.server.greeting).toBe('+OK <redacted> ready');
});

describe('nothing in a receiving result is searched and replaced: a short or common password', () => {
  /** A POP3 server that accepts any login and has 3 messages of 1,200 bytes. */
  async function acceptingPop3(): Promise<LineServer> {
    const server = await startLineServer({
      greeting: '+OK ready',
      onLine: (line) => {
        const verb = line.split(' ')[0]?.toUpperCase();
        if (verb === 'CAPA') return ['+OK', 'USER', 'SASL PLAIN', '.'];
        if (verb === 'STAT') return ['+OK 3 1200'];
        return ['+OK'];
      },
    });
    servers.push(server);
    return server;
  }

  it.each([
    ['equal to the user', 'me@example.it', 'me@example.it'],
    ['a mechanism name', 'me@example.it', 'PLAIN'],
    ['a digit the mailbox shows', 'me@example.it', '3'],
    ['a step word', 'me@example.it', 'mailbox'],
  ])('password %s: ids, user, mechanism and counts stay as they are', async (_kind, user, password) => {
    const server = await acceptingPop3();
    const result = await runReceiveCheck({
      protocol: 'pop3',
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      allowPlaintextAuth: true,
      auth: { method: 'password', user, password },
    });
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => s.id)).toEqual([
      'dns',
      'tcp',
      'greeting',
      'capabilities',
      'tls',
      'auth',
      'mailbox',
    ]);
    expect(result.request.user).toBe(user);
    expect(result.server.authMechanisms).toEqual(['PLAIN']);
    const auth = result.steps.find((s) => s.id === 'auth');
    expect(auth?.summary.en).toBe(`Logged in as ${user} (PLAIN)`);
    expect(result.steps.find((s) => s.id === 'mailbox')?.summary.en).toMatch(/^3 messages/);
    // The password went out only masked.
    expect(result.transcript.filter((l) => l.dir === 'client').map((l) => l.text)).not.toContain(
      `PASS ${password}`,
    );
  });
});
