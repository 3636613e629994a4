/**
 * Reading POP3 replies (RFC 1939, RFC 2449 CAPA, RFC 5034 SASL): status lines (`+OK` / `-ERR`),
 * continuation requests (`+ …`) and multi-line answers ending in a lone `.`, bounded in lines
 * and bytes whatever the server sends.
 */
import { MAX_RESPONSE_BYTES, MAX_RESPONSE_LINES } from '../runner/constants';
import { ProtocolViolation } from '../runner/errors';
import type { LineConnection } from '../runner/line-connection';
import type { Capabilities } from '../runner/protocol';

export type StatusLine = { ok: true; text: string } | { ok: false; text: string } | { continuation: string };

/** One status line; `+ …` counts as a continuation only when `allowContinuation`. */
export async function readStatus(conn: LineConnection, allowContinuation = false): Promise<StatusLine> {
  const line = await conn.readLine();
  if (/^\+OK\b/i.test(line)) return { ok: true, text: line };
  if (/^-ERR\b/i.test(line)) return { ok: false, text: line };
  if (allowContinuation && (line === '+' || line.startsWith('+ '))) return { continuation: line.slice(2) };
  throw new ProtocolViolation('Not a POP3 status line', line);
}

/** The lines of a multi-line answer after its `+OK`, up to the terminating `.` (dot-unstuffed). */
export async function readMultiline(conn: LineConnection): Promise<string[]> {
  const lines: string[] = [];
  let bytes = 0;
  for (;;) {
    const line = await conn.readLine();
    if (line === '.') return lines;
    bytes += line.length;
    if (lines.length >= MAX_RESPONSE_LINES || bytes > MAX_RESPONSE_BYTES) {
      throw new ProtocolViolation('A POP3 answer longer than allowed');
    }
    lines.push(line.startsWith('..') ? line.slice(1) : line);
  }
}

/** The CAPA lines (RFC 2449): STLS, SASL mechanisms, USER… */
export function parseCapa(lines: string[]): Capabilities & { user: boolean } {
  const list = lines.map((line) => line.trim()).filter(Boolean);
  const keyword = (line: string): string => (line.split(/\s+/)[0] ?? '').toUpperCase();
  const keywords = new Set(list.map(keyword));
  const sasl = list.find((line) => keyword(line) === 'SASL');
  return {
    list,
    mechanisms: sasl
      ? sasl
          .split(/\s+/)
          .slice(1)
          .map((m) => m.toUpperCase())
      : [],
    starttls: keywords.has('STLS'),
    loginDisabled: false,
    user: keywords.has('USER'),
  };
}

/** `+OK <count> <octets>` of STAT. */
export function parseStat(text: string): { messages: number; octets: number } | null {
  const match = /^\+OK (\d{1,12}) (\d{1,15})\b/i.exec(text);
  return match ? { messages: Number(match[1]), octets: Number(match[2]) } : null;
}

/** 12 KB, 3.4 MB, 512 bytes: the size of a mailbox for people. */
export function formatSize(octets: number, lang: 'en' | 'it'): string {
  if (octets < 1024) return lang === 'it' ? `${octets} byte` : `${octets} bytes`;
  if (octets < 1024 * 1024) return `${Math.round(octets / 1024)} KB`;
  const mb = (octets / (1024 * 1024)).toFixed(1);
  return `${lang === 'it' ? mb.replace('.', ',') : mb} MB`;
}
