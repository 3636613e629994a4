/**
 * Guessing (Thunderbird's GuessConfig): the usual host names × the usual ports, for a domain no
 * other source knows. Host names that do not resolve are dropped first (one A/AAAA query each, in
 * parallel); the rest are probed in parallel, started GUESS_STAGGER_MS apart in order of
 * likelihood, so the likeliest answer comes first and a small server is not hit by a burst.
 * A guess is a setting only once its server answered: with --no-probe the resolving candidates are
 * listed, never chosen.
 */
import type { DiscoveredSecurity, MailProtocol, ServerCandidate, SourceFinding } from '../types';
import { PRIORITY, type SourceContext } from './context';

/** Host prefixes ('' = the bare domain) and ports, likeliest first (RFC 8314 §3.3 order for SMTP). */
export const GUESS_PLAN: Record<
  MailProtocol,
  { prefixes: string[]; ports: Array<[number, DiscoveredSecurity]> }
> = {
  smtp: {
    prefixes: ['smtp', 'mail', ''],
    ports: [
      [587, 'starttls'],
      [465, 'tls'],
      [25, 'starttls'],
    ],
  },
  imap: {
    prefixes: ['imap', 'mail', ''],
    ports: [
      [993, 'tls'],
      [143, 'starttls'],
    ],
  },
  pop3: {
    prefixes: ['pop3', 'pop', 'mail', ''],
    ports: [
      [995, 'tls'],
      [110, 'starttls'],
    ],
  },
};

/** Between two probe starts: enough to keep the order, small enough to stay "in parallel". */
export const GUESS_STAGGER_MS = 30;

function hostFor(prefix: string, domain: string): string {
  return prefix ? `${prefix}.${domain}` : domain;
}

/** Every guess, likeliest first, SMTP/IMAP/POP3 interleaved so each protocol's best starts early. */
export function guessCandidates(address: string, domain: string): ServerCandidate[] {
  const perProtocol = (Object.keys(GUESS_PLAN) as MailProtocol[]).map((protocol) => {
    const { prefixes, ports } = GUESS_PLAN[protocol];
    return prefixes.flatMap((prefix) =>
      ports.map(([port, security]): ServerCandidate => ({
        protocol,
        host: hostFor(prefix, domain),
        port,
        security,
        username: address,
        source: 'guess',
        origin: 'guess',
        oauth: false,
        flags: [],
      })),
    );
  });
  const longest = Math.max(...perProtocol.map((list) => list.length));
  const out: ServerCandidate[] = [];
  for (let i = 0; i < longest; i++) for (const list of perProtocol) if (list[i]) out.push(list[i]!);
  return out;
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

export async function guessSource(ctx: SourceContext): Promise<SourceFinding | null> {
  const all = guessCandidates(ctx.address, ctx.domain);
  const hosts = [...new Set(all.map((c) => c.host))];
  const resolved = await Promise.all(
    hosts.map(async (host) => [host, (await ctx.dns.addresses(host).catch(() => [])).length > 0] as const),
  );
  const live = new Set(resolved.filter(([, ok]) => ok).map(([host]) => host));
  const candidates = all.filter((c) => live.has(c.host));
  if (!candidates.length) return null;
  if (ctx.verifier) await probeBestFirst(candidates, ctx);
  return { source: 'guess', priority: PRIORITY.guess, candidates, provider: null, onlyVerified: true };
}

/**
 * Probes the guesses, started GUESS_STAGGER_MS apart. As soon as one answers, the guesses ranked
 * below it for the same protocol can no longer win: they are stopped (or never started), so a
 * blocked port 25 does not hold the result up for a whole timeout. Those ranked above it still
 * run to the end: one of them may yet answer.
 */
async function probeBestFirst(candidates: ServerCandidate[], ctx: SourceContext): Promise<void> {
  const verifier = ctx.verifier!;
  const stops = candidates.map(() => new AbortController());
  const settled: Array<Promise<unknown>> = [];
  candidates.forEach((candidate, index) => {
    // Stopping a guess stops its probe, whichever signal fires first.
    ctx.probeSignal.addEventListener('abort', () => stops[index]!.abort(), { once: true });
  });
  const cutBelow = (index: number): void => {
    const { protocol } = candidates[index]!;
    candidates.forEach((c, j) => {
      if (j > index && c.protocol === protocol) stops[j]!.abort();
    });
  };
  for (const [index, candidate] of candidates.entries()) {
    if (index > 0) await delay(GUESS_STAGGER_MS, ctx.probeSignal);
    if (ctx.probeSignal.aborted) break;
    if (stops[index]!.signal.aborted) continue;
    settled.push(
      verifier.verify(candidate, stops[index]!.signal).then((v) => {
        if (v.ok) cutBelow(index);
      }),
    );
  }
  await Promise.all(settled);
}
