/**
 * TLS for the SMTP check (old probe/run.ts `implicitTlsStep`, `handshake`, `followUpPlainGreeting`,
 * `judgeTls`): the implicit-TLS step, and the certificate verdict that every handshake (implicit,
 * STARTTLS, found on a silent port) goes through before the next command is sent.
 */
import net from 'node:net';
import tls from 'node:tls';
import type { TlsInfo } from '../../shared/probe-types';
import { FOLLOW_UP_TIMEOUT_MS, MAX_REPLY_BYTES } from '../probe/constants';
import { isWelcomeGreeting } from './greeting';
import { inspectTls, tlsOptions, type TlsVerdict } from '../runner/tls-inspect';
import { Cancelled, StepFailure, StepTimeout } from '../runner/errors';
import type { SmtpRun } from './state';
import { tlsSummary } from './summaries';

/** Implicit TLS (`tls`, `auto` on 465): the handshake before the greeting. */
export async function implicitTlsStep(run: SmtpRun, socket: net.Socket): Promise<tls.TLSSocket> {
  const { ctx } = run;
  run.startStep('tls');
  ctx.transcript.info('Starting TLS handshake (implicit TLS)');
  let secure: tls.TLSSocket;
  try {
    secure = await run.race(handshake(run, socket));
  } catch (err) {
    if (err instanceof Cancelled || err instanceof StepTimeout) throw err;
    // Did the TLS attempt hit a plaintext SMTP port? Ask the port on a second connection.
    const greeting = await followUpPlainGreeting(run);
    if (isWelcomeGreeting(greeting)) {
      ctx.transcript.info(
        `Follow-up: port ${run.req.port} greets in plaintext: it expects STARTTLS, not implicit TLS`,
      );
      throw new StepFailure('tls.mode-mismatch', greeting);
    }
    throw err;
  }
  const verdict = judgeTls(run, secure, 'implicit');
  if (verdict.refusal) throw new StepFailure(verdict.refusal);
  ctx.server.securityUsed = 'tls';
  run.endStep('tls', 'pass', tlsSummary(verdict.info), { ...verdict.info });
  return secure;
}

function handshake(run: SmtpRun, socket: net.Socket): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = run.ctx.track(tls.connect({ ...tlsOptions(run.req.host, run.req.caPem), socket }));
    secure.once('secureConnect', () => {
      secure.removeListener('error', reject);
      resolve(secure);
    });
    secure.once('error', reject);
    secure.once('close', () =>
      reject(Object.assign(new Error('Connection closed during the TLS handshake'), { code: 'ECONNRESET' })),
    );
  });
}

/** Opens a second connection and returns the first line the port sends, or null. */
async function followUpPlainGreeting(run: SmtpRun): Promise<string | null> {
  const address = run.ctx.server.address;
  if (!address) return null;
  const limit = Math.min(FOLLOW_UP_TIMEOUT_MS, run.timeoutMs);
  const attempt = new Promise<string | null>((resolve) => {
    const socket = run.ctx.track(net.connect({ host: address, port: run.req.port }));
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
      else if (data.length > MAX_REPLY_BYTES) finish(null);
    });
    socket.once('error', () => finish(null));
    socket.once('close', () => finish(data.trim() || null));
  });
  return run.boundedFollowUp(attempt, limit);
}

/** Judges a completed handshake (see tls-inspect) and records what it showed. */
export function judgeTls(run: SmtpRun, socket: tls.TLSSocket, mode: TlsInfo['mode']): TlsVerdict {
  const { ctx } = run;
  const verdict = inspectTls(socket, run.req.host, mode);
  ctx.tlsInfo = verdict.info;
  const info = verdict.info;
  ctx.transcript.info(
    `TLS ${info.protocol ?? '?'} ${info.cipher ?? '?'}; certificate ${info.subject ?? '?'} issued by ${info.issuer ?? '?'}; ` +
      `trusted: ${info.trusted ? 'yes' : `no (${info.trustError})`}; name matches: ${info.hostnameMatches ? 'yes' : 'no'}`,
  );
  return verdict;
}
