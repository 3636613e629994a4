/**
 * Turns what went wrong (a nodemailer error, a Node error, a server reply, our own timeout) into a
 * catalogue id. Knowledge as data, in two ordered tables where the first match wins: a server
 * reply with a code goes to the reply table (SMTP_REPLY_RULES, src/shared/diagnoses/smtp-rules.ts,
 * with the RFC 3463 fallback), everything else to RULES below. To teach Mailcheck a new reply, add
 * a row to the reply table (see docs/engine.md, "Adding a diagnosis").
 */
import { diagnosisIdForReply } from '../../shared/diagnoses/smtp-rules';
import type { ReplyStep } from '../../shared/diagnoses/smtp-reply';
import type { StepId } from '../../shared/probe-types';
import { CONNECTION_RULES } from '../runner/classify';
import { TIMEOUT_CODE } from '../runner/errors';

/** The facts a rule can look at, normalized from whatever error shape arrived. */
export interface FailureFacts {
  step: StepId;
  /** nodemailer's error type (ESOCKET, ETLS, EAUTH, EENVELOPE, EPROTOCOL, ETIMEDOUT…) or ours. */
  code: string | null;
  /** The underlying system/TLS code: ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED, ERR_SSL_… */
  sysCode: string | null;
  message: string;
  /** The SMTP command in flight (EHLO, STARTTLS, AUTH PLAIN, MAIL FROM, RCPT TO, DATA, CONN). */
  command: string | null;
  /** The server's reply, when there was one. */
  reply: string | null;
}

interface Rule {
  id: string;
  /** Only in these steps. */
  steps?: StepId[];
  message?: RegExp;
  /** Matches `code` or `sysCode`. */
  codes?: string[];
}

/** Our own watchdog and nodemailer's timers both end up with this code. */
export { TIMEOUT_CODE };

/**
 * Failures that are not an SMTP reply (DNS, network, certificates, timeouts, protocol nonsense).
 * Every failure that carries a server reply with a code is named by the reply table first
 * (SMTP_REPLY_RULES in src/shared/diagnoses/smtp-rules.ts); these rules only see the rest.
 */
export const RULES: readonly Rule[] = [
  // nodemailer refuses a message larger than the server's SIZE before sending it.
  { id: 'send.too-large', steps: ['send'], message: /Message size larger than allowed/i },

  // Not SMTP at all, or an absurd reply.
  { id: 'smtp.not-smtp', codes: ['EPROTOCOL'], message: /invalid greeting|exceeds maximum allowed size/i },

  // DNS, certificates, a TLS/plaintext mix-up, a refused or unreachable host, a connect timeout.
  ...CONNECTION_RULES,

  // Timeouts, by the step they happened in.
  { id: 'smtp.no-greeting', steps: ['greeting'], codes: [TIMEOUT_CODE] },
  { id: 'tls.handshake-failed', steps: ['tls'], codes: [TIMEOUT_CODE] },
  { id: 'smtp.timeout', codes: [TIMEOUT_CODE] },

  // The connection went away.
  {
    id: 'tls.handshake-failed',
    steps: ['tls'],
    codes: ['ECONNRESET', 'EPIPE', 'ECONNECTION', 'ETLS', 'ESOCKET'],
  },
  { id: 'net.closed', codes: ['ECONNRESET', 'EPIPE'] },
  {
    id: 'net.closed',
    message: /connection closed unexpectedly|socket hang up|server closed the connection/i,
  },
  { id: 'net.closed', codes: ['ECONNECTION'] },
];

function matches(rule: Rule, facts: FailureFacts): boolean {
  if (rule.steps && !rule.steps.includes(facts.step)) return false;
  if (rule.message && !rule.message.test(facts.message)) return false;
  if (rule.codes && !rule.codes.some((code) => code === facts.code || code === facts.sysCode)) return false;
  return true;
}

/**
 * The catalogue id for a failure: a server reply with a code by the reply table (never `unknown`:
 * a reply no rule knows is named from its status code), anything else by RULES; `unknown` when no
 * rule knows it (the raw text is still shown).
 */
export function classify(facts: FailureFacts): string {
  const byReply = diagnosisIdForReply(facts.reply, {
    step: replyStepOf(facts),
    xoauth2: /XOAUTH2/i.test(facts.command ?? ''),
  });
  if (byReply) return byReply;
  return RULES.find((rule) => matches(rule, facts))?.id ?? 'unknown';
}

/** The probe's steps that tell the reply step by themselves, when nodemailer names no command. */
const REPLY_STEP_OF_STEP: Partial<Record<StepId, ReplyStep>> = {
  greeting: 'greeting',
  ehlo: 'ehlo',
  tls: 'starttls',
  auth: 'auth',
};

/**
 * Which command a reply answered, from nodemailer's `command` (CONN, EHLO, HELO, STARTTLS,
 * AUTH …, MAIL FROM, RCPT TO, DATA). DATA names both the DATA command and the end of the message:
 * nodemailer's message tells them apart ("Data command failed" / "Message failed"). Null when it
 * cannot be told (then only reply rules valid at any step apply).
 */
export function replyStepOf(facts: Pick<FailureFacts, 'step' | 'command' | 'message'>): ReplyStep | null {
  const command = (facts.command ?? '').toUpperCase();
  if (/^(EHLO|HELO|LHLO)\b/.test(command)) return 'ehlo';
  if (command === 'STARTTLS') return 'starttls';
  if (command.startsWith('AUTH')) return 'auth';
  if (command === 'MAIL FROM') return 'mail';
  if (command === 'RCPT TO') return 'rcpt';
  if (command === 'DATA') return /^Message failed/i.test(facts.message) ? 'end-of-data' : 'data';
  if (command === 'CONN' && facts.step !== 'greeting') return null;
  return REPLY_STEP_OF_STEP[facts.step] ?? null;
}

/** Normalizes a nodemailer or Node error (or anything thrown) into facts for `classify`. */
export function factsFromError(err: unknown, step: StepId): FailureFacts {
  const e = (err && typeof err === 'object' ? err : {}) as {
    code?: unknown;
    originalCode?: unknown;
    command?: unknown;
    response?: unknown;
    message?: unknown;
    reason?: unknown;
    cause?: unknown;
  };
  const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
  const cause = (e.cause && typeof e.cause === 'object' ? e.cause : {}) as { code?: unknown };
  const message = [str(e.message), str(e.reason)].filter(Boolean).join(' ') || String(err);
  const code = str(e.code);
  // nodemailer replaces a system code by its own type and keeps the original in originalCode.
  const sysCode = str(e.originalCode) ?? str(cause.code) ?? (code && !/^E[A-Z]+$/.test(code) ? code : null);
  return {
    step,
    code,
    sysCode: sysCode ?? (code && SYSTEM_CODES.has(code) ? code : null),
    message,
    command: str(e.command),
    reply: str(e.response),
  };
}

/** Codes that are system errors even though they look like nodemailer's E-types. */
const SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'ENODATA',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'ENETDOWN',
  'EHOSTDOWN',
  'ETIMEDOUT',
]);
