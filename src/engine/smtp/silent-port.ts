/**
 * A plaintext port that stays silent (old probe/run.ts `plaintextSetup`, `implicitTlsFollowUp`,
 * `expectsImplicitTls`, `mayContinueOverTls`, `switchToImplicitTls`): after
 * SILENT_PORT_PROBE_AFTER_MS a second connection asks, in parallel, whether the port speaks implicit
 * TLS, while the first keeps waiting for a greeting; whichever answers first wins. `auto` continues
 * on the TLS connection, `starttls` and `none` only name the mismatch (docs/engine.md).
 */
import type net from 'node:net';
import { FOLLOW_UP_TIMEOUT_MS, SILENT_PORT_PROBE_AFTER_MS } from '../probe/constants';
import { ImplicitTlsFollowUp, type ImplicitTlsAnswer } from '../runner/implicit-tls-follow-up';
import { tlsOptions } from '../runner/tls-inspect';
import { Cancelled, StepFailure, StepTimeout } from '../runner/errors';
import { connectSession, openSession } from './connection';
import { isWelcomeGreeting } from './greeting';
import type { ObservedConnection } from './session';
import type { SmtpRun } from './state';
import { implicitTlsFoundSummary } from './summaries';
import { judgeTls } from './tls-steps';

/** A promise that never settles: a contender that drops out of a race. */
const NEVER = new Promise<never>(() => undefined);

/**
 * Greeting, EHLO and STARTTLS on a plaintext connection. If the port stays silent, a second
 * connection asks in parallel whether it speaks implicit TLS: whichever answers first wins.
 * `auto` continues over that TLS connection; `starttls` and `none` only name the mismatch.
 */
export async function plaintextSetup(
  run: SmtpRun,
  conn: ObservedConnection,
  socket: net.Socket,
): Promise<void> {
  const { req, ctx } = run;
  const followUp = implicitTlsFollowUp(run);
  const connected = run.race(connectSession(run, conn));
  connected.catch(() => undefined); // settled below, or abandoned with the connection
  const greeted = new Promise<'plaintext'>((resolve) => {
    run.greetingSeen = () => resolve('plaintext');
  });
  // Only a port that has sent nothing at all may be an implicit-TLS port.
  const probeAfter = Math.min(SILENT_PORT_PROBE_AFTER_MS, Math.floor(run.timeoutMs / 2));
  const timer = setTimeout(() => {
    if (socket.bytesRead > 0 || !followUp) return;
    ctx.transcript.info(`Connection 1: no greeting after ${probeAfter} ms`);
    // Bounded so that the answer comes before the greeting timeout does.
    followUp.start(Math.min(FOLLOW_UP_TIMEOUT_MS, run.timeoutMs - probeAfter));
  }, probeAfter);
  const tlsAnswered = (followUp?.result ?? Promise.resolve(null)).then((answer) =>
    answer && mayContinueOverTls(run, answer) ? answer : NEVER,
  );
  let outcome: 'plaintext' | 'plaintext-failed' | ImplicitTlsAnswer;
  try {
    outcome = await Promise.race([
      greeted,
      connected.then(
        () => 'plaintext' as const,
        () => 'plaintext-failed' as const,
      ),
      tlsAnswered,
    ]);
  } finally {
    clearTimeout(timer);
    run.greetingSeen = null;
  }
  if (outcome === 'plaintext') {
    if (followUp?.isStarted) ctx.transcript.info('Connection 1 answered: connection 2 is closed');
    followUp?.abort();
    await connected;
    return;
  }
  if (outcome !== 'plaintext-failed') return switchToImplicitTls(run, conn, outcome, followUp!);
  try {
    await connected;
  } catch (err) {
    if (err instanceof Cancelled || ctx.cancelled || socket.bytesRead > 0 || !followUp) {
      followUp?.abort();
      throw err;
    }
    // Connection 1 failed without a single byte (timeout, reset, close): ask the TLS question.
    followUp.start(Math.min(FOLLOW_UP_TIMEOUT_MS, run.timeoutMs));
    const answer = await run.boundedFollowUp(followUp.result, FOLLOW_UP_TIMEOUT_MS);
    if (!answer) {
      followUp.abort();
      throw err;
    }
    // After a timeout the probe has run out of time: name the mismatch, continue nothing.
    if (req.security === 'auto' && !(err instanceof StepTimeout) && isWelcomeGreeting(answer.greeting)) {
      return switchToImplicitTls(run, conn, answer, followUp);
    }
    throw expectsImplicitTls(run, answer, followUp);
  }
}

/** The second connection for a silent port, or null where there is nothing to ask. */
function implicitTlsFollowUp(run: SmtpRun): ImplicitTlsFollowUp | null {
  const { ctx } = run;
  const address = ctx.server.address;
  if (!address) return null;
  return new ImplicitTlsFollowUp({
    address,
    port: run.req.port,
    tls: tlsOptions(run.req.host, run.req.caPem),
    register: (socket) => void ctx.track(socket),
    log: (text) => ctx.transcript.notice(text),
  });
}

/** Connection 2 answered a TLS handshake: closes it and names the mismatch (the port is SSL/TLS). */
function expectsImplicitTls(
  run: SmtpRun,
  answer: ImplicitTlsAnswer,
  followUp: ImplicitTlsFollowUp,
): StepFailure {
  followUp.abort();
  run.ctx.transcript.info(
    `Follow-up: port ${run.req.port} answers a TLS handshake: it expects SSL/TLS from the start`,
  );
  return new StepFailure('tls.mode-mismatch', answer.greeting);
}

/**
 * Whether the follow-up's answer ends the wait on connection 1. `auto` needs a working implicit-TLS
 * session (handshake and a 220 greeting) to continue on it; `starttls` and `none` only need the
 * handshake to know the mode is wrong (they never continue over TLS).
 */
function mayContinueOverTls(run: SmtpRun, answer: ImplicitTlsAnswer): boolean {
  return run.req.security === 'auto' ? isWelcomeGreeting(answer.greeting) : true;
}

/**
 * Connection 2 answered over TLS first. `auto`: drop connection 1 and run the whole test on
 * connection 2, the certificate checked exactly as in `tls` mode and the tls step a warning
 * (the port is SSL/TLS, not STARTTLS). Other modes: the mismatch is the diagnosis.
 */
async function switchToImplicitTls(
  run: SmtpRun,
  silent: ObservedConnection,
  answer: ImplicitTlsAnswer,
  followUp: ImplicitTlsFollowUp,
): Promise<void> {
  const { req, ctx } = run;
  if (req.security !== 'auto') throw expectsImplicitTls(run, answer, followUp);
  const secure = followUp.take(answer);
  ctx.transcript.info(
    `Port ${req.port} speaks implicit TLS (SSL/TLS), not STARTTLS: closing connection 1, continuing on connection 2`,
  );
  run.conn = null; // silences connection 1's hooks before it closes
  silent.close();
  // The tls step counts from when the greeting wait began: the silent wait and connection 2's
  // handshake are the time it took to find the port's TLS, so the step times still add up.
  run.startStep('tls', ctx.currentStepStart);
  const verdict = judgeTls(run, secure, 'implicit');
  if (verdict.refusal) throw new StepFailure(verdict.refusal);
  ctx.server.securityUsed = 'tls';
  run.endStep('tls', 'warn', implicitTlsFoundSummary(verdict.info, run.req.port), {
    ...verdict.info,
    handshakeMs: answer.handshakeMs,
    implicitTlsFound: true,
  });
  const conn = openSession(run, secure, true);
  run.startStep('greeting');
  await run.race(connectSession(run, conn));
}
