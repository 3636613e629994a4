export {
  KEYCHAIN_SERVICE,
  KEYCHAIN_TIMEOUT_MS,
  SECRET_MAX_LENGTH,
  createKeychainStore,
  accountFor,
  profileOfAccount,
  type CredentialStore,
  type SecretKind,
  type KeytarLike,
} from './keychain-store';
export { KeychainUnavailableError, NO_KEYCHAIN_EN, NO_KEYCHAIN_IT, keychainUnavailableFor } from './errors';
