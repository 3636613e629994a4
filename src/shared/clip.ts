/**
 * Bounds on text that came from a server, so that a hostile or broken one cannot make results,
 * JSON, transcripts or the screen grow without end. Pure: the engine, CLI, reports and renderer
 * use the same cuts, and every cut says so.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');
const byteLength = (text: string): number => encoder.encode(text).length;

/** Each server reply (and each list of names from one) is kept up to this many UTF-8 bytes. */
export const MAX_KEPT_REPLY_BYTES = 4096;

/** The explicit marker of a cut in kept data: `… 1234 bytes cut`. */
export function cutMarker(bytes: number): string {
  return `… ${bytes} bytes cut`;
}

/**
 * `text` whole when it fits in `maxBytes` UTF-8 bytes, else its first `maxBytes` bytes (never half
 * a character) followed by `… N bytes cut`.
 */
export function capBytes(text: string, maxBytes = MAX_KEPT_REPLY_BYTES): string {
  // Cheap first: a string of n characters has at least n bytes and at most 3n.
  if (text.length * 3 <= maxBytes) return text;
  const encoded = encoder.encode(text);
  if (encoded.length <= maxBytes) return text;
  let kept = decoder.decode(encoded.subarray(0, maxBytes));
  // A character cut in half decodes as U+FFFD: drop it.
  if (kept.endsWith('\uFFFD')) kept = kept.slice(0, -1);
  return `${kept}${cutMarker(encoded.length - byteLength(kept))}`;
}

/**
 * The leading items of a list whose names add up to at most `maxBytes`; when some are left out,
 * a last item says how many (`… 3990 more cut`), so the list is visibly incomplete.
 */
export function capList(items: string[], maxBytes = MAX_KEPT_REPLY_BYTES): string[] {
  const kept: string[] = [];
  let total = 0;
  for (const item of items) {
    const size = byteLength(item) + 1;
    if (total + size > maxBytes) break;
    kept.push(item);
    total += size;
  }
  if (kept.length === items.length) return items;
  return [...kept, `… ${items.length - kept.length} more cut`];
}

/** One readable line for a terminal: at most `maxChars` characters, a cut ending in "…". */
export function shortLine(text: string, maxChars: number): string {
  const chars = [...text];
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars - 1).join('')}…`;
}
