/**
 * Text from the network (DNS records, HTTP bodies, server greetings) is hostile: it may hold
 * terminal escape sequences, line breaks or megabytes. Everything discovery keeps or shows passes
 * through here: control characters become visible escapes (`\x1b`, `\n`) and the length is bounded.
 */
const CONTROL = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

export function printable(text: string, max = 500): string {
  const clipped = text.length > max ? `${text.slice(0, max)}…` : text;
  return clipped.replace(CONTROL, (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
