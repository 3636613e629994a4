/**
 * One-click fixes a failure screen can offer: what the diagnosis says is wrong, turned into the
 * change that puts it right. Pure: the test screen shows the buttons, the App applies them.
 */
import type { ProbeResult } from '../../../shared/probe-types';
import { PROVIDERS } from '../../../shared/providers';
import { PASSWORD_REFUSED_DIAGNOSES, type Usage } from '../../../shared/usage';

export type Fix =
  /** The other security mode, on the port that goes with it, then test again. */
  | { kind: 'security'; security: 'starttls' | 'tls'; port: number }
  /** A known server name one typo away from the one typed, then test again. */
  | { kind: 'host'; host: string }
  /** "Sign in with Microsoft" on the Account screen. */
  | { kind: 'sign-in' }
  /** What works with a program that can only send a password (the way-out panel). */
  | { kind: 'password-only' };

const IMPLICIT_TLS_PORT = 465;
const SUBMISSION_PORT = 587;

/** Every server name the presets know (outgoing and incoming), for "did you mean". */
const KNOWN_HOSTS: readonly string[] = [
  ...new Set(
    PROVIDERS.flatMap((p) => [p.smtp.host, p.incoming?.imap?.host, p.incoming?.pop3?.host]).filter(
      (h): h is string => Boolean(h),
    ),
  ),
];

/** Levenshtein distance, stopping early once it exceeds `max` (names are short). */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/**
 * The known server name the typed one most likely meant: one or two edits away (a missing,
 * extra, swapped or wrong letter), never the same name. Null when nothing is that close.
 */
export function suggestHost(typed: string): string | null {
  const host = typed.trim().toLowerCase().replace(/\.$/, '');
  if (host.length < 6) return null;
  let best: { host: string; distance: number } | null = null;
  for (const known of KNOWN_HOSTS) {
    if (known === host) return null;
    const distance = editDistance(host, known, 2);
    if (distance <= 2 && (!best || distance < best.distance)) best = { host: known, distance };
  }
  return best?.host ?? null;
}

export function fixesFor(result: ProbeResult, context: { usage: Usage | null }): Fix[] {
  const id = result.diagnosis?.id;
  if (!id || result.ok) return [];
  const { port, security, host } = result.request;
  if (id === 'tls.mode-mismatch') {
    // SSL/TLS where the server wants STARTTLS (587, the original guide's mistake), or the reverse.
    if (security === 'tls' || (security === 'auto' && port !== IMPLICIT_TLS_PORT)) {
      return [
        { kind: 'security', security: 'starttls', port: port === IMPLICIT_TLS_PORT ? SUBMISSION_PORT : port },
      ];
    }
    return [{ kind: 'security', security: 'tls', port: port === SUBMISSION_PORT ? IMPLICIT_TLS_PORT : port }];
  }
  if (id === 'dns.not-found') {
    const suggestion = suggestHost(host);
    return suggestion ? [{ kind: 'host', host: suggestion }] : [];
  }
  if (PASSWORD_REFUSED_DIAGNOSES.includes(id)) {
    const fixes: Fix[] = [];
    // Signing in helps unless SMTP AUTH itself is off for the mailbox (then only an admin can help).
    if (id !== 'auth.smtp-auth-disabled' && context.usage?.signIn !== 'no') fixes.push({ kind: 'sign-in' });
    fixes.push({ kind: 'password-only' });
    return fixes;
  }
  return [];
}
