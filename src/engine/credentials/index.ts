export {
  KEYCHAIN_SERVICE,
  SECRET_MAX_LENGTH,
  createKeychainStore,
  type CredentialStore,
  type SecretKind,
  type KeytarLike,
} from './keychain-store';
export { KeychainUnavailableError } from './errors';
