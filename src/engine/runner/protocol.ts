/**
 * What a protocol module gives the runner: a few step functions on one connection and its reply
 * classifier table. A module knows its own commands and replies and nothing else: no timers, no
 * step bookkeeping, no TLS policy, no other protocol (see docs/engine.md, "Adding a protocol").
 */
import type { Localized, ReceiveProtocol } from '../../shared/probe-types';
import type { Rule } from './classify';
import type { RunContext } from './context';
import type { LineConnection } from './line-connection';

export interface Capabilities {
  /** As the server wrote them (IMAP atoms, POP3 CAPA lines). */
  list: string[];
  /** SASL mechanisms offered, upper case. */
  mechanisms: string[];
  /** STARTTLS (IMAP) or STLS (POP3) is offered. */
  starttls: boolean;
  /** The server forbids a password login on this connection as it is (IMAP LOGINDISABLED). */
  loginDisabled: boolean;
}

export interface Greeting {
  /** The greeting line as received. */
  text: string;
  /** IMAP PREAUTH: the server logged the client in already. */
  preauth: boolean;
  /** Capabilities announced in the greeting itself (IMAP `[CAPABILITY …]`), when any. */
  capabilities: Capabilities | null;
}

/** The secret of a login, already resolved (a token provider has been asked). */
export type LoginSecret =
  { kind: 'password'; user: string; password: string } | { kind: 'token'; user: string; token: string };

export interface MailboxSummary {
  summary: Localized;
  details: Record<string, unknown>;
}

/** One conversation with the server: each call is one step's worth of commands and replies. */
export interface ProtocolSession {
  /**
   * Judges the first line (already read by the runner; IMAP may read more for a literal): throws
   * ServerReply for a refusal, ProtocolViolation for a stranger (e.g. an SMTP 220).
   */
  greeting(line: string): Promise<Greeting>;
  capabilities(): Promise<Capabilities>;
  /** Asks to start TLS and waits for the go-ahead (the handshake itself is the runner's). */
  starttls(): Promise<void>;
  /** Logs in with the best mechanism offered; returns its name. Throws StepFailure when none fits. */
  login(secret: LoginSecret, capabilities: Capabilities): Promise<string>;
  mailbox(): Promise<MailboxSummary>;
  /** LOGOUT / QUIT, not awaited: the verdict is known before the answer. */
  goodbye(): void;
}

export interface ProtocolModule {
  id: ReceiveProtocol;
  /** For people and for the `{protocol}` of diagnoses: IMAP, POP3. */
  name: string;
  /** The command that upgrades a plaintext connection: STARTTLS, STLS. */
  starttlsName: string;
  /** The port on which `auto` means implicit TLS: 993, 995. */
  implicitTlsPort: number;
  /** Ordered server-reply rules; the runner's NETWORK_RULES come after them. */
  rules: readonly Rule[];
  /** Whether a first line is this protocol's greeting (used on the diagnostic follow-up connections). */
  isGreeting(line: string): boolean;
  open(conn: LineConnection, ctx: RunContext): ProtocolSession;
}
