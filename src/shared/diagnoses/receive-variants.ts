/**
 * The receiving side's words for shared ids. An IMAP or POP3 check names its problems with the same
 * ids as SMTP where the meaning is the same (a refused password is `auth.rejected` everywhere), but
 * the SMTP texts speak of ports 587/465, of sending and of Microsoft's SMTP settings. For a ref whose
 * `protocol` parameter is IMAP or POP3, renderDiagnosis uses the variant below instead (same id,
 * same step); ids without a variant read the same for every protocol.
 */
import type { DiagnosisEntry } from './types';

export type DiagnosisVariant = Pick<DiagnosisEntry, 'title' | 'explanation' | 'advice'>;

const PORTS = {
  en: 'IMAP uses 993 (SSL/TLS) or 143 (STARTTLS), POP3 uses 995 (SSL/TLS) or 110 (STARTTLS)',
  it: 'IMAP usa la 993 (SSL/TLS) o la 143 (STARTTLS), POP3 la 995 (SSL/TLS) o la 110 (STARTTLS)',
};
const MICROSOFT_SERVER = {
  audience: 'microsoft',
  en: 'For Outlook.com, Hotmail and Microsoft 365 the incoming server is outlook.office365.com: IMAP on 993, POP3 on 995, both SSL/TLS.',
  it: 'Per Outlook.com, Hotmail e Microsoft 365 il server in arrivo è outlook.office365.com: IMAP sulla 993, POP3 sulla 995, entrambi SSL/TLS.',
} as const;
const CHECK_PORT = {
  en: `Check the port: ${PORTS.en}.`,
  it: `Controlla la porta: ${PORTS.it}.`,
};
const SECURITY_FOR_PORT = {
  en: 'Choose SSL/TLS on 993 and 995, STARTTLS on 143 and 110, or Automatic: Mailcheck picks the mode that fits the port.',
  it: 'Scegli SSL/TLS sulla 993 e sulla 995, STARTTLS sulla 143 e sulla 110, oppure Automatico: Mailcheck sceglie la modalità adatta alla porta.',
};
const ANTIVIRUS = {
  en: 'Temporarily turn off the antivirus mail scanning and try again.',
  it: 'Disattiva per un momento la scansione della posta dell’antivirus e riprova.',
};

