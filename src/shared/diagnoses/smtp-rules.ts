/**
 * The SMTP reply table: every reply rule Mailcheck knows, in the order they are tried (the first
 * match wins). Login rules first, then sending, then the message, then the server-side rules that
 * match by code alone. A reply no rule knows gets `reply.temporary` or `reply.permanent` (rfc3463.ts words it).
 * The engine's classifier (src/engine/probe/classify.ts) and docs/diagnoses.md both read this table;
 * test/engine/reply-rules*.test.ts check it (catalogue entry, source, date, no shadowing, and each
 * rule's example sent by a live server at its step).
 */
import {
  fallbackIdFor,
  findReplyRule,
  parseSmtpReply,
  type ReplyContext,
  type ReplyRule,
  type SmtpReply,
} from './smtp-reply';
import { LOGIN_RULES } from './smtp-rules-login';
import { MESSAGE_RULES } from './smtp-rules-message';
import { SENDING_RULES } from './smtp-rules-sending';
import { SERVER_RULES } from './smtp-rules-server';

export const SMTP_REPLY_RULES: readonly ReplyRule[] = [
  ...LOGIN_RULES,
  ...SENDING_RULES,
  ...MESSAGE_RULES,
  ...SERVER_RULES,
];

/**
 * The diagnosis id for a server reply: the first rule that knows it, else the RFC 3463 fallback.
 * Null when the text is not an SMTP reply at all (no three-digit code).
 */
export function diagnosisIdForReply(reply: string | null | undefined, ctx: ReplyContext): string | null {
  const parsed = parseSmtpReply(reply);
  if (!parsed) return null;
  return diagnosisIdForParsedReply(parsed, ctx);
}

export function diagnosisIdForParsedReply(reply: SmtpReply, ctx: ReplyContext): string {
  return findReplyRule(SMTP_REPLY_RULES, reply, ctx)?.id ?? fallbackIdFor(reply);
}
