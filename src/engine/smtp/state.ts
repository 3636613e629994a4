/**
 * One SMTP check on the runner: the runner's RunContext (steps, deadline, cancel, sockets,
 * transcript, result) plus what is SMTP's own — the per-reply watchdog and the nodemailer session.
 *
 * Why a watchdog and not `ctx.wait()`: nodemailer reports a reply once, whole, and one call of it
 * (connect: greeting, EHLO, STARTTLS, EHLO again) spans several waits. So the SMTP timer starts with
 * a step and starts again at every complete reply (the transcript logger) and every handshake; a
 * drip-fed reply never restarts it (watchdog.ts, docs/engine.md "Bounds").
 */
import type { promises as dnsPromises } from 'node:dns';
import type { Localized, ProbeEvent, ProbeRequest, StepId, StepStatus } from '../../shared/probe-types';
import { STEP_IDS } from '../../shared/probe-types';
import { DEFAULT_TIMEOUT_MS, QUIT_GRACE_MS } from '../probe/constants';
import { overallDeadlineMs } from '../probe/deadline';
import { RunContext } from '../runner/context';
import { StepFailure, StepTimeout } from '../runner/errors';
import type { ObservedConnection } from './session';
import { WaitWatchdog } from './watchdog';

export interface RunProbeOptions {
  signal?: AbortSignal;
  onEvent?: (e: ProbeEvent) => void;
  /** Replaces the system resolver in the dns step (discovery: MAILCHECK_DNS_SERVERS). */
  lookup?: typeof dnsPromises.lookup;
}

export const L = (en: string, it: string): Localized => ({ en, it });

export class SmtpRun {
  readonly ctx: RunContext;
  readonly timeoutMs: number;
  /** The backstop that ends any run (probe/deadline.ts). */
  readonly deadlineMs: number;
  private readonly watchdog: WaitWatchdog;
  /** Rejected by the watchdog: every wait of the main flow races it (and the runner's stop). */
  private readonly timedOut: Promise<never>;
  private timeOut!: (err: Error) => void;
  /** The session in use; the hooks of one the check has moved away from stay quiet. */
  conn: ObservedConnection | null = null;
  /** Every AUTH mechanism of the last EHLO (server.authMechanisms keeps a capped list). */
  offeredMechanisms: string[] = [];
  /** A failure decided inside a hook (certificate refused…), which wins over classification. */
  hookFailure: StepFailure | null = null;
  /** Called by the greeting hook: the plaintext connection answered (see silent-port.ts). */
  greetingSeen: (() => void) | null = null;
  quitSent = false;

  constructor(
    readonly req: ProbeRequest,
    readonly opts: RunProbeOptions,
  ) {
    this.timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.deadlineMs = overallDeadlineMs(req, this.timeoutMs);
    this.timedOut = new Promise<never>((_resolve, reject) => (this.timeOut = reject));
    this.timedOut.catch(() => undefined); // nobody may be awaiting it when it rejects
    this.watchdog = new WaitWatchdog(this.timeoutMs, (step) => this.timeOut(new StepTimeout(step)));
    this.ctx = new RunContext({
      timeoutMs: this.timeoutMs,
      signal: opts.signal,
      onEvent: opts.onEvent,
      stepOrder: STEP_IDS,
      deadlineMs: this.deadlineMs,
      deadlineError: (step) => {
        this.ctx.transcript.info(`The whole test ran out of time (${this.deadlineMs} ms)`);
        const at = step ?? 'greeting';
        return new StepTimeout(at, true, `The whole test ran out of time (${at})`);
      },
      goodbye: 'unref',
      goodbyeGraceMs: QUIT_GRACE_MS,
      // After QUIT nodemailer ends the socket gracefully, and destroys it after QUIT_GRACE_MS if the
      // server never closes its side; the sockets under it live that long too (goodbye: 'unref').
      beforeClose: () => this.conn?.close(),
    });
    const auth = req.auth;
    if (auth?.method === 'password') this.ctx.redactor.addSecret(auth.password, auth.user);
    if (auth?.method === 'oauth2' && auth.accessToken)
      this.ctx.redactor.addSecret(auth.accessToken, auth.user);
  }

  /**
   * The session runs over implicit TLS (SSL/TLS): asked for (`tls`, `auto` on 465) or found on a
   * silent port. Both paths record it in securityUsed as soon as the handshake is trusted.
   */
  get implicitTls(): boolean {
    return this.ctx.server.securityUsed === 'tls';
  }

  /** One wait of the main flow: ends on the watchdog, a cancel or the overall deadline. */
  race<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.timedOut, this.ctx.stopped]);
  }

  /** The peer answered (a complete reply, a handshake, a token): the next wait starts now. */
  restartWait(): void {
    this.watchdog.restart();
  }

  startStep(id: StepId, since?: number): void {
    this.watchdog.stop();
    this.ctx.startStep(id, since);
    this.watchdog.start(id);
  }

  endStep(id: StepId, status: StepStatus, summary: Localized, details: Record<string, unknown>): void {
    if (this.ctx.currentStep === id) this.watchdog.stop();
    this.ctx.endStep(id, status, summary, details);
  }

  stopWatchdog(): void {
    this.watchdog.stop();
  }

  /** A diagnostic follow-up: bounded by its own limit and ended only by a cancel. */
  async boundedFollowUp<T>(attempt: Promise<T>, limit: number): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), limit)));
    try {
      return await Promise.race([attempt, timeout, this.ctx.whenCancelled]);
    } finally {
      clearTimeout(timer);
    }
  }
}