export const RECEIVE_VARIANTS: Record<string, DiagnosisVariant> = {
  'dns.not-found': {
    title: { en: 'The server name does not exist', it: 'Il nome del server non esiste' },
    explanation: {
      en: 'The name {host} cannot be found in the DNS. Usually it is a typo in the incoming server name; less often the internet connection is not working.',
      it: 'Il nome {host} non risulta nel DNS. Quasi sempre è un errore di battitura nel nome del server in arrivo; più di rado è la connessione a Internet che non funziona.',
    },
    advice: [
      MICROSOFT_SERVER,
      {
        audience: 'other',
        en: 'Check the server name letter by letter against the one your provider gives (it often starts with imap., pop. or mail.).',
        it: 'Controlla il nome del server lettera per lettera, confrontandolo con quello indicato dal provider (spesso inizia con imap., pop. o mail.).',
      },
      {
        en: 'Open a website to make sure the internet connection works.',
        it: 'Apri un sito web per verificare che la connessione a Internet funzioni.',
      },
    ],
  },
  'net.refused': {
    title: { en: 'The server refused the connection', it: 'Il server ha rifiutato la connessione' },
    explanation: {
      en: '{host} answered, but nothing accepts {protocol} connections on port {port}. Usually the port number is wrong, or a firewall actively refuses it.',
      it: '{host} ha risposto, ma sulla porta {port} nessun servizio accetta connessioni {protocol}. Di solito il numero di porta è sbagliato, oppure un firewall la rifiuta.',
    },
    advice: [
      MICROSOFT_SERVER,
      { audience: 'other', ...CHECK_PORT },
      {
        en: 'Check that a firewall or antivirus on this computer is not blocking mail connections.',
        it: 'Verifica che un firewall o l’antivirus di questo computer non blocchi le connessioni di posta.',
      },
    ],
  },
  'net.timeout': {
    title: { en: 'The server does not answer', it: 'Il server non risponde' },
    explanation: {
      en: 'The connection to {host} on port {port} got no answer in time. Most often a firewall silently drops the traffic on that port; sometimes the server is down.',
      it: 'La connessione a {host} sulla porta {port} non ha avuto risposta in tempo. Il caso più comune è un firewall che scarta in silenzio il traffico su quella porta; a volte il server è fermo.',
    },
    advice: [
      CHECK_PORT,
      {
        en: 'Try from another network (for example your phone’s hotspot): if it works there, this network blocks the port.',
        it: 'Prova da un’altra rete (per esempio l’hotspot del telefono): se lì funziona, è questa rete a bloccare la porta.',
      },
    ],
  },
  'net.closed': {
    title: { en: 'The server closed the connection', it: 'Il server ha chiuso la connessione' },
    explanation: {
      en: '{host} closed the connection on port {port} before the test was over: a busy server, a firewall or antivirus that cuts mail traffic, or a security setting that does not match the port.',
      it: '{host} ha chiuso la connessione sulla porta {port} prima della fine della verifica: un server occupato, un firewall o un antivirus che interrompe il traffico di posta, oppure una sicurezza che non corrisponde alla porta.',
    },
    advice: [
      SECURITY_FOR_PORT,
      ANTIVIRUS,
      { en: 'Try again in a few minutes.', it: 'Riprova tra qualche minuto.' },
    ],
  },
  'tls.mode-mismatch': {
    title: {
      en: 'The security setting does not match the port',
      it: 'La cifratura scelta non corrisponde alla porta',
    },
    explanation: {
      en: 'Port {port} of {host} uses another kind of encryption than the one chosen. With SSL/TLS the connection is encrypted from the first byte (IMAP 993, POP3 995); with STARTTLS it starts unencrypted and is secured right away (IMAP 143, POP3 110).',
      it: 'La porta {port} di {host} usa un tipo di cifratura diverso da quello scelto. Con SSL/TLS la connessione è cifrata dal primo byte (IMAP 993, POP3 995); con STARTTLS parte in chiaro e viene protetta subito dopo (IMAP 143, POP3 110).',
    },
    advice: [
      SECURITY_FOR_PORT,
      {
        en: 'If the port is not one of these, your provider’s instructions say which security it expects.',
        it: 'Se la porta non è una di queste, le istruzioni del provider indicano quale sicurezza si aspetta.',
      },
      MICROSOFT_SERVER,
    ],
  },
  'tls.starttls-unavailable': {
    title: {
      en: 'The server does not offer encryption (STARTTLS)',
      it: 'Il server non offre la cifratura (STARTTLS)',
    },
    explanation: {
      en: '{host} did not offer STARTTLS on port {port}, and STARTTLS was required. The port may be meant for SSL/TLS (993, 995), or a firewall or antivirus removed STARTTLS from the server’s answer, which is also how a known attack looks: Mailcheck stops here and sends no password.',
      it: '{host} non ha offerto STARTTLS sulla porta {port}, e STARTTLS era richiesto. La porta potrebbe essere pensata per SSL/TLS (993, 995), oppure un firewall o un antivirus ha tolto STARTTLS dalla risposta del server, che è anche l’aspetto di un attacco noto: Mailcheck si ferma qui e non invia la password.',
    },
    advice: [
      SECURITY_FOR_PORT,
      ANTIVIRUS,
      {
        en: 'Do not turn encryption off to get around it.',
        it: 'Non disattivare la cifratura per aggirare il problema.',
      },
    ],
  },
  'tls.handshake-failed': {
    title: { en: 'Encryption could not be set up', it: 'Non è stato possibile attivare la cifratura' },
    explanation: {
      en: 'Setting up the encrypted connection with {host} failed: the server and this computer could not agree on how to encrypt, or the connection was cut halfway.',
      it: 'L’attivazione della connessione cifrata con {host} non è riuscita: il server e questo computer non si sono accordati su come cifrare, oppure la connessione si è interrotta a metà.',
    },
    advice: [SECURITY_FOR_PORT, ANTIVIRUS],
  },
  'tls.hostname-mismatch': {
    title: { en: 'The certificate belongs to another name', it: 'Il certificato appartiene a un altro nome' },
    explanation: {
      en: '{host} presented a certificate issued for other names (listed in the details). Either the server name is not the one your provider gives, or the connection is being intercepted. Mailcheck stops here and sends no password.',
      it: '{host} ha presentato un certificato emesso per altri nomi (elencati nei dettagli). O il nome del server non è quello indicato dal provider, o la connessione viene intercettata. Mailcheck si ferma qui e non invia la password.',
    },
    advice: [
      MICROSOFT_SERVER,
      {
        en: 'Use exactly the incoming server name your provider gives (not an IP address or an alias).',
        it: 'Usa esattamente il nome del server in arrivo indicato dal provider (non un indirizzo IP o un alias).',
      },
      ANTIVIRUS,
    ],
  },
  'auth.plaintext-refused': {
    title: {
      en: 'Mailcheck did not send the password unencrypted',
      it: 'Mailcheck non ha inviato la password in chiaro',
    },
    explanation: {
      en: 'The connection to {host} is not encrypted, so Mailcheck did not send the credentials of {user}: anyone on the network could read them.',
      it: 'La connessione a {host} non è cifrata, quindi Mailcheck non ha inviato le credenziali di {user}: chiunque sulla rete potrebbe leggerle.',
    },
    advice: [
      SECURITY_FOR_PORT,
      {
        en: 'Only on a test server you control: allow unencrypted login explicitly.',
        it: 'Solo su un server di prova che gestisci tu: consenti esplicitamente l’accesso non cifrato.',
      },
    ],
  },
  'auth.starttls-required': {
    title: {
      en: 'The server wants encryption before login',
      it: 'Il server vuole la cifratura prima dell’accesso',
    },
    explanation: {
      en: '{host} does not accept a password on a connection that is not encrypted ({protocol} “LOGINDISABLED”, “PRIVACYREQUIRED” or “Plaintext authentication disallowed”).',
      it: '{host} non accetta una password su una connessione non cifrata («LOGINDISABLED», «PRIVACYREQUIRED» o «Plaintext authentication disallowed» di {protocol}).',
    },
    advice: [
      SECURITY_FOR_PORT,
      {
        en: 'If you chose STARTTLS and still see this, an antivirus or firewall may be removing the encryption: check its mail scanning.',
        it: 'Se hai scelto STARTTLS e lo vedi ancora, un antivirus o un firewall potrebbe togliere la cifratura: controlla la sua scansione della posta.',
      },
    ],
  },
  'auth.rejected': {
    title: { en: 'User name or password not accepted', it: 'Nome utente o password non accettati' },
    explanation: {
      en: '{host} refused the {protocol} login of {user}. The password is wrong, or the user name is not the one the server expects (with most providers, the full email address).',
      it: '{host} ha rifiutato l’accesso {protocol} di {user}. La password è sbagliata, oppure il nome utente non è quello che il server si aspetta (per la maggior parte dei provider, l’indirizzo email completo).',
    },
    advice: [
      {
        en: 'Check the user name: most providers want the full email address.',
        it: 'Controlla il nome utente: la maggior parte dei provider vuole l’indirizzo email completo.',
      },
      {
        en: 'Type the password again, watching out for Caps Lock and the keyboard layout.',
        it: 'Digita di nuovo la password, facendo attenzione al Bloc Maiusc e al layout della tastiera.',
      },
      {
        audience: 'microsoft',
        en: 'Outlook.com, Hotmail and Microsoft 365 no longer accept passwords for IMAP and POP: choose “Sign in with Microsoft”.',
        it: 'Outlook.com, Hotmail e Microsoft 365 non accettano più password per IMAP e POP: scegli «Accedi con Microsoft».',
      },
      {
        audience: 'other',
        en: 'If the account uses two-step verification, the provider may want an app password for mail programs; some providers also need {protocol} turned on in the webmail settings.',
        it: 'Se l’account usa la verifica in due passaggi, il provider potrebbe volere una password per le app; alcuni provider richiedono anche di attivare {protocol} nelle impostazioni della webmail.',
      },
    ],
  },
  'auth.basic-disabled': {
    title: {
      en: 'Microsoft no longer accepts a password here',
      it: 'Microsoft non accetta più una password qui',
    },
    explanation: {
      en: 'Microsoft refused the {protocol} login with a password (“AUTHENTICATE failed” or “Logon failure”). Outlook.com, Hotmail and Microsoft 365 have turned basic authentication off for IMAP and POP: mail programs must sign in with Microsoft (OAuth2). Your password is probably right: it is the way of logging in that is refused.',
      it: 'Microsoft ha rifiutato l’accesso {protocol} con password («AUTHENTICATE failed» o «Logon failure»). Outlook.com, Hotmail e Microsoft 365 hanno disattivato l’autenticazione di base per IMAP e POP: i programmi di posta devono accedere con Microsoft (OAuth2). Probabilmente la password è giusta: è il modo di accedere a essere rifiutato.',
    },
    advice: [
      {
        en: 'Choose “Sign in with Microsoft” (OAuth) instead of the password and run the test again.',
        it: 'Scegli «Accedi con Microsoft» (OAuth) invece della password e ripeti la verifica.',
      },
      {
        en: 'If the sign-in works but this still fails, POP or IMAP may be off for the mailbox: Outlook.com Settings › Mail › Forwarding and IMAP.',
        it: 'Se l’accesso con Microsoft riesce ma questo errore resta, POP o IMAP potrebbero essere spenti per la casella: in Outlook.com Impostazioni › Posta › Inoltro e IMAP.',
      },
    ],
  },
  'oauth.token-rejected': {
    title: {
      en: 'The mail server refused the Microsoft sign-in',
      it: 'Il server di posta ha rifiutato l’accesso con Microsoft',
    },
    explanation: {
      en: 'Sign-in with Microsoft worked, but the {protocol} server did not accept the token. Usually the token was issued for another account or without the IMAP or POP permission, or {protocol} is switched off for this mailbox.',
      it: 'L’accesso con Microsoft è riuscito, ma il server {protocol} non ha accettato il token. Di solito il token è stato emesso per un altro account o senza l’autorizzazione IMAP o POP, oppure {protocol} è disattivato per questa casella.',
    },
    advice: [
      {
        en: 'Check that the user name is exactly the address you signed in with ({user}).',
        it: 'Verifica che il nome utente sia esattamente l’indirizzo con cui hai fatto l’accesso ({user}).',
      },
      {
        en: 'Sign in with Microsoft again and accept the permissions to read mail (IMAP, POP).',
        it: 'Accedi di nuovo con Microsoft e accetta le autorizzazioni per leggere la posta (IMAP, POP).',
      },
      {
        en: 'Turn IMAP or POP on for the mailbox (Outlook.com: Settings › Mail › Forwarding and IMAP; Microsoft 365: the administrator).',
        it: 'Attiva IMAP o POP per la casella (Outlook.com: Impostazioni › Posta › Inoltro e IMAP; Microsoft 365: l’amministratore).',
      },
    ],
  },
};
