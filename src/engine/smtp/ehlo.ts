/** Reads an EHLO reply into the facts the probe reports. */

export interface EhloFacts {
  /** Extension lines as the server wrote them, without the reply code (e.g. "SIZE 35882577"). */
  capabilities: string[];
  authMechanisms: string[];
  starttls: boolean;
  size: number | null;
  pipelining: boolean;
  eightBitMime: boolean;
  smtpUtf8: boolean;
}

export function parseEhlo(reply: string): EhloFacts {
  const lines = reply
    .split(/\r?\n/)
    .map((line) => line.replace(/^\d{3}[ -]?/, '').trim())
    .filter(Boolean)
    // The first line is the server's name and greeting, not an extension.
    .slice(1);
  const keywords = new Set(lines.map((line) => (line.split(/[\s=]/)[0] ?? '').toUpperCase()));
  const mechanisms = new Set<string>();
  for (const line of lines) {
    const auth = /^AUTH[\s=](.*)$/i.exec(line);
    if (auth) for (const m of (auth[1] ?? '').split(/[\s=]+/)) if (m) mechanisms.add(m.toUpperCase());
  }
  const sizeLine = lines.find((line) => /^SIZE\b/i.test(line));
  const size = sizeLine ? Number(sizeLine.split(/\s+/)[1]) : NaN;
  return {
    capabilities: lines,
    authMechanisms: [...mechanisms],
    starttls: keywords.has('STARTTLS'),
    size: Number.isFinite(size) && size > 0 ? size : null,
    pipelining: keywords.has('PIPELINING'),
    eightBitMime: keywords.has('8BITMIME'),
    smtpUtf8: keywords.has('SMTPUTF8'),
  };
}
