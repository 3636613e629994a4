/**
 * A secret saved for a profile (its password, or its Microsoft sign-in) belongs to the server and
 * the account it was saved for. The renderer is untrusted: whatever host or user it sends, main
 * attaches a saved secret only when both match the profile's. Port and security may differ (the
 * user may be fixing them); the engine still refuses a login without TLS unless the request
 * explicitly allows it.
 */
import type { Profile } from '../../shared/profile-types';
import { UserFacingError } from './errors';

export const SAVED_SECRET_HOST_MISMATCH = 'SAVED_SECRET_HOST_MISMATCH';

/** Host names compare case-insensitively, and `smtp.example.com.` is `smtp.example.com`. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.+$/, '');
}

export function sameHost(a: string, b: string): boolean {
  return normalizeHost(a) === normalizeHost(b);
}

/** User names are mail addresses or account names: compared without regard to case. */
export function sameUser(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
}

/**
 * Throws SAVED_SECRET_HOST_MISMATCH unless the request goes to the profile's host with the
 * profile's user. Nothing has been sent when it throws.
 */
export function assertSecretBelongsTo(
  profile: Profile,
  request: { host: string; user: string | undefined },
): void {
  const oauth = profile.authMethod === 'oauth2';
  const secretEn = oauth ? 'The saved Microsoft sign-in' : 'The saved password';
  const secretIt = oauth ? "L'accesso Microsoft salvato" : 'La password salvata';
  const typeEn = oauth ? 'sign in again' : 'type the password';
  const typeIt = oauth ? "rifai l'accesso" : 'scrivi la password';
  if (!sameHost(request.host, profile.host)) {
    throw new UserFacingError(`${secretEn} belongs to ${profile.host}; ${typeEn} to test another server.`, {
      code: SAVED_SECRET_HOST_MISMATCH,
      messageIt: `${secretIt} appartiene a ${profile.host}; ${typeIt} per provare un altro server.`,
    });
  }
  if (request.user !== undefined && !sameUser(request.user, profile.user)) {
    const owner = profile.user ?? '?';
    throw new UserFacingError(
      `${secretEn} belongs to ${owner} on ${profile.host}; ${typeEn} to test another account.`,
      {
        code: SAVED_SECRET_HOST_MISMATCH,
        messageIt: `${secretIt} appartiene a ${owner} su ${profile.host}; ${typeIt} per provare un altro account.`,
      },
    );
  }
}
