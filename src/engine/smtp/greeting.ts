/** SMTP says "220" in a greeting that accepts the client (RFC 5321 §4.2). */
export function isWelcomeGreeting(line: string | null): boolean {
  return !!line && /^220[ -]/.test(line);
}
