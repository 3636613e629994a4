/**
 * The shapes of discovery: what each source proposes, what was tried, and the final answer.
 * Plain data (JSON-safe), shared by the CLI and, later, the window.
 */

export type MailProtocol = 'smtp' | 'imap' | 'pop3';
export const MAIL_PROTOCOLS: readonly MailProtocol[] = ['smtp', 'imap', 'pop3'];

/** How the connection is secured: STARTTLS after a plaintext greeting, TLS from the start, or none. */
export type DiscoveredSecurity = 'starttls' | 'tls' | 'none';

/** Where a setting came from. */
export type DiscoverySource = 'autoconfig' | 'ispdb' | 'mx' | 'srv' | 'guess';

/**
 * Why a setting deserves a second look before the password goes there:
 * - `http`: the config came over plain http (anyone on the path could have written it);
 * - `foreign-host`: the server is outside the address's domain and outside the provider the
 *   config came from;
 * - `dns-pointer`: the config's location came from an (unsigned) DNS TXT record;
 * - `live-ispdb`: from the live ISPDB service rather than the snapshot shipped with the app.
 */
export type TrustFlag = 'http' | 'foreign-host' | 'dns-pointer' | 'live-ispdb';

/** One server setting a source proposes. */
export interface ServerCandidate {
  protocol: MailProtocol;
  host: string;
  port: number;
  security: DiscoveredSecurity;
  /** The login name for this address (placeholders already filled in). */
  username: string;
  source: DiscoverySource;
  /** Where exactly: the URL, the DNS name or the ISPDB file. */
  origin: string;
  /** The provider says this server wants OAuth2 (or offers it as its preferred login). */
  oauth: boolean;
  flags: TrustFlag[];
}

/** What one source found: its candidates, best first within each protocol. */
export interface SourceFinding {
  source: DiscoverySource;
  /** Lower wins (see priority.ts). */
  priority: number;
  candidates: ServerCandidate[];
  /** Display name of the provider, when the source knows it (ISPDB, MX table). */
  provider: string | null;
  /** Guesses: a candidate may be chosen only once a server answered it (never with --no-probe). */
  onlyVerified?: boolean;
}

/** A chosen setting, in the CLI contract's shape, with its trust facts. */
export interface DiscoveredSetting {
  host: string;
  port: number;
  security: DiscoveredSecurity;
  username: string;
  source: DiscoverySource;
  /**
   * A probe up to the TLS handshake and the offered login methods passed (no credentials sent).
   * Never true for `security: 'none'`: a plaintext server can answer, but nothing is proved.
   */
  verified: boolean;
  origin: string;
  flags: TrustFlag[];
  oauth: boolean;
  /** Login methods the server offered during verification (empty when not probed). */
  authMethods: string[];
}

/** Everything tried, one line each (the contract's `candidates`). */
export interface TriedCandidate {
  protocol: MailProtocol;
  host: string;
  port: number;
  security: DiscoveredSecurity;
  source: DiscoverySource;
  /** true: the probe passed; false: it failed; null: not probed (--no-probe, cancelled, skipped). */
  reachable: boolean | null;
  ms: number | null;
  /** Why it failed, short and printable (a catalogue id or an error code). */
  problem?: string;
}

export type LookupKind = 'mx' | 'srv' | 'txt' | 'a' | 'https' | 'http' | 'ispdb-snapshot' | 'ispdb-live';
export type LookupOutcome = 'found' | 'not-found' | 'error' | 'timeout' | 'cancelled';

/** One lookup (DNS query, HTTP fetch, snapshot read) with its outcome and time. */
export interface LookupRecord {
  kind: LookupKind;
  /** The DNS name, URL or domain asked for. */
  target: string;
  outcome: LookupOutcome;
  ms: number;
  /** A short printable detail: the records found, the HTTP status, the error code. */
  detail?: string;
}

export interface DiscoveryResult {
  address: string;
  domain: string;
  smtp: DiscoveredSetting | null;
  imap: DiscoveredSetting | null;
  pop3: DiscoveredSetting | null;
  /** The provider wants (or prefers) OAuth2: the window offers "Sign in with…" first. */
  oauth: boolean;
  /** The provider's display name, when a source named it. */
  provider: string | null;
  candidates: TriedCandidate[];
  lookups: LookupRecord[];
  probed: boolean;
  cancelled: boolean;
  /** The discovery's timeout ended it: what had not answered by then is left out. */
  timedOut: boolean;
  totalMs: number;
}

/**
 * Live progress, in the order things happen: each lookup as it ends, each source's finding as it
 * arrives, each server as soon as its probe ends (probes stopped early send nothing).
 */
export type DiscoveryEvent =
  | { type: 'lookup'; lookup: LookupRecord }
  | { type: 'finding'; finding: SourceFinding }
  | { type: 'candidate'; candidate: TriedCandidate };

export interface DiscoverOptions {
  signal?: AbortSignal;
  /** The whole discovery ends within this (default DEFAULT_DISCOVERY_TIMEOUT_MS). */
  timeoutMs?: number;
  /** false: lookups only, no connection to any mail server. Default true. */
  probe?: boolean;
  /** `ip:port` or `ip` DNS servers for EVERY query (MX, SRV, TXT, A/AAAA, fetch hosts, probes). */
  dnsServers?: string[];
  /** Base URL of the live ISPDB (default https://autoconfig.thunderbird.net/v1.1/). */
  ispdbUrl?: string;
  /**
   * Extra CA certificates (PEM) to trust, added to the system's, for the HTTPS fetches and the
   * probes (the window's "extra CA", `smtp --ca`, tests). NODE_EXTRA_CA_CERTS works as well.
   */
  caPem?: string;
  /** Folder of the bundled ISPDB snapshot (default: resources/ispdb of the app). */
  ispdbDir?: string;
  onEvent?: (event: DiscoveryEvent) => void;
}
