/**
 * Rules for profile names. A name is shown in lists, used as the keychain account and as a key in
 * the profiles file, so it must be short, printable and unambiguous.
 */

export const PROFILE_NAME_MAX_LENGTH = 64;

/**
 * The keychain keeps the OAuth refresh token of profile `x` under the account `x#oauth-refresh`
 * (see src/engine/credentials): a profile may not be named like that, or the two would collide.
 */
export const RESERVED_NAME_SUFFIX = '#oauth-refresh';

// Control characters (C0, DEL, C1) and the Unicode line/paragraph separators.
const CONTROL_CHARS = /[\p{Cc}\u2028\u2029]/u;

/** Why a name is not acceptable, in English and Italian; null when it is fine. */
export function profileNameProblem(name: string): { en: string; it: string } | null {
  if (name.length === 0) return { en: 'The profile name is empty.', it: 'Il nome del profilo è vuoto.' };
  if ([...name].length > PROFILE_NAME_MAX_LENGTH) {
    return {
      en: `The profile name is longer than ${PROFILE_NAME_MAX_LENGTH} characters.`,
      it: `Il nome del profilo supera i ${PROFILE_NAME_MAX_LENGTH} caratteri.`,
    };
  }
  if (CONTROL_CHARS.test(name)) {
    return {
      en: 'The profile name contains control characters (such as a line break).',
      it: 'Il nome del profilo contiene caratteri di controllo (per esempio un a capo).',
    };
  }
  if (name.trim() !== name) {
    return {
      en: 'The profile name starts or ends with a space.',
      it: 'Il nome del profilo inizia o finisce con uno spazio.',
    };
  }
  if (name.endsWith(RESERVED_NAME_SUFFIX)) {
    return {
      en: `The profile name may not end with "${RESERVED_NAME_SUFFIX}".`,
      it: `Il nome del profilo non può finire con "${RESERVED_NAME_SUFFIX}".`,
    };
  }
  return null;
}
