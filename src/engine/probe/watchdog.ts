/**
 * The per-wait timer of a probe: `timeoutMs` bounds EACH network wait (DNS, connect, the greeting,
 * each reply, the TLS handshake), not a whole step. A step such as `send` waits for four replies
 * (MAIL, RCPT, DATA, the message): a server that takes 0.6 × timeoutMs for each is slow but alive,
 * and must pass. The timer starts with a step and starts again whenever the server completes a
 * reply or a handshake; a drip-fed or endless reply does not restart it (only a complete one does).
 */
import type { StepId } from '../../shared/probe-types';

export class WaitWatchdog {
  private timer: NodeJS.Timeout | null = null;
  private step: StepId | null = null;

  constructor(
    private readonly limitMs: number,
    private readonly onTimeout: (step: StepId) => void,
  ) {}

  /** A step begins: its first wait has limitMs from now. */
  start(step: StepId): void {
    this.step = step;
    this.restart();
  }

  /** The peer answered (a complete reply, a finished handshake): the next wait starts now. */
  restart(): void {
    const step = this.step;
    if (step === null) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.onTimeout(step), this.limitMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.step = null;
  }
}
