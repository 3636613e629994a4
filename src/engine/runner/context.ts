/**
 * The state every check shares, whatever its protocol: the step list and its timing, the
 * per-wait timeout and the overall deadline, cancel, the sockets to close, the transcript and its
 * redaction, and the final result. Protocol code never sets a timer or touches a step's status:
 * it awaits through `wait()` and reports through `startStep`/`endStep`.
 */
import type net from 'node:net';
import type {
  DiagnosisRef,
  Localized,
  ProbeEvent,
  ProbeResult,
  ServerInfo,
  StepId,
  StepResult,
  StepStatus,
  TlsInfo,
} from '../../shared/probe-types';
import { capBytes } from '../../shared/clip';
import { DEFAULT_TIMEOUT_MS } from '../probe/constants';
import { Redactor, Transcript } from '../transcript';
import { DEADLINE_TIMEOUTS, GOODBYE_GRACE_MS } from './constants';
import { Cancelled, StepTimeout } from './errors';

export const L = (en: string, it: string): Localized => ({ en, it });

export interface ContextOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  onEvent?: (event: ProbeEvent) => void;
  /** The steps of this protocol, in the order they are shown. */
  stepOrder: readonly StepId[];
  /** The overall deadline; `DEADLINE_TIMEOUTS` × `timeoutMs` when not given (SMTP: deadline.ts). */
  deadlineMs?: number;
  /** The error the overall deadline stops the check with (SMTP names the step and logs it). */
  deadlineError?: (step: StepId | null) => Error;
  /**
   * After a goodbye: `end` ends each socket (the runner's own connections), `unref` leaves the
   * closing to the protocol's library (nodemailer ends the connection after QUIT) and only lets
   * the process exit. Either way every socket is destroyed after `goodbyeGraceMs`.
   */
  goodbye?: 'end' | 'unref';
  goodbyeGraceMs?: number;
  /** Called first by every closeAll (cancel, end of check): a library's own close (nodemailer). */
  beforeClose?: () => void;
}

export class RunContext {
  readonly t0 = Date.now();
  readonly startedAt = new Date(this.t0).toISOString();
  readonly timeoutMs: number;
  readonly redactor = new Redactor();
  readonly transcript: Transcript;
  readonly server: ServerInfo = {
    address: null,
    greeting: null,
    capabilities: [],
    authMechanisms: [],
    securityUsed: null,
  };
  tlsInfo: TlsInfo | null = null;
  diagnosis: DiagnosisRef | null = null;
  cancelled = false;
  private readonly steps = new Map<StepId, StepResult>();
  private readonly skipReasons = new Map<StepId, Localized>();
  private current: { id: StepId; start: number } | null = null;
  /** Rejected by a cancel or the overall deadline: every wait races it. */
  readonly stopped: Promise<never>;
  private stop!: (err: Error) => void;
  /** Rejected only by a cancel: diagnostic follow-ups, which may outlive a timeout, race it. */
  readonly whenCancelled: Promise<never>;
  private cancel!: (err: Error) => void;
  private readonly deadline: NodeJS.Timeout;
  private readonly sockets = new Set<net.Socket>();
  private graceful = false;

