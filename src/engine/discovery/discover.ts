/**
 * discover(address): finds the mail settings of an address from the address alone, the way
 * Thunderbird's account setup does (FindConfig/FetchConfig/GuessConfig), then proves each one with
 * a probe that sends nothing secret.
 *
 * Every source starts at once, each bounded by its own budget (DNS_TIMEOUT_MS, FETCH_TIMEOUT_MS,
 * PROBE_STEP_TIMEOUT_MS) and all by the discovery's timeout; candidates are probed as soon as their
 * source returns them, so the total is about the slowest source plus one probe. The guesses, the
 * slowest and least likely source, are stopped as soon as a better source has a verified SMTP
 * server. Network problems never throw: they are recorded in `lookups` and `candidates`.
 */
import { setMaxListeners } from 'node:events';
import { parseAddress } from './address';
import { choose } from './choose';
import { DiscoveryDns, DNS_TIMEOUT_MS } from './dns';
import { FETCH_TIMEOUT_MS } from './fetch-config';
import { DEFAULT_ISPDB_URL, defaultIspdbDir, Ispdb } from './ispdb';
import { LookupLog } from './lookup-log';
import { autoconfigSource } from './sources/autoconfig';
import type { SourceContext } from './sources/context';
import { guessSource } from './sources/guess';
import { ispdbSource } from './sources/ispdb';
import { mxSource } from './sources/mx';
import { srvSource } from './sources/srv';
import {
  MAIL_PROTOCOLS,
  type DiscoveredSetting,
  type DiscoverOptions,
  type DiscoveryEvent,
  type DiscoveryResult,
  type MailProtocol,
  type ServerCandidate,
  type SourceFinding,
  type TriedCandidate,
} from './types';
import { PROBE_STEP_TIMEOUT_MS, targetKey, Verifier, type Verification } from './verify';

/** Enough for the slowest source (a fetch) plus one probe of its answer on a slow network. */
export const DEFAULT_DISCOVERY_TIMEOUT_MS = 15_000;
export const MIN_DISCOVERY_TIMEOUT_MS = 100;
export const MAX_DISCOVERY_TIMEOUT_MS = 120_000;

export class DiscoveryInputError extends Error {
  constructor(readonly field: 'address' | 'timeout') {
    super(field === 'address' ? 'Not an e-mail address' : 'Timeout out of range');
  }
}

type Source = (ctx: SourceContext) => Promise<SourceFinding | null>;
const SOURCES: Source[] = [autoconfigSource, ispdbSource, mxSource, srvSource];

function emit(onEvent: DiscoverOptions['onEvent'], event: DiscoveryEvent): void {
  try {
    onEvent?.(event);
  } catch {
    // A broken listener must not break discovery.
  }
}

