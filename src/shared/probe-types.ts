/**
 * The vocabulary of a mail-server test, shared by the engine, the CLI, the main process and the
 * renderer. Pure types and constants only: this file must stay free of Node and DOM APIs.
 */

export type Lang = 'en' | 'it';
export const LANGS: readonly Lang[] = ['en', 'it'];

/** A text in every language the app speaks. */
export type Localized = Record<Lang, string>;

export type SecurityMode = 'auto' | 'starttls' | 'tls' | 'none';
export const SECURITY_MODES: readonly SecurityMode[] = ['auto', 'starttls', 'tls', 'none'];

export type StepId =
  'dns' | 'tcp' | 'greeting' | 'ehlo' | 'capabilities' | 'tls' | 'auth' | 'send' | 'mailbox';
/** The order in which the steps of an SMTP test run and are shown. */
export const STEP_IDS: readonly StepId[] = ['dns', 'tcp', 'greeting', 'ehlo', 'tls', 'auth', 'send'];
/** The steps of an IMAP or POP3 test (CAPABILITY / CAPA instead of EHLO, the mailbox instead of a send). */
export const RECEIVE_STEP_IDS: readonly StepId[] = [
  'dns',
  'tcp',
  'greeting',
  'capabilities',
  'tls',
  'auth',
  'mailbox',
];
/** Every step of every protocol. */
export const ALL_STEP_IDS: readonly StepId[] = [...STEP_IDS, 'capabilities', 'mailbox'];

export type StepStatus = 'pass' | 'fail' | 'warn' | 'skip';

export interface StepResult {
  id: StepId;
  status: StepStatus;
  /** Wall-clock duration of the step in milliseconds. */
  ms: number;
  /** One line for people, in every language. */
  summary: Localized;
  /** Machine-readable facts of the step (addresses, capabilities, reply codes…). JSON-safe. */
  details?: Record<string, unknown>;
}

/** How the probe authenticates. Secrets are held in memory only, never logged. */
export type AuthInput =
  | { method: 'password'; user: string; password: string }
  | {
      method: 'oauth2';
      user: string;
      /** A fresh access token, or a function that provides one (e.g. refreshed from the keychain). */
      accessToken?: string;
      getAccessToken?: () => Promise<string>;
    };

export interface ProbeRequest {
  host: string;
  port: number;
  security: SecurityMode;
  auth?: AuthInput;
  /** PEM text of extra CA certificates to trust (private servers, tests). */
  caPem?: string;
  /** When set, the `send` step submits a short test message from → to. */
  send?: { from: string; to: string };
  /** Upper bound for each network wait (connect, greeting, each reply). */
  timeoutMs?: number;
  /** Explicit opt-in to send credentials over an unencrypted connection. */
  allowPlaintextAuth?: boolean;
  /** Name used in EHLO. */
  clientName?: string;
}

export interface TlsInfo {
  /** 'starttls' or 'implicit'. */
  mode: 'starttls' | 'implicit';
  protocol: string | null;
  cipher: string | null;
  subject: string | null;
  issuer: string | null;
  subjectAltNames: string[];
  validFrom: string | null;
  validTo: string | null;
  fingerprint256: string | null;
  trusted: boolean;
  /** Why the chain was not trusted, as Node reports it (e.g. SELF_SIGNED_CERT_IN_CHAIN). */
  trustError: string | null;
  hostnameMatches: boolean;
}

export interface ServerInfo {
  address: string | null;
  greeting: string | null;
  capabilities: string[];
  authMechanisms: string[];
  /** The security actually used: may differ from the requested one in `auto` mode. */
  securityUsed: Exclude<SecurityMode, 'auto'> | null;
}

export interface TranscriptLine {
  /** Milliseconds since the start of the test. */
  t: number;
  dir: 'client' | 'server' | 'info';
  /** Already redacted: never contains a password, AUTH payload or token. */
  text: string;
}

/** What went wrong, by catalogue id; the catalogue holds the words. */
export interface DiagnosisRef {
  id: string;
  step: StepId;
  /** The server's raw reply or the system error, redacted, for the `unknown` case and for details. */
  reply: string | null;
  /** Values the catalogue texts may interpolate ({host}, {port}, …). */
  params: Record<string, string>;
}

export interface ProbeResult {
  ok: boolean;
  request: {
    host: string;
    port: number;
    security: SecurityMode;
    user: string | null;
    authMethod: string | null;
  };
  steps: StepResult[];
  diagnosis: DiagnosisRef | null;
  server: ServerInfo;
  tls: TlsInfo | null;
  transcript: TranscriptLine[];
  startedAt: string;
  totalMs: number;
  /** True when the test was stopped by the user. */
  cancelled: boolean;
}

/** The protocols that check the receiving side of an account. */
export type ReceiveProtocol = 'imap' | 'pop3';
export const RECEIVE_PROTOCOLS: readonly ReceiveProtocol[] = ['imap', 'pop3'];

/** An IMAP or POP3 test: the same settings as an SMTP test, without a message to send. */
export type ReceiveRequest = Omit<ProbeRequest, 'send' | 'clientName'> & { protocol: ReceiveProtocol };

/** The result of an IMAP or POP3 test: a ProbeResult (same steps, transcript, diagnosis) plus its protocol. */
export interface ReceiveResult extends ProbeResult {
  protocol: ReceiveProtocol;
}

/** Live progress: a step starts, a step ends. */
export type ProbeEvent = { type: 'step-start'; id: StepId } | { type: 'step-end'; step: StepResult };
