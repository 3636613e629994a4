/**
 * The OS keychain behind one small interface, through keytar (libsecret on Linux, Keychain on
 * macOS, Credential Manager on Windows). Service "Mailcheck"; account = profile name for the
 * password, `<name>#oauth-refresh` for the OAuth refresh token.
 *
 * keytar is a native module loaded lazily: when it is missing or built for another ABI, or when
 * no Secret Service answers, every call fails with KeychainUnavailableError. There is deliberately
 * no fallback to a file.
 */
import { createRequire } from 'node:module';
import type { KeychainStatus } from '../../shared/profile-types';
import { KeychainUnavailableError, keychainTimeoutError, keychainUnavailableFor } from './errors';

export const KEYCHAIN_SERVICE = 'Mailcheck';
export type SecretKind = 'password' | 'oauth-refresh';
const OAUTH_REFRESH_SUFFIX = '#oauth-refresh';
const SECRET_KINDS: readonly SecretKind[] = ['password', 'oauth-refresh'];

/**
 * Upper bound for one keychain call. A locked GNOME Keyring shows an unlock prompt and keytar
 * waits for it without limit; the app must answer instead of hanging.
 */
export const KEYCHAIN_TIMEOUT_MS = 10_000;

/** Keychain entries larger than this are refused (Windows' Credential Manager allows 2,560 bytes). */
export const SECRET_MAX_LENGTH = 16_384;

export interface CredentialStore {
  save(profile: string, secret: string, kind?: SecretKind): Promise<void>;
  read(profile: string, kind?: SecretKind): Promise<string | null>;
  /**
   * Removes the profile's secret of that kind; without a kind, every kind (password and OAuth
   * refresh token), which is what deleting a profile does.
   */
  delete(profile: string, kind?: SecretKind): Promise<void>;
  /** Names of the profiles that have at least one secret. */
  list(): Promise<string[]>;
  status(): Promise<KeychainStatus>;
}

/** The subset of keytar used here. */
export interface KeytarLike {
  setPassword(service: string, account: string, password: string): Promise<void>;
  getPassword(service: string, account: string): Promise<string | null>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export function accountFor(profile: string, kind: SecretKind = 'password'): string {
  return kind === 'password' ? profile : profile + OAUTH_REFRESH_SUFFIX;
}

/** The profile name an account belongs to. */
export function profileOfAccount(account: string): string {
  return account.endsWith(OAUTH_REFRESH_SUFFIX) ? account.slice(0, -OAUTH_REFRESH_SUFFIX.length) : account;
}

async function loadKeytar(): Promise<KeytarLike> {
  // require() at call time, not a static import: a missing or mis-built native module must become
  // a KeychainUnavailableError, not a crash at start-up. require() rather than import(): the
  // bundles are CommonJS, and Electron loads native modules from app.asar.unpacked through it.
  const requireHere = createRequire(__filename);
  const mod = requireHere('keytar') as KeytarLike & { default?: KeytarLike };
  return mod.default ?? mod;
}

/** Keeps only a short, secret-free description of what the library said. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}

export function createKeychainStore(
  options: { loadKeytar?: () => Promise<KeytarLike>; timeoutMs?: number } = {},
): CredentialStore {
  const load = options.loadKeytar ?? loadKeytar;
  const timeoutMs = options.timeoutMs ?? KEYCHAIN_TIMEOUT_MS;
  let keytarPromise: Promise<KeytarLike> | undefined;

  /** Runs one keychain call with the timeout, mapping every failure to KeychainUnavailableError. */
  async function call<T>(operation: (keytar: KeytarLike) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(keychainTimeoutError(timeoutMs)), timeoutMs);
      timer.unref?.();
    });
    try {
      keytarPromise ??= load();
      const keytar = await Promise.race([keytarPromise, timeout]).catch((error: unknown) => {
        keytarPromise = undefined; // let a later call retry loading
        throw error;
      });
      return await Promise.race([operation(keytar), timeout]);
    } catch (error) {
      if (error instanceof KeychainUnavailableError) throw error;
      throw keychainUnavailableFor(describe(error));
    } finally {
      clearTimeout(timer);
    }
  }

  function checkProfile(profile: string): void {
    if (profile.length === 0) throw new TypeError('The profile name is empty.');
  }

  return {
    async save(profile, secret, kind = 'password') {
      checkProfile(profile);
      if (secret.length === 0) throw new TypeError('Refusing to save an empty secret.');
      if (secret.length > SECRET_MAX_LENGTH) {
        throw new TypeError(`The secret is longer than ${SECRET_MAX_LENGTH} characters.`);
      }
      await call((k) => k.setPassword(KEYCHAIN_SERVICE, accountFor(profile, kind), secret));
    },
    async read(profile, kind = 'password') {
      checkProfile(profile);
      return call((k) => k.getPassword(KEYCHAIN_SERVICE, accountFor(profile, kind)));
    },
    async delete(profile, kind) {
      checkProfile(profile);
      const kinds = kind ? [kind] : SECRET_KINDS;
      await call(async (k) => {
        for (const each of kinds) await k.deletePassword(KEYCHAIN_SERVICE, accountFor(profile, each));
      });
    },
    async list() {
      const credentials = await call((k) => k.findCredentials(KEYCHAIN_SERVICE));
      const names = new Set(credentials.map((c) => profileOfAccount(c.account)));
      return [...names].sort();
    },
    async status() {
      try {
        // A read of an account that never exists: proves the service answers, reveals nothing.
        await call((k) => k.getPassword(KEYCHAIN_SERVICE, '\u0001mailcheck-status-check'));
        return { available: true };
      } catch (error) {
        // call() turns every failure into a KeychainUnavailableError; anything else is a bug here.
        if (!(error instanceof KeychainUnavailableError)) throw error;
        return { available: false, reason: error.message, reasonIt: error.messageIt };
      }
    },
  };
}
