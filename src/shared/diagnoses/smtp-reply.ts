/**
 * SMTP replies as facts a rule can look at: the basic code (RFC 5321), the enhanced status code
 * (RFC 3463) and the text, plus the shape of a reply rule and the matcher. Pure TS (the renderer
 * imports it through the catalogue): no Node or DOM APIs.
 */

/**
 * Where in the conversation a reply came: the greeting, the answer to EHLO (or HELO), to
 * STARTTLS, to AUTH, to MAIL FROM, to RCPT TO, to the DATA command, or to the end of the message.
 */
export type ReplyStep = 'greeting' | 'ehlo' | 'starttls' | 'auth' | 'mail' | 'rcpt' | 'data' | 'end-of-data';
export const REPLY_STEPS: readonly ReplyStep[] = [
  'greeting',
  'ehlo',
  'starttls',
  'auth',
  'mail',
  'rcpt',
  'data',
  'end-of-data',
];

/**
 * One row of the reply table: a pattern, where it applies, the diagnosis it leads to, and where the
 * knowledge comes from. Every condition given must hold; the first matching row wins.
 */
export interface ReplyRule {
  /** The diagnosis id (an entry of the catalogue). */
  id: string;
  /** Only at these steps (absent: at any step). */
  steps?: readonly ReplyStep[];
  /** The basic code or its start: `535` exactly, `53` for 53x, `5` for any 5xx. */
  code?: string;
  /** The whole enhanced status code, e.g. /^5\.7\.139$/ (replies without one never match). */
  enhanced?: RegExp;
  /** The reply's text (all lines, codes removed, joined by spaces). */
  text?: RegExp;
  /** Only for an XOAUTH2 (OAuth token) login. */
  xoauth2?: boolean;
  /** A real reply this rule is for, exactly as the server sends it (lines joined by CRLF). */
  example: string;
  /** Where `example` is sent in the tests (one of `steps`, when given). */
  exampleStep: ReplyStep;
  /** Where the knowledge comes from: the provider's or the MTA's documentation, or the RFC. */
  source: string;
  /** ISO date (YYYY-MM-DD) the rule was last checked against `source`. */
  checked: string;
  /** Why the rule exists or what else it covers (shown in docs/diagnoses.md). */
  note?: string;
}

/** A reply, parsed. */
export interface SmtpReply {
  /** The basic code, e.g. `535`. */
  code: string;
  /** The enhanced status code of the first line, e.g. `5.7.139`; null when there is none. */
  enhanced: string | null;
  /** The text of every line without its codes, joined by single spaces. */
  text: string;
}

/** Replies are read only this far: a longer one is hostile or useless, and regexes stay cheap. */
const MAX_REPLY_CHARS = 4096;
const LINE = /^(\d{3})(?:[ -]|$)(.*)$/;
const ENHANCED = /^([245])\.(\d{1,3})\.(\d{1,3})(?=\s|$)/;

/**
 * Parses a server reply (one or more lines, as nodemailer joins them with `\n` or as sent with
 * CRLF). Null when the first line does not start with a three-digit code.
 */
export function parseSmtpReply(reply: string | null | undefined): SmtpReply | null {
  if (!reply) return null;
  const lines = reply.slice(0, MAX_REPLY_CHARS).split(/\r?\n/);
  const first = LINE.exec(lines[0] ?? '');
  if (!first) return null;
  const code = first[1] ?? '';
  const enhanced = ENHANCED.exec((first[2] ?? '').trim())?.[0] ?? null;
  const texts = lines.map((line) => {
    const m = LINE.exec(line);
    let text = (m ? (m[2] ?? '') : line).trim();
    // Gmail repeats the enhanced code on every line of a multi-line reply.
    if (enhanced && text.startsWith(enhanced)) text = text.slice(enhanced.length).trim();
    return text;
  });
  return { code, enhanced, text: texts.filter(Boolean).join(' ').replace(/\s+/g, ' ') };
}

/** The context a reply came in, for `findReplyRule`. */
export interface ReplyContext {
  /** Null when the step cannot be told: then only rules valid at every step can match. */
  step: ReplyStep | null;
  xoauth2: boolean;
}

export function ruleMatches(rule: ReplyRule, reply: SmtpReply, ctx: ReplyContext): boolean {
  if (rule.steps && !(ctx.step && rule.steps.includes(ctx.step))) return false;
  if (rule.xoauth2 !== undefined && rule.xoauth2 !== ctx.xoauth2) return false;
  if (rule.code !== undefined && !reply.code.startsWith(rule.code)) return false;
  if (rule.enhanced && !(reply.enhanced && rule.enhanced.test(reply.enhanced))) return false;
  if (rule.text && !rule.text.test(reply.text)) return false;
  return true;
}

/** The first rule of `rules` that knows this reply, or null. */
export function findReplyRule(
  rules: readonly ReplyRule[],
  reply: SmtpReply,
  ctx: ReplyContext,
): ReplyRule | null {
  return rules.find((rule) => ruleMatches(rule, reply, ctx)) ?? null;
}

/** Fallback ids for a reply no rule knows: named from its code (see rfc3463.ts for the words). */
export const REPLY_TEMPORARY_ID = 'reply.temporary';
export const REPLY_PERMANENT_ID = 'reply.permanent';

/** `reply.temporary` for a 4xx reply, `reply.permanent` for any other. */
export function fallbackIdFor(reply: SmtpReply): string {
  return reply.code.startsWith('4') ? REPLY_TEMPORARY_ID : REPLY_PERMANENT_ID;
}

/** Longest server text quoted inside a diagnosis (the full reply is shown apart). */
const MAX_QUOTED_CHARS = 300;

/**
 * The server's words, safe to put inside a sentence: control and bidirectional-override characters
 * removed, whitespace collapsed, at most MAX_QUOTED_CHARS characters.
 */
export function quotableText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g, ' ');
  const collapsed = clean.replace(/\s+/g, ' ').trim();
  return collapsed.length > MAX_QUOTED_CHARS ? `${collapsed.slice(0, MAX_QUOTED_CHARS - 1)}…` : collapsed;
}
