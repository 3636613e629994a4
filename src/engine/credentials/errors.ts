/** Thrown when the OS keychain cannot be used. Its messages never contain a secret. */
export class KeychainUnavailableError extends Error {
  readonly code = 'KEYCHAIN_UNAVAILABLE';
  /** The same explanation in Italian (without the library's English detail). */
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

/** No Secret Service (or no D-Bus session to reach one): the usual case on a bare Linux desktop. */
const NO_KEYCHAIN_EN =
  'No keychain is available: on Linux, a Secret Service such as GNOME Keyring must be running and unlocked; ' +
  'on macOS the login Keychain and on Windows the Credential Manager are used. Mailcheck never stores passwords in files, ' +
  'so saved passwords cannot be used until the keychain is available.';
const NO_KEYCHAIN_IT =
  'Nessun portachiavi disponibile: su Linux deve essere attivo e sbloccato un Secret Service come GNOME Keyring; ' +
  'su macOS si usa il Portachiavi di login e su Windows Gestione credenziali. Mailcheck non salva mai le password nei file, ' +
  'quindi le password salvate non si possono usare finché il portachiavi non è disponibile.';

const LOCKED_EN =
  'The keychain is locked: unlock it (on Linux, with the password of your login keyring) and try again. ' +
  'Mailcheck never stores passwords in files.';
const LOCKED_IT =
  'Il portachiavi è bloccato: sbloccalo (su Linux, con la password del portachiavi di login) e riprova. ' +
  'Mailcheck non salva mai le password nei file.';

const COMPONENT_EN =
  "Mailcheck's keychain component could not be loaded, so passwords cannot be saved on this computer. " +
  'Reinstalling Mailcheck usually fixes it; meanwhile you can test without saving the password.';
const COMPONENT_IT =
  'Non è stato possibile caricare il componente di Mailcheck per il portachiavi, quindi su questo computer ' +
  'le password non si possono salvare. Di solito reinstallare Mailcheck risolve; intanto puoi fare la prova senza salvare la password.';

const OTHER_EN =
  'The system keychain refused the request. Check that it is running and unlocked, then try again; ' +
  'meanwhile you can test without saving the password. Mailcheck never stores passwords in files.';
const OTHER_IT =
  'Il portachiavi del sistema ha rifiutato la richiesta. Controlla che sia attivo e sbloccato, poi riprova; ' +
  'intanto puoi fare la prova senza salvare la password. Mailcheck non salva mai le password nei file.';

/** What libsecret / D-Bus say when there is no session bus or no Secret Service on it. */
const NO_SERVICE_PATTERN =
  /Could not connect|autolaunch|D-?Bus|org\.freedesktop\.secrets|Secret Service|not provided by any|ServiceUnknown/i;
/** A locked collection, or an unlock prompt that was dismissed. */
const LOCKED_PATTERN = /\blocked\b|prompt|dismissed|user canceled|user cancelled|interaction not allowed/i;
/** keytar itself missing or built for another Node/Electron ABI. */
const COMPONENT_PATTERN =
  /Cannot find module|NODE_MODULE_VERSION|compiled against|invalid ELF|dlopen|\.node\b/i;

/**
 * The KeychainUnavailableError for what the keychain library reported, in plain words for the
 * case at hand: no Secret Service, a locked keyring, a broken native module, or anything else.
 * `detail` is the library's first line, which names no secret (we never pass secrets into it).
 */
export function keychainUnavailableFor(detail: string): KeychainUnavailableError {
  if (COMPONENT_PATTERN.test(detail)) return new KeychainUnavailableError(COMPONENT_EN, COMPONENT_IT, detail);
  if (NO_SERVICE_PATTERN.test(detail))
    return new KeychainUnavailableError(NO_KEYCHAIN_EN, NO_KEYCHAIN_IT, detail);
  if (LOCKED_PATTERN.test(detail)) return new KeychainUnavailableError(LOCKED_EN, LOCKED_IT, detail);
  return new KeychainUnavailableError(OTHER_EN, OTHER_IT, detail);
}

export function keychainTimeoutError(ms: number): KeychainUnavailableError {
  const seconds = Math.round(ms / 1000);
  return new KeychainUnavailableError(
    `The keychain did not answer within ${seconds} s: it may be locked and waiting for its password. Unlock it and try again.`,
    `Il portachiavi non ha risposto entro ${seconds} s: potrebbe essere bloccato e in attesa della sua password. Sbloccalo e riprova.`,
  );
}
