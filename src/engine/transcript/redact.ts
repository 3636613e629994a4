/**
 * The one redaction module: everything that may carry a secret (transcript lines, server replies,
 * error messages, step details) goes through a Redactor before it is stored, shown or logged.
 *
 * Two defences, because either alone can miss something:
 * 1. Known secrets: the password or token of this test and the encodings in which they travel
 *    (base64 alone, inside an AUTH PLAIN or XOAUTH2 payload, or at any base64 alignment inside a
 *    longer payload) are replaced wherever they appear, e.g. when a server echoes them back.
 * 2. Protocol shape: the payload of an `AUTH <mechanism> <payload>` command and every client line
 *    of a SASL exchange (the lines answering a 334) are replaced, whatever they contain.
 */

export const REDACTED = '<redacted>';

/** Shorter fragments are not searched for: they would match ordinary text by chance. */
const MIN_FRAGMENT_LENGTH = 4;

const AUTH_COMMAND = /^(AUTH\s+[^\s]+)\s+\S.*$/i;

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/**
 * The base64 characters that depend only on `secret` when it is encoded at each of the three
 * byte alignments inside a longer payload (so they appear in that payload's base64, whatever
 * surrounds the secret).
 */
function base64Fragments(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const fragments: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const encoded = padded.toString('base64');
    // Characters mixing prefix bits: none at offset 0, two at offset 1, three at offset 2.
    const skipStart = [0, 2, 3][offset] ?? 0;
    // A last, partial group mixes in whatever follows the secret: drop it.
    const partialTail = padded.length % 3 === 0 ? 0 : 4;
    const fragment = encoded.slice(skipStart, encoded.length - partialTail);
    if (fragment.length >= MIN_FRAGMENT_LENGTH) fragments.push(fragment);
  }
  return fragments;
}

/**
 * The XOAUTH2 initial client response (as Google and Microsoft speak it), before base64: the probe
 * sends exactly this, so the redactor knows the exact payload to hide.
 */
export function xoauth2Response(user: string, token: string): string {
  return `user=${user}\u0001auth=Bearer ${token}\u0001\u0001`;
}

export class Redactor {
  private readonly needles = new Set<string>();
  /** The needles longest first, kept until the next addSecret (redact runs on every line). */
  private ordered: string[] | null = null;

  /** Registers a secret (password, token…). `user` adds the SASL payloads that embed both. */
  addSecret(secret: string, user?: string): void {
    if (!secret) return;
    const forms = [secret, base64(secret), JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)];
    if (user !== undefined) {
      forms.push(base64(`\u0000${user}\u0000${secret}`));
      forms.push(base64(`${user}\u0000${user}\u0000${secret}`));
      forms.push(base64(xoauth2Response(user, secret)));
    }
    forms.push(...base64Fragments(secret));
    for (const form of forms)
      if (form.length >= MIN_FRAGMENT_LENGTH || form === secret) this.needles.add(form);
    this.ordered = null;
  }

  /** Replaces every known secret form in `text`. */
  redact(text: string): string {
    let out = text;
    // Longest first, so a payload is replaced whole before its fragments are looked for.
    this.ordered ??= [...this.needles].sort((a, b) => b.length - a.length);
    for (const needle of this.ordered) out = out.split(needle).join(REDACTED);
    return out;
  }

  /** Redacts every string inside a JSON-safe value (step details, error facts). */
  redactDeep<T>(value: T): T {
    if (typeof value === 'string') return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((item: unknown) => this.redactDeep(item)) as T;
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[key] = this.redactDeep(item);
      return out as T;
    }
    return value;
  }
}

/**
 * Follows the SMTP conversation to hide SASL payloads: the argument of an AUTH command and the
 * client lines that answer the server's 334 challenges, until the exchange ends.
 */
export class SaslLineFilter {
  private inExchange = false;

  client(line: string): string {
    const auth = AUTH_COMMAND.exec(line);
    if (auth) {
      this.inExchange = true;
      return `${auth[1]} ${REDACTED}`;
    }
    if (/^AUTH\s+\S+\s*$/i.test(line)) {
      this.inExchange = true;
      return line;
    }
    return this.inExchange ? REDACTED : line;
  }

  server(line: string): string {
    // Any reply but a 334 challenge ends the exchange.
    if (this.inExchange && !/^334[ -]/.test(line)) this.inExchange = false;
    return line;
  }
}
