/**
 * What can go wrong while talking to a mail server, in plain words, with ordered advice.
 * Knowledge as data: the engine's classifier (src/engine/probe/classify.ts) maps errors and
 * server replies to these ids; docs/diagnoses.md is generated from this table.
 * Texts may use the parameters listed in DIAGNOSIS_PARAMS ({host}, {port}, {user}, {mechanisms}, {step}…).
 *
 * Who reads what: entries that only Microsoft's replies (or Microsoft sign-in) lead to speak of
 * Microsoft throughout. Every other entry fires for any server, so its title and explanation stay
 * neutral, and Outlook.com specifics (advice and guide links) carry `audience: 'microsoft'`, with an
 * `audience: 'other'` line where a Postfix or Gmail user would otherwise miss the advice.
 */
import type { DiagnosisEntry } from './types';

const OUTLOOK = 'outlook';
/** Connection problems: for Microsoft's hosts, the Outlook.com server settings fix them. */
const OUTLOOK_SERVER_SETTINGS = {
  guideId: OUTLOOK,
  stepId: 'server-settings',
  audience: 'microsoft',
} as const;

export const SMTP_DIAGNOSES: DiagnosisEntry[] = [
  // ---------------------------------------------------------------- DNS
  {
    id: 'dns.not-found',
    step: 'dns',
    title: { en: 'The server name does not exist', it: 'Il nome del server non esiste' },
    explanation: {
      en: 'The name {host} cannot be found in the DNS. Usually it is a typo in the server name; less often the internet connection is not working.',
      it: 'Il nome {host} non risulta nel DNS. Quasi sempre è un errore di battitura nel nome del server; più di rado è la connessione a Internet che non funziona.',
    },
    advice: [
      {
        audience: 'microsoft',
        en: 'Check the server name letter by letter: for Outlook.com and Hotmail it is smtp-mail.outlook.com.',
        it: 'Controlla il nome del server lettera per lettera: per Outlook.com e Hotmail è smtp-mail.outlook.com.',
      },
      {
        audience: 'other',
        en: 'Check the server name letter by letter against the one your provider or administrator gives (it often starts with smtp. or mail.).',
        it: 'Controlla il nome del server lettera per lettera, confrontandolo con quello indicato dal provider o dall’amministratore (spesso inizia con smtp. o mail.).',
      },
      {
        en: 'Open a website to make sure the internet connection works.',
        it: 'Apri un sito web per verificare che la connessione a Internet funzioni.',
      },
      {
        en: 'On a company network or a VPN, ask whoever manages it whether outside names are blocked.',
        it: 'Se sei su una rete aziendale o in VPN, chiedi a chi la gestisce se i nomi esterni sono bloccati.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'dns.timeout',
    step: 'dns',
    title: { en: 'The name lookup got no answer', it: 'La ricerca del nome non ha avuto risposta' },
    explanation: {
      en: 'Looking up {host} took too long: the DNS server of this network is not answering, or the connection is down.',
      it: 'La ricerca di {host} ha impiegato troppo: il server DNS di questa rete non risponde, oppure la connessione è assente.',
    },
    advice: [
      {
        en: 'Check that the internet connection works, then try again.',
        it: 'Verifica che la connessione a Internet funzioni, poi riprova.',
      },
      {
        en: 'Restart the router, or try from another network (for example your phone’s hotspot).',
        it: 'Riavvia il router, oppure prova da un’altra rete (per esempio l’hotspot del telefono).',
      },
      {
        en: 'If you use a VPN, disconnect it and try again.',
        it: 'Se usi una VPN, scollegala e riprova.',
      },
    ],
  },
  // ---------------------------------------------------------------- network
  {
    id: 'net.refused',
    step: 'tcp',
    title: { en: 'The server refused the connection', it: 'Il server ha rifiutato la connessione' },
    explanation: {
      en: '{host} answered, but nothing accepts connections on port {port}. Usually the port number is wrong, or a firewall actively refuses it.',
      it: '{host} ha risposto, ma sulla porta {port} nessun servizio accetta connessioni. Di solito il numero di porta è sbagliato, oppure un firewall la rifiuta.',
    },
    advice: [
      {
        audience: 'microsoft',
        en: 'Check the port: for Outlook.com and Hotmail it is 587 (with STARTTLS).',
        it: 'Controlla la porta: per Outlook.com e Hotmail è la 587 (con STARTTLS).',
      },
      {
        audience: 'other',
        en: 'Check the port: mail programs send on 587 (STARTTLS) or 465 (SSL/TLS); your provider’s instructions say which.',
        it: 'Controlla la porta: i programmi di posta inviano sulla 587 (STARTTLS) o sulla 465 (SSL/TLS); le istruzioni del provider indicano quale.',
      },
      {
        en: 'Check that a firewall or antivirus on this computer is not blocking mail connections.',
        it: 'Verifica che un firewall o l’antivirus di questo computer non blocchi le connessioni di posta.',
      },
      {
        en: 'If the settings are right, the server may be down: try again later.',
        it: 'Se le impostazioni sono giuste, il server potrebbe essere fermo: riprova più tardi.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'net.timeout',
    step: 'tcp',
    title: { en: 'The server does not answer', it: 'Il server non risponde' },
    explanation: {
      en: 'The connection to {host} on port {port} got no answer in time. Most often a firewall (on this computer, on this network or at your internet provider) silently drops the traffic on that port; sometimes the server is down.',
      it: 'La connessione a {host} sulla porta {port} non ha avuto risposta in tempo. Il caso più comune è un firewall (sul computer, sulla rete o del provider Internet) che scarta in silenzio il traffico su quella porta; a volte il server è fermo.',
    },
    advice: [
      {
        en: 'Check the port: 587 for STARTTLS, 465 for SSL/TLS. Many providers block port 25.',
        it: 'Controlla la porta: 587 per STARTTLS, 465 per SSL/TLS. Molti provider bloccano la porta 25.',
      },
      {
        en: 'Try from another network (for example your phone’s hotspot): if it works there, this network blocks the port.',
        it: 'Prova da un’altra rete (per esempio l’hotspot del telefono): se lì funziona, è questa rete a bloccare la porta.',
      },
      {
        en: 'Check the firewall and antivirus on this computer.',
        it: 'Controlla il firewall e l’antivirus di questo computer.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'net.unreachable',
    step: 'tcp',
    title: { en: 'The server cannot be reached', it: 'Il server non è raggiungibile' },
    explanation: {
      en: 'This computer has no route to {host}: the network is down, or the server’s address cannot be reached from here (for example an IPv6 address on a network without IPv6).',
      it: 'Questo computer non ha una strada per arrivare a {host}: la rete è assente, oppure l’indirizzo del server non è raggiungibile da qui (per esempio un indirizzo IPv6 su una rete senza IPv6).',
    },
    advice: [
      {
        en: 'Check that the computer is connected to the internet.',
        it: 'Verifica che il computer sia collegato a Internet.',
      },
      {
        en: 'If you use a VPN or a proxy, disconnect it and try again.',
        it: 'Se usi una VPN o un proxy, scollegalo e riprova.',
      },
      { en: 'Try from another network.', it: 'Prova da un’altra rete.' },
    ],
  },
  {
    id: 'net.closed',
    step: 'tcp',
    title: { en: 'The server closed the connection', it: 'Il server ha chiuso la connessione' },
    explanation: {
      en: '{host} closed the connection on port {port} before the test was over. It can be a busy server, a firewall or antivirus that cuts mail traffic, or a security setting that does not match the port.',
      it: '{host} ha chiuso la connessione sulla porta {port} prima della fine del test. Può dipendere da un server sovraccarico, da un firewall o un antivirus che interrompe il traffico di posta, o da un’impostazione di sicurezza che non corrisponde alla porta.',
    },
    advice: [
      {
        en: 'Check that the security matches the port: STARTTLS on 587, SSL/TLS on 465.',
        it: 'Verifica che la sicurezza corrisponda alla porta: STARTTLS sulla 587, SSL/TLS sulla 465.',
      },
      {
        en: 'Temporarily turn off the antivirus mail scanning and try again.',
        it: 'Disattiva per un momento la scansione della posta dell’antivirus e riprova.',
      },
      { en: 'Try again in a few minutes.', it: 'Riprova tra qualche minuto.' },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  // ---------------------------------------------------------------- SMTP conversation
  {
    id: 'smtp.no-greeting',
    step: 'greeting',
    title: { en: 'The server does not say hello', it: 'Il server non manda il saluto' },
    explanation: {
      en: 'The connection to {host}:{port} opened, but the server never sent its welcome message (the “220” greeting) in time. The port may expect encryption from the very first byte (SSL/TLS), or something in between is holding the connection.',
      it: 'La connessione a {host}:{port} si è aperta, ma il server non ha mai mandato il messaggio di benvenuto (il saluto “220”) in tempo. La porta potrebbe richiedere la crittografia fin dal primo byte (SSL/TLS), oppure qualcosa nel mezzo trattiene la connessione.',
    },
    advice: [
      {
        en: 'Check the security: STARTTLS on 587, SSL/TLS on 465. If unsure, choose Automatic.',
        it: 'Controlla la sicurezza: STARTTLS sulla 587, SSL/TLS sulla 465. Nel dubbio scegli Automatica.',
      },
      {
        en: 'Check the port number and the server name.',
        it: 'Controlla il numero di porta e il nome del server.',
      },
      {
        en: 'Temporarily turn off the antivirus mail scanning and try again.',
        it: 'Disattiva per un momento la scansione della posta dell’antivirus e riprova.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'smtp.rejected',
    step: 'greeting',
    title: { en: 'The server turned the connection away', it: 'Il server ha respinto la connessione' },
    explanation: {
      en: '{host} answered with a refusal instead of a welcome: right now it does not accept mail from this connection (for example because of this network’s address, or because it is overloaded). Its exact reply is shown below.',
      it: '{host} ha risposto con un rifiuto invece del benvenuto: in questo momento non accetta posta da questa connessione (per esempio per l’indirizzo di questa rete, o perché è sovraccarico). La risposta esatta è riportata qui sotto.',
    },
    advice: [
      {
        en: 'Read the server’s reply: it often says the reason (for example a blocklist).',
        it: 'Leggi la risposta del server: spesso indica il motivo (per esempio una blocklist).',
      },
      {
        en: 'Try from another network, then try again later.',
        it: 'Prova da un’altra rete, poi riprova più tardi.',
      },
      {
        en: 'If it keeps happening, send the report to your mail provider.',
        it: 'Se continua a succedere, invia il report al tuo provider di posta.',
      },
    ],
  },
  {
    id: 'smtp.not-smtp',
    step: 'greeting',
    title: { en: 'This is not a mail server', it: 'Questo non è un server di posta' },
    explanation: {
      en: 'Something answers on {host}:{port}, but not like a mail server: the reply is not valid SMTP, or it is absurdly long. The port probably belongs to another service, or a proxy sits in between.',
      it: 'Su {host}:{port} risponde qualcosa, ma non come un server di posta: la risposta non è SMTP valido, oppure è smisuratamente lunga. Probabilmente la porta appartiene a un altro servizio, o c’è un proxy nel mezzo.',
    },
    advice: [
      {
        en: 'Check the port: mail submission uses 587 (STARTTLS) or 465 (SSL/TLS).',
        it: 'Controlla la porta: l’invio della posta usa la 587 (STARTTLS) o la 465 (SSL/TLS).',
      },
      { en: 'Check the server name.', it: 'Controlla il nome del server.' },
      {
        en: 'If you use a proxy or an antivirus that filters mail, try without it.',
        it: 'Se usi un proxy o un antivirus che filtra la posta, prova senza.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'smtp.timeout',
    step: 'ehlo',
    title: { en: 'The server stopped answering', it: 'Il server ha smesso di rispondere' },
    explanation: {
      en: '{host} started the conversation, then did not answer in time during the {step} step. The server may be overloaded, or something in between (antivirus, firewall) is slowing the connection down.',
      it: '{host} ha iniziato la conversazione, ma poi non ha risposto in tempo durante il passaggio «{step}». Il server potrebbe essere sovraccarico, oppure qualcosa nel mezzo (antivirus, firewall) rallenta la connessione.',
    },
    advice: [
      { en: 'Try again in a few minutes.', it: 'Riprova tra qualche minuto.' },
      {
        en: 'Temporarily turn off the antivirus mail scanning and try again.',
        it: 'Disattiva per un momento la scansione della posta dell’antivirus e riprova.',
      },
      { en: 'Try from another network.', it: 'Prova da un’altra rete.' },
    ],
  },
  // ---------------------------------------------------------------- TLS
  {
    id: 'tls.mode-mismatch',
    step: 'tls',
    title: {
      en: 'The security setting does not match the port',
      it: 'La sicurezza scelta non corrisponde alla porta',
    },
    explanation: {
      en: 'Port {port} of {host} uses another kind of encryption than the one chosen. There are two: STARTTLS (the connection starts unencrypted and is secured right away, port 587) and SSL/TLS, also called implicit TLS (encrypted from the first byte, port 465). Careful: some settings pages call port 587 “SSL/TLS” too, but on 587 the right choice is STARTTLS.',
      it: 'Sulla porta {port} di {host} si usa una crittografia diversa da quella scelta. I tipi sono due: STARTTLS (la connessione parte in chiaro e viene protetta subito dopo, porta 587) e SSL/TLS, detto anche TLS implicito (cifrata fin dal primo byte, porta 465). Attenzione: alcune pagine di istruzioni indicano anche la porta 587 come “SSL/TLS”, ma sulla 587 la scelta giusta è STARTTLS.',
    },
    advice: [
      {
        en: 'On port 587 choose STARTTLS; on port 465 choose SSL/TLS.',
        it: 'Sulla porta 587 scegli STARTTLS; sulla porta 465 scegli SSL/TLS.',
      },
      {
        en: 'If unsure, choose Automatic: Mailcheck picks the mode that fits the port.',
        it: 'Nel dubbio scegli Automatica: Mailcheck sceglie la modalità adatta alla porta.',
      },
      {
        audience: 'microsoft',
        en: 'For Outlook.com and Hotmail: smtp-mail.outlook.com, port 587, STARTTLS (Microsoft’s own settings page labels 587 “SSL/TLS”, but it is STARTTLS).',
        it: 'Per Outlook.com e Hotmail: smtp-mail.outlook.com, porta 587, STARTTLS (la pagina delle impostazioni di Microsoft indica la 587 come “SSL/TLS”, ma è STARTTLS).',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'tls.starttls-unavailable',
    step: 'tls',
    title: {
      en: 'The server does not offer encryption (STARTTLS)',
      it: 'Il server non offre la crittografia (STARTTLS)',
    },
    explanation: {
      en: '{host} did not offer STARTTLS on port {port}, and STARTTLS was required. The port may be meant for SSL/TLS (465), or a firewall or antivirus removed STARTTLS from the server’s reply: that is also how a known attack looks, so Mailcheck stops here and sends no password.',
      it: '{host} non ha offerto STARTTLS sulla porta {port}, che invece era richiesto. La porta potrebbe essere pensata per SSL/TLS (465), oppure un firewall o un antivirus ha tolto STARTTLS dalla risposta del server: è anche l’aspetto di un attacco noto, perciò Mailcheck si ferma qui e non invia la password.',
    },
    advice: [
      {
        en: 'Check the port: STARTTLS is normally on 587. On 465, choose SSL/TLS.',
        it: 'Controlla la porta: STARTTLS di solito è sulla 587. Sulla 465 scegli SSL/TLS.',
      },
      {
        audience: 'microsoft',
        en: 'Outlook.com always offers STARTTLS on 587: if it is missing, check the antivirus mail scanning and the firewall.',
        it: 'Outlook.com offre sempre STARTTLS sulla 587: se manca, controlla la scansione della posta dell’antivirus e il firewall.',
      },
      {
        audience: 'other',
        en: 'If your provider says this port offers STARTTLS, check the antivirus mail scanning and the firewall: one of them may be removing it.',
        it: 'Se il provider indica che questa porta offre STARTTLS, controlla la scansione della posta dell’antivirus e il firewall: uno dei due potrebbe toglierlo.',
      },
      {
        en: 'Do not turn encryption off to get around it.',
        it: 'Non disattivare la crittografia per aggirare il problema.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'tls.untrusted',
    step: 'tls',
    title: {
      en: 'The server’s certificate is not trusted',
      it: 'Il certificato del server non è attendibile',
    },
    explanation: {
      en: 'The connection to {host} is encrypted with a certificate this computer does not trust (self-signed, or issued by an unknown authority). Very often it is an antivirus “mail shield” or a company proxy that intercepts encrypted connections; it could also be someone eavesdropping. Mailcheck stops here and sends no password.',
      it: 'La connessione con {host} è cifrata con un certificato di cui questo computer non si fida (autofirmato, o emesso da un’autorità sconosciuta). Molto spesso è lo “scudo posta” di un antivirus o un proxy aziendale che intercetta le connessioni cifrate; potrebbe anche essere qualcuno che spia il traffico. Mailcheck si ferma qui e non invia la password.',
    },
    advice: [
      {
        en: 'If your antivirus protects email (Avast, AVG, ESET, Kaspersky, Bitdefender…), turn off its scanning of encrypted connections (SSL/TLS scanning) and try again.',
        it: 'Se l’antivirus protegge la posta (Avast, AVG, ESET, Kaspersky, Bitdefender…), disattiva la scansione delle connessioni cifrate (scansione SSL/TLS) e riprova.',
      },
      {
        en: 'On a company network, ask IT whether connections are inspected; if so, trust their certificate authority as a custom CA.',
        it: 'Su una rete aziendale, chiedi all’IT se le connessioni vengono ispezionate; in quel caso aggiungi la loro autorità di certificazione come CA personalizzata.',
      },
      {
        en: 'For a private server, compare the fingerprint in the details with the one the administrator gives you before trusting it.',
        it: 'Per un server privato, confronta l’impronta nei dettagli con quella che ti dà l’amministratore prima di fidarti.',
      },
    ],
  },
  {
    id: 'tls.hostname-mismatch',
    step: 'tls',
    title: {
      en: 'The certificate belongs to another name',
      it: 'Il certificato è intestato a un altro nome',
    },
    explanation: {
      en: '{host} presented a certificate issued for other names (listed in the details). Either the server name is not the one your provider gives, or the connection is being intercepted. Mailcheck stops here and sends no password.',
      it: '{host} ha presentato un certificato intestato ad altri nomi (elencati nei dettagli). O il nome del server non è quello indicato dal provider, o la connessione viene intercettata. Mailcheck si ferma qui e non invia la password.',
    },
    advice: [
      {
        audience: 'microsoft',
        en: 'Use exactly the server name your provider gives: for Outlook.com and Hotmail, smtp-mail.outlook.com (not an IP address or an alias).',
        it: 'Usa esattamente il nome del server indicato dal provider: per Outlook.com e Hotmail smtp-mail.outlook.com (non un indirizzo IP o un alias).',
      },
      {
        audience: 'other',
        en: 'Use exactly the server name your provider gives (not an IP address or an alias).',
        it: 'Usa esattamente il nome del server indicato dal provider (non un indirizzo IP o un alias).',
      },
      {
        en: 'For a private server, ask the administrator to include this name in the certificate.',
        it: 'Per un server privato, chiedi all’amministratore di includere questo nome nel certificato.',
      },
      {
        en: 'If the name is right, check the antivirus mail scanning: it may be intercepting the connection.',
        it: 'Se il nome è giusto, controlla la scansione della posta dell’antivirus: potrebbe intercettare la connessione.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'tls.expired',
    step: 'tls',
    title: {
      en: 'The server’s certificate has expired (or is not valid yet)',
      it: 'Il certificato del server è scaduto (o non è ancora valido)',
    },
    explanation: {
      en: 'The certificate of {host} is outside its validity dates (shown in the details). Check this computer’s date and time first: a wrong clock makes valid certificates look expired. Mailcheck stops here and sends no password.',
      it: 'Il certificato di {host} è fuori dalle date di validità (riportate nei dettagli). Controlla prima la data e l’ora di questo computer: un orologio sbagliato fa sembrare scaduti anche i certificati validi. Mailcheck si ferma qui e non invia la password.',
    },
    advice: [
      {
        en: 'Check that this computer’s date, time and time zone are right.',
        it: 'Verifica che data, ora e fuso orario di questo computer siano corretti.',
      },
      {
        en: 'If they are, the provider has to renew the certificate: send them the report.',
        it: 'Se lo sono, è il provider che deve rinnovare il certificato: inviagli il report.',
      },
    ],
  },
  {
    id: 'tls.handshake-failed',
    step: 'tls',
    title: { en: 'Encryption could not be set up', it: 'Non è stato possibile attivare la crittografia' },
    explanation: {
      en: 'Setting up the encrypted connection with {host} failed: the server and this computer could not agree on how to encrypt, or the connection was cut halfway.',
      it: 'L’attivazione della connessione cifrata con {host} non è riuscita: il server e questo computer non si sono accordati su come cifrare, oppure la connessione si è interrotta a metà.',
    },
    advice: [
      {
        en: 'Check that the security matches the port: STARTTLS on 587, SSL/TLS on 465.',
        it: 'Verifica che la sicurezza corrisponda alla porta: STARTTLS sulla 587, SSL/TLS sulla 465.',
      },
      {
        en: 'Temporarily turn off the antivirus mail scanning and try again.',
        it: 'Disattiva per un momento la scansione della posta dell’antivirus e riprova.',
      },
      {
        en: 'A very old server may only speak outdated encryption: send the report to its administrator.',
        it: 'Un server molto vecchio potrebbe usare solo una crittografia superata: invia il report al suo amministratore.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
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
        it: 'Non scegliere “Nessuna” come sicurezza: molti server offrono l’accesso solo su connessione cifrata.',
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
      it: 'Il server chiede la crittografia prima dell’accesso',
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
        it: 'Se hai già scelto STARTTLS e compare lo stesso, un antivirus o un firewall potrebbe togliere la crittografia: controlla la scansione della posta.',
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
        it: 'Se il server non offre alcuna crittografia, chiedi al provider le impostazioni sicure.',
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
        en: 'With two-step verification on, mail programs need an app password instead of your normal one.',
        it: 'Con la verifica in due passaggi attiva, i programmi di posta vogliono una password per le app al posto di quella normale.',
      },
      {
        audience: 'microsoft',
        en: 'Personal Outlook.com and Hotmail accounts may refuse passwords altogether: choose “Sign in with Microsoft”.',
        it: 'Gli account personali Outlook.com e Hotmail possono rifiutare del tutto le password: scegli «Accedi con Microsoft».',
      },
      {
        audience: 'other',
        en: 'If the account uses two-step verification, the provider may want an app password for mail programs instead of the normal one.',
        it: 'Se l’account usa la verifica in due passaggi, il provider può richiedere per i programmi di posta una password per le app al posto di quella normale.',
      },
      {
        audience: 'other',
        en: 'If the same password works on the provider’s website, ask the provider or the server’s administrator whether this account may log in to send mail (SMTP authentication).',
        it: 'Se la stessa password funziona sul sito del provider, chiedi al provider o all’amministratore del server se questo account può accedere per inviare posta (autenticazione SMTP).',
      },
    ],
    guide: { guideId: OUTLOOK, stepId: 'app-password', audience: 'microsoft' },
  },
  {
    id: 'auth.basic-disabled',
    step: 'auth',
    title: {
      en: 'Microsoft no longer accepts a password here',
      it: 'Microsoft non accetta più la password per questo accesso',
    },
    explanation: {
      en: 'Microsoft answered that basic authentication is disabled: for this account, logging in with a password (or an app password) from a mail program is no longer allowed. Since September 2024 personal Outlook.com and Hotmail accounts require Modern Authentication (OAuth2) for other apps, and Microsoft 365 turns password login for SMTP off by default at the end of December 2026. Your password is probably right: it is the way of logging in that is refused.',
      it: 'Microsoft ha risposto che l’autenticazione di base è disattivata: per questo account non è più consentito accedere con la password (o con una password per le app) da un programma di posta. Da settembre 2024 gli account personali Outlook.com e Hotmail richiedono l’autenticazione moderna (OAuth2) per le altre app, e Microsoft 365 disattiva per impostazione predefinita l’accesso SMTP con password alla fine di dicembre 2026. Probabilmente la password è giusta: è il modo di accedere a essere rifiutato.',
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
      it: '{host} ha rifiutato l’indirizzo del mittente: {user} non è autorizzato a inviare con quell’indirizzo. Molti server accettano come mittente solo l’indirizzo con cui hai fatto l’accesso, oppure uno per cui hai ricevuto il permesso “Invia come”.',
    },
    advice: [
      {
        en: 'Use as sender the same address you log in with.',
        it: 'Usa come mittente lo stesso indirizzo con cui accedi.',
      },
      {
        en: 'To send from another address, ask the administrator for “Send As” permission, or add it as an alias of your account.',
        it: 'Per inviare da un altro indirizzo, chiedi all’amministratore il permesso “Invia come”, oppure aggiungilo come alias del tuo account.',
      },
    ],
  },
  {
    id: 'send.recipient-rejected',
    step: 'send',
    title: { en: 'The recipient was refused', it: 'Il destinatario è stato rifiutato' },
    explanation: {
      en: '{host} refused the recipient address. It may be misspelled or not exist, or the server does not relay mail for you (often because the login did not happen).',
      it: '{host} ha rifiutato l’indirizzo del destinatario. Potrebbe essere scritto male o non esistere, oppure il server non inoltra la posta per te (spesso perché l’accesso non è avvenuto).',
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
    ],
    guide: { guideId: OUTLOOK, stepId: 'verify-account' },
  },
  {
    id: 'send.rejected',
    step: 'send',
    title: { en: 'The test message was refused', it: 'Il messaggio di prova è stato rifiutato' },
    explanation: {
      en: '{host} accepted the login but refused the test message. Its exact reply, shown below, says why.',
      it: '{host} ha accettato l’accesso ma ha rifiutato il messaggio di prova. La risposta esatta, qui sotto, ne spiega il motivo.',
    },
    advice: [
      {
        en: 'Read the server’s reply: it usually names the reason.',
        it: 'Leggi la risposta del server: di solito indica il motivo.',
      },
      {
        en: 'Check the sender and recipient addresses.',
        it: 'Controlla gli indirizzi del mittente e del destinatario.',
      },
      {
        en: 'If it keeps happening, send the report to your mail provider.',
        it: 'Se continua a succedere, invia il report al tuo provider di posta.',
      },
    ],
  },
  // ---------------------------------------------------------------- catch-all
  {
    id: 'unknown',
    step: 'greeting',
    title: { en: 'Unexpected problem', it: 'Problema imprevisto' },
    explanation: {
      en: 'The test stopped during the {step} step with an answer Mailcheck does not know yet. The exact reply is shown below: it often says what is wrong.',
      it: 'Il test si è fermato durante il passaggio «{step}» con una risposta che Mailcheck non conosce ancora. La risposta esatta è riportata qui sotto: spesso spiega il problema.',
    },
    advice: [
      {
        en: 'Read the server’s reply below.',
        it: 'Leggi la risposta del server qui sotto.',
      },
      { en: 'Try again in a few minutes.', it: 'Riprova tra qualche minuto.' },
      {
        en: 'Copy the report and send it to your provider’s support.',
        it: 'Copia il report e invialo all’assistenza del tuo provider.',
      },
    ],
  },
];
