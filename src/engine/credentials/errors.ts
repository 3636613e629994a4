/** Thrown when the OS keychain cannot be used. Its messages never contain a secret. */
export class KeychainUnavailableError extends Error {
  readonly code = 'KEYCHAIN_UNAVAILABLE';
  readonly messageIt: string;
  /** What the keychain library reported (never a secret: we do not pass secrets into messages). */
  readonly detail: string | undefined;

  constructor(message: string, messageIt: string, detail?: string) {
    super(detail ? `${message} (${detail})` : message);
    this.name = 'KeychainUnavailableError';
    this.messageIt = messageIt;
    this.detail = detail;
  }
}

export const NO_KEYCHAIN_EN =
  'No keychain is available: on Linux, a Secret Service such as GNOME Keyring must be running and unlocked; ' +
  'on macOS the login Keychain and on Windows the Credential Manager are used. Mailcheck never stores passwords in files, ' +
  'so saved passwords cannot be used until the keychain is available.';
export const NO_KEYCHAIN_IT =
  'Nessun portachiavi disponibile: su Linux deve essere attivo e sbloccato un Secret Service come GNOME Keyring; ' +
  'su macOS si usa il Portachiavi di login e su Windows Gestione credenziali. Mailcheck non salva mai le password nei file, ' +
  'quindi le password salvate non si possono usare finché il portachiavi non è disponibile.';

export function keychainTimeoutError(ms: number): KeychainUnavailableError {
  const seconds = Math.round(ms / 1000);
  return new KeychainUnavailableError(
    `The keychain did not answer within ${seconds} s: it may be locked and waiting for its password. Unlock it and try again.`,
    `Il portachiavi non ha risposto entro ${seconds} s: potrebbe essere bloccato e in attesa della sua password. Sbloccalo e riprova.`,
  );
}
