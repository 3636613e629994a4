/**
 * Sending diagnoses: why a server refuses the envelope or the test message once connected (and
 * usually logged in). The reply rules that lead here are in smtp-rules-sending.ts.
 */
import type { DiagnosisEntry } from './types';
import { OUTLOOK } from './smtp-common';

export const SEND_DIAGNOSES: DiagnosisEntry[] = [
  // ---------------------------------------------------------------- sending
  {
    id: 'send.sender-denied',
    step: 'send',
    title: {
      en: 'You may not send as this sender',
      it: 'Non puoi inviare con questo mittente',
    },
    explanation: {
      en: '{host} refused the sender address: {user} is not allowed to send as that address. Many servers accept as sender only the address you logged in with, or one you were given “Send As” rights for.',
      it: '{host} ha rifiutato l’indirizzo del mittente: {user} non è autorizzato a inviare con quell’indirizzo. Molti server accettano come mittente solo l’indirizzo con cui hai fatto l’accesso, oppure uno per cui hai ricevuto il permesso «Invia come».',
    },
    advice: [
      {
        en: 'Use as sender the same address you log in with.',
        it: 'Usa come mittente lo stesso indirizzo con cui accedi.',
      },
      {
        en: 'To send from another address, ask the administrator for “Send As” permission, or add it as an alias of your account.',
        it: 'Per inviare da un altro indirizzo, chiedi all’amministratore il permesso «Invia come», oppure aggiungilo come alias del tuo account.',
      },
    ],
  },
  {
    id: 'send.recipient-rejected',
    step: 'send',
    title: { en: 'The recipient was refused', it: 'Il destinatario è stato rifiutato' },
    explanation: {
      en: '{host} refused the recipient address. It may be misspelled or not exist, the recipient (for example a group) may accept mail only from some senders, or the server does not relay mail for you (often because the login did not happen).',
      it: '{host} ha rifiutato l’indirizzo del destinatario. Potrebbe essere scritto male o non esistere, il destinatario (per esempio un gruppo) potrebbe accettare posta solo da alcuni mittenti, oppure il server non inoltra la posta per te (spesso perché l’accesso non è avvenuto).',
    },
    advice: [
      { en: 'Check the recipient address.', it: 'Controlla l’indirizzo del destinatario.' },
      {
        audience: 'microsoft',
        en: 'Make sure the test logs in (user name and password or Microsoft sign-in).',
        it: 'Assicurati che il test esegua l’accesso (nome utente e password, o accesso con Microsoft).',
      },
      {
        audience: 'other',
        en: 'Make sure the test logs in (user name and password): many servers relay mail only for logged-in users.',
        it: 'Assicurati che il test esegua l’accesso (nome utente e password): molti server inoltrano la posta solo per gli utenti autenticati.',
      },
      {
        en: 'Try sending the test message to yourself.',
        it: 'Prova a inviare il messaggio di prova a te stesso.',
      },
    ],
  },
  {
    id: 'send.account-blocked',
    step: 'send',
    title: {
      en: 'Outlook.com blocked sending from this account',
      it: 'Outlook.com ha bloccato l’invio da questo account',
    },
    explanation: {
      en: 'Microsoft refused the message because the account may not send right now: usually it has to be verified, or sending was suspended because of suspected spam (it also happens to new accounts and after unusual activity). The login itself worked.',
      it: 'Microsoft ha rifiutato il messaggio perché in questo momento l’account non può inviare: di solito deve essere verificato, oppure l’invio è stato sospeso per sospetto spam (succede anche agli account nuovi e dopo attività insolite). L’accesso invece ha funzionato.',
    },
    advice: [
      {
        en: 'Sign in at outlook.com in a browser and follow the verification request (often a code by text message).',
        it: 'Accedi a outlook.com dal browser e segui la richiesta di verifica (spesso un codice via SMS).',
      },
      {
        en: 'After verifying, wait a while (up to 24 hours) and try again.',
        it: 'Dopo la verifica, aspetta un po’ (fino a 24 ore) e riprova.',
      },
      {
        en: 'If you suspect someone else used the account, change the password.',
        it: 'Se sospetti che qualcun altro abbia usato l’account, cambia la password.',
      },
      {
        en: 'If the reply mentions spam from your IP range, try from another network and contact Microsoft support.',
        it: 'Se la risposta parla di spam dal tuo intervallo di IP, prova da un’altra rete e contatta il supporto Microsoft.',
      },
      {
        en: 'For a Microsoft 365 work or school account (“bad outbound sender”, “tenant has exceeded threshold”), only an administrator can lift the block: in Microsoft Defender, under Restricted entities, after checking the account was not taken over.',
        it: 'Per un account Microsoft 365 di lavoro o della scuola («bad outbound sender», «tenant has exceeded threshold») solo un amministratore può togliere il blocco: in Microsoft Defender, alla voce Entità con restrizioni, dopo aver verificato che l’account non sia stato violato.',
      },
    ],
    guide: { guideId: OUTLOOK, stepId: 'verify-account' },
  },
  {
    id: 'send.rejected',
    step: 'send',
    title: {
      en: 'The server’s filter refused the test message',
      it: 'Il filtro del server ha rifiutato il messaggio di prova',
    },
    explanation: {
      en: '{host} refused the test message because of its own rules (usually an anti-spam filter): «{replyText}». The connection and your settings work up to this point.',
      it: '{host} ha rifiutato il messaggio di prova per le sue regole (di solito un filtro antispam): «{replyText}». La connessione e le impostazioni funzionano fino a questo punto.',
    },
    advice: [
      {
        en: 'Send the test to your own address: a provider filters mail to its own users less strictly.',
        it: 'Invia il test al tuo stesso indirizzo: verso i propri utenti il provider filtra in modo meno severo.',
      },
      {
        en: 'If the reply mentions your IP address, try from another network.',
        it: 'Se la risposta cita il tuo indirizzo IP, prova da un’altra rete.',
      },
      {
        en: 'If it keeps happening, send the report to your provider: only they can tell why the filter refused it.',
        it: 'Se continua a succedere, invia il report al tuo provider: solo lui può dire perché il filtro lo ha rifiutato.',
      },
    ],
  },
  {
    id: 'send.auth-required',
    step: 'send',
    title: {
      en: 'The server wants a login before sending',
      it: 'Il server chiede l’accesso prima dell’invio',
    },
    explanation: {
      en: '{host} refused to take the message because this connection has not logged in. Programs that send mail must log in with the user name and password (or the provider’s sign-in) of the mailbox.',
      it: '{host} ha rifiutato il messaggio perché questa connessione non ha eseguito l’accesso. I programmi che inviano posta devono accedere con il nome utente e la password della casella (o con l’accesso del provider).',
    },
    advice: [
      {
        en: 'Turn on “authentication required” in the program and enter the mailbox’s user name and password.',
        it: 'Attiva «autenticazione richiesta» nel programma e inserisci nome utente e password della casella.',
      },
      {
        audience: 'microsoft',
        en: 'For Outlook.com choose “Sign in with Microsoft”: passwords are refused. For Microsoft 365 it is the login that keeps working after Basic authentication is switched off.',
        it: 'Per Outlook.com scegli «Accedi con Microsoft»: le password vengono rifiutate. Per Microsoft 365 è l’accesso che continua a funzionare anche dopo la disattivazione dell’autenticazione di base.',
      },
      {
        audience: 'other',
        en: 'Use the submission port (587 with STARTTLS or 465 with SSL/TLS): port 25 is for servers, not for programs.',
        it: 'Usa la porta di invio (587 con STARTTLS o 465 con SSL/TLS): la porta 25 è per i server, non per i programmi.',
      },
    ],
    guide: { guideId: OUTLOOK, stepId: 'modern-auth', audience: 'microsoft' },
  },
  {
    id: 'send.relay-denied',
    step: 'send',
    title: {
      en: 'The server does not forward mail for you (relay denied)',
      it: 'Il server non inoltra la posta per te (relay negato)',
    },
    explanation: {
      en: '{host} refused to deliver to an address outside its own domains: it forwards (“relays”) mail only for users who logged in, or for its own network. Almost always the program did not log in, or logged in to another provider’s server.',
      it: '{host} ha rifiutato di consegnare a un indirizzo fuori dai suoi domini: inoltra la posta («relay») solo per gli utenti che hanno eseguito l’accesso, o per la sua rete. Quasi sempre il programma non ha eseguito l’accesso, oppure ha fatto l’accesso al server di un altro provider.',
    },
    advice: [
      {
        en: 'Make sure the test logs in: fill in user name and password (authentication required).',
        it: 'Assicurati che il test esegua l’accesso: compila nome utente e password (autenticazione richiesta).',
      },
      {
        en: 'Use the outgoing server of the provider that hosts the sender address, not the one of your internet connection.',
        it: 'Usa il server in uscita del provider che gestisce l’indirizzo del mittente, non quello della tua connessione a Internet.',
      },
      {
        en: 'For a printer or an application sending without a login, ask the administrator to allow its IP address.',
        it: 'Per una stampante o un’applicazione che invia senza accesso, chiedi all’amministratore di autorizzare il suo indirizzo IP.',
      },
    ],
  },
  {
    id: 'send.quota-exceeded',
    step: 'send',
    title: {
      en: 'Sending limit reached',
      it: 'Limite di invio raggiunto',
    },
    explanation: {
      en: '{host} refused the message because this account or connection has sent too much in too short a time (a daily or hourly limit, or too many connections at once). The settings are right: the limit resets by itself.',
      it: '{host} ha rifiutato il messaggio perché questo account o questa connessione ha inviato troppo in poco tempo (un limite giornaliero od orario, oppure troppe connessioni insieme). Le impostazioni sono giuste: il limite si azzera da solo.',
    },
    advice: [
      {
        en: 'Wait (up to 24 hours for a daily limit) and try again.',
        it: 'Aspetta (fino a 24 ore per un limite giornaliero) e riprova.',
      },
      {
        en: 'Check that no program, website or device is sending mail from this account without your knowledge: if so, change the password.',
        it: 'Verifica che nessun programma, sito o dispositivo invii posta da questo account a tua insaputa: se succede, cambia la password.',
      },
      {
        audience: 'microsoft',
        en: 'Microsoft 365 allows 10,000 recipients a day and 30 messages a minute per mailbox. High Volume Email (smtp-hve.office365.com) is no way around it for outside addresses: it only delivers to recipients inside your organization.',
        it: 'Microsoft 365 consente 10.000 destinatari al giorno e 30 messaggi al minuto per casella. High Volume Email (smtp-hve.office365.com) non è una scorciatoia per gli indirizzi esterni: consegna solo ai destinatari interni all’organizzazione.',
      },
      {
        audience: 'other',
        en: 'For regular bulk mail (newsletters), use a service made for it rather than your mailbox.',
        it: 'Per invii massivi regolari (newsletter) usa un servizio fatto apposta, non la tua casella.',
      },
    ],
  },
  {
    id: 'send.ip-blocked',
    step: 'send',
    title: {
      en: 'Your network’s address is blocked',
      it: 'L’indirizzo della tua rete è bloccato',
    },
    explanation: {
      en: '{host} refused mail from this connection because of the IP address it comes from: the address is on a blocklist (for example Spamhaus), has no proper name (reverse DNS), or the provider blocked it for spam. The account and the settings are not the cause.',
      it: '{host} ha rifiutato la posta da questa connessione per l’indirizzo IP da cui arriva: l’indirizzo è in una blocklist (per esempio Spamhaus), non ha un nome valido (DNS inverso), oppure il provider lo ha bloccato per spam. La causa non sono l’account né le impostazioni.',
    },
    advice: [
      {
        en: 'Try from another network (for example your phone’s hotspot): if it works there, the block is on this network’s address.',
        it: 'Prova da un’altra rete (per esempio l’hotspot del telefono): se lì funziona, il blocco riguarda l’indirizzo di questa rete.',
      },
      {
        en: 'Make sure you use the submission port with a login (587 or 465), not port 25: many blocklists refuse home connections only on port 25.',
        it: 'Assicurati di usare la porta di invio con accesso (587 o 465), non la 25: molte blocklist rifiutano le connessioni domestiche solo sulla porta 25.',
      },
      {
        audience: 'microsoft',
        en: 'For Microsoft’s “banned sending IP” (5.7.606–5.7.649), the owner of the address can ask for removal at https://sender.office.com',
        it: 'Per il blocco Microsoft «banned sending IP» (5.7.606–5.7.649), chi gestisce l’indirizzo può chiederne la rimozione su https://sender.office.com',
      },
      {
        en: 'Tell your internet provider or network administrator, with the reply below: they can ask for the address to be removed from the list.',
        it: 'Avvisa il tuo provider Internet o l’amministratore della rete, con la risposta qui sotto: possono chiedere che l’indirizzo venga tolto dalla lista.',
      },
    ],
  },
  {
    id: 'send.too-large',
    step: 'send',
    title: { en: 'The message is too large', it: 'Il messaggio è troppo grande' },
    explanation: {
      en: '{host} refused the message because it is larger than it accepts. Attachments grow by about a third when sent, so a 20 MB file becomes about 27 MB.',
      it: '{host} ha rifiutato il messaggio perché è più grande di quanto accetti. Gli allegati crescono di circa un terzo quando vengono inviati, quindi un file da 20 MB diventa di circa 27 MB.',
    },
    advice: [
      {
        en: 'Send large files as a link (cloud storage) instead of an attachment.',
        it: 'Invia i file grandi come link (archivio cloud) invece che come allegato.',
      },
      {
        audience: 'microsoft',
        en: 'Outlook.com accepts about 20 MB per message; Microsoft 365 35 MB unless the administrator changed it.',
        it: 'Outlook.com accetta circa 20 MB per messaggio; Microsoft 365 35 MB, salvo modifiche dell’amministratore.',
      },
      {
        audience: 'other',
        en: 'Common limits: 25 MB at Gmail, often 10–50 MB on hosting servers; the provider’s help pages give the exact one.',
        it: 'Limiti comuni: 25 MB su Gmail, spesso 10–50 MB sui server di hosting; le pagine di aiuto del provider indicano quello esatto.',
      },
    ],
  },
  {
    id: 'send.too-many-recipients',
    step: 'send',
    title: { en: 'Too many recipients', it: 'Troppi destinatari' },
    explanation: {
      en: '{host} refused further recipients: a single message may have only so many, or this account has reached its recipient limit for now.',
      it: '{host} ha rifiutato altri destinatari: un singolo messaggio ne può avere solo un certo numero, oppure questo account per ora ha raggiunto il suo limite di destinatari.',
    },
    advice: [
      {
        en: 'Split the recipients over several messages.',
        it: 'Dividi i destinatari su più messaggi.',
      },
      {
        en: 'If even one recipient is refused, wait a while: the limit is per hour or per day.',
        it: 'Se viene rifiutato anche un solo destinatario, aspetta un po’: il limite è orario o giornaliero.',
      },
    ],
  },
  {
    id: 'send.recipient-unknown',
    step: 'send',
    title: { en: 'The recipient address does not exist', it: 'L’indirizzo del destinatario non esiste' },
    explanation: {
      en: '{host} answered that there is no mailbox for the recipient address of the test message. Your settings work: the server accepted you as a sender.',
      it: '{host} ha risposto che non esiste una casella per l’indirizzo del destinatario del messaggio di prova. Le impostazioni funzionano: il server ti ha accettato come mittente.',
    },
    advice: [
      {
        en: 'Check the recipient address letter by letter.',
        it: 'Controlla l’indirizzo del destinatario lettera per lettera.',
      },
      {
        en: 'Send the test message to yourself instead.',
        it: 'Invia invece il messaggio di prova a te stesso.',
      },
    ],
  },
  {
    id: 'send.mailbox-full',
    step: 'send',
    title: { en: 'The recipient’s mailbox is full', it: 'La casella del destinatario è piena' },
    explanation: {
      en: '{host} answered that the recipient’s mailbox has no room left. Your settings work: the problem is on the recipient’s side.',
      it: '{host} ha risposto che la casella del destinatario non ha più spazio. Le impostazioni funzionano: il problema è dalla parte del destinatario.',
    },
    advice: [
      {
        en: 'Send the test message to another address (for example your own).',
        it: 'Invia il messaggio di prova a un altro indirizzo (per esempio il tuo).',
      },
      {
        en: 'If the full mailbox is yours, delete old messages or empty the trash, then try again.',
        it: 'Se la casella piena è la tua, elimina i messaggi vecchi o svuota il cestino, poi riprova.',
      },
    ],
  },
  {
    id: 'send.helo-rejected',
    step: 'send',
    title: {
      en: 'The server refused the name this computer introduced itself with',
      it: 'Il server ha rifiutato il nome con cui si è presentato questo computer',
    },
    explanation: {
      en: '{host} refused the name this computer gave when it greeted the server (EHLO): «{replyText}». Mail programs send the computer’s own name, and a strict server wants a full domain name there. The account and the password are not the cause.',
      it: '{host} ha rifiutato il nome che questo computer ha dato salutando il server (EHLO): «{replyText}». I programmi di posta inviano il nome del computer, e un server severo vuole lì un nome di dominio completo. La causa non sono l’account né la password.',
    },
    advice: [
      {
        en: 'Use the submission port with a login (587 with STARTTLS or 465 with SSL/TLS): most servers check this name only for mail that arrives without a login.',
        it: 'Usa la porta di invio con accesso (587 con STARTTLS o 465 con SSL/TLS): la maggior parte dei server controlla questo nome solo per la posta che arriva senza accesso.',
      },
      {
        en: 'If the program lets you set the name it uses in EHLO (sometimes called “local host name” or “domain”), enter a full domain name, for example your own domain.',
        it: 'Se il programma permette di impostare il nome usato in EHLO (a volte chiamato «nome host locale» o «dominio»), inserisci un nome di dominio completo, per esempio il tuo dominio.',
      },
      {
        en: 'If it keeps happening, ask the provider whether this port is meant for mail programs.',
        it: 'Se continua a succedere, chiedi al provider se questa porta è pensata per i programmi di posta.',
      },
    ],
  },
];