  constructor(private readonly opts: ContextOptions) {
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.transcript = new Transcript(this.t0, this.redactor);
    this.stopped = new Promise<never>((_resolve, reject) => (this.stop = reject));
    this.stopped.catch(() => undefined); // nobody may be waiting when it rejects
    this.whenCancelled = new Promise<never>((_resolve, reject) => (this.cancel = reject));
    this.whenCancelled.catch(() => undefined);
    const step = (): StepId | null => this.current?.id ?? null;
    this.deadline = setTimeout(
      () => this.stop(opts.deadlineError?.(step()) ?? new StepTimeout(step(), true)),
      opts.deadlineMs ?? this.timeoutMs * DEADLINE_TIMEOUTS,
    );
    if (opts.signal?.aborted) this.onAbort();
    else opts.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  get currentStep(): StepId | null {
    return this.current?.id ?? null;
  }

  /** When the step in flight started (Date.now() when none is). */
  get currentStepStart(): number {
    return this.current?.start ?? Date.now();
  }

  /** Races a promise against cancel and the overall deadline, without a per-wait timer of its own. */
  race<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.stopped]);
  }

  /**
   * Awaits one network wait: it fails with StepTimeout after `timeoutMs`, or at once on cancel or
   * when the overall deadline passes. `limitMs` shortens the wait (diagnostic follow-ups).
   */
  async wait<T>(promise: Promise<T>, limitMs = this.timeoutMs): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new StepTimeout(this.current?.id ?? null)), limitMs);
    });
    try {
      return await Promise.race([promise, timeout, this.stopped]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Registers a socket so that cancel and the end of the check close it. */
  track<S extends net.Socket>(socket: S): S {
    this.sockets.add(socket);
    // Errors after the verdict (teardown) must not crash the process.
    socket.on('error', () => undefined);
    return socket;
  }

  /** `since`: the step's time counts from an earlier moment (a wait that turned out to be this step). */
  startStep(id: StepId, since = Date.now()): void {
    this.current = { id, start: since };
    this.emit({ type: 'step-start', id });
  }

  endStep(id: StepId, status: StepStatus, summary: Localized, details: Record<string, unknown> = {}): void {
    const start = this.current?.id === id ? this.current.start : Date.now();
    if (this.current?.id === id) this.current = null;
    const step: StepResult = {
      id,
      status,
      ms: Date.now() - start,
      summary,
      details,
    };
    this.steps.set(id, step);
    this.emit({ type: 'step-end', step });
  }

  hasStep(id: StepId): boolean {
    return this.steps.has(id);
  }

  /** Why a step will not run (shown instead of "Not reached"). */
  skipBecause(id: StepId, reason: Localized): void {
    this.skipReasons.set(id, reason);
  }

  /** Ends the current step as failed, with a title already rendered in both languages. */
  failStep(ref: DiagnosisRef, title: Localized, details: Record<string, unknown>): void {
    // At most 4 KB, with an explicit "… N bytes cut" (src/shared/clip.ts), as in the SMTP probe.
    const reply = ref.reply ? capBytes(this.redactor.scrub(ref.reply)) : null;
    this.diagnosis = { ...ref, reply };
    this.endStep(ref.step, 'fail', title, details);
  }

  /** A cancel ends the step in flight as skipped. */
  endCancelled(): void {
    this.transcript.info('Test cancelled');
    if (this.current) this.endStep(this.current.id, 'skip', L('Cancelled', 'Annullato'), {});
  }

  /** Closes every socket: at once, or (after a goodbye was sent) after a short grace period. */
  closeAll(graceful = false): void {
    this.opts.beforeClose?.();
    this.graceful = graceful;
    clearTimeout(this.deadline);
    this.opts.signal?.removeEventListener('abort', this.onAbort);
    const sockets = [...this.sockets].reverse();
    this.sockets.clear();
    // Wrapping (TLS) sockets first: destroying a TLS socket's transport under it crashes Node 20.
    const destroy = (): void => sockets.forEach((socket) => socket.destroy());
    if (!this.graceful || this.cancelled) return destroy();
    // The verdict is out: the goodbye must not keep a process alive that has nothing else to do.
    for (const socket of sockets) {
      if (this.opts.goodbye === 'unref') socket.unref();
      else socket.end();
    }
    setTimeout(destroy, this.opts.goodbyeGraceMs ?? GOODBYE_GRACE_MS).unref();
  }

  /**
   * The result. Secrets were kept out where each text was produced: client lines are logged
   * masked, server text is scrubbed as it arrives (transcript, greeting, the diagnosis reply).
   * Nothing is searched and replaced here: ids, statuses, the user, mechanism names and numbers
   * stay exactly as they are, so a one-letter password cannot turn "mailbox" into "mailbo<redacted>".
   */
  result(request: ProbeResult['request']): ProbeResult {
    const steps = this.opts.stepOrder.map((id) => this.steps.get(id) ?? this.skipped(id));
    return {
      ok: !this.cancelled && !this.diagnosis && !steps.some((s) => s.status === 'fail'),
      request,
      steps,
      diagnosis: this.diagnosis,
      server: this.server,
      tls: this.tlsInfo,
      transcript: this.transcript.lines,
      startedAt: this.startedAt,
      totalMs: Date.now() - this.t0,
      cancelled: this.cancelled,
    };
  }

  private skipped(id: StepId): StepResult {
    const summary = this.skipReasons.get(id) ?? L('Not reached', 'Non raggiunto');
    const step: StepResult = { id, status: 'skip', ms: 0, summary };
    this.emit({ type: 'step-end', step });
    return step;
  }

  private readonly onAbort = (): void => {
    this.cancelled = true;
    const err = new Cancelled();
    this.stop(err);
    this.cancel(err);
    // Close at once: the awaiting code unwinds through the rejected waits.
    this.closeAll();
  };

  private emit(event: ProbeEvent): void {
    try {
      this.opts.onEvent?.(event);
    } catch {
      // A broken listener must not break the check.
    }
  }
}
