/**
 * The keychain for the CLI, opened on first use only (keytar is a native module: commands that
 * do not need it should not pay for loading it).
 */
import type { CredentialStore } from '../engine/credentials';
import type { Localized } from '../shared/probe-types';

let store: Promise<CredentialStore> | null = null;

export function openKeychain(): Promise<CredentialStore> {
  store ??= import('../engine/credentials').then((m) => m.createKeychainStore());
  return store;
}

/** Why the keychain failed, in both languages, without any secret (the store's errors carry none). */
export function describeKeychainError(error: unknown): Localized {
  if (error instanceof Error && 'messageIt' in error && typeof error.messageIt === 'string') {
    return { en: error.message, it: error.messageIt };
  }
  const text = error instanceof Error ? error.message : 'unknown error';
  return {
    en: `the keychain failed (${text}).`,
    it: `il portachiavi non ha risposto correttamente (${text}).`,
  };
}
