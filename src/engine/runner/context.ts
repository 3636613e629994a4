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
import { DEFAULT_TIMEOUT_MS, MAX_REPLY_IN_DIAGNOSIS } from '../probe/constants';
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
  private readonly stopped: Promise<never>;
  private stop!: (err: Error) => void;
  private readonly deadline: NodeJS.Timeout;
  private readonly sockets = new Set<net.Socket>();
  private graceful = false;

  constructor(private readonly opts: ContextOptions) {
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.transcript = new Transcript(this.t0, this.redactor);
    this.stopped = new Promise<never>((_resolve, reject) => (this.stop = reject));
    this.stopped.catch(() => undefined); // nobody may be waiting when it rejects
    this.deadline = setTimeout(
      () => this.stop(new StepTimeout(this.current?.id ?? null, true)),
      this.timeoutMs * DEADLINE_TIMEOUTS,
    );
    if (opts.signal?.aborted) this.onAbort();
    else opts.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  get currentStep(): StepId | null {
    return this.current?.id ?? null;
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

  startStep(id: StepId): void {
    this.current = { id, start: Date.now() };
    this.emit({ type: 'step-start', id });
  }

  endStep(id: StepId, status: StepStatus, summary: Localized, details: Record<string, unknown> = {}): void {
    const start = this.current?.id === id ? this.current.start : Date.now();
    if (this.current?.id === id) this.current = null;
    const step: StepResult = {
      id,
      status,
      ms: Date.now() - start,
      summary: this.scrubDeep(summary),
      details: this.scrubDeep(details),
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
    const reply = ref.reply ? this.redactor.scrub(ref.reply).slice(0, MAX_REPLY_IN_DIAGNOSIS) : null;
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
    this.graceful = graceful;
    clearTimeout(this.deadline);
    this.opts.signal?.removeEventListener('abort', this.onAbort);
    const sockets = [...this.sockets].reverse();
    this.sockets.clear();
    // Wrapping (TLS) sockets first: destroying a TLS socket's transport under it crashes Node 20.
    const destroy = (): void => sockets.forEach((socket) => socket.destroy());
    if (!this.graceful || this.cancelled) return destroy();
    for (const socket of sockets) socket.end();
    setTimeout(destroy, GOODBYE_GRACE_MS).unref();
  }

  /**
   * The result. Free text was redacted where it was produced (transcript lines, step summaries and
   * details, the diagnosis reply); what came from the server is redacted here once more. Ids and
   * statuses are never passed through the redactor: a one-letter password must not turn the step
   * "mailbox" into "mailbo<redacted>".
   */
  result(request: ProbeResult['request']): ProbeResult {
    const steps = this.opts.stepOrder.map((id) => this.steps.get(id) ?? this.skipped(id));
    return {
      ok: !this.cancelled && !this.diagnosis && !steps.some((s) => s.status === 'fail'),
      request: { ...request, user: request.user === null ? null : this.redactor.scrub(request.user) },
      steps,
      diagnosis: this.diagnosis,
      server: this.scrubDeep(this.server),
      tls: this.scrubDeep(this.tlsInfo),
      transcript: this.transcript.lines,
      startedAt: this.startedAt,
      totalMs: Date.now() - this.t0,
      cancelled: this.cancelled,
    };
  }

  /**
   * Scrubs the secret's forms out of every string in server-originated values (server facts,
   * certificate details, step details and summaries quoting replies), on token boundaries, so a
   * short password never rewrites engine words or ids around it.
   */
  private scrubDeep<T>(value: T): T {
    if (typeof value === 'string') return this.redactor.scrub(value) as T;
    if (Array.isArray(value)) return value.map((item: unknown) => this.scrubDeep(item)) as T;
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, this.scrubDeep(item)]),
      ) as T;
    }
    return value;
  }

  private skipped(id: StepId): StepResult {
    const summary = this.skipReasons.get(id) ?? L('Not reached', 'Non raggiunto');
    const step: StepResult = { id, status: 'skip', ms: 0, summary };
    this.emit({ type: 'step-end', step });
    return step;
  }

  private readonly onAbort = (): void => {
    this.cancelled = true;
    this.stop(new Cancelled());
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
