/**
 * Every form in which a password or token could leak: as is, base64 (AUTH LOGIN sends it alone),
 * the AUTH PLAIN and XOAUTH2 payloads, base64url, and the alignment-independent cores of the
 * secret inside any longer base64 stream (it can start at any of 3 byte offsets).
 */
export function secretForms(password: string, user: string): string[] {
  const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
  const forms = new Set<string>([
    password,
    b64(password),
    b64(password).replace(/=+$/, ''),
    Buffer.from(password).toString('base64url'),
    b64(`\0${user}\0${password}`),
    b64(`${user}\0${user}\0${password}`),
    b64(`user=${user}\u0001auth=Bearer ${password}\u0001\u0001`),
    encodeURIComponent(password),
  ]);
  for (let offset = 0; offset < 3; offset++) {
    const encoded = b64('\0'.repeat(offset) + password);
    // Drop the characters that also depend on the bytes before/after the password.
    const start = Math.ceil((offset * 4) / 3) + 1;
    const end = Math.floor(((offset + Buffer.byteLength(password)) * 4) / 3) - 1;
    if (end - start >= 8) forms.add(encoded.slice(start, end));
  }
  return [...forms];
}

/** Which forms occur in the text, by index only: a failing assertion must not print the secret. */
export function leakedForms(text: string, forms: string[]): number[] {
  return forms.flatMap((form, index) => (text.includes(form) ? [index] : []));
}
