/**
 * Turns what went wrong (a nodemailer error, a Node error, a server reply, our own timeout) into a
 * catalogue id. Knowledge as data: RULES is an ordered table, the first matching rule wins, so
 * exact provider replies come before generic codes. To teach Mailcheck a new reply, add a row here
 * and an entry in src/shared/diagnoses/smtp.ts.
 */
import type { StepId } from '../../shared/probe-types';

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
  reply?: RegExp;
  message?: RegExp;
  command?: RegExp;
  /** Matches `code` or `sysCode`. */
  codes?: string[];
}

/** Node's verification codes for a certificate outside its validity dates. */
export const CERT_EXPIRED = ['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'];
const CERT_UNTRUSTED = [
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
  'INVALID_CA',
];
/** Our own watchdog and nodemailer's timers both end up with this code. */
export const TIMEOUT_CODE = 'ETIMEDOUT';

export const RULES: readonly Rule[] = [
  // Exact provider replies first: they are the most specific knowledge we have.
  // Outlook.com / Microsoft 365: password and app-password logins refused (Modern Auth only).
  { id: 'auth.basic-disabled', reply: /5\.7\.139\b.*basic authentication is disabled/i },
  { id: 'auth.basic-disabled', reply: /5\.7\.30\b.*basic authentication is not supported/i },
  // Microsoft 365: Authenticated SMTP off for the tenant or the mailbox.
  { id: 'auth.smtp-auth-disabled', reply: /SmtpClientAuthentication is disabled/i },
  // Microsoft 365: security defaults / Conditional Access.
  {
    id: 'auth.policy-blocked',
    reply: /security defaults policy|did not meet the criteria to be authenticated/i,
  },
  // Gmail: two-step verification on, normal password used.
  {
    id: 'auth.app-password-required',
    reply: /5\.7\.9\b.*application-specific password required|InvalidSecondFactor/i,
  },
  // Outlook.com / Microsoft 365: From is not the logged-in mailbox.
  { id: 'send.sender-denied', reply: /SendAsDenied|\b5\.7\.60\b|not allowed to send as/i },
  // Outlook.com: account must be verified, or sending suspended as suspected spam.
  {
    id: 'send.account-blocked',
    reply:
      /5\.3\.4\b.*verify your account|OutboundSpamException|WASCL UserAction|\b5\.7\.501\b|Spam abuse detected/i,
  },
  // The server wants STARTTLS before AUTH (or before anything).
  { id: 'auth.starttls-required', reply: /^530[ -].*STARTTLS|must issue a STARTTLS/i },

  // The server refused the STARTTLS command itself.
  { id: 'tls.starttls-unavailable', steps: ['tls'], command: /^STARTTLS$/i, reply: /^[45]\d\d/ },

  // Authentication replies. A refused XOAUTH2 token has its entry in the OAuth catalogue.
  { id: 'oauth.token-rejected', steps: ['auth'], command: /XOAUTH2/i, reply: /^[45]\d\d/ },
  { id: 'auth.rejected', steps: ['auth'], reply: /^5\d\d/ },

  // Envelope and message replies.
  { id: 'send.recipient-rejected', steps: ['send'], command: /^RCPT TO/i },
  { id: 'send.rejected', steps: ['send'], command: /^(MAIL FROM|DATA)/i },

  // A refusal instead of a greeting (554 No SMTP service here, 421 too busy…).
  { id: 'smtp.rejected', steps: ['greeting'], reply: /^[45]\d\d/ },
  // Not SMTP at all, or an absurd reply.
  { id: 'smtp.not-smtp', codes: ['EPROTOCOL'], message: /invalid greeting|exceeds maximum allowed size/i },

  // DNS.
  { id: 'dns.not-found', steps: ['dns'], codes: ['ENOTFOUND', 'ENODATA', 'ENONAME', 'EAI_NONAME'] },
  {
    id: 'dns.timeout',
    steps: ['dns'],
    codes: ['EAI_AGAIN', 'ETIMEOUT', TIMEOUT_CODE, 'ESERVFAIL', 'ECONNREFUSED'],
  },

  // Certificates (codes from Node's verification, as authorizationError or error code).
  { id: 'tls.expired', codes: CERT_EXPIRED },
  { id: 'tls.hostname-mismatch', codes: ['ERR_TLS_CERT_ALTNAME_INVALID'] },
  { id: 'tls.untrusted', codes: CERT_UNTRUSTED },
  // A TLS client that got plaintext SMTP (or the reverse) sees a record-layer error.
  {
    id: 'tls.mode-mismatch',
    steps: ['tls'],
    message: /wrong version number|packet length too long|unknown protocol|record layer failure/i,
  },

  // Network.
  { id: 'net.refused', codes: ['ECONNREFUSED'] },
  { id: 'net.unreachable', codes: ['ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL', 'ENETDOWN', 'EHOSTDOWN'] },

  // Timeouts, by the step they happened in.
  { id: 'net.timeout', steps: ['tcp'], codes: [TIMEOUT_CODE] },
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
  if (rule.reply && !(facts.reply && rule.reply.test(facts.reply))) return false;
  if (rule.message && !rule.message.test(facts.message)) return false;
  if (rule.command && !(facts.command && rule.command.test(facts.command))) return false;
  if (rule.codes && !rule.codes.some((code) => code === facts.code || code === facts.sysCode)) return false;
  return true;
}

/** The catalogue id for a failure; `unknown` when no rule knows it (the raw reply is still shown). */
export function classify(facts: FailureFacts): string {
  return RULES.find((rule) => matches(rule, facts))?.id ?? 'unknown';
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