export async function discover(rawAddress: string, opts: DiscoverOptions = {}): Promise<DiscoveryResult> {
  const parsed = parseAddress(rawAddress.trim());
  if (!parsed) throw new DiscoveryInputError('address');
  const timeoutMs = opts.timeoutMs ?? DEFAULT_DISCOVERY_TIMEOUT_MS;
  if (
    !Number.isInteger(timeoutMs) ||
    timeoutMs < MIN_DISCOVERY_TIMEOUT_MS ||
    timeoutMs > MAX_DISCOVERY_TIMEOUT_MS
  )
    throw new DiscoveryInputError('timeout');
  const t0 = Date.now();
  const probed = opts.probe !== false;

  const controller = new AbortController();
  // Every probe and fetch listens to it: dozens of listeners are expected, not a leak.
  setMaxListeners(200, controller.signal);
  const stop = (): void => controller.abort();
  opts.signal?.addEventListener('abort', stop, { once: true });
  if (opts.signal?.aborted) stop();
  const deadline = setTimeout(stop, timeoutMs);
  const guessController = new AbortController();
  setMaxListeners(200, guessController.signal);
  controller.signal.addEventListener('abort', () => guessController.abort(), { once: true });

  const log = new LookupLog(opts.onEvent);
  const dns = new DiscoveryDns(opts.dnsServers, log, Math.min(DNS_TIMEOUT_MS, timeoutMs));
  controller.signal.addEventListener('abort', () => dns.cancel(), { once: true });
  const remaining = (): number => t0 + timeoutMs - Date.now();
  const verifier = probed
    ? new Verifier(
        dns,
        controller.signal,
        () => Math.max(100, Math.min(PROBE_STEP_TIMEOUT_MS, remaining())),
        opts.caPem,
        // Live progress for the window: each server as soon as its probe ends.
        (target, v) => {
          if (v.problem !== 'cancelled')
            emit(opts.onEvent, { type: 'candidate', candidate: triedEntry(target as ServerCandidate, v) });
        },
      )
    : null;
  const ctx: SourceContext = {
    address: parsed.address,
    domain: parsed.domain,
    dns,
    log,
    ispdb: new Ispdb(opts.ispdbDir ?? defaultIspdbDir(), opts.ispdbUrl ?? DEFAULT_ISPDB_URL, log),
    signal: controller.signal,
    fetch: {
      dns,
      signal: controller.signal,
      timeoutMs: Math.min(FETCH_TIMEOUT_MS, timeoutMs),
      caPem: opts.caPem,
    },
    verifier,
    probeSignal: guessController.signal,
  };

  const findings: SourceFinding[] = [];
  const verifications: Array<Promise<unknown>> = [];
  const run = async (source: Source): Promise<void> => {
    const finding = await source(ctx).catch(() => null);
    if (!finding || controller.signal.aborted) return;
    findings.push(finding);
    emit(opts.onEvent, { type: 'finding', finding });
    if (verifier && !finding.onlyVerified)
      for (const candidate of finding.candidates) verifications.push(verifier.verify(candidate));
  };

  try {
    const guessing = run(guessSource);
    await Promise.all(SOURCES.map(run));
    await Promise.all(verifications);
    const known = choose(findings, 'smtp', (c) => verifier?.result(c) ?? null, probed);
    if (known?.verification?.ok) guessController.abort();
    await guessing;
    await Promise.all(verifications);
  } finally {
    clearTimeout(deadline);
    opts.signal?.removeEventListener('abort', stop);
  }

  const cancelled = opts.signal?.aborted === true;
  const verificationOf = (c: ServerCandidate) => verifier?.result(c) ?? null;
  const choices = Object.fromEntries(
    MAIL_PROTOCOLS.map((protocol) => [protocol, choose(findings, protocol, verificationOf, probed)]),
  ) as Record<MailProtocol, ReturnType<typeof choose>>;
  const settings = Object.fromEntries(
    MAIL_PROTOCOLS.map((protocol) => {
      const choice = choices[protocol];
      if (!choice) return [protocol, null];
      const { candidate, verification } = choice;
      const setting: DiscoveredSetting = {
        host: candidate.host,
        port: candidate.port,
        security: candidate.security,
        username: candidate.username,
        source: candidate.source,
        // A plaintext server may answer, but nothing about it was proved: no TLS, no certificate.
        verified: verification?.ok === true && candidate.security !== 'none',
        origin: candidate.origin,
        flags: candidate.flags,
        oauth: candidate.oauth,
        authMethods: verification?.authMethods ?? [],
      };
      return [protocol, setting];
    }),
  ) as Record<MailProtocol, DiscoveredSetting | null>;

  const chosen = [settings.smtp, settings.imap, settings.pop3].filter((s) => s !== null);
  // The provider named by the source whose SMTP (else IMAP, POP3) setting was chosen.
  const winner = MAIL_PROTOCOLS.map((p) => choices[p]?.candidate)
    .map((c) => (c ? findings.find((f) => f.candidates.includes(c)) : undefined))
    .find((f) => f?.provider);
  return {
    address: parsed.address,
    domain: parsed.domain,
    ...settings,
    oauth: chosen.some((s) => s.oauth),
    provider: winner?.provider ?? null,
    candidates: tried(findings, verificationOf),
    lookups: log.records,
    probed,
    cancelled,
    timedOut: !cancelled && controller.signal.aborted,
    totalMs: Date.now() - t0,
  };
}

function triedEntry(c: ServerCandidate, v: Verification | null): TriedCandidate {
  const probedHere = v !== null && v.problem !== 'cancelled';
  const entry: TriedCandidate = {
    protocol: c.protocol,
    host: c.host,
    port: c.port,
    security: c.security,
    source: c.source,
    reachable: probedHere ? v.ok : null,
    ms: probedHere ? v.ms : null,
  };
  if (probedHere && v.problem) entry.problem = v.problem;
  return entry;
}

/** Every distinct candidate, in source-priority order, with what its probe showed. */
function tried(
  findings: readonly SourceFinding[],
  verificationOf: (c: ServerCandidate) => Verification | null,
): TriedCandidate[] {
  const seen = new Set<string>();
  const out: TriedCandidate[] = [];
  for (const finding of [...findings].sort((a, b) => a.priority - b.priority)) {
    for (const c of finding.candidates) {
      const key = targetKey(c);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(triedEntry(c, verificationOf(c)));
    }
  }
  return out;
}
