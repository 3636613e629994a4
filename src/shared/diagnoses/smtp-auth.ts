/**
 * Login diagnoses: every reason a mail server gives for refusing (or not offering) a login.
 * The reply rules that lead here are in smtp-rules-login.ts.
 */
import type { DiagnosisEntry } from './types';
import { OUTLOOK, OUTLOOK_SERVER_SETTINGS } from './smtp-common';

export const AUTH_DIAGNOSES: DiagnosisEntry[] = [
  // ---------------------------------------------------------------- authentication
  {
    id: 'auth.not-offered',
    step: 'auth',
    title: { en: 'The server does not offer login', it: 'Il server non offre l’accesso' },
    explanation: {
      en: '{host} did not offer any login (AUTH) on port {port}, so the credentials could not be checked. Login is usually offered only on the submission ports (587 or 465), and often only once the connection is encrypted.',
      it: '{host} non ha offerto nessun tipo di accesso (AUTH) sulla porta {port}, quindi non è stato possibile verificare le credenziali. Di solito l’accesso è offerto solo sulle porte di invio (587 o 465), e spesso solo dopo aver cifrato la connessione.',
    },
    advice: [
      {
        audience: 'microsoft',
        en: 'Use port 587 with STARTTLS (for Outlook.com and Hotmail) or 465 with SSL/TLS, not port 25.',
        it: 'Usa la porta 587 con STARTTLS (per Outlook.com e Hotmail) o la 465 con SSL/TLS, non la porta 25.',
      },
      {
        audience: 'other',
        en: 'Use port 587 with STARTTLS or 465 with SSL/TLS, not port 25.',
        it: 'Usa la porta 587 con STARTTLS o la 465 con SSL/TLS, non la porta 25.',
      },
      {
        en: 'Do not choose “None” as security: many servers offer login only over encryption.',
        it: 'Non scegliere «Nessuna» come sicurezza: molti server offrono l’accesso solo su connessione cifrata.',
      },
      {
        en: 'If the settings are right, ask your provider how to authenticate.',
        it: 'Se le impostazioni sono giuste, chiedi al provider come autenticarti.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'auth.starttls-required',
    step: 'auth',
    title: {
      en: 'The server wants encryption before login',
      it: 'Il server chiede la cifratura prima dell’accesso',
    },
    explanation: {
      en: '{host} refused the login because the connection is not encrypted yet.',
      it: '{host} ha rifiutato l’accesso perché la connessione non è ancora cifrata.',
    },
    advice: [
      {
        en: 'Choose STARTTLS (port 587) or SSL/TLS (port 465) as security.',
        it: 'Scegli STARTTLS (porta 587) o SSL/TLS (porta 465) come sicurezza.',
      },
      {
        en: 'If you chose STARTTLS and still see this, an antivirus or firewall may be removing the encryption: check its mail scanning.',
        it: 'Se hai già scelto STARTTLS e compare lo stesso, un antivirus o un firewall potrebbe togliere la cifratura: controlla la scansione della posta.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'auth.plaintext-refused',
    step: 'auth',
    title: {
      en: 'Mailcheck did not send the password unencrypted',
      it: 'Mailcheck non ha inviato la password in chiaro',
    },
    explanation: {
      en: 'The connection to {host} is not encrypted, so Mailcheck did not send the credentials of {user}: anyone on the network could read them.',
      it: 'La connessione con {host} non è cifrata, perciò Mailcheck non ha inviato le credenziali di {user}: chiunque sulla rete potrebbe leggerle.',
    },
    advice: [
      {
        en: 'Choose STARTTLS (port 587) or SSL/TLS (port 465) as security.',
        it: 'Scegli STARTTLS (porta 587) o SSL/TLS (porta 465) come sicurezza.',
      },
      {
        en: 'If the server offers no encryption at all, ask your provider for the secure settings.',
        it: 'Se il server non offre alcuna cifratura, chiedi al provider le impostazioni sicure.',
      },
      {
        en: 'Only on a test server you control: allow unencrypted login explicitly.',
        it: 'Solo su un server di prova che gestisci tu: consenti esplicitamente l’accesso non cifrato.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'auth.method-unsupported',
    step: 'auth',
    title: {
      en: 'The server does not accept this kind of login',
      it: 'Il server non accetta questo tipo di accesso',
    },
    explanation: {
      en: '{host} offers these login methods: {mechanisms}. None of them fits the credentials given (a password, or an OAuth sign-in token).',
      it: '{host} offre questi metodi di accesso: {mechanisms}. Nessuno è adatto alle credenziali fornite (una password, oppure un token di accesso OAuth).',
    },
    advice: [
      {
        audience: 'microsoft',
        en: 'If only XOAUTH2 is offered, choose “Sign in with Microsoft” (OAuth) instead of a password.',
        it: 'Se è offerto solo XOAUTH2, scegli «Accedi con Microsoft» (OAuth) al posto della password.',
      },
      {
        audience: 'other',
        en: 'If only XOAUTH2 is offered, the server wants an OAuth token instead of a password: ask your provider or administrator how mail programs should log in.',
        it: 'Se è offerto solo XOAUTH2, il server vuole un token OAuth al posto della password: chiedi al provider o all’amministratore come devono accedere i programmi di posta.',
      },
      {
        en: 'If only PLAIN or LOGIN is offered, use a password (or an app password).',
        it: 'Se sono offerti solo PLAIN o LOGIN, usa una password (o una password per le app).',
      },
      {
        audience: 'other',
        en: 'If the server offers only other methods (for example CRAM-MD5), Mailcheck cannot test them: ask the administrator to enable PLAIN or LOGIN over an encrypted connection.',
        it: 'Se il server offre solo altri metodi (per esempio CRAM-MD5), Mailcheck non può provarli: chiedi all’amministratore di attivare PLAIN o LOGIN su connessione cifrata.',
      },
    ],
    guide: { guideId: OUTLOOK, stepId: 'modern-auth', audience: 'microsoft' },
  },
  {
    id: 'auth.rejected',
    step: 'auth',
    title: { en: 'User name or password not accepted', it: 'Nome utente o password non accettati' },
    explanation: {
      en: '{host} refused the login of {user}. The password is wrong, or the user name is not the one the server expects (with most providers, the full email address).',
      it: '{host} ha rifiutato l’accesso di {user}. La password è sbagliata, oppure il nome utente non è quello che il server si aspetta (con la maggior parte dei provider, l’indirizzo email completo).',
    },
    // Microsoft's hosts get Outlook.com advice and the guide; any other server gets advice that fits it.
    advice: [
      {
        audience: 'microsoft',
        en: 'Use the full email address as user name (for example mario.rossi@outlook.it).',
        it: 'Usa come nome utente l’indirizzo email completo (per esempio mario.rossi@outlook.it).',
      },
      {
        audience: 'other',
        en: 'Check the user name: most providers want the full email address, some only the part before the @. Your provider’s or administrator’s instructions say which.',
        it: 'Controlla il nome utente: la maggior parte dei provider vuole l’indirizzo email completo, alcuni solo la parte prima della @. Le istruzioni del provider o dell’amministratore dicono quale.',
      },
      {
        en: 'Type the password again, watching out for Caps Lock and the keyboard layout.',
        it: 'Digita di nuovo la password, facendo attenzione al Blocco maiuscole e alla lingua della tastiera.',
      },
      {
        audience: 'microsoft',
        en: 'Personal Outlook.com and Hotmail accounts refuse passwords and app passwords in other mail programs (since September 2024): choose “Sign in with Microsoft”.',
        it: 'Gli account personali Outlook.com e Hotmail rifiutano password e password per le app nei programmi di posta di terze parti (da settembre 2024): scegli «Accedi con Microsoft».',
      },
      {
        audience: 'microsoft',
        en: 'For a Microsoft 365 work or school account, check the password by signing in at outlook.office.com in a browser.',
        it: 'Per un account Microsoft 365 di lavoro o della scuola, verifica la password accedendo a outlook.office.com dal browser.',
      },
      {
        audience: 'other',
        en: 'Gmail, Yahoo and iCloud do not accept the normal password from mail programs: use an app password (created in the account’s security settings, with two-step verification on) or the program’s own sign-in with the provider. Other providers may want an app password too when two-step verification is on.',
        it: 'Gmail, Yahoo e iCloud non accettano la password normale dai programmi di posta: usa una password per le app (da creare nelle impostazioni di sicurezza dell’account, con la verifica in due passaggi attiva) oppure l’accesso con il provider offerto dal programma. Anche altri provider possono richiedere una password per le app se la verifica in due passaggi è attiva.',
      },
      {
        audience: 'other',
        en: 'If the same password works on the provider’s website, ask the provider or the server’s administrator whether this account may log in to send mail (SMTP authentication).',
        it: 'Se la stessa password funziona sul sito del provider, chiedi al provider o all’amministratore del server se questo account può accedere per inviare posta (autenticazione SMTP).',
      },
    ],
    guide: { guideId: OUTLOOK, stepId: 'modern-auth', audience: 'microsoft' },
  },
  {
    id: 'auth.basic-disabled',
    step: 'auth',
    title: {
      en: 'Microsoft no longer accepts a password here',
      it: 'Microsoft non accetta più la password per questo accesso',
    },
    explanation: {
      en: 'Microsoft answered that basic authentication is disabled: for this account, logging in with a password (or an app password) from a mail program is refused. Personal Outlook.com and Hotmail accounts refuse both in third-party programs since September 2024 and accept only Modern Authentication (OAuth2, “Sign in with Microsoft”); a Microsoft 365 organization can turn password login off too. Your password is probably right: it is the way of logging in that is refused.',
      it: 'Microsoft ha risposto che l’autenticazione di base è disattivata: per questo account l’accesso con la password (o con una password per le app) da un programma di posta viene rifiutato. Da settembre 2024 gli account personali Outlook.com e Hotmail rifiutano entrambe nei programmi di terze parti e accettano solo l’autenticazione moderna (OAuth2, «Accedi con Microsoft»); anche un’organizzazione Microsoft 365 può disattivare l’accesso con password. Probabilmente la password è giusta: è il modo di accedere a essere rifiutato.',
    },
    advice: [
      {
        en: 'Choose “Sign in with Microsoft” (OAuth) instead of the password and run the test again.',
        it: 'Scegli «Accedi con Microsoft» (OAuth) al posto della password e ripeti il test.',
      },
      {
        en: 'Do not create more app passwords: they are refused in the same way.',
        it: 'Non creare altre password per le app: vengono rifiutate allo stesso modo.',
      },
      {
        en: 'In your mail program, pick the Microsoft sign-in option (Outlook, Thunderbird and Apple Mail support it).',
        it: 'Nel programma di posta, scegli l’accesso con Microsoft (Outlook, Thunderbird e Apple Mail lo supportano).',
      },
      {
        en: 'For a Microsoft 365 work account, ask the administrator: Authenticated SMTP must be enabled for the mailbox, with OAuth too.',
        it: 'Per un account di lavoro Microsoft 365, chiedi all’amministratore: anche con OAuth, per la casella deve essere attivo l’SMTP autenticato.',
      },
    ],
    guide: { guideId: OUTLOOK, stepId: 'modern-auth' },
  },
  {
    id: 'auth.smtp-auth-disabled',
    step: 'auth',
    title: {
      en: 'SMTP login is turned off by the administrator',
      it: 'L’accesso SMTP è disattivato dall’amministratore',
    },
    explanation: {
      en: 'Microsoft 365 answered that SMTP authentication (SmtpClientAuthentication) is disabled for the organization or for this mailbox. Until an administrator turns Authenticated SMTP on, no login works, not even “Sign in with Microsoft” (OAuth).',
      it: 'Microsoft 365 ha risposto che l’autenticazione SMTP (SmtpClientAuthentication) è disattivata per l’organizzazione o per questa casella. Finché un amministratore non attiva l’SMTP autenticato non funziona nessun accesso, nemmeno «Accedi con Microsoft» (OAuth).',
    },
    advice: [
      {
        en: 'Ask your Microsoft 365 administrator to enable Authenticated SMTP for your mailbox (Microsoft 365 admin center › Users › your user › Mail › Manage email apps).',
        it: 'Chiedi all’amministratore di Microsoft 365 di attivare l’SMTP autenticato per la tua casella (interfaccia di amministrazione di Microsoft 365 › Utenti › il tuo utente › Posta › Gestisci app di posta elettronica).',
      },
      {
        en: 'Once it is enabled, prefer “Sign in with Microsoft” (OAuth) over the password.',
        it: 'Una volta attivato, preferisci «Accedi con Microsoft» (OAuth) alla password.',
      },
      {
        en: 'Microsoft’s explanation: https://aka.ms/smtp_auth_disabled',
        it: 'La spiegazione di Microsoft: https://aka.ms/smtp_auth_disabled',
      },
    ],
    guide: { guideId: OUTLOOK, stepId: 'smtp-auth-admin' },
  },
  {
    id: 'auth.policy-blocked',
    step: 'auth',
    title: {
      en: 'Your organization’s security rules block this login',
      it: 'Le regole di sicurezza dell’organizzazione bloccano l’accesso',
    },
    explanation: {
      en: 'Microsoft 365 refused the login of {user} because of a policy of your organization (security defaults or Conditional Access), not because of the password.',
      it: 'Microsoft 365 ha rifiutato l’accesso di {user} per un criterio della tua organizzazione (impostazioni predefinite per la sicurezza o accesso condizionale), non per la password.',
    },
    advice: [
      {
        en: 'Contact your administrator: only they can allow this kind of login.',
        it: 'Contatta l’amministratore: solo lui può consentire questo tipo di accesso.',
      },
      {
        en: 'Try “Sign in with Microsoft” (OAuth): it can satisfy multi-factor authentication where a password cannot.',
        it: 'Prova «Accedi con Microsoft» (OAuth): può soddisfare l’autenticazione a più fattori, cosa che la password non può fare.',
      },
      {
        en: 'The administrator can see the exact reason in the Microsoft Entra sign-in logs.',
        it: 'L’amministratore può vedere il motivo esatto nei log di accesso di Microsoft Entra.',
      },
    ],
    guide: { guideId: OUTLOOK, stepId: 'modern-auth' },
  },
  {
    id: 'auth.app-password-required',
    step: 'auth',
    title: { en: 'An app password is required', it: 'Serve una password per le app' },
    explanation: {
      en: '{host} refused the normal password of {user} because the account has two-step verification: mail programs must use an app password (or sign in with the provider).',
      it: '{host} ha rifiutato la password normale di {user} perché l’account ha la verifica in due passaggi: i programmi di posta devono usare una password per le app (oppure l’accesso con il provider).',
    },
    advice: [
      {
        en: 'Create an app password in your account’s security settings (for Google: Google Account › Security › App passwords).',
        it: 'Crea una password per le app nelle impostazioni di sicurezza dell’account (per Google: Account Google › Sicurezza › Password per le app).',
      },
      {
        en: 'Use it instead of your normal password, without spaces.',
        it: 'Usala al posto della password normale, senza spazi.',
      },
    ],
  },
  {
    id: 'auth.token-unavailable',
    step: 'auth',
    title: {
      en: 'No sign-in token is available',
      it: 'Nessun token di accesso disponibile',
    },
    explanation: {
      en: 'Mailcheck could not get an OAuth access token for {user}, so it did not try to log in.',
      it: 'Mailcheck non è riuscito a ottenere un token di accesso OAuth per {user}, quindi non ha provato ad accedere.',
    },
    advice: [
      {
        en: 'Sign in with Microsoft again, then repeat the test.',
        it: 'Accedi di nuovo con Microsoft, poi ripeti il test.',
      },
      {
        en: 'Check that the internet connection works.',
        it: 'Verifica che la connessione a Internet funzioni.',
      },
    ],
    guide: { guideId: OUTLOOK, stepId: 'modern-auth' },
  },
  {
    id: 'auth.basic-default-off',
    step: 'auth',
    title: {
      en: 'Microsoft 365 no longer accepts a password for sending (Basic authentication is off)',
      it: 'Microsoft 365 non accetta più la password per l’invio (autenticazione di base disattivata)',
    },
    explanation: {
      en: 'Microsoft 365 answered that Basic authentication is not supported for Client Submission: your organization does not accept a user name and password for SMTP AUTH. Microsoft switches Basic authentication for SMTP AUTH off by default from the end of December 2026; until its final removal, which Microsoft will date in the second half of 2027, an administrator can still turn it back on. Your password is probably right.',
      it: 'Microsoft 365 ha risposto che l’autenticazione di base non è supportata per l’invio dai client (Client Submission): la tua organizzazione non accetta nome utente e password per SMTP AUTH. Microsoft disattiva per impostazione predefinita l’autenticazione di base per SMTP AUTH dalla fine di dicembre 2026; fino alla rimozione definitiva, di cui Microsoft darà la data nella seconda metà del 2027, un amministratore può ancora riattivarla. Probabilmente la password è giusta.',
    },
    advice: [
      {
        en: 'Choose “Sign in with Microsoft” (OAuth) instead of the password and run the test again: it keeps working after the final removal.',
        it: 'Scegli «Accedi con Microsoft» (OAuth) al posto della password e ripeti il test: continuerà a funzionare anche dopo la rimozione definitiva.',
      },
      {
        en: 'If the program that sends mail cannot sign in with Microsoft, ask your administrator: they can turn Basic authentication for SMTP AUTH back on for the organization for now, but only until Microsoft removes it for good.',
        it: 'Se il programma che invia la posta non supporta l’accesso con Microsoft, chiedi all’amministratore: per ora può riattivare l’autenticazione di base per SMTP AUTH nell’organizzazione, ma solo finché Microsoft non la rimuove del tutto.',
      },
      {
        en: 'Authenticated SMTP must also be enabled for your mailbox (Microsoft 365 admin center › Users › your user › Mail › Manage email apps).',
        it: 'Per la tua casella deve essere attivo anche l’SMTP autenticato (interfaccia di amministrazione di Microsoft 365 › Utenti › il tuo utente › Posta › Gestisci app di posta elettronica).',
      },
    ],
    guide: { guideId: OUTLOOK, stepId: 'modern-auth' },
  },
  {
    id: 'auth.web-login-required',
    step: 'auth',
    title: {
      en: 'Google wants you to sign in from a browser first',
      it: 'Google chiede prima un accesso dal browser',
    },
    explanation: {
      en: 'Google refused the login of {user} from this program until you sign in once in a web browser: it saw a sign-in it considers unusual (a new device or place) or the account needs a check. The password itself may be right.',
      it: 'Google ha rifiutato l’accesso di {user} da questo programma finché non accedi una volta dal browser: ha visto un accesso che considera insolito (un nuovo dispositivo o luogo), oppure l’account richiede una verifica. La password in sé potrebbe essere giusta.',
    },
    advice: [
      {
        en: 'Sign in at mail.google.com in a browser on this computer and answer any security check Google shows.',
        it: 'Accedi a mail.google.com dal browser di questo computer e rispondi agli eventuali controlli di sicurezza che Google mostra.',
      },
      {
        en: 'Then run the test again within a few minutes.',
        it: 'Poi ripeti il test entro pochi minuti.',
      },
      {
        en: 'If 2-Step Verification is on, use an app password (Google Account › Security › App passwords): Gmail still accepts one in mail programs.',
        it: 'Se la verifica in due passaggi è attiva, usa una password per le app (Account Google › Sicurezza › Password per le app): Gmail la accetta ancora nei programmi di posta.',
      },
      {
        en: 'Google explains this reply at https://support.google.com/mail/answer/78754',
        it: 'Google spiega questa risposta su https://support.google.com/mail/answer/78754',
      },
    ],
  },
  {
    id: 'auth.too-many-attempts',
    step: 'auth',
    title: {
      en: 'Too many login attempts: the login is locked for a while',
      it: 'Troppi tentativi di accesso: l’accesso è bloccato per un po’',
    },
    explanation: {
      en: '{host} refused the login of {user} because there were too many attempts in a short time (often a program or phone retrying an old password). The lock lifts by itself after a while, usually from a few minutes to an hour.',
      it: '{host} ha rifiutato l’accesso di {user} perché ci sono stati troppi tentativi in poco tempo (spesso un programma o un telefono che riprova una password vecchia). Il blocco si toglie da solo dopo un po’, di solito da qualche minuto a un’ora.',
    },
    advice: [
      {
        en: 'Wait at least 15 minutes before trying again.',
        it: 'Aspetta almeno 15 minuti prima di riprovare.',
      },
      {
        en: 'Meanwhile, close or update every program and phone that uses this account with an old password: they keep the lock going.',
        it: 'Nel frattempo chiudi o aggiorna ogni programma e telefono che usa questo account con una password vecchia: sono loro a tenere attivo il blocco.',
      },
      {
        en: 'Check the password on the provider’s website before the next try.',
        it: 'Prima del prossimo tentativo verifica la password sul sito del provider.',
      },
    ],
  },
  {
    id: 'auth.account-disabled',
    step: 'auth',
    title: {
      en: 'The account is disabled',
      it: 'L’account è disattivato',
    },
    explanation: {
      en: '{host} answered that the account {user} is disabled or suspended: no password will work until the provider or the administrator enables it again.',
      it: '{host} ha risposto che l’account {user} è disattivato o sospeso: nessuna password funzionerà finché il provider o l’amministratore non lo riattiva.',
    },
    advice: [
      {
        en: 'Sign in on the provider’s website: it usually says why the account was suspended and how to restore it.',
        it: 'Accedi al sito del provider: di solito spiega perché l’account è stato sospeso e come ripristinarlo.',
      },
      {
        en: 'For a work or school account, contact the administrator.',
        it: 'Per un account di lavoro o della scuola, contatta l’amministratore.',
      },
    ],
  },
];
