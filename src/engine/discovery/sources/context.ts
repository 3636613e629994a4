/** What every source gets: the address, the shared resolver and log, the cancel signal, budgets. */
import type { DiscoveryDns } from '../dns';
import type { FetchOptions } from '../fetch-config';
import type { Ispdb } from '../ispdb';
import type { LookupLog } from '../lookup-log';
import type { Verifier } from '../verify';

export interface SourceContext {
  address: string;
  domain: string;
  dns: DiscoveryDns;
  log: LookupLog;
  ispdb: Ispdb;
  signal: AbortSignal;
  /** For fetchConfig / Ispdb.live: resolver, signal and time budget already filled in. */
  fetch: Omit<FetchOptions, 'kind' | 'log'>;
  /** null with --no-probe: no connection to any mail server. */
  verifier: Verifier | null;
  /** The guesses' own signal: aborted early once a better source is verified. */
  probeSignal: AbortSignal;
}

/**
 * Source priorities: lower wins. The provider's own HTTPS autoconfig knows best; the curated ISPDB
 * next; then what the MX names; SRV records (rarely published, unsigned); a config the provider
 * serves only over plain http (anyone on the path could have written it); guessing last.
 * Thunderbird's FindConfig uses the same order for the sources it has.
 */
export const PRIORITY = {
  autoconfig: 10,
  autoconfigDnsPointer: 15,
  ispdb: 20,
  ispdbLive: 25,
  mx: 30,
  srv: 40,
  autoconfigHttp: 50,
  guess: 60,
} as const;
