import type { ReceiveProtocol, SecurityMode } from './probe-types';
import type { Usage } from './usage';

/**
 * The incoming server of an account (IMAP or POP3), optional. The login defaults to the profile's
 * user and method, and the password is the profile's one in the keychain: one account, one password.
 */
export interface IncomingServer {
  protocol: ReceiveProtocol;
  host: string;
  port: number;
  security: SecurityMode;
  /** When the incoming login differs from the sending one. */
  user?: string;
  authMethod?: 'password' | 'oauth2' | 'none';
}

/** The non-secret settings of one saved account. The secret lives in the OS keychain only. */
export interface Profile {
  /** Unique, user-chosen; also the keychain account key. */
  name: string;
  email?: string;
  /** Provider preset id (see providers), or 'custom'. */
  provider?: string;
  host: string;
  port: number;
  security: SecurityMode;
  user?: string;
  authMethod: 'password' | 'oauth2' | 'none';
  /** OAuth settings for authMethod 'oauth2' (no secrets: the refresh token is in the keychain). */
  oauth?: { clientId: string; tenant: string };
  /** Where these settings will be used (a website builder, a printer…), as the user said. */
  usage?: Usage;
  /** Sender and recipient for the optional send test. */
  from?: string;
  to?: string;
  /** CLI only: a CA file (PEM) to trust for this server, as a path; the app never reads files named here. */
  caFile?: string;
  /** Per-step timeout in milliseconds, when not the default. */
  timeoutMs?: number;
  /** The user explicitly allowed sending credentials without TLS (security 'none'). */
  allowPlaintextAuth?: boolean;
  lastResult?: { ok: boolean; diagnosisId: string | null; at: string };
  /** The incoming server (IMAP or POP3), when one is saved. */
  incoming?: IncomingServer;
  updatedAt: string;
}

/** One past run of a saved account: when, whether it worked, and the diagnosis id. No secrets. */
export interface RunRecord {
  /** ISO date-time. */
  at: string;
  ok: boolean;
  diagnosisId: string | null;
}

/** Whether the OS keychain can be used; when not, why, in both languages (shown as is). */
export type KeychainStatus = { available: true } | { available: false; reason: string; reasonIt: string };
