/**
 * What the window learns from discovery (src/engine/discovery): the chosen servers and where each
 * came from. A slim, JSON-safe view of the engine's DiscoveryResult for the IPC contract: the
 * renderer needs neither the full candidate list nor the lookups. Pure types (the preload bundles it).
 */

/** Where a setting came from (the engine's DiscoverySource). */
export type FoundSource = 'autoconfig' | 'ispdb' | 'mx' | 'srv' | 'guess';

/** A setting that deserves a second look (the engine's TrustFlag). */
export type FoundFlag = 'http' | 'foreign-host' | 'dns-pointer' | 'live-ispdb';

/** One server discovery chose. */
export interface FoundSetting {
  host: string;
  port: number;
  security: 'starttls' | 'tls' | 'none';
  username: string;
  source: FoundSource;
  /** A probe up to TLS and the offered login methods passed (no credentials were sent). */
  verified: boolean;
  flags: FoundFlag[];
  oauth: boolean;
}

/** What discovery:run answers. */
export interface DiscoveryAnswer {
  address: string;
  domain: string;
  smtp: FoundSetting | null;
  imap: FoundSetting | null;
  pop3: FoundSetting | null;
  /** The provider wants (or prefers) OAuth2 sign-in. */
  oauth: boolean;
  /** The provider's display name when a source named it (Microsoft 365, Google…). */
  provider: string | null;
  cancelled: boolean;
  totalMs: number;
}
