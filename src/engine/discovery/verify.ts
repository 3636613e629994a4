/**
 * Verification without a password: each candidate server is probed up to the TLS handshake and
 * the offered login methods, and nothing secret is sent. SMTP uses the engine's own probe
 * (runProbe without `auth` stops after EHLO/STARTTLS and QUITs); IMAP and POP3 use the small
 * check in mail-greeting.ts. Each distinct server is probed once per discovery, however many
 * sources propose it.
 */
import { runProbe } from '../probe';
import type { DiscoveryDns } from './dns';
import { checkMailbox } from './mail-greeting';
import type { DiscoveredSecurity, MailProtocol } from './types';

/** A healthy server answers each step in well under a second; 5 s covers slow and far ones. */
export const PROBE_STEP_TIMEOUT_MS = 5_000;

export interface ProbeTarget {
  protocol: MailProtocol;
  host: string;
  port: number;
  security: DiscoveredSecurity;
}

export interface Verification {
  ok: boolean;
  ms: number;
  /** A catalogue id (SMTP) or a short code (IMAP/POP3) when it failed. */
  problem: string | null;
  authMethods: string[];
}

export function targetKey(t: ProbeTarget): string {
  return `${t.protocol}|${t.host.toLowerCase()}|${t.port}|${t.security}`;
}

export class Verifier {
  private readonly done = new Map<string, { pending: Promise<Verification>; signal: AbortSignal }>();
  private readonly settled = new Map<string, Verification>();

  constructor(
    private readonly dns: DiscoveryDns,
    private readonly signal: AbortSignal,
    /** The step timeout, shrunk to what is left of the discovery's budget. */
    private readonly stepTimeout: () => number,
    private readonly caPem?: string,
    /** Called once per probe that ends (with the target of the first caller). */
    private readonly onSettled?: (target: ProbeTarget, verification: Verification) => void,
  ) {}

  /**
   * Probes a server once. `signal` may be narrower than the discovery's (the guesses stop early
   * when a better source is verified); a probe stopped that way is run again for a caller whose
   * signal is still live.
   */
  verify(target: ProbeTarget, signal: AbortSignal = this.signal): Promise<Verification> {
    const key = targetKey(target);
    const entry = this.done.get(key);
    if (entry && !(entry.signal.aborted && !signal.aborted)) return entry.pending;
    const pending = this.run(target, signal).then((v) => {
      this.settled.set(key, v);
      this.onSettled?.(target, v);
      return v;
    });
    this.done.set(key, { pending, signal });
    return pending;
  }

  /** The finished verification of a server, or null (not probed, or still running). */
  result(target: ProbeTarget): Verification | null {
    return this.settled.get(targetKey(target)) ?? null;
  }

  private async run(target: ProbeTarget, signal: AbortSignal): Promise<Verification> {
    const start = Date.now();
    const timeoutMs = this.stepTimeout();
    if (target.protocol === 'smtp') {
      const result = await runProbe(
        // runProbe refuses a host or timeout it does not accept: then the candidate simply fails.
        { host: target.host, port: target.port, security: target.security, timeoutMs, caPem: this.caPem },
        { signal, lookup: this.dns.probeLookup },
      ).catch(() => null);
      if (!result) return { ok: false, ms: Date.now() - start, problem: 'invalid', authMethods: [] };
      return {
        ok: result.ok,
        ms: Date.now() - start,
        problem: result.ok ? null : result.cancelled ? 'cancelled' : (result.diagnosis?.id ?? 'failed'),
        authMethods: result.server.authMechanisms,
      };
    }
    const addresses = await this.dns.addresses(target.host).catch(() => [] as string[]);
    if (!addresses.length)
      return { ok: false, ms: Date.now() - start, problem: 'dns.not-found', authMethods: [] };
    const outcome = await checkMailbox({
      protocol: target.protocol,
      host: target.host,
      port: target.port,
      security: target.security,
      addresses,
      timeoutMs,
      signal,
      caPem: this.caPem,
    });
    return { ...outcome, problem: signal.aborted ? 'cancelled' : outcome.problem, ms: Date.now() - start };
  }
}
