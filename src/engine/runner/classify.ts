/**
 * Turns a failure into a catalogue id, for every protocol on the runner. Knowledge as data: a
 * protocol brings its own ordered table of server replies (imap/classify.ts, pop3/classify.ts);
 * NETWORK_RULES below know what is the same for all of them (DNS, connection, certificates,
 * timeouts by step). The first matching rule wins: the protocol's table is asked first.
 */
import type { StepId } from '../../shared/probe-types';
import { TIMEOUT_CODE } from './errors';

/** The facts a rule can look at, normalized from whatever was thrown. */
export interface FailureFacts {
  step: StepId;
  /** Our error code (EREPLY, EPROTOCOL, ETIMEDOUT) or Node's (ECONNREFUSED, ERR_SSL_…). */
  code: string | null;
  /** The underlying system or TLS code, when the error wraps one. */
  sysCode: string | null;
  message: string;
  /** The verb in flight (LOGIN, AUTHENTICATE XOAUTH2, STLS, STATUS…), never its arguments. */
  command: string | null;
  /** The server's line, when there was one. */
  reply: string | null;
}

export interface Rule {
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

export const CERT_UNTRUSTED = [
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

/**
 * DNS, certificates, a TLS/plaintext mix-up, a refused or unreachable host, a connect timeout: the
 * same for every protocol, SMTP's table included (src/engine/smtp/classify.ts).
 */
export const CONNECTION_RULES: readonly Rule[] = [
  { id: 'dns.not-found', steps: ['dns'], codes: ['ENOTFOUND', 'ENODATA', 'ENONAME', 'EAI_NONAME'] },
  {
    id: 'dns.timeout',
    steps: ['dns'],
    codes: ['EAI_AGAIN', 'ETIMEOUT', TIMEOUT_CODE, 'ESERVFAIL', 'ECONNREFUSED'],
  },
  { id: 'tls.expired', codes: CERT_EXPIRED },
  { id: 'tls.hostname-mismatch', codes: ['ERR_TLS_CERT_ALTNAME_INVALID'] },
  { id: 'tls.untrusted', codes: CERT_UNTRUSTED },
  // A TLS client that got plaintext (or the reverse) sees a record-layer error.
  {
    id: 'tls.mode-mismatch',
    steps: ['tls'],
    message: /wrong version number|packet length too long|unknown protocol|record layer failure/i,
  },
  { id: 'net.refused', codes: ['ECONNREFUSED'] },
  { id: 'net.unreachable', codes: ['ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL', 'ENETDOWN', 'EHOSTDOWN'] },
  { id: 'net.timeout', steps: ['tcp'], codes: [TIMEOUT_CODE] },
];

/** What every protocol on the runner shares: the connection rules, then timeouts by step. */
export const NETWORK_RULES: readonly Rule[] = [
  ...CONNECTION_RULES,
  { id: 'receive.no-greeting', steps: ['greeting'], codes: [TIMEOUT_CODE] },
  { id: 'tls.handshake-failed', steps: ['tls'], codes: [TIMEOUT_CODE] },
  { id: 'receive.timeout', codes: [TIMEOUT_CODE] },
  // Not the protocol asked for: an unknown greeting, an absurdly long line.
  { id: 'receive.wrong-protocol', codes: ['EPROTOCOL'] },
  { id: 'tls.handshake-failed', steps: ['tls'], codes: ['ECONNRESET', 'EPIPE', 'ECONNCLOSED'] },
  { id: 'net.closed', codes: ['ECONNRESET', 'EPIPE', 'ECONNCLOSED'] },
];

function matches(rule: Rule, facts: FailureFacts): boolean {
  if (rule.steps && !rule.steps.includes(facts.step)) return false;
  if (rule.reply && !(facts.reply && rule.reply.test(facts.reply))) return false;
  if (rule.message && !rule.message.test(facts.message)) return false;
  if (rule.command && !(facts.command && rule.command.test(facts.command))) return false;
  if (rule.codes && !rule.codes.some((code) => code === facts.code || code === facts.sysCode)) return false;
  return true;
}

/** The catalogue id: the protocol's rules first, then the shared ones; `unknown` when none knows it. */
export function classifyWith(protocolRules: readonly Rule[], facts: FailureFacts): string {
  return (
    protocolRules.find((rule) => matches(rule, facts))?.id ??
    NETWORK_RULES.find((rule) => matches(rule, facts))?.id ??
    'unknown'
  );
}

/** Normalizes anything thrown into facts for the rules. */
export function factsOf(err: unknown, step: StepId): FailureFacts {
  const e = (err && typeof err === 'object' ? err : {}) as {
    code?: unknown;
    command?: unknown;
    reply?: unknown;
    message?: unknown;
    cause?: unknown;
  };
  const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
  const cause = (e.cause && typeof e.cause === 'object' ? e.cause : {}) as { code?: unknown };
  return {
    step,
    code: str(e.code),
    sysCode: str(cause.code),
    message: str(e.message) ?? String(err),
    command: str(e.command),
    reply: str(e.reply),
  };
}
