/**
 * From a connected socket to a greeting, with the two diagnostic follow-up connections every
 * protocol shares (see docs/engine.md, "One connection"):
 * - implicit TLS asked for, handshake failed: does the port greet in plaintext? → tls.mode-mismatch;
 * - plaintext, the port silent: does it speak implicit TLS? A second connection tries a handshake
 *   in parallel while the first keeps waiting; `auto` continues on it, other modes name the mismatch.
 */
import net from 'node:net';
import type tls from 'node:tls';
import type { ReceiveRequest } from '../../shared/probe-types';
import { FOLLOW_UP_TIMEOUT_MS, SILENT_PORT_PROBE_AFTER_MS } from '../probe/constants';
import { ImplicitTlsFollowUp, type ImplicitTlsAnswer } from '../probe/implicit-tls-follow-up';
import { tlsOptions } from '../probe/tls-inspect';
import { L, type RunContext } from './context';
import { MAX_LINE_BYTES } from './constants';
import { Cancelled, StepFailure, StepTimeout } from './errors';
import { LineConnection, printable } from './line-connection';
import { implicitHandshake, judgeTls, tlsSummary } from './net-steps';
import type { ProtocolModule } from './protocol';

/** A promise that never settles: a contender that drops out of a race. */
const NEVER = new Promise<never>(() => undefined);

/** The `tls` step of an implicit-TLS connection; a port that greets in plaintext is named. */
export async function implicitTlsStep(
  ctx: RunContext,
  req: ReceiveRequest,
  protocol: ProtocolModule,
  socket: net.Socket,
): Promise<tls.TLSSocket> {
  ctx.startStep('tls');
  let secure: tls.TLSSocket;
  try {
    secure = await implicitHandshake(ctx, socket, req.host, req.caPem);
  } catch (err) {
    if (err instanceof Cancelled || err instanceof StepTimeout) throw err;
    const line = await followUpPlainGreeting(ctx, req.port);
    if (line && protocol.isGreeting(line)) {
      ctx.transcript.info(
        `Follow-up: port ${req.port} greets in plaintext: it expects ${protocol.starttlsName}, not implicit TLS`,
      );
      throw new StepFailure('tls.mode-mismatch', printable(line));
    }
    throw err;
  }
  const info = judgeTls(ctx, secure, req.host, 'implicit');
  ctx.server.securityUsed = 'tls';
  ctx.endStep('tls', 'pass', tlsSummary(info, protocol.starttlsName), { ...info });
  return secure;
}

/** Opens a second connection and returns the first line the port sends, or null. */
async function followUpPlainGreeting(ctx: RunContext, port: number): Promise<string | null> {
  const address = ctx.server.address;
  if (!address) return null;
  const limit = Math.min(FOLLOW_UP_TIMEOUT_MS, ctx.timeoutMs);
  const attempt = new Promise<string | null>((resolve) => {
    const socket = ctx.track(net.connect({ host: address, port }));
    let data = '';
    const finish = (value: string | null): void => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(limit, () => finish(null));
    socket.on('data', (chunk: Buffer) => {
      data += chunk.toString('latin1');
      const end = data.indexOf('\n');
      if (end >= 0) finish(data.slice(0, end).trim());
      else if (data.length > MAX_LINE_BYTES) finish(null);
    });
    socket.once('error', () => finish(null));
    socket.once('close', () => finish(data.trim() || null));
  });
  return ctx.wait(attempt, limit + 100).catch((err: unknown) => {
    if (err instanceof Cancelled) throw err;
    return null;
  });
}

export interface Greeted {
  conn: LineConnection;
  /** The first line, already read (the protocol module judges it). */
  line: string;
}

/**
 * Starts the `greeting` step and reads the first line. On a plaintext connection a silent port is
 * asked, on a second connection, whether it speaks implicit TLS.
 */
export async function readGreeting(
  ctx: RunContext,
  req: ReceiveRequest,
  protocol: ProtocolModule,
  socket: net.Socket,
): Promise<Greeted> {
  ctx.startStep('greeting');
  const conn = new LineConnection(socket, ctx);
  if (ctx.server.securityUsed === 'tls' || !ctx.server.address) return { conn, line: await conn.readLine() };

  const followUp = new ImplicitTlsFollowUp({
    address: ctx.server.address,
    port: req.port,
    tls: tlsOptions(req.host, req.caPem),
    register: (s) => void ctx.track(s),
    log: (text) => ctx.transcript.info(text),
  });
  const probeAfter = Math.min(SILENT_PORT_PROBE_AFTER_MS, Math.floor(ctx.timeoutMs / 2));
  const limit = Math.max(1, Math.min(FOLLOW_UP_TIMEOUT_MS, ctx.timeoutMs - probeAfter));
  const timer = setTimeout(() => {
    if (socket.bytesRead > 0) return;
    ctx.transcript.info(`Connection 1: no greeting after ${probeAfter} ms`);
    followUp.start(limit);
  }, probeAfter);
  const answered = (answer: ImplicitTlsAnswer | null): ImplicitTlsAnswer | null =>
    answer?.greeting != null && protocol.isGreeting(answer.greeting) ? answer : null;

  let found: ImplicitTlsAnswer | null = null;
  try {
    const plain = conn.readLine().then((line) => ({ line }));
    const viaTls = followUp.result.then((answer) => answered(answer) ?? NEVER);
    const winner = await Promise.race([plain, viaTls]);
    if ('line' in winner) {
      followUp.abort();
      return { conn, line: winner.line };
    }
    found = winner;
  } catch (err) {
    // Connection 1 failed without a byte (timeout, reset, close): the follow-up may still answer.
    if (err instanceof Cancelled || !followUp.isStarted || socket.bytesRead > 0) throw err;
    found = answered(await ctx.wait(followUp.result, limit + 100).catch(() => null));
    if (!found) throw err;
  } finally {
    clearTimeout(timer);
  }
  return continueOnImplicitTls(ctx, req, protocol, socket, followUp.take(found));
}

/** The silent port spoke implicit TLS: `auto` goes on over it, the other modes name the mismatch. */
async function continueOnImplicitTls(
  ctx: RunContext,
  req: ReceiveRequest,
  protocol: ProtocolModule,
  silent: net.Socket,
  secure: tls.TLSSocket,
): Promise<Greeted> {
  silent.destroy();
  if (req.security !== 'auto') {
    ctx.transcript.info(`Port ${req.port} speaks implicit TLS (SSL/TLS), not ${protocol.starttlsName}`);
    throw new StepFailure('tls.mode-mismatch', null);
  }
  ctx.transcript.info('Continuing on connection 2 (implicit TLS)');
  ctx.startStep('tls');
  const info = judgeTls(ctx, secure, req.host, 'implicit');
  ctx.server.securityUsed = 'tls';
  const { port } = req;
  ctx.endStep(
    'tls',
    'warn',
    L(
      `Encrypted with ${info.protocol ?? 'TLS'}, certificate trusted, but port ${port} speaks implicit TLS (SSL/TLS), not ${protocol.starttlsName}: set the other system to SSL/TLS for this port`,
      `Cifrata con ${info.protocol ?? 'TLS'}, certificato attendibile, ma la porta ${port} usa TLS implicito (SSL/TLS), non ${protocol.starttlsName}: nell’altro sistema imposta SSL/TLS per questa porta`,
    ),
    { ...info },
  );
  ctx.startStep('greeting');
  const conn = new LineConnection(secure, ctx);
  return { conn, line: await conn.readLine() };
}
