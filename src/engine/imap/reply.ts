/**
 * Reading IMAP responses (RFC 9051 / RFC 3501) as far as a check needs: tagged and untagged lines,
 * literals (`{n}` followed by n bytes) folded into their line, continuation requests (`+ …`), and
 * the capability list. Everything is bounded: a response cannot grow past MAX_RESPONSE_BYTES or
 * MAX_RESPONSE_LINES, whatever the server sends.
 */
import { MAX_RESPONSE_BYTES, MAX_RESPONSE_LINES } from '../runner/constants';
import { ProtocolViolation, ServerReply } from '../runner/errors';
import type { LineConnection } from '../runner/line-connection';
import type { Capabilities } from '../runner/protocol';

export interface TaggedResponse {
  /** `* …` lines before the tagged one, literals folded in. */
  untagged: string[];
  /** The tagged line without its tag: `OK …`, `NO […] …`, `BAD …`. */
  status: 'OK' | 'NO' | 'BAD';
  text: string;
}

/** What came instead of a tagged response: the server asks for more (`+ …`). */
export interface Continuation {
  continuation: string;
}

const LITERAL = /\{(\d{1,9})\+?\}$/;

/** Reads one logical line: a physical line plus any literals it announces. */
export async function readLogicalLine(conn: LineConnection): Promise<string> {
  let line = await conn.readLine();
  let size = line.length;
  for (let match = LITERAL.exec(line); match; match = LITERAL.exec(line)) {
    const bytes = Number(match[1]);
    size += bytes;
    if (size > MAX_RESPONSE_BYTES) throw new ProtocolViolation('An IMAP literal larger than allowed');
    const literal = await conn.readBytes(bytes);
    const rest = await conn.readLine();
    size += rest.length;
    line = `${line}${literal}${rest}`;
  }
  return line;
}

/**
 * Reads until the line tagged `tag` (or a continuation request, when `allowContinuation`).
 * A server that says `* BYE …` and closes instead of answering (`[UNAVAILABLE]`, shutting down)
 * is reported by its BYE line, as a ServerReply to `verb`: that line says why.
 */
export async function readTagged(
  conn: LineConnection,
  tag: string,
  verb: string,
  allowContinuation = false,
): Promise<TaggedResponse | Continuation> {
  const untagged: string[] = [];
  let bytes = 0;
  for (;;) {
    let line: string;
    try {
      line = await readLogicalLine(conn);
    } catch (err) {
      const bye = untagged.find((l) => /^\* BYE\b/i.test(l));
      if (bye && (err as { code?: string }).code !== 'ETIMEDOUT') throw new ServerReply(verb, bye.slice(2));
      throw err;
    }
    bytes += line.length;
    if (untagged.length > MAX_RESPONSE_LINES || bytes > MAX_RESPONSE_BYTES) {
      throw new ProtocolViolation('An IMAP response longer than allowed');
    }
    if (allowContinuation && (line === '+' || line.startsWith('+ '))) {
      return { continuation: line.slice(2) };
    }
    if (line.startsWith('* ')) {
      untagged.push(line);
      continue;
    }
    if (line.startsWith(`${tag} `)) {
      const text = line.slice(tag.length + 1);
      const status = /^(OK|NO|BAD)\b/i.exec(text)?.[1]?.toUpperCase();
      if (!status) throw new ProtocolViolation('A tagged IMAP response without OK, NO or BAD', line);
      return { untagged, status: status as TaggedResponse['status'], text };
    }
    // Another tag or stray text: a confused or hostile server.
    throw new ProtocolViolation('An IMAP line that answers no command', line);
  }
}

/** Parses the atoms of a CAPABILITY response or of a `[CAPABILITY …]` response code. */
export function parseCapabilities(atoms: string): Capabilities {
  const list = atoms
    .split(/\s+/)
    .map((atom) => atom.trim())
    .filter(Boolean);
  const upper = list.map((atom) => atom.toUpperCase());
  return {
    list,
    mechanisms: upper.filter((atom) => atom.startsWith('AUTH=')).map((atom) => atom.slice(5)),
    starttls: upper.includes('STARTTLS'),
    loginDisabled: upper.includes('LOGINDISABLED'),
  };
}

/** The capabilities in a `[CAPABILITY …]` response code of a greeting or a tagged OK, if any. */
export function capabilitiesInCode(text: string): Capabilities | null {
  const match = /\[CAPABILITY ([^\]]*)\]/i.exec(text);
  return match ? parseCapabilities(match[1] ?? '') : null;
}

/** The capabilities in an untagged `* CAPABILITY …` line, if any. */
export function capabilitiesInLines(lines: string[]): Capabilities | null {
  for (const line of lines) {
    const match = /^\* CAPABILITY (.*)$/i.exec(line);
    if (match) return parseCapabilities(match[1] ?? '');
  }
  return null;
}

/**
 * An IMAP string argument: a quoted string when the value is plain printable ASCII, otherwise
 * null (the caller sends a literal instead).
 */
export function quoted(value: string): string | null {
  if (!/^[\x20-\x7e]*$/.test(value)) return null;
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** MESSAGES and UNSEEN of a `* STATUS <mailbox> (MESSAGES n UNSEEN m)` line. */
export function parseStatus(lines: string[]): { messages: number | null; unseen: number | null } {
  for (const line of lines) {
    if (!/^\* STATUS /i.test(line)) continue;
    const number = (name: string): number | null => {
      const match = new RegExp(`\\b${name} (\\d{1,12})\\b`, 'i').exec(line);
      return match ? Number(match[1]) : null;
    };
    return { messages: number('MESSAGES'), unseen: number('UNSEEN') };
  }
  return { messages: null, unseen: null };
}
