/**
 * Text from the network (greetings, replies, mechanism names, certificate fields) and from files a
 * user may not have written (profile names) is shown as text, never obeyed: control characters,
 * ESC/CSI/OSC sequences, C1 controls and bidi overrides become visible escapes.
 *
 * Why each: ESC and C1 CSI/OSC (U+009B, U+009D) start terminal sequences that clear the screen,
 * set the window title or write the clipboard (OSC 52); CR and LF let a server print a fake line
 * such as "All steps passed."; bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069, and the
 * invisible marks U+200E, U+200F, U+061C) reorder what is shown so that it reads differently from
 * what it is, in a terminal and in the window alike (React escapes markup, not bidi).
 *
 * Pure, no Node or DOM APIs: the CLI, the reports and the renderer all use it.
 */

/** C0 (except TAB), DEL, C1, the bidi controls, and the Unicode line and paragraph separators. */
const UNSAFE_SINGLE_LINE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, but LF is kept: for text the caller lays out line by line itself. */
const UNSAFE_MULTI_LINE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Record<string, string> = { '\r': '\\r', '\n': '\\n' };

function escapeChar(char: string): string {
  const short = SHORT[char];
  if (short) return short;
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** One line of untrusted text, safe to print: every control or bidi character as a visible escape. */
export function visibleText(text: string): string {
  return text.replace(UNSAFE_SINGLE_LINE, escapeChar);
}

/** Like visibleText, but line feeds stay: for output the caller has already laid out in lines. */
export function visibleLines(text: string): string {
  return text.replace(UNSAFE_MULTI_LINE, escapeChar);
}

/**
 * JSON text whose strings hold no raw C1 or bidi character (JSON.stringify escapes C0 itself but
 * passes those through): the same value, written with `\uXXXX` escapes.
 */
export function asciiSafeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\u007f' ? '\\u007f' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
