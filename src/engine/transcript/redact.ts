/**
 * Redaction by construction. Secrets are kept out of a result at the place each piece of text is
 * produced, never by a search-and-replace over the finished result (which rewrote step ids,
 * statuses and timestamps whenever a short password happened to match them):
 *
 * 1. Client commands that carry a secret are written already masked (SaslLineFilter): the payload
 *    of `AUTH <mechanism> <payload>` and every client line answering a 334 challenge.
 * 2. Text that came from the network or from an error (server replies, the greeting, error
 *    messages) is scrubbed (`Redactor.scrub`) of the secret and its encodings: as is, JSON- and
 *    URL-encoded, hex, base64 (padded or not, base64url, at any byte alignment inside a longer
 *    base64 token) and the base64 of every SASL payload the probe sends, also when a server splits
 *    it across lines. Matches count only on token boundaries, so a short or common password
 *    (`e`, `pass`, `2026`) can never cut a word of the server's text in half.
 * 3. Structural fields (step ids, statuses, diagnosis ids, timestamps, mechanism names, user, host)
 *    are produced by the engine itself and are never passed through the scrubber.
 */

export const REDACTED = '<redacted>';

/** Secrets at least this long are distinctive: they are removed wherever they appear. */
const DISTINCTIVE_LENGTH = 8;
/** Base64 pieces shorter than this are too common to attribute to a secret by chance. */
const MIN_BASE64_PIECE = 4;

const AUTH_COMMAND = /^(AUTH\s+[^\s]+)\s+\S.*$/i;
/**
 * A run of base64 characters with optional padding, on base64 token boundaries; and the same for
 * base64url. Two passes, because `-` separates tokens in SMTP (`535-…`) but belongs to base64url.
 */
const BASE64_TOKENS = [
  /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{2,}={0,2}(?![A-Za-z0-9+/=])/g,
  /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{2,}={0,2}(?![A-Za-z0-9_=-])/g,
];
/** Letters, digits and marks (and `_`): a secret glued to one of them is part of another word. */
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}_]';

/** Base64 and base64url, without padding: the comparable core of a base64 token. */
function base64Cores(bytes: Buffer): string[] {
  const std = bytes.toString('base64').replace(/=+$/, '');
  return [std, std.replace(/\+/g, '-').replace(/\//g, '_')];
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
    if (fragment.length >= MIN_BASE64_PIECE) {
      fragments.push(fragment, fragment.replace(/\+/g, '-').replace(/\//g, '_'));
    }
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

/** The SASL initial responses (RFC 4616 PLAIN, with and without authzid, and XOAUTH2) for a secret. */
function saslPayloads(secret: string, user: string): string[] {
  return [
    `\u0000${user}\u0000${secret}`,
    `${user}\u0000${user}\u0000${secret}`,
    xoauth2Response(user, secret),
  ];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text forms of a secret that are matched as words (base64 forms are handled as tokens). */
function textForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const url = encodeURIComponent(secret);
  return [
    secret,
    JSON.stringify(secret).slice(1, -1),
    url,
    url.replace(/%20/g, '+'),
    url.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
  ];
}

export class Redactor {
  private readonly secrets = new Set<string>();
  /** Unpadded base64 (and base64url) that a token equal to, or a piece of, gives a secret away. */
  private readonly wholeBase64 = new Set<string>();
  private readonly payloadBase64 = new Set<string>();
  private readonly fragments = new Set<string>();
  private textPattern: RegExp | null = null;

  /** Registers a secret (password, token…). `user` adds the SASL payloads that embed both. */
  addSecret(secret: string, user?: string): void {
    if (!secret) return;
    this.secrets.add(secret);
    for (const core of base64Cores(Buffer.from(secret, 'utf8'))) this.wholeBase64.add(core);
    if (user !== undefined) {
      for (const payload of saslPayloads(secret, user)) {
        for (const core of base64Cores(Buffer.from(payload, 'utf8'))) this.payloadBase64.add(core);
      }
    }
    for (const fragment of base64Fragments(secret)) this.fragments.add(fragment);
    this.textPattern = null;
  }

  /**
   * Scrubs text that came from the network or from an error message: every known form of a
   * registered secret becomes `<redacted>`. Everything else is left exactly as it was.
   */
  scrub(text: string): string {
    if (this.secrets.size === 0 || !text) return text;
    let out = text.replace(this.pattern(), REDACTED);
    for (const tokens of BASE64_TOKENS) {
      out = out.replace(tokens, (token) => (this.base64Leaks(token) ? REDACTED : token));
    }
    return out;
  }

  /** Whether a base64-looking token is, holds or is a piece of an encoded secret. */
  private base64Leaks(token: string): boolean {
    const core = token.replace(/=+$/, '');
    if (this.wholeBase64.has(core)) return true;
    for (const fragment of this.fragments) if (core.includes(fragment)) return true;
    if (core.length < MIN_BASE64_PIECE) return false;
    // A payload split across reply lines arrives as pieces of its base64.
    for (const payload of this.payloadBase64)
      if (payload.includes(core) || core.includes(payload)) return true;
    return false;
  }

  /** One regular expression for every text form, longest first, each with its boundaries. */
  private pattern(): RegExp {
    if (this.textPattern) return this.textPattern;
    const forms = new Set<string>();
    for (const secret of this.secrets) for (const form of textForms(secret)) if (form) forms.add(form);
    const alternatives = [...forms]
      .sort((a, b) => b.length - a.length)
      .map((form) => {
        const body = escapeRegExp(form);
        // A distinctive secret is removed even when glued to other text; a short one only as a word.
        if (form.length >= DISTINCTIVE_LENGTH) return body;
        return `(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`;
      });
    this.textPattern = new RegExp(alternatives.join('|'), 'gu');
    return this.textPattern;
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
